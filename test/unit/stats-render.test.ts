/** Tier 2: `ktool stats` end to end over a fake partition reader holding the hand fixture (no broker). */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';
import type { ConsumedRecord, PartitionReader, PartitionReaderOptions } from '../../src/kafka/consumer-types.js';
import { FIXTURE, T0 } from '../stats/fixture.js';

const records = (values: (p: number) => string = (p) => JSON.stringify({ price: p })): ConsumedRecord[] =>
  FIXTURE.map(([k, s, p], offset) => ({
    topic: 'prices',
    partition: 0,
    offset,
    timestamp: T0 + Math.round(s * 1000),
    timestampType: 'CreateTime',
    key: Buffer.from(k),
    value: Buffer.from(values(p)),
    headers: [[Buffer.from('region'), Buffer.from(k === 'a' ? 'eu' : 'us')]],
  }));

function reader(batch: ConsumedRecord[], seen: PartitionReaderOptions[] = []) {
  return async (o: PartitionReaderOptions): Promise<PartitionReader> => {
    seen.push(o);
    let sent = false;
    return {
      async next() {
        if (sent) return null;
        sent = true;
        return batch;
      },
      async close() {},
    };
  };
}

const run = (argv: string[], batch = records(), options: Parameters<typeof runCli>[1] = {}) =>
  runCli(['stats', 'prices', ...argv], {
    deps: { kafkaFactory: fakeKafka([topic('prices', 1)], {}, { partitionReader: reader(batch) }) },
    ...options,
  });

const lines = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('stats rendering (fake reader, no broker)', () => {
  it('piped: NDJSON final rows per window with -e; late drops reported on stderr', async () => {
    const r = await run(['-e', '--by', 'key', '--tumbling', '1m', '--sum', '.value.price', '--avg', '.value.price']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      `{"key":"a","windowStart":${T0},"windowEnd":${T0 + 60_000},"count":3,"sum_price":60,"avg_price":20,` +
        `"timestamp":${T0 + 59_999},"final":true}`,
    );
    expect(lines(r.stdout).map((l) => [l.key, (Number(l.windowStart) - T0) / 1000, l.count])).toEqual([
      ['a', 0, 3],
      ['b', 0, 1],
      ['a', 60, 1],
      ['b', 60, 1],
      ['a', 120, 1],
      ['b', 180, 1],
    ]);
    expect(r.stderr).toBe('warning: 1 late (record, window) pairs dropped: their window had closed (--grace to keep them)\n');
  });

  it('-e --format table: one table of the final windows', async () => {
    const r = await run(['-e', '--by', '.headers.region', '--tumbling', '2m', '--max', '.value.price', '--format', 'table']);
    expect(r.stdout).toBe(
      [
        'GROUP  WINDOW START         WINDOW END           COUNT  MAX_PRICE  STATE',
        'eu     2026-01-01 00:00:00  2026-01-01 00:02:00      5         40  final',
        'us     2026-01-01 00:00:00  2026-01-01 00:02:00      2         15  final',
        'eu     2026-01-01 00:02:00  2026-01-01 00:04:00      1         50  final',
        'us     2026-01-01 00:02:00  2026-01-01 00:04:00      1         25  final',
        '',
      ].join('\n'),
    );
  });

  it('an exact count of a topic: one row', async () => {
    const r = await run(['-e', '--json']);
    expect(lines(r.stdout)).toEqual([{ key: null, timestamp: T0 + 200_000, partition: 0, offset: 8, count: 9, final: true }]);
  });

  it('values that are not numbers are counted and reported, never an error', async () => {
    const r = await run(
      ['-e', '--avg', '.value.price', '--json'],
      records((p) => (p === 25 ? 'n/a' : JSON.stringify({ price: p }))),
    );
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toMatchObject({ count: 9, avg_price: 170 / 7 });
    expect(r.stderr).toBe('warning: 2 of 9 records had no number at .value.price\n');
  });

  it('-e --format yaml: the rows as a YAML list', async () => {
    const r = await run(['-e', '--by', 'key', '--session', '30s', '--format', 'yaml']);
    expect(r.stdout.startsWith(`- key: a\n  windowStart: ${T0}\n  windowEnd: ${T0 + 20_000}\n  count: 2\n`)).toBe(true);
  });

  it('on a terminal: the live table with its footer (records, rate, stream time, late, lag)', async () => {
    const r = await run(['-e', '--by', 'key', '--tumbling', '1m'], records(), { tty: true });
    expect(r.code).toBe(0);
    const screens = r.stdout.split('\x1b[H\x1b[2J').filter(Boolean);
    const last = screens.at(-1)!;
    expect(last).toContain('ktool stats prices by key');
    expect(last).toMatch(/a\s+2026-01-01 00:00:00\s+2026-01-01 00:01:00\s+3\s+final/);
    expect(last).toMatch(/records 9 {2}\d+\/s {2}stream time 2026-01-01 00:03:20 {2}late 1 {2}lag 0\n$/);
  });

  it('--explain: the ksqlDB and Flink statements, and where none exists', async () => {
    const k = await run([
      '--by',
      'key',
      '--hopping',
      '1h/5m',
      '--avg',
      '.value.price',
      '--grace',
      '1m',
      '--emit',
      'final',
      '--explain',
      'ksql',
    ]);
    expect(k.stdout).toBe(
      [
        'CREATE TABLE prices_stats AS',
        '  SELECT ROWKEY, WINDOWSTART, WINDOWEND, COUNT(*) AS `count`, AVG(price) AS avg_price',
        '  FROM prices',
        '  WINDOW HOPPING (SIZE 1 HOURS, ADVANCE BY 5 MINUTES, GRACE PERIOD 1 MINUTES)',
        '  GROUP BY ROWKEY',
        '  EMIT FINAL;',
        '',
      ].join('\n'),
    );
    const f = await run(['--by', 'key', '--last', '20', '--avg', '.value.price', '--explain', 'flink']);
    expect(f.stdout).toContain('ROWS BETWEEN 19 PRECEDING AND CURRENT ROW');
    const none = await run(['--ema', '.value.price', '--span', '20', '--explain', 'ksql']);
    expect(none.stdout).toBe('-- no ksqlDB equivalent: EMA is not a built-in aggregate (a user-defined aggregate is needed)\n');
    expect((await run(['--last', '5m', '--explain', 'ksql'])).stdout).toMatch(/no ksqlDB equivalent: ksqlDB has no per-row moving window/);
  });
});
