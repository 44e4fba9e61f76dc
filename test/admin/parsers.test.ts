import { describe, expect, it } from 'vitest';
import { rewriteLegacy } from '../../src/cli/legacy.js';
import { rewriteLegacyConfigs } from '../../src/cli/legacy-configs.js';
import { parse as parseAlter } from '../../src/commands/configs/alter.js';
import { parseConfigNames, parseConfigPairs, toOperations, unbracket } from '../../src/commands/configs/config-list.js';
import { parse as parseDescribe } from '../../src/commands/configs/describe.js';
import { parseEntities } from '../../src/commands/configs/entity.js';
import { parse as parseDeleteRecords, parseCut } from '../../src/commands/delete-records/delete-records.js';
import { parseOffsetFile } from '../../src/commands/delete-records/offset-file.js';
import { parse as parseOffsets } from '../../src/commands/offsets/offsets.js';
import { parseIsoTime } from '../../src/cli/time-spec.js';
import { parseTopicSelection, selectPartitions } from '../../src/cli/topic-partitions.js';
import { parseTimeSpec } from '../../src/commands/offsets/time-query.js';
import { parseArgs } from '../helpers/parse-args.js';

describe('config lists (kafka-configs.sh syntax)', () => {
  it.each([
    [['a=1'], [['a', '1']]],
    [
      ['a=1,b=2'],
      [
        ['a', '1'],
        ['b', '2'],
      ],
    ],
    [
      ['cleanup.policy=[compact,delete],retention.ms=5'],
      [
        ['cleanup.policy', 'compact,delete'],
        ['retention.ms', '5'],
      ],
    ],
    [['k=a,b'], [['k', 'a,b']]],
    [['sasl.jaas.config=x=y'], [['sasl.jaas.config', 'x=y']]],
    [
      ['a=1', 'b=[x]'],
      [
        ['a', '1'],
        ['b', 'x'],
      ],
    ],
    [['empty='], [['empty', '']]],
  ])('%j -> %j', (input, pairs) => expect(parseConfigPairs(input, '--add-config')).toEqual(pairs));

  it.each([['=1'], ['novalue'], [' =x']])('rejects %j', (bad) =>
    expect(() => parseConfigPairs([bad], '--add-config')).toThrow(/--add-config/),
  );

  it('unbracket only strips a surrounding pair', () => {
    expect(unbracket('[a,b]')).toBe('a,b');
    expect(unbracket('a,[b]')).toBe('a,[b]');
    expect(unbracket('[]')).toBe('');
  });

  it('delete-config names', () => {
    expect(parseConfigNames(['a,b', 'c'], '--delete-config')).toEqual(['a', 'b', 'c']);
    expect(() => parseConfigNames(['a,,b'], '--delete-config')).toThrow(/names/);
  });

  it('operations in order, a name only once', () => {
    expect(toOperations({ set: [['a', '1']], delete: ['b'], append: [['c', 'x']], subtract: [['d', 'y']] })).toEqual([
      { op: 'set', name: 'a', value: '1' },
      { op: 'delete', name: 'b' },
      { op: 'append', name: 'c', value: 'x' },
      { op: 'subtract', name: 'd', value: 'y' },
    ]);
    expect(() => toOperations({ set: [['a', '1']], delete: ['a'], append: [], subtract: [] })).toThrow(
      /a appears in both --add-config and --delete-config/,
    );
  });
});

