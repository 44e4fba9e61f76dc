import { describe, expect, it } from 'vitest';
import { parseArgs } from '../helpers/parse-args.js';

const sel = (topic: string, extra: object = {}) => ({ topic, regex: false, ...extra });

describe('offsets and delete-records arguments -> options', () => {
  it.each([
    [
      ['offsets'],
      'offsets',
      { selections: [], time: 'latest', excludeInternal: false, isolation: 'read_uncommitted', getOffsetsSpelling: false },
    ],
    [
      ['offsets', 'orders:0-2', '--time', 'earliest'],
      'offsets',
      {
        selections: [sel('orders', { partitions: [0, 1, 2] })],
        time: 'earliest',
        excludeInternal: false,
        isolation: 'read_uncommitted',
        getOffsetsSpelling: false,
      },
    ],
    [
      ['offsets', 'a', 'b', '-p', '0,2', '--time', '-1'],
      'offsets',
      {
        selections: [sel('a', { partitions: [0, 2] }), sel('b', { partitions: [0, 2] })],
        time: 'latest',
        excludeInternal: false,
        isolation: 'read_uncommitted',
        getOffsetsSpelling: false,
      },
    ],
    [
      ['offsets', '--topic', 'orders', '--partitions', '0,1', '--time', '-2'],
      'offsets',
      {
        selections: [sel('orders', { partitions: [0, 1] })],
        time: 'earliest',
        excludeInternal: false,
        isolation: 'read_uncommitted',
        getOffsetsSpelling: true,
      },
    ],
    [
      ['offsets', '--topic-partitions', 't1:0-2,t2', '--exclude-internal-topics', '--isolation', 'read-committed'],
      'offsets',
      {
        selections: [sel('t1', { partitions: [0, 1] }), sel('t2')],
        time: 'latest',
        excludeInternal: true,
        isolation: 'read_committed',
        getOffsetsSpelling: true,
      },
    ],
    [
      ['offsets', 'orders', '--time', '1700000000000'],
      'offsets',
      {
        selections: [sel('orders')],
        time: { timestamp: 1700000000000 },
        excludeInternal: false,
        isolation: 'read_uncommitted',
        getOffsetsSpelling: false,
      },
    ],
    [
      ['offsets', 'orders', '--time', 'max-timestamp'],
      'offsets',
      {
        selections: [sel('orders')],
        time: 'max-timestamp',
        excludeInternal: false,
        isolation: 'read_uncommitted',
        getOffsetsSpelling: false,
      },
    ],
    [
      ['delete-records', 'orders:0', '--before', '1000', '--yes'],
      'delete-records',
      {
        selections: [sel('orders', { partitions: [0] })],
        before: { offset: 1000n },
        offsetJsonFile: undefined,
        yes: true,
        allowInternal: false,
      },
    ],
    [
      ['delete-records', 'orders', '--before', 'end', '-y'],
      'delete-records',
      { selections: [sel('orders')], before: 'end', offsetJsonFile: undefined, yes: true, allowInternal: false },
    ],
    [
      ['delete-records', 'orders', '--before', '@1700000000000'],
      'delete-records',
      { selections: [sel('orders')], before: { time: 1700000000000 }, offsetJsonFile: undefined, yes: false, allowInternal: false },
    ],
    [
      ['delete-records', '--offset-json-file', 'o.json', '--yes'],
      'delete-records',
      { selections: [], before: undefined, offsetJsonFile: 'o.json', yes: true, allowInternal: false },
    ],
    [
      ['delete-records', '__consumer_offsets:0', '--before', '1', '--allow-internal-topics'],
      'delete-records',
      {
        selections: [sel('__consumer_offsets', { partitions: [0] })],
        before: { offset: 1n },
        offsetJsonFile: undefined,
        yes: false,
        allowInternal: true,
      },
    ],
  ])('%j', async (argv, path, options) => {
    const r = await parseArgs(argv);
    expect(r.stderr).toBe('');
    expect(r.path).toBe(path);
    expect(r.options).toEqual(options);
  });

  it.each([
    [['offsets', '-p', '0'], /-p\/--partitions needs a TOPIC/],
    [['offsets', 'a:1', '-p', '0'], /give the partitions of a once/],
    [['offsets', 'a', '--isolation', 'dirty'], /--isolation must be read_uncommitted or read_committed/],
    [['delete-records', 't.*', '--before', '1'], /exact topic names, not patterns/],
    [['delete-records', 't', '--before', '1', '--offset-json-file', 'f'], /--offset-json-file names the partitions/],
    [['delete-records', '--before', '1'], /needs TOPIC\[:PARTITIONS\] and --before/],
    [['delete-records', 't', '--before', '1700000000000x'], /--before: cannot read/],
    [['delete-records', 'a', '--before', '1', '--force'], /unknown option '--force'/],
  ])('%j is a usage error', async (argv, message) => {
    const r = await parseArgs(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
