/**
 * The JSON envelope: one record as one JSON object on one line. `ktool consume --json` prints it
 * (toEnvelope) and `ktool produce --input json` reads it (fromEnvelope), so
 * `ktool consume --json t1 | ktool produce --input json t2` copies records byte for byte.
 *
 *   {"topic":"t","partition":0,"offset":42,"timestamp":1700000000000,"timestampType":"CreateTime",
 *    "key":"k","value":"v","headers":{"h":"1"}}
 *
 * - key / value: a string, or null (a null key; a tombstone value).
 * - encoding: absent (or "text") means key and value are UTF-8 text. When the key or the value is
 *   not valid UTF-8, both are base64 and "encoding":"base64" is set ("hex" is accepted as well).
 * - value may also be a JSON object/array/number/boolean (consume --value-encoding json embeds the
 *   value when that is lossless); such a value is produced as its JSON text.
 * - headers: an object {name: value} when names are unique and values are UTF-8 text; otherwise an
 *   array of [name, value] pairs, where value is a string, null, or {"base64": "..."} for binary.
 * - On input every field except value is optional; topic and partition override the command line
 *   only when the command allows it (produce uses its own TOPIC unless told otherwise).
 */
import { UsageError } from '../errors.js';
import { isUtf8 } from './serde.js';

export type EnvelopeHeaderValue = string | null | { base64: string };
export type EnvelopeHeaders = Record<string, string> | [string, EnvelopeHeaderValue][];

export interface Envelope {
  topic?: string;
  partition?: number;
  /** A number while it is a safe integer, else a decimal string. */
  offset?: number | string;
  /** Milliseconds since the epoch. */
  timestamp?: number;
  timestampType?: 'CreateTime' | 'LogAppendTime';
  key: string | null;
  value: unknown;
  headers?: EnvelopeHeaders;
  encoding?: 'base64' | 'hex';
}

/** What the client hands a consumer; headers as a Map (platformatic) or as pairs. */
export interface EnvelopeRecord {
  topic?: string;
  partition?: number;
  offset?: bigint | number;
  timestamp?: bigint | number;
  timestampType?: 'CreateTime' | 'LogAppendTime';
  key?: Buffer | null;
  value?: Buffer | null;
  headers?: Map<Buffer | string, Buffer | string | null | undefined> | Iterable<[Buffer | string, Buffer | string | null | undefined]>;
}

export interface ToEnvelopeOptions {
  /**
   * text (default): UTF-8 strings, or base64 for both key and value when either is not UTF-8.
   * base64 | hex: always that encoding. json: like text, but a value that is a JSON object, array,
   * number, boolean or null literal is embedded as JSON (only when re-serialising gives the same bytes).
   */
  valueEncoding?: 'text' | 'json' | 'base64' | 'hex';
}

/** The envelope of one consumed record (key order is fixed: topic, partition, offset, ...). */
export function toEnvelope(record: EnvelopeRecord, options: ToEnvelopeOptions = {}): Envelope {
  const key = record.key ?? null;
  const value = record.value ?? null;
  let encoding: 'base64' | 'hex' | undefined;
  const mode = options.valueEncoding ?? 'text';
  if (mode === 'base64' || mode === 'hex') encoding = mode;
  else if ((key && !isUtf8(key)) || (value && !isUtf8(value))) encoding = 'base64';

  // Built field by field so JSON keys come out in the documented order.
  const env = {} as Envelope;
  if (record.topic !== undefined) env.topic = record.topic;
  if (record.partition !== undefined) env.partition = record.partition;
  if (record.offset !== undefined) env.offset = safeNumber(record.offset);
  if (record.timestamp !== undefined) env.timestamp = Number(record.timestamp);
  if (record.timestampType !== undefined) env.timestampType = record.timestampType;
  env.key = key === null ? null : key.toString(encoding ?? 'utf8');
  env.value = value === null ? null : encoding ? value.toString(encoding) : embedJson(value.toString('utf8'), mode === 'json');
  env.headers = headersToJson(record.headers);
  if (encoding) env.encoding = encoding;
  return env;
}

function safeNumber(n: bigint | number): number | string {
  if (typeof n === 'number') return n;
  return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(n) : n.toString();
}

function embedJson(text: string, json: boolean): unknown {
  if (!json) return text;
  try {
    const parsed: unknown = JSON.parse(text);
    // A JSON string would read back as text without its quotes; and re-serialising must be exact.
    if (typeof parsed !== 'string' && JSON.stringify(parsed) === text) return parsed;
  } catch {
    // not JSON: kept as text
  }
  return text;
}