describe('configs entities', () => {
  const entities = (flags: Record<string, unknown>, requireName = false) => parseEntities(flags, { requireName });
  it.each([
    [{ topic: ['t'] }, [{ type: 'topics', name: 't', isDefault: false }]],
    [{ broker: ['1'] }, [{ type: 'brokers', name: '1', isDefault: false }]],
    [{ brokerDefaults: true }, [{ type: 'brokers', isDefault: true }]],
    [{ entityType: ['topics'], entityName: ['t'] }, [{ type: 'topics', name: 't', isDefault: false }]],
    [{ entityType: ['topic'], entityName: ['t'] }, [{ type: 'topics', name: 't', isDefault: false }]],
    [{ entityType: ['brokers'], entityDefault: true }, [{ type: 'brokers', isDefault: true }]],
    [{ entityType: ['brokers'] }, [{ type: 'brokers', isDefault: false }]],
    [
      { entityType: ['users', 'clients'], entityName: ['u'], entityDefault: true },
      [
        { type: 'users', name: 'u', isDefault: false },
        { type: 'clients', isDefault: true },
      ],
    ],
    [
      { user: ['u'], client: ['c'] },
      [
        { type: 'users', name: 'u', isDefault: false },
        { type: 'clients', name: 'c', isDefault: false },
      ],
    ],
    [{ userDefaults: true }, [{ type: 'users', isDefault: true }]],
    [{ group: ['g'] }, [{ type: 'groups', name: 'g', isDefault: false }]],
    [{ brokerLogger: ['2'] }, [{ type: 'broker-loggers', name: '2', isDefault: false }]],
    [{ clientMetrics: ['m'] }, [{ type: 'client-metrics', name: 'm', isDefault: false }]],
  ])('%j', (flags, expected) => expect(entities(flags)).toEqual(expected));

  it.each([
    [{}, /name the entity/],
    [{ entityType: ['nope'] }, /unknown entity type "nope"/],
    [{ entityName: ['t'] }, /each --entity-name needs an --entity-type/],
    [{ entityType: ['topics'], entityName: ['a', 'b'] }, /each --entity-name needs/],
    [{ topic: ['t'], entityType: ['topics'] }, /not both/],
    [{ topic: ['a'], broker: ['1'] }, /only a user and a client/],
    [{ entityType: ['topics'], entityDefault: true }, /--entity-default applies to brokers, users, clients and ips/],
    [{ broker: ['one'] }, /numeric id/],
    [{ entityType: ['broker-loggers'] }, /broker-loggers needs a broker id/],
    [{ entityType: ['topics'], entityName: ['a'], entityDefault: true }, /already has an --entity-name/],
  ])('rejects %j', (flags, message) => expect(() => entities(flags)).toThrow(message));

  it('alter needs a name', () => {
    expect(() => entities({ entityType: ['topics'] }, true)).toThrow(/needs an entity name for topics/);
    expect(entities({ entityType: ['brokers'], entityDefault: true }, true)).toEqual([{ type: 'brokers', isDefault: true }]);
  });
});

describe('configs describe/alter parse', () => {
  it('describe', () => {
    expect(parseDescribe([], { topic: 't', all: true })).toEqual({
      entities: [{ type: 'topics', name: 't', isDefault: false }],
      all: true,
    });
  });
  it('alter', () => {
    expect(parseAlter([], { topic: 't', addConfig: ['a=1,b=[x,y]'], deleteConfig: ['c'], append: ['d=z'], dryRun: true })).toEqual({
      entities: [{ type: 'topics', name: 't', isDefault: false }],
      changes: {
        set: [
          ['a', '1'],
          ['b', 'x,y'],
        ],
        delete: ['c'],
        append: [['d', 'z']],
        subtract: [],
      },
      addConfigFile: undefined,
      dryRun: true,
    });
  });
  it.each([
    [{ topic: 't' }, /nothing to change/],
    [{ user: 'u', addConfig: ['producer_byte_rate=fast'] }, /must be a number/],
    [{ user: 'u', append: ['producer_byte_rate=1'] }, /not to quotas/],
    [{ topic: 't', addConfig: ['a=1'], deleteConfig: ['a'] }, /appears in both/],
  ])('alter rejects %j', (flags, message) => expect(() => parseAlter([], flags)).toThrow(message));
});

describe('kafka-configs.sh spellings', () => {
  it.each([
    [
      ['configs', '--describe', '--entity-type', 'topics', '--entity-name', 't'],
      ['configs', 'describe', '--entity-type', 'topics', '--entity-name', 't'],
    ],
    [
      ['configs', '--bootstrap-server', 'b:9092', '--alter', '--entity-type', 'topics', '--entity-name', 't', '--add-config', 'a=1'],
      ['configs', 'alter', '--bootstrap-server', 'b:9092', '--entity-type', 'topics', '--entity-name', 't', '--add-config', 'a=1'],
    ],
    [
      ['configs', 'describe', '--topic', 't'],
      ['configs', 'describe', '--topic', 't'],
    ],
    [
      ['configs', '--describe', '--alter'],
      ['configs', '--describe', '--alter'],
    ],
    [
      ['topics', 'list'],
      ['topics', 'list'],
    ],
  ])('%j', (argv, expected) => {
    expect(rewriteLegacyConfigs(argv)).toEqual(expected);
    expect(rewriteLegacy(argv)).toEqual(expected);
  });
});

