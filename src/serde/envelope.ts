/**
 * The JSON envelope: one record as one JSON object on one line. `ktool consume --json` prints it
 * (toEnvelope) and `ktool produce --input json` reads it (fromEnvelope, envelope-input.ts), so
 * `ktool consume --json t1 | ktool produce --input json t2` copies records byte for byte.
 *
 *   {"topic":"t","partition":0,"offset":42,"timestamp":1700000000000,"timestampType":"CreateTime",
 *    "key":"k","value":"v","headers":{"region":"eu","trace":["a","b"]}}
 *
 * The shape is fixed, whatever the record holds:
 * - key / value: a string, or null (a null key; a tombstone value).
 * - keyEncoding / valueEncoding: absent when that side is UTF-8 text (or null), so plain records
 *   cost no extra bytes; "base64" when it is not valid UTF-8; "base64" or "hex" when asked for
 *   (--key-encoding / --value-encoding); "json" when --value-encoding json embedded the value as
 *   a JSON object, array, number, boolean or null literal. Each side has its own field.
 * - headers: always an object. A name that occurs once maps to its value (a string, or null for a
 *   null value); a name that occurs more than once maps to an array of its values in order.
 * - headerEncoding: absent unless a header value is not UTF-8; then {name: "base64"} for each such
 *   name, and every value of that name is base64.
 */
import type { TypedFormat } from './codec-types.js';
import { isUtf8 } from './serde.js';

export { fromEnvelope, type DecodedEnvelope } from './envelope-input.js';

export type SideEncoding = 'base64' | 'hex' | 'json' | TypedFormat;
export type EnvelopeHeaderValue = string | null;
export type EnvelopeHeaders = Record<string, EnvelopeHeaderValue | EnvelopeHeaderValue[]>;

export interface Envelope {
  topic?: string;
  partition?: number;
  /** A number while it is a safe integer, else a decimal string. */
  offset?: number | string;
  /** Milliseconds since the epoch. */
  timestamp?: number;
  timestampType?: 'CreateTime' | 'LogAppendTime';
  key: unknown;
  keyEncoding?: SideEncoding;
  keySchemaId?: number;
  keyBytes?: string;
  value: unknown;
  valueEncoding?: SideEncoding;
  valueSchemaId?: number;
  valueBytes?: string;
  headers: EnvelopeHeaders;
  headerEncoding?: Record<string, 'base64'>;
}

type HeaderPairs =
  Map<Buffer | string, Buffer | string | null | undefined> | Iterable<[Buffer | string, Buffer | string | null | undefined]>;

/** What the client hands a consumer; headers as a Map (platformatic) or as pairs. */
export interface EnvelopeRecord {
  topic?: string;
  partition?: number;
  offset?: bigint | number;
  timestamp?: bigint | number;
  timestampType?: 'CreateTime' | 'LogAppendTime';
  key?: Buffer | null;
  value?: Buffer | null;
  headers?: HeaderPairs;
}

/**
 * text (default): a UTF-8 string, or base64 when not UTF-8. base64 | hex: always that encoding.
 * json: like text, but a JSON object, array, number, boolean or null literal is embedded as JSON
 * (only when re-serialising gives the same bytes).
 */
export type OutputEncoding = 'text' | 'json' | 'base64' | 'hex';

/** A key or value decoded with its schema (consume): the JSON, and whether it re-encodes to the record's bytes. */
export interface TypedSide {
  value: unknown;
  format: TypedFormat;
  schemaId: number;
  exact: boolean;
}

export interface ToEnvelopeOptions {
  keyEncoding?: OutputEncoding;
  valueEncoding?: OutputEncoding;
  typedKey?: TypedSide;
  typedValue?: TypedSide;
}

