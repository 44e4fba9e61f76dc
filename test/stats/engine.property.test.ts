/**
 * Property tests (fast-check, fixed seed): the incremental engine against brute-force recomputation
 * from the whole record list under the rules stated in src/stats/ (Kafka Streams' for windows), on
 * random keys, timestamps, disorder and grace; emit final gives each window exactly once; a
 * snapshot restored into a new engine continues exactly as an uninterrupted run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatsEngine } from '../../src/stats/engine.js';
import { windowsFor } from '../../src/stats/time-windows.js';
import type { EngineInput, StatsRow, StatsSpec } from '../../src/stats/types.js';

const T0 = 1767225600000;
const SEED = { seed: 20261201, numRuns: 150 };

/** Records: a few keys, times within a few minutes (ms granularity on whole seconds or odd ms), any order. */
const recordsArb = fc.array(
  fc.record({
    key: fc.constantFrom('a', 'b', 'c'),
    t: fc.oneof(
      fc.integer({ min: 0, max: 300 }).map((s) => s * 1000),
      fc.integer({ min: 0, max: 300_000 }),
    ),
    v: fc.oneof(fc.integer({ min: -50, max: 100 }), fc.constant(NaN)),
  }),
  { maxLength: 60 },
);
const toInputs = (rs: { key: string; t: number; v: number }[]): EngineInput[] =>
  rs.map((r, i) => ({ group: r.key, groupValue: r.key, time: T0 + r.t, values: [r.v], partition: 0, offset: i }));

const METRICS: StatsSpec['metrics'] = [
  { kind: 'sum', field: 0, name: 'sum_v' },
  { kind: 'min', field: 0, name: 'min_v' },
  { kind: 'max', field: 0, name: 'max_v' },
];
const spec = (over: Partial<StatsSpec>): StatsSpec => ({
  fields: ['.value'],
  metrics: METRICS,
  window: { kind: 'none' },
  grace: 0,
  emit: 'update',
  ...over,
});

/** Rows after each record, then at the end: [index, row] (-1 = end of input). */
function run(s: StatsSpec, inputs: EngineInput[]): [number, StatsRow][] {
  const e = new StatsEngine(s);
  const out: [number, StatsRow][] = [];
  inputs.forEach((r, i) => {
    e.process(r);
    for (const row of e.take()) out.push([i, row]);
  });
  for (const row of e.end()) out.push([-1, row]);
  return out;
}

const summary = (vals: number[]) => {
  const nums = vals.filter((v) => !Number.isNaN(v));
  return {
    count: vals.length,
    sum_v: nums.reduce((a, b) => a + b, 0),
    min_v: nums.length ? Math.min(...nums) : null,
    max_v: nums.length ? Math.max(...nums) : null,
  };
};

/** Time windows by the book: accepted iff end > (max time so far) - grace; final at the first record with end <= close. */
function bruteTime(inputs: EngineInput[], size: number, advance: number, grace: number, emit: 'update' | 'final'): [number, object][] {
  const out: [number, object][] = [];
  const windows = new Map<string, { key: string; start: number; vals: number[]; first: number; done: boolean }>();
  let st = -Infinity;
  const closeUpTo = (close: number, at: number) => {
    const due = [...windows.values()].filter((w) => !w.done && w.start + size <= close);
    due.sort((x, y) => x.start - y.start || x.first - y.first);
    for (const w of due) {
      w.done = true;
      out.push([at, { key: w.key, windowStart: w.start, windowEnd: w.start + size, ...summary(w.vals), final: true }]);
    }
  };
  inputs.forEach((r, i) => {
    st = Math.max(st, r.time);
    for (const start of windowsFor(r.time, size, advance)) {
      if (start + size <= st - grace) continue;
      const id = `${r.group}@${start}`;
      const w = windows.get(id) ?? { key: r.group, start, vals: [], first: i, done: false };
      windows.set(id, w);
      w.vals.push(r.values[0]);
      if (emit === 'update') out.push([i, { key: r.group, windowStart: start, windowEnd: start + size, ...summary(w.vals), final: false }]);
    }
    closeUpTo(st - grace, i);
  });
  closeUpTo(Infinity, -1);
  return out;
}

const shape = (rows: [number, StatsRow][]) =>
  rows.map(([i, r]) => [
    i,
    {
      key: r.key,
      windowStart: r.windowStart,
      windowEnd: r.windowEnd,
      count: r.count,
      sum_v: r.sum_v,
      min_v: r.min_v,
      max_v: r.max_v,
      final: r.final,
    },
  ]);

