import { UsageError } from '../errors.js';

export function positiveInt(value: unknown, flag: string, { min = 1, max = 2 ** 31 - 1 } = {}): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

/** `k=v` pairs from repeatable flags; a value may contain '=' and ','-separated pairs are split. */
export function keyValues(values: unknown, flag: string): Record<string, string> {
  const list = (values as string[] | undefined) ?? [];
  const out: Record<string, string> = {};
  for (const item of list.flatMap(splitPairs)) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} expects key=value, got "${item}"`);
    // defineProperty: `__proto__=x` is a key like any other, not the record's prototype (dropped silently).
    Object.defineProperty(out, item.slice(0, eq).trim(), {
      value: item.slice(eq + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Splits `a=1,b=[x,y],c=2` on commas outside brackets (kafka-configs.sh list syntax). */
export function splitPairs(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '[') depth++;
    if (ch === ']') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      if (current) parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current) parts.push(current);
  // A bare value after a comma belongs to the previous pair (`k=a,b` where b has no '=').
  const merged: string[] = [];
  for (const p of parts) {
    if (!p.includes('=') && merged.length) merged[merged.length - 1] += `,${p}`;
    else merged.push(p);
  }
  return merged;
}

export function compileRegex(pattern: string, what: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    throw new UsageError(`invalid ${what} regular expression "${pattern}": ${(error as Error).message}`);
  }
}

export const REGEX_CHARS = /[*?+[\]()|^$\\{}]/;

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 * 1024, mb: 1024 * 1024, mib: 1024 * 1024 };

/** `--batch-size 1048576`, `512k`, `1MB` -> bytes (binary units). */
export function parseSize(text: string, flag: string, { min = 1, max = 64 * 1024 * 1024 } = {}): number {
  const m = /^\s*(\d+)\s*([a-zA-Z]*)\s*$/.exec(text);
  const unit = m && Object.hasOwn(SIZE_UNITS, m[2].toLowerCase()) ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new UsageError(`${flag}: expected a size in bytes (e.g. 1048576, 512k, 1MB), got "${text}"`);
  const n = Number(m[1]) * unit;
  if (n < min || n > max) throw new UsageError(`${flag} must be from ${min} to ${max} bytes, got "${text}"`);
  return n;
}
