/**
 * The aggregate of one group in one window: a flat array of numbers, so a snapshot is plain JSON.
 *   [0] count of records, [1] max event time of the records,
 *   then per field i at 2 + 4i: [n numbers, sum, min, max].
 * count, sum, min and max merge (sessions merge their aggregates, as Streams' Merger does).
 */
import type { MetricSpec, StatsRow } from './types.js';

export type Agg = number[];

export function newAgg(fields: number): Agg {
  const a = new Array<number>(2 + 4 * fields);
  a[0] = 0;
  a[1] = -Infinity;
  for (let i = 0; i < fields; i++) {
    const o = 2 + 4 * i;
    a[o] = 0;
    a[o + 1] = 0;
    a[o + 2] = Infinity;
    a[o + 3] = -Infinity;
  }
  return a;
}

/** Adds one record's time and values (NaN: not a number, counted only in count). */
export function addTo(a: Agg, time: number, values: number[]): void {
  a[0]++;
  if (time > a[1]) a[1] = time;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue; // NaN
    const o = 2 + 4 * i;
    a[o]++;
    a[o + 1] += v;
    if (v < a[o + 2]) a[o + 2] = v;
    if (v > a[o + 3]) a[o + 3] = v;
  }
}

/** b merged into a (a changes). */
export function mergeInto(a: Agg, b: Agg): void {
  a[0] += b[0];
  if (b[1] > a[1]) a[1] = b[1];
  for (let o = 2; o < a.length; o += 4) {
    a[o] += b[o];
    a[o + 1] += b[o + 1];
    if (b[o + 2] < a[o + 2]) a[o + 2] = b[o + 2];
    if (b[o + 3] > a[o + 3]) a[o + 3] = b[o + 3];
  }
}

/** JSON has no Infinity: a snapshot writes the empty min/max as null. */
export function aggToJson(a: Agg): (number | null)[] {
  return a.map((v) => (Number.isFinite(v) ? v : null));
}

export function aggFromJson(j: (number | null)[]): Agg {
  return j.map((v, i) => (v !== null ? v : i === 1 ? -Infinity : (i - 2) % 4 === 2 ? Infinity : -Infinity));
}

/**
 * Writes the metric columns of `a` into `row`. `seconds` is what rate divides by (the window's
 * length); null when there is none. A metric over no numbers is null (avg, min, max) or 0 (sum).
 */
export function putMetrics(row: StatsRow, metrics: MetricSpec[], a: Agg, seconds: number | null): void {
  row.count = a[0];
  for (const m of metrics) {
    const o = 2 + 4 * (m.field ?? 0);
    switch (m.kind) {
      case 'sum':
        row[m.name] = a[o + 1];
        break;
      case 'avg':
        row[m.name] = a[o] ? a[o + 1] / a[o] : null;
        break;
      case 'min':
        row[m.name] = a[o] ? a[o + 2] : null;
        break;
      case 'max':
        row[m.name] = a[o] ? a[o + 3] : null;
        break;
      case 'rate':
        row[m.name] = seconds ? a[0] / seconds : null;
        break;
      default:
        break; // count is always there; ema comes from its own state
    }
  }
}