describe('time windows: incremental == brute force', () => {
  it('every update and every final row, tumbling and hopping, any grace, any disorder', () => {
    fc.assert(
      fc.property(
        recordsArb,
        fc.constantFrom(10_000, 30_000, 60_000),
        fc.constantFrom(1, 2, 3),
        fc.constantFrom(0, 5_000, 30_000, 120_000),
        fc.constantFrom<'update' | 'final'>('update', 'final'),
        (rs, size, hops, grace, emit) => {
          const advance = size / hops;
          const inputs = toInputs(rs);
          const got = shape(run(spec({ window: { kind: 'time', size, advance }, grace, emit }), inputs));
          expect(got).toEqual(bruteTime(inputs, size, advance, grace, emit));
        },
      ),
      SEED,
    );
  });

  it('emit final: each window exactly once, and every window that took a record', () => {
    fc.assert(
      fc.property(recordsArb, fc.constantFrom(0, 10_000, 60_000), (rs, grace) => {
        const rows = run(spec({ window: { kind: 'time', size: 60_000, advance: 20_000 }, grace, emit: 'final' }), toInputs(rs));
        const ids = rows.map(([, r]) => `${String(r.key)}@${r.windowStart}`);
        expect(new Set(ids).size).toBe(ids.length);
        expect(rows.every(([, r]) => r.final)).toBe(true);
        const updates = run(spec({ window: { kind: 'time', size: 60_000, advance: 20_000 }, grace }), toInputs(rs));
        expect(new Set(updates.map(([, r]) => `${String(r.key)}@${r.windowStart}`))).toEqual(new Set(ids));
      }),
      SEED,
    );
  });
});

/**
 * Sessions by the book, over a flat list: expire end <= previous stream time - gap - grace, merge
 * within gap, late if merged end < close.
 */
function bruteSessions(inputs: EngineInput[], gap: number, grace: number): [number, object][] {
  type S = { key: string; start: number; end: number; vals: number[] };
  let open: S[] = [];
  const out: [number, object][] = [];
  let st = -Infinity;
  const final = (s: S, at: number) =>
    out.push([at, { key: s.key, windowStart: s.start, windowEnd: s.end, ...summary(s.vals), final: true }]);
  const expire = (pred: (s: S) => boolean, at: number) => {
    const gone = open.filter(pred).sort((x, y) => x.end - y.end);
    open = open.filter((s) => !pred(s));
    gone.forEach((s) => final(s, at));
  };
  inputs.forEach((r, i) => {
    const prevClose = st - grace - gap;
    expire((s) => s.end <= prevClose, i);
    st = Math.max(st, r.time);
    const close = st - grace - gap;
    const t = r.time;
    const hit = open.filter((s) => s.key === r.group && s.end >= t - gap && s.start <= t + gap);
    const start = Math.min(t, ...hit.map((s) => s.start));
    const end = Math.max(t, ...hit.map((s) => s.end));
    if (end >= close) {
      hit.sort((x, y) => x.start - y.start);
      if (start !== t || end !== t)
        for (const s of hit) out.push([i, { key: s.key, windowStart: s.start, windowEnd: s.end, tombstone: true, final: false }]);
      open = open.filter((s) => !hit.includes(s));
      const merged = { key: r.group, start, end, vals: [...hit.flatMap((s) => s.vals), r.values[0]] };
      open.push(merged);
      out.push([i, { key: merged.key, windowStart: start, windowEnd: end, ...summary(merged.vals), final: false }]);
    }
    expire((s) => s.end < close, i);
  });
  expire(() => true, -1);
  return out;
}

describe('sessions: incremental == brute force', () => {
  it('tombstones, merges, updates and finals in order, any grace, any disorder', () => {
    fc.assert(
      fc.property(recordsArb, fc.constantFrom(1_000, 10_000, 30_000), fc.constantFrom(0, 5_000, 60_000), (rs, gap, grace) => {
        const inputs = toInputs(rs);
        const got = run(spec({ window: { kind: 'session', gap }, grace }), inputs).map(([i, r]) => [
          i,
          r.tombstone
            ? { key: r.key, windowStart: r.windowStart, windowEnd: r.windowEnd, tombstone: true, final: false }
            : {
                key: r.key,
                windowStart: r.windowStart,
                windowEnd: r.windowEnd,
                count: r.count,
                sum_v: r.sum_v,
                min_v: r.min_v,
                max_v: r.max_v,
                final: r.final,
              },
        ]);
        const want = bruteSessions(inputs, gap, grace);
        // Finals that come together (one expiry) are ordered by end; equal ends in any order.
        const norm = (rows: [number, object][]) => rows.map(([i, o]) => `${i} ${JSON.stringify(o)}`);
        expect(norm(got as [number, object][]).sort()).toEqual(norm(want).sort());
        const finals = got.filter(([, r]) => (r as StatsRow).final).map(([, r]) => JSON.stringify(r));
        expect(new Set(finals).size).toBe(finals.length);
      }),
      SEED,
    );
  });
});

