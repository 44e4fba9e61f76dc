import { describe, expect, it } from 'vitest';
import { rewriteLegacy } from '../../src/cli/legacy.js';
import { clamp, formatPlanCsv, parseDatetime, parsePlanCsv, parseTopicArg, target } from '../../src/commands/groups/reset-plan.js';
import { violations } from '../../src/commands/lag/lag.js';
import { trendOf } from '../../src/commands/lag/watch.js';
import { toOpenMetrics } from '../../src/commands/lag/prometheus.js';
import { decodeAssignment, encodeAssignment } from '../../src/kafka/groups-assignment.js';
import { normaliseState } from '../../src/kafka/groups.js';
import { timestampAt } from '../../src/kafka/groups-timestamps.js';
import { parseArgs } from '../helpers/parse-args.js';
import { validateOpenMetrics } from './openmetrics.js';

describe('kafka-consumer-groups.sh spellings', () => {
  it.each([
    [
      ['groups', '--list'],
      ['groups', 'list'],
    ],
    [
      ['groups', '--list', '--state'],
      ['groups', 'list'],
    ],
    [
      ['groups', '--list', '--state', 'Stable,Empty', '--bootstrap-server', 'h:1'],
      ['groups', 'list', '--state', 'Stable,Empty', '--bootstrap-server', 'h:1'],
    ],
    [
      ['groups', '--list', '--type', '--state'],
      ['groups', 'list'],
    ],
    [
      ['groups', '--describe', '--group', 'g'],
      ['groups', 'describe', '--group', 'g'],
    ],
    [
      ['groups', '--bootstrap-server', 'h:1', '--describe', '--group', 'g', '--members', '--verbose'],
      ['groups', 'describe', '--bootstrap-server', 'h:1', '--group', 'g', '--members', '--verbose'],
    ],
    [
      ['groups', '--describe', '--all-groups', '--state'],
      ['groups', 'describe', '--all-groups', '--state'],
    ],
    [
      ['groups', '--reset-offsets', '--group', 'g', '--topic', 't', '--to-earliest', '--execute'],
      ['groups', 'reset-offsets', '--group', 'g', '--topic', 't', '--to-earliest', '--execute'],
    ],
    [
      ['groups', '--reset-offsets', '--group', 'g', '--all-topics', '--shift-by', '-5', '--dry-run'],
      ['groups', 'reset-offsets', '--group', 'g', '--all-topics', '--shift-by', '-5', '--dry-run'],
    ],
    [
      ['groups', '--delete', '--group', 'a', '--group', 'b'],
      ['groups', 'delete', '--group', 'a', '--group', 'b', '--yes'],
    ],
    [
      ['groups', '--delete-offsets', '--group', 'g', '--topic', 't:0'],
      ['groups', 'delete-offsets', '--group', 'g', '--topic', 't:0', '--yes'],
    ],
    [
      ['groups', '--describe', '--group', 'g', '--timeout', '5000'],
      ['groups', 'describe', '--group', 'g', '--timeout', '5000ms'],
    ],
    [
      ['groups', 'describe', 'g', '--state'],
      ['groups', 'describe', 'g', '--state'],
    ],
    [
      ['groups', 'list'],
      ['groups', 'list'],
    ],
    [
      ['groups', '--list', '--describe'],
      ['groups', '--list', '--describe'],
    ],
  ])('%j', (argv, expected) => expect(rewriteLegacy(argv)).toEqual(expected));
});

