/**
 * Avro longs for avsc: a JS number while it is a safe integer (every timestamp, most counters), and
 * past 2^53 an exact JSON integer (JSON.rawJSON) on decode or a bigint from the input, so ids like
 * 1234567890123456789 survive both ways. The varint is read and written here (avsc's "noUnpack" mode).
 */
import type avsc from 'avsc';
import { exactInteger, isRawJson } from './field-error.js';

function toBig(v: unknown): bigint {
  return typeof v === 'bigint' ? v : isRawJson(v) ? BigInt(v.rawJSON) : BigInt(v as number);
}

function readVarint(buf: Buffer): unknown {
  // Up to 7 bytes carry 49 bits: the zig-zag value is a safe integer.
  if (buf.length <= 7) {
    let z = 0;
    let scale = 1;
    for (let i = 0; i < buf.length; i++) {
      z += (buf[i] & 0x7f) * scale;
      scale *= 128;
    }
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
  let z = 0n;
  for (let i = buf.length - 1; i >= 0; i--) z = (z << 7n) | BigInt(buf[i] & 0x7f);
  const n = (z >> 1n) ^ -(z & 1n);
  return Number.isSafeInteger(Number(n)) && BigInt(Number(n)) === n ? Number(n) : exactInteger(n);
}

function writeVarint(v: unknown): Buffer {
  if (typeof v === 'number') {
    let z = v >= 0 ? v * 2 : -v * 2 - 1;
    const out: number[] = [];
    while (z >= 0x80) {
      out.push((z % 128) | 0x80);
      z = Math.floor(z / 128);
    }
    out.push(z);
    return Buffer.from(out);
  }
  const n = toBig(v);
  let z = BigInt.asUintN(64, (n << 1n) ^ (n >> 63n));
  const out: number[] = [];
  while (z >= 0x80n) {
    out.push(Number(z & 0x7fn) | 0x80);
    z >>= 7n;
  }
  out.push(Number(z));
  return Buffer.from(out);
}

const isLong = (v: unknown) =>
  (typeof v === 'number' && Number.isSafeInteger(v)) ||
  ((typeof v === 'bigint' || isRawJson(v)) && BigInt.asIntN(64, toBig(v)) === toBig(v));

/** The long type to put in avsc's registry as "long". */
export function exactLongType(lib: typeof avsc): avsc.Type {
  return lib.types.LongType.__with(
    {
      fromBuffer: readVarint,
      toBuffer: writeVarint,
      fromJSON: (v: unknown) => v,
      toJSON: (v: unknown) => (typeof v === 'number' ? v : Number(toBig(v))),
      isValid: isLong,
      compare: (a: unknown, b: unknown) => {
        const x = toBig(a);
        const y = toBig(b);
        return x < y ? -1 : x > y ? 1 : 0;
      },
    },
    true,
  );
}
