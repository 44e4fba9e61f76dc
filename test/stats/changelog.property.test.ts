/**
 * Property test (fast-check, fixed seed) of a stats application's state store (StatsStore over
 * PartitionedEngine, what `stats -g` commits): records of two partitions, a commit every few records
 * (the changed cells applied to a compacted changelog: the latest value per key, a tombstone deletes),
 * crashes at random points (what was processed since the last commit is lost, the engine is rebuilt
 * from the changelog alone and the records since the last commit are read again). The rows of the
 * committed transactions, then the end of input, equal an uninterrupted run's (each group's rows in
 * the same order); so do the counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatsStore } from '../../src/stats/changelog-store.js';
import { PartitionedEngine } from '../../src/stats/partitioned.js';
import type { EngineInput, StatsRow, StatsSpec } from '../../src/stats/types.js';

const T0 = 1767225600000;
const SEED = { seed: 20261202, numRuns: 200 };

const recordsArb = fc.array(
  fc.record({
    key: fc.constantFrom('a', 'b', 'c', 'd'),
    p: fc.constantFrom(0, 1),
    t: fc.oneof(
      fc.integer({ min: 0, max: 300 }).map((s) => s * 1000),
      fc.integer({ min: 0, max: 300_000 }),
    ),
    v: fc.oneof(fc.integer({ min: -50, max: 100 }), fc.constant(NaN)),
  }),
  { maxLength: 80 },
);
// A key lives in one partition, as with --by key.
const toInputs = (rs: { key: string; p: number; t: number; v: number }[]): EngineInput[] =>
  rs.map((r, i) => {
    const group = `${r.key}${r.p}`;
    return { group, groupValue: group, time: T0 + r.t, values: [r.v], partition: r.p, offset: i };
  });

const METRICS: StatsSpec['metrics'] = [
  { kind: 'sum', field: 0, name: 'sum_v' },
  { kind: 'min', field: 0, name: 'min_v' },
  { kind: 'avg', field: 0, name: 'avg_v' },
];
const spec = (over: Partial<StatsSpec>): StatsSpec => ({
  fields: ['.value'],
  metrics: METRICS,
  window: { kind: 'none' },
  grace: 0,
  emit: 'update',
  ...over,
});
const SPECS: StatsSpec[] = [
  spec({ window: { kind: 'time', size: 60_000, advance: 60_000 }, emit: 'final' }),
  spec({ window: { kind: 'time', size: 60_000, advance: 20_000 }, grace: 10_000 }),
  spec({ window: { kind: 'time', size: 30_000, advance: 10_000 }, grace: 5_000, emit: 'final' }),
  spec({ window: { kind: 'session', gap: 10_000 }, grace: 5_000 }),
  spec({ window: { kind: 'session', gap: 20_000 }, emit: 'final' }),
  spec({ window: { kind: 'last-time', span: 30_000 }, grace: 10_000 }),
  spec({ window: { kind: 'last-count', n: 3 } }),
  spec({ metrics: [...METRICS, { kind: 'ema', field: 0, name: 'ema_v' }], ema: { alpha: 0.3, adjust: true } }),
];

/** Rows per group in their order (the order between partitions' engines is not part of the result). */
function byKey(rows: StatsRow[]): [string, string[]][] {
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(String(r.key), [...(m.get(String(r.key)) ?? []), JSON.stringify(r)]);
  return [...m].sort((a, b) => a[0].localeCompare(b[0]));
}

function uninterrupted(s: StatsSpec, inputs: EngineInput[]): { rows: StatsRow[]; counts: unknown } {
  const e = new PartitionedEngine(s);
  const rows: StatsRow[] = [];
  for (const r of inputs) {
    e.process(r);
    rows.push(...e.take());
  }
  rows.push(...e.end());
  return { rows, counts: e.counts() };
}

