import { describe, expect, it } from 'vitest';
import {
  parseExactTopicPartitions,
  parsePartitionList,
  parseTopicSelection,
  selectPartitions,
  splitTopicList,
} from '../../src/cli/topic-partitions.js';

describe('TOPIC[:PARTITIONS] (src/cli/topic-partitions.ts)', () => {
  it.each([
    ['orders', { topic: 'orders', regex: false }],
    ['orders:', { topic: 'orders', regex: false }],
    ['orders:2', { topic: 'orders', regex: false, partitions: [2] }],
    ['orders:2,0,2', { topic: 'orders', regex: false, partitions: [0, 2] }],
    ['orders:1-3', { topic: 'orders', regex: false, partitions: [1, 2, 3] }],
    ['orders:0,4-5', { topic: 'orders', regex: false, partitions: [0, 4, 5] }],
    ['orders:3-', { topic: 'orders', regex: false, partitions: [], from: 3 }],
    ['orders: 0 , 1', { topic: 'orders', regex: false, partitions: [0, 1] }],
    ['a.b_c-d:0', { topic: 'a.b_c-d', regex: false, partitions: [0] }],
    ['orders\\..*:0', { topic: 'orders\\..*', regex: true, partitions: [0] }],
  ])('%j', (text, expected) => expect(parseTopicSelection(text)).toEqual(expected));

  it.each([
    [':0', /no topic before the colon/],
    ['orders:x', /"x" is not a partition/],
    ['orders:3-1', /ends before it starts/],
    ['orders:-1', /"-1" is not a partition/],
    ['orders:0,,1', /"" is not a partition/],
    ['orders:99999999999', /no topic has partition/],
  ])('rejects %j', (text, message) => expect(() => parseTopicSelection(text)).toThrow(message));

  it('kafka-get-offsets.sh --topic-partitions: N-M excludes M', () =>
    expect(parseTopicSelection('t:0-2', { exclusiveUpper: true }).partitions).toEqual([0, 1]));

  it('the message names the flag', () =>
    expect(() => parseTopicSelection('t:x', { what: '--topic' })).toThrow(/^invalid --topic "t:x": "x" is not a partition$/));

  it.each([
    ['t', 3, [0, 1, 2]],
    ['t:0,5-', 7, [0, 5, 6]],
    ['t:1', 3, [1]],
    ['t:2-', 2, []],
  ])('selects %s of %d partitions', (text, count, expected) =>
    expect(selectPartitions(parseTopicSelection(text), count)).toEqual(expected),
  );
});

describe('partition lists (-p)', () => {
  it.each([
    ['0', { partitions: [0] }],
    ['0,2', { partitions: [0, 2] }],
    ['0-2', { partitions: [0, 1, 2] }],
    ['4-', { partitions: [], from: 4 }],
  ])('%j', (text, expected) => expect(parsePartitionList(text, '-p')).toEqual(expected));
  it('rejects names', () => expect(() => parsePartitionList('orders', '-p')).toThrow(/^invalid -p: "orders" is not a partition/));
});

describe('exact topic partitions (groups --topic, lag --topic)', () => {
  it.each([
    ['orders', { topic: 'orders' }],
    ['orders:3,1', { topic: 'orders', partitions: [1, 3] }],
    ['orders:0-2', { topic: 'orders', partitions: [0, 1, 2] }],
  ])('%j', (text, expected) => expect(parseExactTopicPartitions(text, '--topic')).toEqual(expected));
  it.each([
    ['orders.*', /a topic name, not a pattern/],
    ['orders:2-', /open range/],
    ['orders:x', /invalid --topic "orders:x"/],
  ])('rejects %j', (text, message) => expect(() => parseExactTopicPartitions(text, '--topic')).toThrow(message));
});

describe('comma-separated topic lists', () => {
  it.each([
    ['a,b', ['a', 'b']],
    ['a:0,1,b', ['a:0,1', 'b']],
    ['a:0,2-3,b:1,c', ['a:0,2-3', 'b:1', 'c']],
    [' a , b ', ['a', 'b']],
  ])('%j', (text, expected) => expect(splitTopicList(text)).toEqual(expected));
});
