/**
 * How Java prints values the drop-ins print: Double.toString (a quota's `1000.0`, `1.048576E7`) and
 * the iteration order of a HashMap keyed by something else than a string (a quota entity: a map).
 */
import { javaHashMapCapacity, javaStringHash } from './java-hash-order.js';

/** Double.toString: the shortest digits that round-trip (as JS), `.0` on whole numbers, `E` notation outside [1e-3, 1e7). */
export function javaDouble(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa, exponent] = d.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** HashMap<String, String>.hashCode(): the sum of key hash ^ value hash (null hashes to 0). */
export function javaStringMapHash(entries: readonly [string, string | null][]): number {
  let h = 0;
  for (const [k, v] of entries) h = (h + (javaStringHash(k) ^ (v === null ? 0 : javaStringHash(v)))) | 0;
  return h;
}

/** Items in the order a `new HashMap<>()` they were put into, in this order, iterates them, given each key's hashCode. */
export function javaHashMapOrderBy<T>(items: readonly T[], hash: (item: T) => number, initialCapacity = 16): T[] {
  const mask = javaHashMapCapacity(initialCapacity, items.length) - 1;
  return items
    .map((item, i) => {
      const h = hash(item);
      return { item, i, b: (h ^ (h >>> 16)) & mask };
    })
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((x) => x.item);
}
