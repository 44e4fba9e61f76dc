import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import { headersJsonTail, toEnvelope } from '../../serde/envelope.js';
import { isUtf8 } from '../../serde/serde.js';
import { isByteSink, type ByteSink, type RecordFormatter } from './format.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const QUOTE = 0x22;
const OFFSET = bytes(',"offset":');
const TIMESTAMP = bytes(',"timestamp":');
const TYPE_KEY = {
  CreateTime: bytes(',"timestampType":"CreateTime","key":'),
  LogAppendTime: bytes(',"timestampType":"LogAppendTime","key":'),
};
const NULL = bytes('null');
const VALUE = bytes(',"value":');
const NO_HEADERS_END = bytes(',"headers":{}}\n');

/** True when the bytes are a JSON string's content as they are: UTF-8 with no quote, backslash or control character. */
function plainJsonText(b: Buffer): boolean {
  let ascii = true;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x20 || c === 0x22 || c === 0x5c) return false;
    if (c >= 0x80) ascii = false;
  }
  return ascii || isUtf8(b);
}

function put(buf: Buffer, pos: number, b: Uint8Array): number {
  buf.set(b, pos);
  return pos + b.length;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** (i + 1));

/** An integer's decimal digits, as JSON.stringify writes it (|n| < 2^53). */
function putInteger(buf: Buffer, pos: number, n: number): number {
  if (n < 0) {
    buf[pos++] = 0x2d;
    n = -n;
  }
  let digits = 1;
  while (digits < 16 && n >= POWERS_OF_TEN[digits - 1]) digits++;
  const end = pos + digits;
  if (n <= 0x7fffffff) {
    for (let i = end - 1; i >= pos; i--) {
      const q = (n / 10) | 0;
      buf[i] = 0x30 + n - q * 10;
      n = q;
    }
  } else {
    for (let i = end - 1; i >= pos; i--) {
      buf[i] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    }
  }
  return end;
}

function putText(buf: Buffer, pos: number, b: Buffer | null): number {
  if (b === null) return put(buf, pos, NULL);
  buf[pos++] = QUOTE;
  buf.set(b, pos);
  pos += b.length;
  buf[pos++] = QUOTE;
  return pos;
}

/**
 * `consume --json` with text values: the envelope line written straight from the record, the same
 * bytes as JSON.stringify(toEnvelope(r)) without building the object or any string (a million
 * records a run make that garbage the largest cost). Keys and values that need no escaping and
 * records without headers are written byte by byte into the output block; others are built as
 * strings; binary keys or values (keyEncoding/valueEncoding) take the general path.
 */
export function jsonLineFormatter(): RecordFormatter {
  const prefixes = new Map<string, Buffer>();
  const prefixOf = (topic: string) => {
    let prefix = prefixes.get(topic);
    if (prefix === undefined) prefixes.set(topic, (prefix = bytes(`{"topic":${JSON.stringify(topic)},"partition":`)));
    return prefix;
  };
  return (r: ConsumedRecord, out) => {
    const { key, value } = r;
    const plainKey = key === null || plainJsonText(key);
    const plainValue = value === null || plainJsonText(value);
    if ((!plainKey && !isUtf8(key!)) || (!plainValue && !isUtf8(value!))) {
      out.put(JSON.stringify(toEnvelope(r)) + '\n');
      return;
    }
    const prefix = prefixOf(r.topic);
    if (plainKey && plainValue && r.headers.length === 0 && isByteSink(out)) {
      writeBytes(out, prefix, r);
      return;
    }
    out.put(prefix);
    out.put(`${r.partition},"offset":${r.offset},"timestamp":${r.timestamp},"timestampType":"${r.timestampType}","key":`);
    out.put(key === null ? 'null' : JSON.stringify(key.toString('utf8')));
    out.put(',"value":');
    out.put(value === null ? 'null' : JSON.stringify(value.toString('utf8')));
    out.put(r.headers.length === 0 ? ',"headers":{}}\n' : `${headersJsonTail(r.headers)}}\n`);
  };
}

// Records of a batch mostly share their timestamp: its digits once, not once per record.
let lastTimestamp = Number.NaN;
const timestampDigits = Buffer.alloc(40);
let timestampLength = 0;

function writeBytes(out: ByteSink, prefix: Buffer, r: ConsumedRecord): void {
  const buf = out.reserve(prefix.length + (r.key?.length ?? 0) + (r.value?.length ?? 0) + 160);
  let pos = put(buf, out.position, prefix);
  pos = putInteger(buf, pos, r.partition);
  pos = put(buf, pos, OFFSET);
  pos = putInteger(buf, pos, r.offset);
  if (r.timestamp !== lastTimestamp) {
    lastTimestamp = r.timestamp;
    timestampLength = putInteger(timestampDigits, put(timestampDigits, 0, TIMESTAMP), r.timestamp);
  }
  pos = put(buf, pos, timestampDigits.subarray(0, timestampLength));
  pos = put(buf, pos, TYPE_KEY[r.timestampType]);
  pos = putText(buf, pos, r.key);
  pos = put(buf, pos, VALUE);
  pos = putText(buf, pos, r.value);
  out.advance(put(buf, pos, NO_HEADERS_END));
}