describe('topic selections', () => {
  it.each([
    ['orders', { topic: 'orders', regex: false }],
    ['orders:', { topic: 'orders', regex: false }],
    ['orders:2', { topic: 'orders', regex: false, partitions: [2] }],
    ['orders:0,2', { topic: 'orders', regex: false, partitions: [0, 2] }],
    ['orders:1-3', { topic: 'orders', regex: false, partitions: [1, 2, 3] }],
    ['orders:3-', { topic: 'orders', regex: false, partitions: [], from: 3 }],
    ['a.b_c-d:0', { topic: 'a.b_c-d', regex: false, partitions: [0] }],
    ['orders\\..*:0', { topic: 'orders\\..*', regex: true, partitions: [0] }],
  ])('%s', (text, expected) => expect(parseTopicSelection(text)).toEqual(expected));

  it.each([':0', 'orders:x', 'orders:3-1', 'orders:-1'])('rejects %j', (text) => expect(() => parseTopicSelection(text)).toThrow());

  it('selects partitions of a topic', () => {
    expect(selectPartitions(parseTopicSelection('t'), 3)).toEqual([0, 1, 2]);
    expect(selectPartitions(parseTopicSelection('t:0,5-'), 7)).toEqual([0, 5, 6]);
  });
});

describe('time specs', () => {
  it.each([
    ['earliest', 'earliest'],
    ['-2', 'earliest'],
    ['LATEST', 'latest'],
    ['-1', 'latest'],
    ['max-timestamp', 'max-timestamp'],
    ['-3', 'max-timestamp'],
    ['earliest-local', { timestamp: -4 }],
    ['-5', { timestamp: -5 }],
    ['0', { timestamp: 0 }],
    ['1714521600000', { timestamp: 1714521600000 }],
    ['2024-05-01', { timestamp: Date.UTC(2024, 4, 1) }],
    ['2024-05-01T10:00:00Z', { timestamp: Date.UTC(2024, 4, 1, 10) }],
    ['2024-05-01T10:00:00.250Z', { timestamp: Date.UTC(2024, 4, 1, 10, 0, 0, 250) }],
    ['2024-05-01T12:00:00+02:00', { timestamp: Date.UTC(2024, 4, 1, 10) }],
    ['2024-05-01T12:00+0200', { timestamp: Date.UTC(2024, 4, 1, 10) }],
    ['2024-05-01 10:00:00', { timestamp: Date.UTC(2024, 4, 1, 10) }],
  ])('%s', (text, expected) => expect(parseTimeSpec(text)).toEqual(expected));

  it.each(['', 'yesterday', '-6', '2024-02-30', '2024-13-01', '2024-05-01T25:00:00Z', '1.5'])('rejects %j', (text) =>
    expect(() => parseTimeSpec(text)).toThrow(/--time/),
  );

  it('parseIsoTime refuses garbage', () => expect(parseIsoTime('2024-5-1')).toBeUndefined());
});

describe('offsets parse', () => {
  it('positional and kafka-get-offsets.sh flags', () => {
    expect(parseOffsets(['a:0', 'b'], { time: '-2' })).toMatchObject({
      selections: [{ topic: 'a', partitions: [0] }, { topic: 'b' }],
      time: 'earliest',
      isolation: 'read_uncommitted',
    });
    expect(parseOffsets([], { topic: ['t'], partitions: ['0,1'] }).selections).toEqual([{ topic: 't', regex: false, partitions: [0, 1] }]);
    // GetOffsetShell's --topic-partitions range excludes its upper bound.
    expect(parseOffsets([], { topicPartitions: ['t1:0-2,t2'] }).selections).toEqual([
      { topic: 't1', regex: false, partitions: [0, 1] },
      { topic: 't2', regex: false },
    ]);
    expect(parseOffsets(['t'], { isolation: 'read-committed' }).isolation).toBe('read_committed');
    expect(() => parseOffsets([], { partitions: ['0'] })).toThrow(/--partitions needs a TOPIC/);
    // -p (or -P/--partitions) picks partitions of every topic named, positional or --topic.
    expect(parseOffsets(['a', 'b'], { partition: ['0,2'] }).selections).toEqual([
      { topic: 'a', regex: false, partitions: [0, 2] },
      { topic: 'b', regex: false, partitions: [0, 2] },
    ]);
    expect(parseOffsets(['a'], { partition: ['0'], partitions: ['3-'] }).selections).toEqual([
      { topic: 'a', regex: false, partitions: [0], from: 3 },
    ]);
    expect(() => parseOffsets(['a:1'], { partition: ['0'] })).toThrow(/once: as TOPIC:PARTITIONS or with -p/);
    expect(() => parseOffsets(['a'], { partition: ['x'] })).toThrow(/"x" is not a partition/);
    expect(parseOffsets(['a'], { time: '-1h' }, 10 * 3_600_000).time).toEqual({ timestamp: 9 * 3_600_000 });
    expect(parseOffsets(['a'], { time: '@-1h' }, 10 * 3_600_000).time).toEqual({ timestamp: 9 * 3_600_000 });
    expect(() => parseOffsets(['t'], { isolation: 'dirty' })).toThrow(/--isolation/);
  });
});

