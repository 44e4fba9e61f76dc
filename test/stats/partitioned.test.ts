/**
 * One engine per partition (PartitionedEngine): two partitions interleaved so that partition 0 runs
 * far ahead of partition 1 (as the partition reader fetches them) give, per partition, what a
 * brute-force recomputation of that partition alone gives (its own stream time), where one engine
 * over both drops partition 1's records as late.
 */
import { describe, expect, it } from 'vitest';
import { StatsEngine, type EngineSnapshot } from '../../src/stats/engine.js';
import { groupsStayInPartition, PartitionedEngine } from '../../src/stats/partitioned.js';
import type { EngineInput, StatsRow, StatsSpec } from '../../src/stats/types.js';
import { T0 } from './fixture.js';

const MIN = 60_000;
const SPEC: StatsSpec = {
  fields: ['.value.v'],
  metrics: [{ kind: 'sum', field: 0, name: 'sum_v' }],
  window: { kind: 'time', size: MIN, advance: MIN },
  grace: 5_000,
  emit: 'final',
};

/** Partition p: keys k{p}-0..2, one record every 7 s for 30 min, a few 3 s out of order (late-free within grace). */
function partitionRecords(p: number): EngineInput[] {
  const out: EngineInput[] = [];
  for (let i = 0; i < 260; i++) {
    const time = T0 + i * 7_000 - (i % 5 === 0 ? 3_000 : 0);
    const group = `k${p}-${i % 3}`;
    out.push({ group, groupValue: group, time, values: [i + p], partition: p, offset: i });
  }
  return out;
}

/** Partition 0 far ahead: 200 of its records, then both interleaved one for one. */
function interleaved(): EngineInput[] {
  const [a, b] = [partitionRecords(0), partitionRecords(1)];
  const out = a.slice(0, 200);
  for (let i = 0; i < b.length; i++) {
    out.push(b[i]);
    if (200 + i < a.length) out.push(a[200 + i]);
  }
  return out;
}

/** Each partition alone, by the book: a record is in its window iff end > (partition's max time so far) - grace. */
function brute(records: EngineInput[]): { rows: string[]; late: number } {
  const st = new Map<number, number>();
  const windows = new Map<string, { n: number; sum: number }>();
  let late = 0;
  for (const r of records) {
    const p = r.partition ?? 0;
    st.set(p, Math.max(st.get(p) ?? -Infinity, r.time));
    const start = r.time - (r.time % MIN);
    if (start + MIN <= st.get(p)! - SPEC.grace) {
      late++;
      continue;
    }
    const w = windows.get(`${r.group}@${start}`) ?? { n: 0, sum: 0 };
    windows.set(`${r.group}@${start}`, { n: w.n + 1, sum: w.sum + r.values[0] });
  }
  return { rows: [...windows].map(([id, w]) => `${id} n${w.n} s${w.sum}`).sort(), late };
}

function finals(e: { process(r: EngineInput): void; take(): StatsRow[]; end(): StatsRow[] }, records: EngineInput[]): string[] {
  const rows: StatsRow[] = [];
  for (const r of records) {
    e.process(r);
    rows.push(...e.take());
  }
  rows.push(...e.end());
  expect(rows.every((r) => r.final)).toBe(true);
  return rows.map((r) => `${String(r.key)}@${r.windowStart} n${String(r.count)} s${String(r.sum_v)}`).sort();
}

describe('one engine per partition', () => {
  it('a partition read far ahead of another: one engine drops the other as late, per-partition engines equal brute force', () => {
    const records = interleaved();
    const want = brute(records);
    expect(want.late).toBe(0);
    const single = new StatsEngine(SPEC);
    expect(finals(single, records)).not.toEqual(want.rows);
    expect(single.counts().late).toBeGreaterThan(100);
    const parted = new PartitionedEngine(SPEC);
    expect(finals(parted, records)).toEqual(want.rows);
    const c = parted.counts();
    expect([c.records, c.late, c.badTime]).toEqual([records.length, 0, 0]);
    expect(c.streamTime).toBe(Math.max(...records.map((r) => r.time)));
  });

  it('snapshots per partition: restored halfway, the run continues as one never stopped', () => {
    const records = interleaved();
    const whole = finals(new PartitionedEngine(SPEC), records);
    const first = new PartitionedEngine(SPEC);
    const rows: StatsRow[] = [];
    for (const r of records.slice(0, 300)) first.process(r);
    rows.push(...first.take());
    const snaps = first.snapshot();
    expect([...snaps.keys()].sort()).toEqual([0, 1]);
    const second = new PartitionedEngine(SPEC);
    second.restore(new Map(JSON.parse(JSON.stringify([...snaps])) as [number, EngineSnapshot][]));
    for (const r of records.slice(300)) second.process(r);
    rows.push(...second.take(), ...second.end());
    expect(rows.map((r) => `${String(r.key)}@${r.windowStart} n${String(r.count)} s${String(r.sum_v)}`).sort()).toEqual(whole);
  });

  it('groupsStayInPartition: --by key, partition or both; not without --by, topic or a value path', () => {
    expect(groupsStayInPartition([['key']])).toBe(true);
    expect(groupsStayInPartition([['partition']])).toBe(true);
    expect(groupsStayInPartition([['key'], ['partition']])).toBe(true);
    expect(groupsStayInPartition([])).toBe(false);
    expect(groupsStayInPartition([['topic']])).toBe(false);
    expect(groupsStayInPartition([['key'], ['value', 'region']])).toBe(false);
    expect(groupsStayInPartition([['key', 'id']])).toBe(false);
  });
});
