/**
 * avro-json.ts' converters of Avro's primitive types (JSON -> avsc value and back: ranges checked,
 * bytes as strings of code points 0-255, NaN and the infinities as strings) and of its logical
 * types (avro-logical.ts's forms).
 */
import * as logical from './avro-logical.js';
import { FieldError, isRawJson, shown } from './field-error.js';

export type In = (v: unknown) => unknown;
/** undefined: the value is its own JSON. */
export type Out = ((v: unknown) => unknown) | undefined;

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

export const fail = (expected: string, v: unknown): never => {
  throw new FieldError(`expected ${expected}, got ${shown(v)}`);
};

export const latin1: Out = (v) => (v as Buffer).toString('latin1');

export function bytesIn(size?: number): In {
  return (v) => {
    if (typeof v !== 'string') fail(size === undefined ? 'bytes (a string of code points 0-255)' : `${size} bytes (a string)`, v);
    const s = v as string;
    for (let i = 0; i < s.length; i++)
      if (s.charCodeAt(i) > 0xff) throw new FieldError(`bytes are a string of code points 0-255; ${JSON.stringify(s[i])} is not one`);
    if (size !== undefined && s.length !== size) throw new FieldError(`expected ${size} bytes (fixed), got ${s.length}`);
    return Buffer.from(s, 'latin1');
  };
}

const SPECIAL: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity };

export function primitiveIn(type: string): In {
  switch (type) {
    case 'null':
      return (v) => (v === null ? null : fail('null', v));
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : fail('a boolean', v));
    case 'int':
      return (v) => (typeof v === 'number' && Number.isInteger(v) && v >= INT_MIN && v <= INT_MAX ? v : fail('int', v));
    case 'long':
      return longIn;
    case 'float':
    case 'double':
      return (v) => (typeof v === 'number' ? v : typeof v === 'string' && v in SPECIAL ? SPECIAL[v] : fail(type, v));
    case 'string':
      return (v) => (typeof v === 'string' ? v : fail('a string', v));
    default:
      return bytesIn();
  }
}

function longIn(v: unknown): unknown {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  const big = typeof v === 'bigint' ? v : isRawJson(v) ? BigInt(v.rawJSON) : undefined;
  if (big !== undefined && big >= LONG_MIN && big <= LONG_MAX) return big;
  return fail('long', v);
}

const nonFinite: Out = (v) => (Number.isFinite(v) ? v : String(v));

export function primitiveOut(type: string): Out {
  if (type === 'bytes') return latin1;
  if (type === 'float' || type === 'double') return nonFinite;
  return undefined;
}

const asNumber = (v: unknown): number | bigint => (isRawJson(v) ? BigInt(v.rawJSON) : (v as number));

export function logicalIn(schema: { [key: string]: unknown }, type: string): In | undefined {
  const lt = schema.logicalType;
  if (lt === 'decimal' && (type === 'bytes' || type === 'fixed')) {
    const precision = Number(schema.precision);
    const scale = Number(schema.scale ?? 0);
    const size = type === 'fixed' ? Number(schema.size) : undefined;
    return (v) => logical.decimalFromJson(v, precision, scale, size, '');
  }
  if (lt === 'date' && type === 'int') return (v) => logical.dateFromJson(v, '');
  if (lt === 'time-millis' && type === 'int') return (v) => logical.timeFromJson(v, 1000, '');
  if (lt === 'time-micros' && type === 'long') return (v) => logical.timeFromJson(v, 1_000_000, '');
  const ts = type === 'long' && typeof lt === 'string' ? /^(local-)?timestamp-(millis|micros)$/.exec(lt) : null;
  if (ts) return (v) => logical.timestampFromJson(v, ts[2] === 'millis' ? 1000 : 1_000_000, Boolean(ts[1]), '');
  return undefined;
}

export function logicalOut(schema: { [key: string]: unknown }, type: string): Out {
  const lt = schema.logicalType;
  if (lt === 'decimal' && (type === 'bytes' || type === 'fixed')) {
    const scale = Number(schema.scale ?? 0);
    return (v) => logical.decimalToJson(v as Buffer, scale);
  }
  if (lt === 'date' && type === 'int') return (v) => logical.dateToJson(v as number);
  if (lt === 'time-millis' && type === 'int') return (v) => logical.timeToJson(v as number, 1000);
  if (lt === 'time-micros' && type === 'long') return (v) => logical.timeToJson(Number(asNumber(v)), 1_000_000);
  const ts = type === 'long' && typeof lt === 'string' ? /^(local-)?timestamp-(millis|micros)$/.exec(lt) : null;
  if (ts) return (v) => logical.timestampToJson(asNumber(v), ts[2] === 'millis' ? 1000 : 1_000_000, Boolean(ts[1]));
  return undefined;
}
