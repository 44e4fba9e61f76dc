/**
 * Exponential moving averages as pandas' Series.ewm (pandas/core/window/ewm.py, numba_.py), one
 * state per group and field:
 * - alpha (or span: alpha = 2 / (span + 1)), over the group's numbers in arrival order:
 *   adjust (pandas' default): y = sum (1-a)^i x_(t-i) / sum (1-a)^i, kept as S = (1-a) S + x, W = (1-a) W + 1;
 *   no adjust: y_0 = x_0, y = (1-a) y + a x.
 * - half-life h over event time (pandas `times=` with `halflife=`): each value weighs 0.5^((t_ref - t)/h);
 *   adjust: y = sum w x / sum w, kept as (S, W) at the newest time t_ref: the same whatever the
 *   arrival order, so a late record just adds its decayed term;
 *   no adjust: y = w y + (1 - w) x with w = 0.5^(dt/h), dt the time since the newest record (0 when older).
 * Values that are not numbers are skipped (pandas ignore_na=True).
 */
import type { EmaSpec } from './types.js';

/** [S, W, y, tRef, n] per field, flat: plain JSON for a snapshot. */
export type EmaState = number[];

export function newEma(fields: number): EmaState {
  const s = new Array<number>(5 * fields);
  for (let i = 0; i < fields; i++) s.splice(5 * i, 5, 0, 0, 0, 0, 0);
  return s;
}

export function emaAdd(spec: EmaSpec, s: EmaState, field: number, t: number, x: number): void {
  if (x !== x) return;
  const o = 5 * field;
  const first = s[o + 4] === 0;
  s[o + 4]++;
  if (spec.halfLife === undefined) {
    const keep = 1 - spec.alpha;
    s[o] = keep * s[o] + x;
    s[o + 1] = keep * s[o + 1] + 1;
    s[o + 2] = first ? x : keep * s[o + 2] + spec.alpha * x;
    return;
  }
  const h = spec.halfLife;
  if (first) {
    s[o] = x;
    s[o + 1] = 1;
    s[o + 2] = x;
    s[o + 3] = t;
    return;
  }
  if (t >= s[o + 3]) {
    const w = Math.pow(0.5, (t - s[o + 3]) / h);
    s[o] = s[o] * w + x;
    s[o + 1] = s[o + 1] * w + 1;
    s[o + 2] = w * s[o + 2] + (1 - w) * x;
    s[o + 3] = t;
  } else {
    const w = Math.pow(0.5, (s[o + 3] - t) / h);
    s[o] += w * x;
    s[o + 1] += w;
    // no adjust: a value older than the newest changes nothing but its share, dt = 0 (w = 1)
  }
}

/** The EMA of the field now; null before its first number. */
export function emaValue(spec: EmaSpec, s: EmaState, field: number): number | null {
  const o = 5 * field;
  if (s[o + 4] === 0) return null;
  return spec.adjust ? s[o] / s[o + 1] : s[o + 2];
}
