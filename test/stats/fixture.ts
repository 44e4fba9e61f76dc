/**
 * The hand fixture of the stream-analytics study (shared/notes/stream-analytics.md 6.1), one partition:
 * key, time = T0 + seconds, value {"price": p}. T0 = 2026-01-01T00:00:00Z, a multiple of every window size used.
 */
import type { EngineInput, MetricSpec, StatsRow, StatsSpec } from '../../src/stats/types.js';
import { StatsEngine } from '../../src/stats/engine.js';

export const T0 = 1767225600000;

export const FIXTURE: [string, number, number][] = [
  ['a', 0, 10],
  ['a', 20, 20],
  ['b', 30, 5],
  ['a', 59.999, 30],
  ['a', 60, 40],
  ['b', 75, 15],
  ['a', 50, 25], // out of order: late unless grace covers it
  ['a', 130, 50],
  ['b', 200, 25],
];

export const inputs = (rows = FIXTURE): EngineInput[] =>
  rows.map(([k, s, p], offset) => ({ group: k, groupValue: k, time: T0 + Math.round(s * 1000), values: [p], partition: 0, offset }));

export const PRICE_METRICS: MetricSpec[] = [
  { kind: 'sum', field: 0, name: 'sum_price' },
  { kind: 'avg', field: 0, name: 'avg_price' },
];

export function spec(over: Partial<StatsSpec>): StatsSpec {
  return { fields: ['.value.price'], metrics: PRICE_METRICS, window: { kind: 'none' }, grace: 0, emit: 'update', ...over };
}

/** Every row, record by record: [index of the record after which it came (-1: end of input), row]. */
export function runAll(s: StatsSpec, records = inputs(), coalesce = false): [number, StatsRow][] {
  const e = new StatsEngine(s, { coalesce });
  const out: [number, StatsRow][] = [];
  records.forEach((r, i) => {
    e.process(r);
    for (const row of e.take()) out.push([i, row]);
  });
  for (const row of e.end()) out.push([-1, row]);
  return out;
}

/** Seconds from T0 for readable expectations. */
export const rel = (ms: number | undefined) => (ms === undefined ? undefined : (ms - T0) / 1000);
