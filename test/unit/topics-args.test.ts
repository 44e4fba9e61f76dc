import { describe, expect, it } from 'vitest';
import { parseArgs } from '../helpers/parse-args.js';

describe('topics arguments -> options', () => {
  it.each([
    [
      ['topics', 'create', 't', '-p', '3', '-r', '1', '-c', 'retention.ms=1000', '-c', 'cleanup.policy=compact,delete'],
      'topics create',
      {
        topics: ['t'],
        partitions: 3,
        replicationFactor: 1,
        configs: { 'retention.ms': '1000', 'cleanup.policy': 'compact,delete' },
        ifNotExists: false,
        dryRun: false,
      },
    ],
    [
      [
        'topics',
        '--create',
        '--topic',
        't',
        '--partitions',
        '2',
        '--replication-factor',
        '1',
        '--config',
        'a=b',
        '--if-not-exists',
        '--json',
      ],
      'topics create',
      { topics: ['t'], partitions: 2, replicationFactor: 1, configs: { a: 'b' }, ifNotExists: true, dryRun: false },
    ],
    [
      ['topics', 'create', 'a', 'b', '--dry-run'],
      'topics create',
      { topics: ['a', 'b'], partitions: undefined, replicationFactor: undefined, configs: {}, ifNotExists: false, dryRun: true },
    ],
    [['topics', 'describe'], 'topics describe', { topics: [], excludeInternal: false, filters: [], offsets: true, ifExists: false }],
    [
      ['topics', 'describe', 'a', 'b', '--under-replicated-partitions', '--no-offsets'],
      'topics describe',
      { topics: ['a', 'b'], excludeInternal: false, filters: ['under-replicated'], offsets: false, ifExists: false },
    ],
    [
      ['topics', '--describe', '--topic', 't', '--at-min-isr-partitions', '--unavailable-partitions', '--json'],
      'topics describe',
      { topics: ['t'], excludeInternal: false, filters: ['unavailable', 'at-min-isr'], offsets: true, ifExists: false },
    ],
    [
      ['topics', 'alter', 't', '--partitions', '6'],
      'topics alter',
      { topic: 't', partitions: 6, wait: false, dryRun: false, ifExists: false },
    ],
    // -p as create takes it; --if-exists as describe, delete and kafka-topics.sh --alter take it.
    [
      ['topics', 'alter', 't', '-p', '4', '--if-exists'],
      'topics alter',
      { topic: 't', partitions: 4, wait: false, dryRun: false, ifExists: true },
    ],
    [
      ['topics', '--alter', '--topic', 't', '--partitions', '4', '--if-exists', '--json'],
      'topics alter',
      { topic: 't', partitions: 4, wait: false, dryRun: false, ifExists: true },
    ],
    [
      ['topics', 'delete', 'a', 'a', 'b', '-y'],
      'topics delete',
      { topics: ['a', 'b'], patterns: [], ifExists: false, yes: true, allowInternal: false },
    ],
    [
      ['topics', 'delete', 'a', 'tmp-.*', '--allow-internal-topics'],
      'topics delete',
      { topics: ['a'], patterns: ['tmp-.*'], ifExists: false, yes: false, allowInternal: true },
    ],
    [['topics', 'list', '--exclude-internal'], 'topics list', { pattern: undefined, excludeInternal: true }],
    [
      ['topics', 'alter', 't', '-r', '3', '--wait', '--throttle', '1000'],
      'topics alter',
      { topic: 't', replicationFactor: 3, partitions: undefined, wait: true, throttle: 1000, dryRun: false, ifExists: false },
    ],
  ])('%j', async (argv, path, options) => {
    const r = await parseArgs(argv);
    expect(r.stderr).toBe('');
    expect(r.path).toBe(path);
    expect(r.options).toEqual(options);
  });

  it('compiles the list regex anchored', async () => {
    const r = await parseArgs(['topics', 'list', 'ord.*']);
    const re = (r.options as { pattern: RegExp }).pattern;
    expect(re.test('orders')).toBe(true);
    expect(re.test('xorders')).toBe(false);
  });

  it.each([
    [['topics', 'create', 't', '-p', '0'], /--partitions must be a whole number/],
    [['topics', 'create', 't', '-p', 'x'], /--partitions/],
    [['topics', 'create', 'bad name'], /invalid topic name/],
    [['topics', 'create', 't', '-c', 'novalue'], /key=value/],
    [['topics', 'alter', 't'], /--partitions/],
    [
      ['topics', 'alter', 't', '-p', '4', '-c', 'retention.ms=1'],
      /configs are changed with configs alter[\s\S]*hint: ktool configs alter --topic t --add-config 'retention.ms=1'/,
    ],
    [['topics', 'alter', 't', '-r', '3', '-p', '4'], /one after the other/],
    [['topics', 'alter', 't', '-p', '4', '--wait'], /--wait and --throttle go with --replication-factor/],
    [['topics', 'alter', 't', '-r', '0'], /--replication-factor must be a whole number/],
    [['topics', 'alter', '__consumer_offsets', '-r', '3'], /replication factor of/],
    [['topics', 'list', '('], /invalid topic regular expression/],
  ])('rejects %j', async (argv, message) => {
    const r = await parseArgs(argv);
    if (message) {
      await expect(Promise.resolve(r.code)).resolves.toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('unknown flags are usage errors with a hint', async () => {
    const r = await parseArgs(['topics', 'list', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--bogus'/);
  });
});