/** The envelope's headers field: an object when names are unique and values text, else pairs. */
export function headersToJson(headers: EnvelopeRecord['headers']): EnvelopeHeaders {
  const pairs: [string, Buffer | null][] = [];
  if (headers) {
    for (const [k, v] of headers as Iterable<[Buffer | string, Buffer | string | null | undefined]>) {
      pairs.push([typeof k === 'string' ? k : k.toString('utf8'), v === null || v === undefined ? null : typeof v === 'string' ? Buffer.from(v, 'utf8') : v]);
    }
  }
  const names = new Set(pairs.map(([k]) => k));
  const simple = names.size === pairs.length && pairs.every(([, v]) => v !== null && isUtf8(v));
  if (simple) {
    const out: Record<string, string> = {};
    for (const [k, v] of pairs) out[k] = v!.toString('utf8');
    return out;
  }
  return pairs.map(([k, v]): [string, EnvelopeHeaderValue] => [k, v === null ? null : isUtf8(v) ? v.toString('utf8') : { base64: v.toString('base64') }]);
}

/** One record to produce, decoded from an envelope. */
export interface DecodedEnvelope {
  key: Buffer | null;
  value: Buffer | null;
  /** Header values may be null (Kafka allows it; JSON null). */
  headers: [Buffer, Buffer | null][];
  timestamp?: number;
  partition?: number;
  topic?: string;
}

/**
 * An envelope (a parsed JSON value) -> bytes to produce. Throws UsageError naming the problem
 * (the caller adds the line number).
 */
export function fromEnvelope(json: unknown): DecodedEnvelope {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new UsageError('expected a JSON object');
  const o = json as Record<string, unknown>;
  const enc = o.encoding;
  if (enc !== undefined && enc !== null && enc !== 'base64' && enc !== 'hex' && enc !== 'text') throw new UsageError(`unknown "encoding": ${JSON.stringify(enc)} (base64, hex or text)`);
  const encoding = enc === 'base64' || enc === 'hex' ? enc : undefined;
  const out: DecodedEnvelope = {
    key: bytes(o.key, encoding, 'key'),
    value: bytes(o.value, encoding, 'value'),
    headers: headersFromJson(o.headers),
  };
  if (o.timestamp !== undefined && o.timestamp !== null) {
    const ts = typeof o.timestamp === 'string' && /^-?\d+$/.test(o.timestamp) ? Number(o.timestamp) : o.timestamp;
    if (typeof ts !== 'number' || !Number.isSafeInteger(ts)) throw new UsageError('"timestamp" must be an integer (milliseconds since the epoch)');
    out.timestamp = ts;
  }
  if (o.partition !== undefined && o.partition !== null) {
    if (typeof o.partition !== 'number' || !Number.isInteger(o.partition) || o.partition < 0) throw new UsageError('"partition" must be a non-negative integer');
    out.partition = o.partition;
  }
  if (o.topic !== undefined && o.topic !== null) {
    if (typeof o.topic !== 'string' || o.topic === '') throw new UsageError('"topic" must be a non-empty string');
    out.topic = o.topic;
  }
  return out;
}

function bytes(v: unknown, encoding: 'base64' | 'hex' | undefined, field: string): Buffer | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') {
    if (!encoding) return Buffer.from(v, 'utf8');
    if (encoding === 'base64' && !/^[A-Za-z0-9+/_-]*={0,2}$/.test(v)) throw new UsageError(`"${field}" is not valid base64`);
    if (encoding === 'hex' && !/^([0-9a-fA-F]{2})*$/.test(v)) throw new UsageError(`"${field}" is not valid hex`);
    return Buffer.from(v, encoding);
  }
  if (encoding) throw new UsageError(`"${field}" must be a string with "encoding":"${encoding}"`);
  // An embedded JSON value (consume --value-encoding json): its JSON text.
  return Buffer.from(JSON.stringify(v), 'utf8');
}

function headerValue(v: unknown, name: string): Buffer | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  if (typeof v === 'object' && !Array.isArray(v) && typeof (v as { base64?: unknown }).base64 === 'string') return Buffer.from((v as { base64: string }).base64, 'base64');
  if (typeof v === 'number' || typeof v === 'boolean') return Buffer.from(String(v), 'utf8');
  throw new UsageError(`header "${name}": value must be a string, null or {"base64": "..."}`);
}

function headersFromJson(h: unknown): [Buffer, Buffer | null][] {
  if (h === undefined || h === null) return [];
  if (Array.isArray(h)) {
    return h.map((pair, i): [Buffer, Buffer | null] => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') throw new UsageError(`"headers"[${i}] must be a [name, value] pair`);
      return [Buffer.from(pair[0], 'utf8'), headerValue(pair[1], pair[0])];
    });
  }
  if (typeof h === 'object') return Object.entries(h as Record<string, unknown>).map(([k, v]): [Buffer, Buffer | null] => [Buffer.from(k, 'utf8'), headerValue(v, k)]);
  throw new UsageError('"headers" must be an object or an array of [name, value] pairs');
}
