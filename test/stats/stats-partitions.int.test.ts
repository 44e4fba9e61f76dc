/**
 * `ktool stats --by key` against the real broker on a 3-partition topic read from the start, 120k
 * records per partition over the same 20 minutes (produced per partition with -p): the reader fetches
 * one partition far ahead of the others (one stream time over them, `--by key --by topic`, dropped
 * 228,000 pairs late here), yet each partition has its own stream time (an engine per partition, as
 * Streams' tasks), so no record is late and every count is exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { T0 } from './fixture.js';

const topic = uniqueName('stats-ppart');
const SIZES = [120_000, 120_000, 120_000];
const SPAN = 20 * 60_000;

/** Partition p: keys p<p>-0..999, timestamps spread evenly over 20 minutes from T0. */
const records = (p: number) =>
  Array.from({ length: SIZES[p] }, (_, i) =>
    JSON.stringify({ key: `p${p}-${i % 1000}`, timestamp: T0 + Math.floor((i * SPAN) / SIZES[p]), value: '{"x":1}' }),
  ).join('\n') + '\n';

beforeAll(async () => {
  expect((await runCli(['topics', 'create', topic, '-p', '3', '-c', 'retention.ms=-1'])).code).toBe(0);
  for (const p of [0, 1, 2])
    expect((await runCli(['produce', '--input', 'json', topic, '-p', String(p)], { stdin: records(p) })).code).toBe(0);
}, 180_000);

afterAll(async () => {
  await runCli(['topics', 'delete', topic, '--yes']);
});

describe('ktool stats: a partition read far ahead of the others', () => {
  it('--by key --tumbling 1m from the start: no late drops, every (key, minute) count exact', async () => {
    const r = await runCli(['stats', topic, '-o', 'start', '-e', '--by', 'key', '--tumbling', '1m', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('late');
    const got = new Map<string, number>();
    for (const l of r.stdout.trim().split('\n')) {
      const row = JSON.parse(l) as { key: string; windowStart: number; count: number; final: boolean };
      expect(row.final).toBe(true);
      got.set(`${row.key}@${(row.windowStart - T0) / 60_000}`, row.count);
    }
    const want = new Map<string, number>();
    SIZES.forEach((n, p) => {
      for (let i = 0; i < n; i++) {
        const k = `p${p}-${i % 1000}@${Math.floor(Math.floor((i * SPAN) / n) / 60_000)}`;
        want.set(k, (want.get(k) ?? 0) + 1);
      }
    });
    expect(got).toEqual(want);
  }, 120_000);
});