/** The envelope of one consumed record (key order is fixed: topic, partition, offset, ...). */
export function toEnvelope(record: EnvelopeRecord, options: ToEnvelopeOptions = {}): Envelope {
  // Built field by field so JSON keys come out in the documented order.
  const env = {} as Envelope;
  if (record.topic !== undefined) env.topic = record.topic;
  if (record.partition !== undefined) env.partition = record.partition;
  if (record.offset !== undefined) env.offset = safeNumber(record.offset);
  if (record.timestamp !== undefined) env.timestamp = Number(record.timestamp);
  if (record.timestampType !== undefined) env.timestampType = record.timestampType;
  const { typedKey, typedValue } = options;
  if (typedKey) typedFields(env, 'key', typedKey, record.key!);
  else {
    const key = encodeSide(record.key ?? null, options.keyEncoding ?? 'text');
    env.key = key.json;
    if (key.encoding) env.keyEncoding = key.encoding;
  }
  if (typedValue) typedFields(env, 'value', typedValue, record.value!);
  else {
    const value = encodeSide(record.value ?? null, options.valueEncoding ?? 'text');
    env.value = value.json;
    if (value.encoding) env.valueEncoding = value.encoding;
  }
  const headers = envelopeHeaders(record.headers);
  env.headers = headers.headers;
  if (headers.headerEncoding) env.headerEncoding = headers.headerEncoding;
  return env;
}

/**
 * A decoded side: the JSON, its format and schema id, and the record's bytes (base64) when the JSON
 * would not encode back to them (produce --input json then sends the bytes: the copy stays exact).
 */
function typedFields(env: Envelope, side: 'key' | 'value', typed: TypedSide, bytes: Buffer): void {
  env[side] = typed.value;
  env[`${side}Encoding`] = typed.format;
  env[`${side}SchemaId`] = typed.schemaId;
  if (!typed.exact) env[`${side}Bytes`] = bytes.toString('base64');
}

function encodeSide(bytes: Buffer | null, mode: OutputEncoding): { json: unknown; encoding?: SideEncoding } {
  if (bytes === null) return { json: null };
  if (mode === 'base64' || mode === 'hex') return { json: bytes.toString(mode), encoding: mode };
  if (!isUtf8(bytes)) return { json: bytes.toString('base64'), encoding: 'base64' };
  const text = bytes.toString('utf8');
  if (mode === 'json') {
    const embedded = embedJson(text);
    if (embedded !== undefined) return { json: embedded, encoding: 'json' };
  }
  return { json: text };
}

function safeNumber(n: bigint | number): number | string {
  if (typeof n === 'number') return n;
  return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(n) : n.toString();
}

/** The parsed JSON value, or undefined when the text is not JSON that reads back as these bytes. */
function embedJson(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    // A JSON string would read back as text without its quotes; and re-serialising must be exact.
    if (typeof parsed !== 'string' && JSON.stringify(parsed) === text) return parsed;
  } catch {
    // not JSON: kept as text
  }
  return undefined;
}

/**
 * The envelope's headers and headerEncoding fields. A null-prototype object, so a header named
 * "__proto__" is an ordinary name. Values of one name keep their order; Kafka clients look
 * headers up by name, and the order between different names is not kept.
 */
export function envelopeHeaders(headers: HeaderPairs | undefined): { headers: EnvelopeHeaders; headerEncoding?: Record<string, 'base64'> } {
  const byName = new Map<string, (Buffer | null)[]>();
  if (headers) {
    for (const [k, v] of headers as Iterable<[Buffer | string, Buffer | string | null | undefined]>) {
      const name = typeof k === 'string' ? k : k.toString('utf8');
      const value = v === null || v === undefined ? null : typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
      const values = byName.get(name);
      if (values) values.push(value);
      else byName.set(name, [value]);
    }
  }
  const out: EnvelopeHeaders = Object.create(null) as EnvelopeHeaders;
  let headerEncoding: Record<string, 'base64'> | undefined;
  for (const [name, values] of byName) {
    const binary = values.some((v) => v !== null && !isUtf8(v));
    if (binary) (headerEncoding ??= Object.create(null) as Record<string, 'base64'>)[name] = 'base64';
    const json = values.map((v) => (v === null ? null : v.toString(binary ? 'base64' : 'utf8')));
    out[name] = json.length === 1 ? json[0] : json;
  }
  return headerEncoding ? { headers: out, headerEncoding } : { headers: out };
}

/** `,"headers":{...}` and, when needed, `,"headerEncoding":{...}`: the tail of an envelope line. */
export function headersJsonTail(headers: HeaderPairs | undefined): string {
  const h = envelopeHeaders(headers);
  return `,"headers":${JSON.stringify(h.headers)}${h.headerEncoding ? `,"headerEncoding":${JSON.stringify(h.headerEncoding)}` : ''}`;
}
