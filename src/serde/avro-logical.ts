/**
 * Avro logical types <-> their JSON forms (documented in the README's Schemas section):
 *   decimal           "1234.50" (a string, exact; a JSON number is taken on input)
 *   date              "2024-05-31"
 *   time-millis       "13:45:10.123"            time-micros  "13:45:10.123456"
 *   timestamp-millis  "2024-05-31T13:45:10.123Z" timestamp-micros "2024-05-31T13:45:10.123456Z"
 *   local-timestamp-* the same without the Z
 *   uuid              the string
 * On input the underlying number (days, millis, micros) is taken too.
 */
import { exactInteger, FieldError, shown } from './field-error.js';

const DAY_MS = 86_400_000;

export function dateToJson(days: number): string {
  const d = new Date(days * DAY_MS);
  return Number.isNaN(d.getTime()) ? String(days) : d.toISOString().slice(0, 10);
}

export function dateFromJson(v: unknown, path: string): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^[+-]?\d{4,6}-\d{2}-\d{2}$/.test(v)) {
    const ms = Date.parse(`${v}T00:00:00Z`);
    if (!Number.isNaN(ms)) return ms / DAY_MS;
  }
  throw new FieldError(`expected a date ("2024-05-31" or days since 1970-01-01), got ${shown(v)}`);
}

const pad = (n: number | bigint, width: number) => String(n).padStart(width, '0');

/** time of day: millis (unit 1000) or micros (unit 1_000_000) since midnight. */
export function timeToJson(n: number, unit: 1000 | 1_000_000): string {
  if (n < 0 || n >= 86_400 * unit) return String(n);
  const seconds = Math.floor(n / unit);
  const frac = n - seconds * unit;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(seconds % 60, 2)}.${pad(frac, unit === 1000 ? 3 : 6)}`;
}

export function timeFromJson(v: unknown, unit: 1000 | 1_000_000, path: string): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const m = typeof v === 'string' ? /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/.exec(v) : null;
  if (m) {
    const digits = unit === 1000 ? 3 : 6;
    const frac = Number((m[4] ?? '').padEnd(9, '0').slice(0, digits));
    const n = ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * unit + frac;
    if (Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3] ?? 0) < 60) return n;
  }
  throw new FieldError(`expected a time of day ("13:45:10.123" or ${unit === 1000 ? 'millis' : 'micros'} since midnight), got ${shown(v)}`);
}

/** A timestamp in millis or micros -> ISO-8601 (UTC with Z, or local without). */
export function timestampToJson(n: number | bigint, unit: 1000 | 1_000_000, local: boolean): unknown {
  const big = BigInt(n);
  const per = BigInt(unit);
  let ms = big / (per / 1000n);
  let sub = big % (per / 1000n);
  if (sub < 0n) {
    sub += per / 1000n;
    ms -= 1n;
  }
  const d = new Date(Number(ms));
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 0 || d.getUTCFullYear() > 9999) return typeof n === 'bigint' ? exactInteger(n) : n;
  const iso = d.toISOString().slice(0, -1);
  return `${iso}${unit === 1000 ? '' : pad(sub, 3)}${local ? '' : 'Z'}`;
}

export function timestampFromJson(v: unknown, unit: 1000 | 1_000_000, local: boolean, path: string): number | bigint {
  if (typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v))) return v;
  const re = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;
  const m = typeof v === 'string' ? re.exec(v) : null;
  if (m && !(local && m[4])) {
    const seconds = Date.parse(`${m[1]}T${m[2].length === 5 ? `${m[2]}:00` : m[2]}${m[4] ?? 'Z'}`);
    if (!Number.isNaN(seconds)) {
      const digits = unit === 1000 ? 3 : 6;
      const frac = BigInt((m[3] ?? '').padEnd(9, '0').slice(0, digits));
      const total = (BigInt(seconds) * BigInt(unit)) / 1000n + frac;
      return Number.isSafeInteger(Number(total)) ? Number(total) : total;
    }
  }
  const form = local ? '"2024-05-31T13:45:10.123"' : '"2024-05-31T13:45:10.123Z"';
  throw new FieldError(`expected a timestamp (${form} or ${unit === 1000 ? 'millis' : 'micros'} since the epoch), got ${shown(v)}`);
}

/** Two's-complement big-endian bytes -> "123.45" with `scale` digits after the point. */
export function decimalToJson(bytes: Buffer, scale: number): string {
  let n = bytes.length ? BigInt.asIntN(bytes.length * 8, BigInt(`0x${bytes.toString('hex')}`)) : 0n;
  const negative = n < 0n;
  if (negative) n = -n;
  let digits = n.toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return negative ? `-${digits}` : digits;
}

/** "123.45" or 123.45 -> the unscaled two's-complement big-endian bytes (fixed: exactly `size` bytes). */
export function decimalFromJson(v: unknown, precision: number, scale: number, size: number | undefined, path: string): Buffer {
  const text = typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'bigint' ? String(v) : v;
  const m = typeof text === 'string' ? /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text) : null;
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new FieldError(`expected a decimal ("12.34"), got ${shown(v)}`);
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > scale) throw new FieldError(`${text} has more than ${scale} digits after the point (decimal scale ${scale})`);
  const unscaled = BigInt(`${m[2] || '0'}${frac.padEnd(scale, '0')}`) * (m[1] === '-' ? -1n : 1n);
  const abs = unscaled < 0n ? -unscaled : unscaled;
  if (abs.toString().length > precision && abs !== 0n)
    throw new FieldError(`${text} has more than ${precision} digits (decimal precision ${precision})`);
  let len = 1;
  while (unscaled >= 1n << BigInt(len * 8 - 1) || unscaled < -(1n << BigInt(len * 8 - 1))) len++;
  if (size !== undefined) {
    if (len > size) throw new FieldError(`${text} does not fit in ${size} bytes`);
    len = size;
  }
  const out = Buffer.alloc(len);
  let x = BigInt.asUintN(len * 8, unscaled);
  for (let i = len - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}