describe('delete-records parse', () => {
  it.each([
    ['10', { offset: 10n }],
    ['end', 'end'],
    ['-1', 'end'],
    ['@1714521600000', { time: 1714521600000 }],
    ['@2024-05-01T00:00:00Z', { time: Date.UTC(2024, 4, 1) }],
    ['@-1h', { time: Date.UTC(2024, 4, 1) - 3_600_000 }],
    ['@2024-05-01', { time: Date.UTC(2024, 4, 1) }],
  ])('--before %s', (text, cut) => expect(parseCut(text, Date.UTC(2024, 4, 1))).toEqual(cut));

  it.each(['x', '-5', '@', '@tomorrow', '1.5', '-1h', '@-10'])('--before rejects %j', (text) =>
    expect(() => parseCut(text)).toThrow(/--before/),
  );

  it('options', () => {
    expect(parseDeleteRecords(['t:0'], { before: '5', yes: true })).toEqual({
      selections: [{ topic: 't', regex: false, partitions: [0] }],
      before: { offset: 5n },
      offsetJsonFile: undefined,
      yes: true,
      allowInternal: false,
    });
    expect(parseDeleteRecords([], { offsetJsonFile: 'f.json' })).toMatchObject({ offsetJsonFile: 'f.json', yes: false });
    expect(() => parseDeleteRecords(['t'], {})).toThrow(/--before/);
    expect(() => parseDeleteRecords([], { before: '1' })).toThrow(/TOPIC/);
    expect(() => parseDeleteRecords(['t'], { before: '1', offsetJsonFile: 'f' })).toThrow(/--offset-json-file/);
    expect(() => parseDeleteRecords(['t.*'], { before: '1' })).toThrow(/exact topic names/);
  });
});

describe('kafka-delete-records.sh offset JSON file', () => {
  it('reads the documented format', () => {
    expect(
      parseOffsetFile('{"partitions":[{"topic":"t","partition":0,"offset":3},{"topic":"u","partition":2,"offset":-1}],"version":1}'),
    ).toEqual([
      { topic: 't', partition: 0, offset: 3n },
      { topic: 'u', partition: 2, offset: -1n },
    ]);
  });
  it('keeps big offsets exact and accepts strings', () => {
    expect(parseOffsetFile('{"partitions":[{"topic":"t","partition":0,"offset":9007199254740993}]}')[0].offset).toBe(9007199254740993n);
    expect(parseOffsetFile('{"partitions":[{"topic":"t","partition":0,"offset":"42"}]}')[0].offset).toBe(42n);
  });
  it.each([
    ['not json', /not valid JSON/],
    ['[]', /not a JSON object/],
    ['{"partitions":[]}', /empty/],
    ['{"partitions":{}}', /must be an array/],
    ['{"partitions":[{"topic":"t","partition":0,"offset":1}],"version":2}', /version/],
    ['{"partitions":[{"partition":0,"offset":1}]}', /topic must be/],
    ['{"partitions":[{"topic":"t","partition":-1,"offset":1}]}', /partition must be/],
    ['{"partitions":[{"topic":"t","partition":0,"offset":1.5}]}', /offset must be a whole number/],
    ['{"partitions":[{"topic":"t","partition":0,"offset":-2}]}', /offset must be >= 0/],
    ['{"partitions":[{"topic":"t","partition":0,"offset":1},{"topic":"t","partition":0,"offset":2}]}', /more than once/],
  ])('rejects %s', (text, message) => expect(() => parseOffsetFile(text)).toThrow(message));
});