describe('command lines', () => {
  it.each([
    [['groups', 'list'], 'groups list', { states: [], types: [] }],
    [
      ['groups', 'list', '--state', 'stable,EMPTY', '--type', 'consumer'],
      'groups list',
      { states: ['Stable', 'Empty'], types: ['consumer'] },
    ],
    [['groups', '--list', '--state', 'preparing-rebalance', '--json'], 'groups list', { states: ['PreparingRebalance'], types: [] }],
    [['groups', 'describe', 'a', 'b'], 'groups describe', { groups: ['a', 'b'], all: false, mode: 'offsets', verbose: false }],
    [
      ['groups', '--describe', '--group', 'g', '--members', '--verbose', '--json'],
      'groups describe',
      { groups: ['g'], all: false, mode: 'members', verbose: true },
    ],
    [['groups', 'describe', '--all-groups', '--state'], 'groups describe', { groups: [], all: true, mode: 'state', verbose: false }],
    [
      ['groups', 'reset-offsets', 'g', '--topic', 't:0,2', '--topic', 'u', '--to-offset', '5'],
      'groups reset-offsets',
      {
        groups: ['g'],
        all: false,
        topics: [{ topic: 't', partitions: [0, 2] }, { topic: 'u' }],
        allTopics: false,
        strategy: { kind: 'offset', offset: 5 },
        execute: false,
        export: false,
      },
    ],
    [
      ['groups', '--reset-offsets', '--group', 'g', '--all-topics', '--shift-by', '-5', '--execute', '--json'],
      'groups reset-offsets',
      { groups: ['g'], all: false, topics: [], allTopics: true, strategy: { kind: 'shift', by: -5 }, execute: true, export: false },
    ],
    [
      ['groups', 'reset-offsets', 'g', '--all-topics', '--by-duration', 'PT1H', '--export'],
      'groups reset-offsets',
      {
        groups: ['g'],
        all: false,
        topics: [],
        allTopics: true,
        strategy: { kind: 'duration', ms: 3_600_000 },
        execute: false,
        export: true,
      },
    ],
    [
      ['groups', 'reset-offsets', '--from-file', 'p.csv'],
      'groups reset-offsets',
      { groups: [], all: false, topics: [], allTopics: false, strategy: { kind: 'file', path: 'p.csv' }, execute: false, export: false },
    ],
    [
      ['groups', 'delete-offsets', 'g', '--topic', 't:1'],
      'groups delete-offsets',
      { group: 'g', topics: [{ topic: 't', partitions: [1] }], yes: false },
    ],
    [['groups', '--delete', '--group', 'a', '--group', 'b', '--json'], 'groups delete', { groups: ['a', 'b'], all: false, yes: true }],
    [['groups', '--delete', '--all-groups', '--json'], 'groups delete', { groups: [], all: true, yes: true }],
    [['lag'], 'lag', { groups: [], topics: [], timeLag: true }],
    [
      ['lag', 'a', '--group', 'b', '--topic', 't1,t2', '--max-lag', '100', '--max-time-lag', '5m'],
      'lag',
      { groups: ['a', 'b'], topics: ['t1', 't2'], timeLag: true, maxLag: 100, maxTimeLagMs: 300_000 },
    ],
    [['lag', '--watch', '--count', '3', '--no-time-lag'], 'lag', { groups: [], topics: [], timeLag: false, watchMs: 5000, count: 3 }],
    [['lag', '--watch', '500ms'], 'lag', { groups: [], topics: [], timeLag: true, watchMs: 500 }],
    [
      ['lag', '--topic', 't1:0,2,t2', '--topic', 't1:1', '--topic', 't3:0', '--topic', 't3'],
      'lag',
      { groups: [], topics: ['t1', 't2', 't3'], partitions: { t1: [0, 1, 2] }, timeLag: true },
    ],
  ])('%j', async (argv, path, options) => {
    const r = await parseArgs(argv);
    expect(r.stderr).toBe('');
    expect(r.path).toBe(path);
    expect(r.options).toEqual(options);
  });

  it.each([
    [['groups', 'list', '--state', 'Sleepy'], /unknown group state/],
    [['groups', 'list', '--type', 'bogus'], /unknown group type/],
    [['groups', 'describe'], /needs a GROUP/],
    [['groups', 'describe', 'g', '--all-groups'], /not both/],
    [['groups', 'describe', 'g', '--members', '--state'], /exclusive/],
    [['groups', 'describe', 'g', '--verbose'], /--verbose goes with/],
    [['groups', 'reset-offsets', 'g', '--topic', 't'], /needs a strategy/],
    [['groups', 'reset-offsets', 'g', '--topic', 't', '--to-earliest', '--to-latest'], /pick one/],
    [['groups', 'reset-offsets', 'g', '--to-earliest'], /--topic/],
    [['groups', 'reset-offsets', 'g', '--topic', 't', '--to-offset', '-1'], /--to-offset/],
    [['groups', 'reset-offsets', 'g', '--topic', 't:x', '--to-earliest'], /invalid --topic/],
    [['groups', 'reset-offsets', 'g', '--topic', 't', '--to-datetime', 'yesterday'], /--to-datetime/],
    [['groups', 'reset-offsets', 'g', '--topic', 't', '--to-earliest', '--execute', '--dry-run'], /contradict/],
    [['groups', 'delete'], /at least one GROUP/],
    [['groups', 'delete', 'g', '--all-groups'], /not both/],
    [['groups', 'delete-offsets', 'g'], /--topic/],
    [['lag', '--count', '2'], /--count goes with --watch/],
    [['lag', '--topic', 't:x'], /invalid --topic "t:x"/],
    [['lag', '--topic', 't.*'], /not a pattern/],
    [['lag', '--max-lag', 'x'], /--max-lag/],
    [['lag', '--watch', '--format', 'prometheus'], /prometheus prints once/],
  ])('rejects %j', async (argv, message) => {
    const r = await parseArgs(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('reset arithmetic (ConsumerGroupCommand semantics)', () => {
  const f = { current: 50, logStart: 10, logEnd: 100 };
  it.each([
    [{ kind: 'earliest' as const }, f, 10, undefined],
    [{ kind: 'latest' as const }, f, 100, undefined],
    [{ kind: 'current' as const }, f, 50, undefined],
    [{ kind: 'current' as const }, { ...f, current: null }, 100, undefined],
    [{ kind: 'offset' as const, offset: 70 }, f, 70, undefined],
    [{ kind: 'offset' as const, offset: 500 }, f, 100, 500],
    [{ kind: 'offset' as const, offset: 0 }, f, 10, 0],
    [{ kind: 'shift' as const, by: -45 }, f, 10, 5],
    [{ kind: 'shift' as const, by: 20 }, f, 70, undefined],
    [{ kind: 'datetime' as const, timestamp: 1 }, { ...f, byTime: 42 }, 42, undefined],
    [{ kind: 'duration' as const, ms: 1 }, { ...f, byTime: null }, 100, undefined],
    [{ kind: 'file' as const, path: 'x' }, { ...f, planned: 101 }, 100, 101],
  ])('%j on %j -> %d', (strategy, facts, offset, clampedFrom) => {
    const t = target(strategy, facts, 'g t:0');
    expect(t.offset).toBe(offset);
    expect(t.clamped?.wanted).toBe(clampedFrom);
  });

  it('shift without a committed offset is refused, as Kafka does', () => {
    expect(() => target({ kind: 'shift', by: 1 }, { ...f, current: null }, 'g t:0')).toThrow(/no committed offset/);
    expect(clamp(10, f)).toEqual({ offset: 10 });
  });

  it.each([
    ['2026-01-31T08:00:00.000', Date.UTC(2026, 0, 31, 8)],
    ['2026-01-31T08:00:00.123Z', Date.UTC(2026, 0, 31, 8, 0, 0, 123)],
    ['2026-01-31T08:00:00.000+01:00', Date.UTC(2026, 0, 31, 7)],
    ['2026-01-31T08:00:00.000-0130', Date.UTC(2026, 0, 31, 9, 30)],
    ['2026-01-31T08:00:00.000+02', Date.UTC(2026, 0, 31, 6)],
    ['2026-01-31T08:00', Date.UTC(2026, 0, 31, 8)],
    // Beyond kafka-consumer-groups.sh: any time of ktool's one syntax (src/cli/time-spec.ts).
    ['2026-01-31', Date.UTC(2026, 0, 31)],
    ['2026-01-31 08:00:00', Date.UTC(2026, 0, 31, 8)],
    ['1769846400000', 1769846400000],
    ['-1h', Date.UTC(2026, 0, 31, 7)],
    ['@-1h', Date.UTC(2026, 0, 31, 7)],
  ])('datetime %s', (text, ms) => expect(parseDatetime(text, Date.UTC(2026, 0, 31, 8))).toBe(ms));

  it.each(['2026-02-30T00:00:00.000', '2026-01-31T08:00:00.000+25:00', 'yesterday', '-10'])('rejects datetime %s', (text) =>
    expect(() => parseDatetime(text)).toThrow(/--to-datetime/),
  );

  it('plan CSV round trip, with and without the group column', () => {
    const one = [
      { group: 'g', topic: 't', partition: 0, offset: 5 },
      { group: 'g', topic: 't', partition: 1, offset: 7 },
    ];
    expect(formatPlanCsv(one)).toBe('t,0,5\nt,1,7\n');
    expect(parsePlanCsv(formatPlanCsv(one), 'p')).toEqual([
      { topic: 't', partition: 0, offset: 5 },
      { topic: 't', partition: 1, offset: 7 },
    ]);
    const two = [...one, { group: 'h', topic: 'u', partition: 0, offset: 1 }];
    expect(formatPlanCsv(two)).toBe('g,t,0,5\ng,t,1,7\nh,u,0,1\n');
    expect(parsePlanCsv(formatPlanCsv(two), 'p')).toEqual(two);
    expect(() => parsePlanCsv('t,0\n', 'p.csv')).toThrow(/p.csv:1/);
    expect(() => parsePlanCsv('t,0,-1\n', 'p.csv')).toThrow(/p.csv:1/);
    expect(parseTopicArg('a.b-c:3,1')).toEqual({ topic: 'a.b-c', partitions: [1, 3] });
    expect(parseTopicArg('a:0-2')).toEqual({ topic: 'a', partitions: [0, 1, 2] });
  });
});

describe('lag helpers', () => {
  const snapshot = {
    time: 0,
    groups: [
      {
        group: 'g"1',
        state: 'Stable',
        members: 1,
        lag: 15,
        timeLagMs: 90_000,
        partitions: [
          {
            topic: 't',
            partition: 0,
            currentOffset: 5,
            logEndOffset: 20,
            lag: 15,
            timeLagMs: 90_000,
            memberId: 'm',
            clientId: 'c',
            host: 'h',
          },
          {
            topic: 't',
            partition: 1,
            currentOffset: null,
            logEndOffset: 3,
            lag: null,
            timeLagMs: null,
            memberId: null,
            clientId: null,
            host: null,
          },
        ],
      },
    ],
  };
  it('thresholds name the offending partitions', () => {
    expect(violations(snapshot, { groups: [], topics: [], timeLag: true, maxLag: 10 })).toEqual(['g"1 t:0 lag 15 > 10']);
    expect(violations(snapshot, { groups: [], topics: [], timeLag: true, maxLag: 15 })).toEqual([]);
    expect(violations(snapshot, { groups: [], topics: [], timeLag: true, maxTimeLagMs: 60_000 })).toEqual(['g"1 t:0 time lag 1m30s > 1m']);
  });

  it('OpenMetrics output is valid and escapes labels', () => {
    const text = toOpenMetrics(snapshot);
    expect(validateOpenMetrics(text)).toEqual([]);
    expect(text).toContain('kafka_consumergroup_lag{group="g\\"1",topic="t",partition="0"} 15\n');
    expect(text).toContain('kafka_consumergroup_lag_seconds{group="g\\"1",topic="t",partition="0"} 90\n');
    expect(text.endsWith('# EOF\n')).toBe(true);
    expect(validateOpenMetrics('x{a="1"} 1\n')).not.toEqual([]);
  });

  it('trend: rate of change and time to catch up', () => {
    expect(trendOf([{ time: 0, lag: 100 }])).toEqual({ ratePerSec: null, etaSeconds: null });
    expect(
      trendOf([
        { time: 0, lag: 100 },
        { time: 10_000, lag: 50 },
      ]),
    ).toEqual({ ratePerSec: -5, etaSeconds: 10 });
    expect(
      trendOf([
        { time: 0, lag: 100 },
        { time: 10_000, lag: 150 },
      ]),
    ).toEqual({ ratePerSec: 5, etaSeconds: null });
    expect(
      trendOf([
        { time: 0, lag: 0 },
        { time: 1000, lag: 0 },
      ]),
    ).toEqual({ ratePerSec: 0, etaSeconds: 0 });
  });
});

describe('wire details', () => {
  it.each([
    ['PREPARINGREBALANCE', 'PreparingRebalance'],
    ['Stable', 'Stable'],
    ['COMPLETING_REBALANCE', 'CompletingRebalance'],
    ['ASSIGNING', 'Assigning'],
    ['RECONCILING', 'Reconciling'],
    ['empty', 'Empty'],
    ['Weird', 'Weird'],
  ])('state %s', (raw, name) => expect(normaliseState(raw)).toBe(name));

  it('decodes classic consumer assignments', () => {
    const parts = [
      { topic: 'a', partition: 2 },
      { topic: 'a', partition: 0 },
      { topic: 'b', partition: 1 },
    ];
    expect(decodeAssignment(encodeAssignment(parts))).toEqual([
      { topic: 'a', partition: 0 },
      { topic: 'a', partition: 2 },
      { topic: 'b', partition: 1 },
    ]);
    expect(decodeAssignment(Buffer.alloc(0))).toEqual([]);
    expect(decodeAssignment(Buffer.from([0, 1, 0, 0, 0, 9]))).toEqual([]);
  });

  it('finds the record timestamp in a batch, also a batch cut off by the size limit', () => {
    const batch = recordBatch(100, 1_000, [0, 5, 9]);
    expect(timestampAt(batch, 100)).toEqual({ timestamp: 1_000 });
    expect(timestampAt(batch, 101)).toEqual({ timestamp: 1_005 });
    expect(timestampAt(batch, 102)).toEqual({ timestamp: 1_009 });
    expect(timestampAt(batch, 103)).toEqual({ next: 103 });
    expect(timestampAt(batch.subarray(0, batch.length - 3), 101)).toEqual({ timestamp: 1_005 });
    expect(timestampAt(batch.subarray(0, batch.length - 3), 102)).toEqual({ timestamp: 1_009 });
    expect(timestampAt(batch.subarray(0, batch.length - 5), 102)).toEqual({ incomplete: true });
    expect(timestampAt(batch.subarray(0, 30), 100)).toEqual({ incomplete: true });
  });
});

/** An uncompressed magic-2 batch with empty keys and values (CRC not checked by the reader). */
function recordBatch(base: number, firstTimestamp: number, deltas: number[]): Buffer {
  const zz = (n: number) => {
    let v = n >= 0 ? n * 2 : -n * 2 - 1;
    const out: number[] = [];
    do {
      let b = v & 0x7f;
      v = Math.floor(v / 128);
      if (v) b |= 0x80;
      out.push(b);
    } while (v);
    return out;
  };
  const records = deltas.map((d, i) => {
    const body = [0, ...zz(d), ...zz(i), ...zz(-1), ...zz(-1), ...zz(0)];
    return Buffer.from([...zz(body.length), ...body]);
  });
  const header = Buffer.alloc(61);
  header.writeBigInt64BE(BigInt(base), 0);
  const total = 61 + records.reduce((s, r) => s + r.length, 0);
  header.writeInt32BE(total - 12, 8);
  header.writeInt8(2, 16);
  header.writeInt16BE(0, 21);
  header.writeInt32BE(deltas.length - 1, 23);
  header.writeBigInt64BE(BigInt(firstTimestamp), 27);
  header.writeBigInt64BE(BigInt(firstTimestamp + deltas.at(-1)!), 35);
  header.writeInt32BE(deltas.length, 57);
  return Buffer.concat([header, ...records]);
}
