/**
 * `ktool stats` against the real broker (KTOOL_TEST_BOOTSTRAP): the hand fixture produced with its
 * timestamps into a 2-partition topic, read back with -e; counts per partition equal the offsets
 * Kafka reports; --to writes rows a consumer reads back with their canonical keys. The bin/ktool e2e run is in stats.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { FIXTURE, T0 } from './fixture.js';

const topic = uniqueName('stats-fixture');
const out = uniqueName('stats-out');

const lines = (s: string) =>
  s
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  for (const t of [topic, out]) expect((await runCli(['topics', 'create', t, '-p', '2', '-c', 'retention.ms=-1'])).code).toBe(0);
  const input = FIXTURE.map(([key, s, price]) =>
    JSON.stringify({ key, partition: key === 'a' ? 0 : 1, timestamp: T0 + Math.round(s * 1000), value: JSON.stringify({ price }) }),
  ).join('\n');
  const produced = await runCli(['produce', '--input', 'json', topic], { stdin: input + '\n' });
  expect(produced.code).toBe(0);
});

afterAll(async () => {
  await runCli(['topics', 'delete', topic, out, '--yes']);
});

describe('ktool stats against the broker', () => {
  it('tumbling 1m, grace 0, -e: the final windows; #7 late; both partitions in timestamp order', async () => {
    const r = await runCli(['stats', topic, '-e', '--by', 'key', '--tumbling', '1m', '--sum', '.value.price', '--json']);
    expect(r.code).toBe(0);
    const rows = lines(r.stdout).map((l) => `${String(l.key)}[${(Number(l.windowStart) - T0) / 1000}] n${l.count} ${l.sum_price}`);
    expect(rows.sort()).toEqual(['a[0] n3 60', 'a[60] n1 40', 'a[120] n1 50', 'b[0] n1 5', 'b[60] n1 15', 'b[180] n1 25'].sort());
    expect(r.stderr).toContain('1 late (record, window) pairs dropped');
  });

  it('exact counts per key and per partition, and --grace 30s keeps #7', async () => {
    const counts = await runCli(['stats', topic, '-e', '--by', 'key', '--json']);
    expect(lines(counts.stdout).map((l) => [l.key, l.count])).toEqual([
      ['a', 6],
      ['b', 3],
    ]);
    const offsets = await runCli(['offsets', topic, '--json']);
    const perPartition = await runCli(['stats', topic, '-e', '--by', 'partition', '--json']);
    const ends = (JSON.parse(offsets.stdout) as { partition: number; offset: number }[]).filter((o) => o.offset > 0);
    expect(lines(perPartition.stdout).map((l) => [l.key, l.count])).toEqual(ends.map((o) => [o.partition, o.offset]));
    const grace = await runCli([
      'stats',
      topic,
      '-e',
      '--by',
      'key',
      '--tumbling',
      '1m',
      '--grace',
      '30s',
      '--avg',
      '.value.price',
      '--json',
    ]);
    expect(lines(grace.stdout).find((l) => l.key === 'a' && l.windowStart === T0)).toMatchObject({ count: 4, avg_price: 21.25 });
  });

  it('--to: rows written with canonical JSON keys, read back by consume', async () => {
    const r = await runCli(['stats', topic, '-e', '--by', 'key', '--session', '30s', '--sum', '.value.price', '--to', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`rows written to ${out}`);
    const back = await runCli(['consume', out, '-e', '--json']);
    const records = lines(back.stdout);
    expect(records).toHaveLength(6);
    const a = records.find((x) => x.key === `{"key":"a","windowStart":${T0 + 50_000}}`)!;
    expect(JSON.parse(a.value as string)).toMatchObject({ key: 'a', windowEnd: T0 + 60_000, count: 3, sum_price: 95, final: true });
  });
});