describe('per-record metrics == brute force', () => {
  it('--last D: the group accepted records with time in [t - D, t]; late (t < stream time - grace) dropped', () => {
    fc.assert(
      fc.property(recordsArb, fc.constantFrom(1_000, 30_000, 90_000), fc.constantFrom(0, 20_000), (rs, span, grace) => {
        const inputs = toInputs(rs);
        const got = run(spec({ window: { kind: 'last-time', span }, grace }), inputs).filter(([, r]) => !r.final);
        const want: [number, object][] = [];
        const kept: EngineInput[] = [];
        let st = -Infinity;
        inputs.forEach((r, i) => {
          st = Math.max(st, r.time);
          if (r.time < st - grace) return;
          kept.push(r);
          const inWindow = kept.filter((k) => k.group === r.group && k.time >= r.time - span && k.time <= r.time);
          want.push([i, { key: r.group, ...summary(inWindow.map((k) => k.values[0])) }]);
        });
        expect(got.map(([i, r]) => [i, { key: r.key, count: r.count, sum_v: r.sum_v, min_v: r.min_v, max_v: r.max_v }])).toEqual(want);
      }),
      SEED,
    );
  });

  it('--last N and running: the group last N records (all of them) in arrival order', () => {
    fc.assert(
      fc.property(recordsArb, fc.constantFrom(1, 3, 20, 0), (rs, n) => {
        const inputs = toInputs(rs);
        const got = run(spec({ window: n ? { kind: 'last-count', n } : { kind: 'none' } }), inputs).filter(([, r]) => !r.final);
        const want = inputs.map((r, i) => {
          const mine = inputs.slice(0, i + 1).filter((k) => k.group === r.group);
          return [i, { key: r.group, ...summary((n ? mine.slice(-n) : mine).map((k) => k.values[0])) }];
        });
        expect(got.map(([i, r]) => [i, { key: r.key, count: r.count, sum_v: r.sum_v, min_v: r.min_v, max_v: r.max_v }])).toEqual(want);
      }),
      SEED,
    );
  });

  it('EMA with a half-life and adjust: the same value whatever the arrival order', () => {
    fc.assert(
      fc.property(recordsArb, fc.integer({ min: 0, max: 1000 }), (rs, seed) => {
        const inputs = toInputs(rs.map((r) => ({ ...r, key: 'a' })));
        const shuffled = [...inputs].sort((x, y) => ((x.offset! * 7919 + seed) % 101) - ((y.offset! * 7919 + seed) % 101));
        const s = spec({ metrics: [{ kind: 'ema', field: 0, name: 'ema_v' }], ema: { halfLife: 30_000, adjust: true } });
        const last = (xs: EngineInput[]) => run(s, xs).filter(([, r]) => r.final)[0]?.[1].ema_v as number | null | undefined;
        const [x, y] = [last(inputs), last(shuffled)];
        if (x === null || x === undefined) expect(y ?? null).toBe(x ?? null);
        else expect(y).toBeCloseTo(x, 9);
      }),
      SEED,
    );
  });
});

describe('snapshot / restore', () => {
  const specs: StatsSpec[] = [
    spec({ window: { kind: 'time', size: 60_000, advance: 20_000 }, grace: 10_000 }),
    spec({ window: { kind: 'time', size: 60_000, advance: 60_000 }, emit: 'final' }),
    spec({ window: { kind: 'session', gap: 10_000 }, grace: 5_000 }),
    spec({ window: { kind: 'last-time', span: 30_000 }, grace: 10_000 }),
    spec({ window: { kind: 'last-count', n: 4 } }),
    spec({ metrics: [...METRICS, { kind: 'ema', field: 0, name: 'ema_v' }], ema: { alpha: 0.3, adjust: false } }),
    spec({ metrics: [{ kind: 'ema', field: 0, name: 'ema_v' }], ema: { halfLife: 20_000, adjust: true } }),
  ];
  it('snapshot (through JSON) at any point, restore into a new engine, continue == uninterrupted', () => {
    fc.assert(
      fc.property(recordsArb, fc.nat(), fc.constantFrom(...specs.keys()), (rs, cut, which) => {
        const s = specs[which];
        const inputs = toInputs(rs);
        const at = inputs.length ? cut % (inputs.length + 1) : 0;
        const first = new StatsEngine(s);
        const rows: [number, StatsRow][] = [];
        inputs.slice(0, at).forEach((r, i) => {
          first.process(r);
          for (const row of first.take()) rows.push([i, row]);
        });
        const second = new StatsEngine(s);
        second.restore(JSON.parse(JSON.stringify(first.snapshot())));
        inputs.slice(at).forEach((r, i) => {
          second.process(r);
          for (const row of second.take()) rows.push([at + i, row]);
        });
        for (const row of second.end()) rows.push([-1, row]);
        expect(JSON.stringify(rows)).toBe(JSON.stringify(run(s, inputs)));
        expect(second.counts()).toEqual(
          (() => {
            const e = new StatsEngine(s);
            inputs.forEach((r) => e.process(r));
            e.end();
            return e.counts();
          })(),
        );
      }),
      SEED,
    );
  });
});
