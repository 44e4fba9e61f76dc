/**
 * The engine on the hand fixture (fixture.ts). Every expected number here was derived by hand from
 * Kafka Streams' rules (window assignment, close at end + grace <= stream time, session merging and
 * expiry) and pandas' definitions; the comments show the arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { StatsEngine } from '../../src/stats/engine.js';
import { windowsFor } from '../../src/stats/time-windows.js';
import { inputs, rel, runAll, spec, T0 } from './fixture.js';

const finals = (rows: ReturnType<typeof runAll>) =>
  rows.filter(([, r]) => r.final).map(([i, r]) => [i, r.key, rel(r.windowStart), rel(r.windowEnd), r.count, r.sum_price]);

describe('window assignment (TimeWindows.windowsFor)', () => {
  it('tumbling: the one window [N*size, N*size+size) holding t, start inclusive, end exclusive', () => {
    expect(windowsFor(59_999, 60_000, 60_000)).toEqual([0]);
    expect(windowsFor(60_000, 60_000, 60_000)).toEqual([60_000]);
  });
  it('hopping: every window [N*adv, N*adv+size) with start <= t < end; starts clamped at 0 near the epoch', () => {
    expect(windowsFor(130_000, 120_000, 60_000)).toEqual([60_000, 120_000]);
    expect(windowsFor(120_000, 120_000, 60_000)).toEqual([60_000, 120_000]);
    expect(windowsFor(10_000, 120_000, 60_000)).toEqual([0]); // [-60000, 60000) is not assigned (Streams' max(0, ...))
    expect(windowsFor(5, 10, 3)).toEqual([0, 3]); // [0,10) [3,13); [-3,7) clamped away
  });
});

describe('tumbling 1m', () => {
  it('grace 0: #7 (t=50s, stream time 75s) is late for [0,60): 60 <= 75 - 0', () => {
    const rows = runAll(spec({ window: { kind: 'time', size: 60_000, advance: 60_000 } }));
    // finals: at #5 (stream time 60 >= 60 + 0) [0,60) of a and b; at #8 (130) [60,120); at #9 (200) a[120,180); b[180,240) at the end
    expect(finals(rows)).toEqual([
      [4, 'a', 0, 60, 3, 60],
      [4, 'b', 0, 60, 1, 5],
      [7, 'a', 60, 120, 1, 40],
      [7, 'b', 60, 120, 1, 15],
      [8, 'a', 120, 180, 1, 50],
      [-1, 'b', 180, 240, 1, 25],
    ]);
    const e = new StatsEngine(spec({ window: { kind: 'time', size: 60_000, advance: 60_000 } }));
    for (const r of inputs()) e.process(r);
    expect(e.counts()).toMatchObject({ records: 9, late: 1, streamTime: T0 + 200_000 });
    // updates (not final): one per record accepted, with the running value of its window
    expect(rows.filter(([, r]) => !r.final).map(([i, r]) => [i, r.key, rel(r.windowStart), r.count, r.avg_price])).toEqual([
      [0, 'a', 0, 1, 10],
      [1, 'a', 0, 2, 15],
      [2, 'b', 0, 1, 5],
      [3, 'a', 0, 3, 20],
      [4, 'a', 60, 1, 40],
      [5, 'b', 60, 1, 15],
      [7, 'a', 120, 1, 50],
      [8, 'b', 180, 1, 25],
    ]);
  });

  it('grace 30s: #7 is accepted (60 > 75 - 30): a[0,60) = 10+20+30+25 = 85 over 4, avg 21.25', () => {
    const rows = runAll(spec({ window: { kind: 'time', size: 60_000, advance: 60_000 }, grace: 30_000, emit: 'final' }));
    // [0,60) closes when stream time >= 90: at #8 (130), with [60,120)? 120 + 30 = 150 > 130: not yet; at #9 (200)
    expect(finals(rows)).toEqual([
      [7, 'a', 0, 60, 4, 85],
      [7, 'b', 0, 60, 1, 5],
      [8, 'a', 60, 120, 1, 40],
      [8, 'b', 60, 120, 1, 15],
      [-1, 'a', 120, 180, 1, 50],
      [-1, 'b', 180, 240, 1, 25],
    ]);
    expect(rows.find(([, r]) => r.key === 'a' && rel(r.windowStart) === 0)![1].avg_price).toBe(21.25);
    expect(rows.every(([, r]) => r.final)).toBe(true); // emit final: no updates
  });

  it('a window closes exactly at end + grace: a record at stream time end + grace - 1 still counts', () => {
    const s = spec({ window: { kind: 'time', size: 60_000, advance: 60_000 }, grace: 10_000, emit: 'final' });
    const e = new StatsEngine(s);
    const at = (ms: number, group = 'a') => e.process({ group, groupValue: group, time: T0 + ms, values: [1] });
    at(0);
    at(69_999, 'x'); // stream time 69.999: [0,60) open until 70
    at(59_999); // accepted
    expect(e.take()).toEqual([]);
    at(70_000, 'x'); // 60 + 10 <= 70: closes
    expect(e.take().map((r) => [r.key, rel(r.windowStart), r.count])).toEqual([['a', 0, 2]]);
    at(59_999); // late now
    expect(e.counts().late).toBe(1);
  });
});

describe('hopping 2m advance 1m, grace 0', () => {
  it('each record in two windows; #7 late for [-60,60) only', () => {
    const rows = runAll(spec({ window: { kind: 'time', size: 120_000, advance: 60_000 }, emit: 'final' }));
    const table = finals(rows)
      .map(([, k, s, e, n, sum]) => `${k}[${s},${e}) n${n} ${sum}`)
      .sort();
    expect(table).toEqual(
      [
        'a[-60,60) n3 60', // #1 #2 #4
        'a[0,120) n5 125', // #1 #2 #4 #5 #7: 10+20+30+40+25
        'a[60,180) n2 90', // #5 #8
        'a[120,240) n1 50',
        'b[-60,60) n1 5',
        'b[0,120) n2 20',
        'b[60,180) n1 15',
        'b[120,240) n1 25',
        'b[180,300) n1 25',
      ].sort(),
    );
    const e = new StatsEngine(spec({ window: { kind: 'time', size: 120_000, advance: 60_000 } }));
    for (const r of inputs()) e.process(r);
    expect(e.counts().late).toBe(1);
  });
});

describe('session gap 30s, grace 0', () => {
  it('merges within the gap (tombstones first), expires a session once end <= stream time - 30s', () => {
    const rows = runAll(spec({ window: { kind: 'session', gap: 30_000 } }));
    const shown = rows.map(([i, r]) => [i, r.key, rel(r.windowStart), rel(r.windowEnd), r.tombstone ? null : r.count, r.final]);
    expect(shown).toEqual([
      [0, 'a', 0, 0, 1, false],
      [1, 'a', 0, 0, null, false], // #2 merges [0,0]: a tombstone for it, then [0,20]
      [1, 'a', 0, 20, 2, false],
      [2, 'b', 30, 30, 1, false],
      // #4 (59.999): stream time 59.999, close 29.999: a[0,20] is closed (20 < 29.999); #4 starts a new session
      [3, 'a', 59.999, 59.999, 1, false],
      [3, 'a', 0, 20, 2, true],
      [4, 'a', 59.999, 59.999, null, false],
      [4, 'a', 59.999, 60, 2, false],
      // #6 (75): before it, b[30,30] expires (30 <= 60 - 30, the stream time before #6); b[75,75] new
      [5, 'b', 30, 30, 1, true],
      [5, 'b', 75, 75, 1, false],
      // #7 (a, 50): a[0,20] is gone (Streams' store expired it: 20 <= 75 - 30), so #7 joins [59.999,60] only: [50,60]
      [6, 'a', 59.999, 60, null, false],
      [6, 'a', 50, 60, 3, false],
      // #8 (130): close 100: a[50,60] and b[75,75] closed
      [7, 'a', 130, 130, 1, false],
      [7, 'a', 50, 60, 3, true],
      [7, 'b', 75, 75, 1, true],
      [8, 'b', 200, 200, 1, false],
      [8, 'a', 130, 130, 1, true],
      [-1, 'b', 200, 200, 1, true],
    ]);
    expect(rows.find(([i, r]) => i === 6 && !r.tombstone)![1].sum_price).toBe(95); // 30 + 40 + 25
  });

  it('a gap of exactly `gap` merges; gap + 1 does not', () => {
    const s = spec({ window: { kind: 'session', gap: 30_000 }, grace: 60_000, emit: 'final' });
    const rows = runAll(s, [
      { group: 'k', groupValue: 'k', time: T0, values: [1] },
      { group: 'k', groupValue: 'k', time: T0 + 30_000, values: [1] },
      { group: 'k', groupValue: 'k', time: T0 + 60_001, values: [1] },
    ]);
    expect(rows.map(([, r]) => [rel(r.windowStart), rel(r.windowEnd), r.count])).toEqual([
      [0, 30, 2],
      [60.001, 60.001, 1],
    ]);
  });

  it('a record between two sessions bridges them into one', () => {
    const s = spec({ window: { kind: 'session', gap: 10_000 }, grace: 60_000 });
    const rows = runAll(s, [
      { group: 'k', groupValue: 'k', time: T0, values: [1] },
      { group: 'k', groupValue: 'k', time: T0 + 20_000, values: [2] },
      { group: 'k', groupValue: 'k', time: T0 + 10_000, values: [4] },
    ]);
    expect(rows.filter(([i]) => i === 2).map(([, r]) => [rel(r.windowStart), rel(r.windowEnd), r.tombstone ?? r.sum_price])).toEqual([
      [0, 0, true],
      [20, 20, true],
      [0, 20, 7],
    ]);
  });
});

describe('per-record metrics', () => {
  const perRecord = (s: ReturnType<typeof spec>, metric = 'avg_price') =>
    runAll(s)
      .filter(([, r]) => !r.final)
      .map(([, r]) => [r.key, Math.round((r[metric] as number) * 1000) / 1000]);

  it('running average: cumulative sum / count per group', () => {
    expect(perRecord(spec({}))).toEqual([
      ['a', 10],
      ['a', 15],
      ['b', 5],
      ['a', 20],
      ['a', 25],
      ['b', 10],
      ['a', 25], // (100 + 25) / 5
      ['a', 29.167], // 175 / 6
      ['b', 15],
    ]);
  });

  it('--last 60s: [t - 60s, t] inclusive; a late record (grace 0) is dropped', () => {
    expect(perRecord(spec({ window: { kind: 'last-time', span: 60_000 } }))).toEqual([
      ['a', 10],
      ['a', 15],
      ['b', 5],
      ['a', 20],
      ['a', 25], // t=60 includes t=0: (10+20+30+40)/4 (pandas closed='right' would give 30)
      ['b', 10],
      ['a', 50], // #8 (130): [70,130] holds only itself; #7 was dropped
      ['b', 25],
    ]);
  });

  it('--last 60s with grace 30s: #7 (t=50) sees [-10,50]: 10, 20 and itself (the later 59.999 and 60 are after it)', () => {
    const rows = perRecord(spec({ window: { kind: 'last-time', span: 60_000 }, grace: 30_000 }));
    expect(rows[6]).toEqual(['a', 18.333]);
    expect(rows[7]).toEqual(['a', 50]); // #8 (130): [70,130] holds only itself
  });

  it('--last 3: the group last three numbers in arrival order', () => {
    expect(perRecord(spec({ window: { kind: 'last-count', n: 3 } }))).toEqual([
      ['a', 10],
      ['a', 15],
      ['b', 5],
      ['a', 20],
      ['a', 30],
      ['b', 10],
      ['a', 31.667], // 30 40 25
      ['a', 38.333], // 40 25 50
      ['b', 15],
    ]);
  });

  const ema = (e: StatsSpecEma) => perRecord(spec({ metrics: [{ kind: 'ema', field: 0, name: 'ema_price' }], ema: e }), 'ema_price');
  type StatsSpecEma = NonNullable<ReturnType<typeof spec>['ema']>;

  it('EMA alpha 0.5, adjust=False: y = 0.5 y + 0.5 x', () => {
    expect(
      ema({ alpha: 0.5, adjust: false })
        .filter(([k]) => k === 'a')
        .map(([, v]) => v),
    ).toEqual([10, 15, 22.5, 31.25, 28.125, 39.063]);
  });
  it('EMA alpha 0.5, adjust=True (pandas default): sum 0.5^i x / sum 0.5^i', () => {
    expect(
      ema({ alpha: 0.5, adjust: true })
        .filter(([k]) => k === 'a')
        .map(([, v]) => v),
    ).toEqual([10, 16.667, 24.286, 32.667, 28.71, 39.524]);
    expect(
      ema({ alpha: 0.5, adjust: true })
        .filter(([k]) => k === 'b')
        .map(([, v]) => v),
    ).toEqual([5, 11.667, 19.286]);
  });
  it('EMA half-life 30s over event time, adjust=True: weights 0.5^((t_newest - t)/30s)', () => {
    // #2: (10 * 0.5^(20/30) + 20) / (0.5^(20/30) + 1) = 16.135
    expect(ema({ halfLife: 30_000, adjust: true }).filter(([k]) => k === 'a')[1]).toEqual(['a', 16.135]);
  });
});