/** As the exactly-once loop: commit every `every` records, crash before the records at `crashes` (each once). */
function withCrashes(s: StatsSpec, inputs: EngineInput[], every: number, crashes: number[]): { rows: StatsRow[]; counts: unknown } {
  const changelog = new Map<number, Map<string, Buffer>>([
    [0, new Map()],
    [1, new Map()],
  ]);
  let engine!: PartitionedEngine;
  let store!: StatsStore;
  const open = () => {
    engine = new PartitionedEngine(s, { trackChanges: true });
    store = new StatsStore(engine, 'app');
    for (const [p, entries] of changelog) store.restore(p, new Map(entries));
  };
  open();
  const committed: StatsRow[] = [];
  let pending: StatsRow[] = [];
  const touched = new Set<number>();
  let committedAt = 0;
  const commit = (at: number) => {
    for (const p of touched)
      for (const c of store.changes(p)) {
        if (c.value === null) changelog.get(p)!.delete(c.key);
        else changelog.get(p)!.set(c.key, Buffer.from(c.value));
      }
    committed.push(...pending);
    pending = [];
    touched.clear();
    committedAt = at;
  };
  const todo = new Set(crashes);
  let i = 0;
  while (i < inputs.length) {
    if (todo.delete(i)) {
      // kill -9: the open transaction's rows and changes are lost; state comes back from the changelog only.
      pending = [];
      touched.clear();
      open();
      i = committedAt;
      continue;
    }
    engine.process(inputs[i]);
    pending.push(...engine.take());
    touched.add(inputs[i].partition!);
    i++;
    if (i % every === 0) commit(i);
  }
  commit(i);
  committed.push(...engine.end());
  return { rows: committed, counts: engine.counts() };
}

describe('stats application state: rebuilt from the changelog, then continued', () => {
  it('equals an uninterrupted run, for every window kind, commit interval and crash points', () => {
    fc.assert(
      fc.property(
        recordsArb,
        fc.constantFrom(...SPECS.keys()),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.nat({ max: 80 }), { maxLength: 4 }),
        (rs, which, every, crashes) => {
          const s = SPECS[which];
          const inputs = toInputs(rs);
          const want = uninterrupted(s, inputs);
          const got = withCrashes(s, inputs, every, crashes);
          expect(byKey(got.rows)).toEqual(byKey(want.rows));
          expect(got.counts).toEqual(want.counts);
        },
      ),
      SEED,
    );
  });

  it('time windows: no tombstone when a window closes (restore leaves it out), nothing for one opened and closed between commits', () => {
    const s = SPECS[0];
    const engine = new PartitionedEngine(s, { trackChanges: true });
    const store = new StatsStore(engine, 'app');
    const at = (t: number, key = 'a'): EngineInput => ({ group: key, groupValue: key, time: T0 + t, values: [1], partition: 0 });
    engine.process(at(1_000));
    const first = [...store.changes(0)];
    expect(first.map((c) => [c.key, c.value === null])).toEqual([
      ['h', false],
      [`c${T0}|a`, false],
    ]);
    engine.process(at(61_000, 'b'));
    engine.process(at(62_000, 'c'));
    engine.process(at(130_000, 'c'));
    const second = [...store.changes(0)];
    expect(second.map((c) => [c.key, c.value === null])).toEqual([
      ['h', false],
      [`c${T0 + 120_000}|c`, false],
    ]);
    // The changelog as compaction keeps it still has a's closed window: restoring leaves it out.
    const entries = new Map([...first, ...second].map((c) => [c.key, c.value!]));
    const back = new PartitionedEngine(s, { trackChanges: true });
    new StatsStore(back, 'app').restore(0, entries);
    expect(back.open().map((r) => [r.key, r.windowStart])).toEqual([['c', T0 + 120_000]]);
  });

  it('sessions: a tombstone for a stored session merged away or closed', () => {
    const s = SPECS[4];
    const engine = new PartitionedEngine(s, { trackChanges: true });
    const store = new StatsStore(engine, 'app');
    const at = (t: number, key = 'a'): EngineInput => ({ group: key, groupValue: key, time: T0 + t, values: [1], partition: 0 });
    engine.process(at(1_000));
    store.changes(0);
    engine.process(at(5_000));
    expect([...store.changes(0)].map((c) => [c.key, c.value === null])).toEqual([
      ['h', false],
      [`c${T0 + 1_000}|a`, false],
    ]);
    engine.process(at(100_000, 'b'));
    expect([...store.changes(0)].map((c) => [c.key, c.value === null])).toEqual([
      ['h', false],
      [`c${T0 + 1_000}|a`, true],
      [`c${T0 + 100_000}|b`, false],
    ]);
  });

  it('refuses a changelog written with other flags, naming the reset', () => {
    const a = new PartitionedEngine(SPECS[0], { trackChanges: true });
    a.process({ group: 'a', groupValue: 'a', time: T0, values: [1], partition: 0 });
    const entries = new Map([...new StatsStore(a, 'app').changes(0)].map((c) => [c.key, c.value!]));
    const b = new StatsStore(new PartitionedEngine(SPECS[1], { trackChanges: true }), 'app');
    expect(() => b.restore(0, entries)).toThrow(/other stats flags/);
  });
});
