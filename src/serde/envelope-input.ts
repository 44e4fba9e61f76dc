/**
 * `produce --input json`: an envelope (envelope.ts) -> the bytes to produce. Strict, so a typo does
 * not silently become a tombstone: an unknown field, a field of the wrong type or a bad encoding is
 * an error naming it. Older ktool output is read too: one "encoding" for key and value, headers as
 * [name, value] pairs with {"base64": "..."} for binary values, embedded JSON values without
 * "valueEncoding".
 */
import { UsageError } from '../errors.js';
import { TYPED_FORMATS, type SchemaCodec, type TypedFormat } from './codec-types.js';
import { exactInteger, FieldError } from './field-error.js';
import type { TypedSerde } from './typed-produce.js';
import { frame } from './wire.js';
import { isBase64 } from './serde.js';

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

/** Every field an envelope may have, in the order consume --json writes them; "encoding" from older versions. */
export const ENVELOPE_FIELDS = [
  'topic',
  'partition',
  'offset',
  'timestamp',
  'timestampType',
  'key',
  'keyEncoding',
  'keySchemaId',
  'keyBytes',
  'value',
  'valueEncoding',
  'valueSchemaId',
  'valueBytes',
  'headers',
  'headerEncoding',
  'encoding',
] as const;
const KNOWN = new Set<string>(ENVELOPE_FIELDS);

type Encoding = 'text' | 'base64' | 'hex' | 'json' | TypedFormat;
const ENCODINGS: readonly string[] = ['text', 'base64', 'hex', 'json', ...TYPED_FORMATS];

/**
 * Typed values in envelopes: "valueEncoding": "avro" (or protobuf, json-schema) with "valueSchemaId"
 * encodes "value" with that schema; a plain value is encoded with --value-format's schema when given.
 * "valueBytes" (consume --json writes it when the decoded value would not re-encode to the record's
 * bytes) is sent as it is.
 */
export interface EnvelopeTyping {
  key?: TypedSerde;
  value?: TypedSerde;
  /** A codec already loaded (schemaIdsToLoad names the ones to load first). */
  byId(id: number): SchemaCodec | undefined;
}

/** The schema ids an envelope's typed sides need (to load before fromEnvelope). */
export function schemaIdsToLoad(json: unknown): number[] {
  if (json === null || typeof json !== 'object') return [];
  const o = json as Record<string, unknown>;
  const ids: number[] = [];
  for (const side of ['key', 'value'] as const) {
    const id = o[`${side}SchemaId`];
    if (typeof id === 'number' && Number.isInteger(id) && id >= 0 && o[`${side}Bytes`] === undefined) ids.push(id);
  }
  return ids;
}

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/**
 * An envelope (a parsed JSON value) -> bytes to produce. Throws UsageError naming the problem
 * (the caller adds the line number).
 */
export function fromEnvelope(json: unknown, typing?: EnvelopeTyping): DecodedEnvelope {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new UsageError(`expected a JSON object (one envelope per line), got ${kind(json)}`);
  const o = json as Record<string, unknown>;
  checkFields(o);
  if (!('value' in o)) throw new UsageError('no "value" field (a tombstone is "value": null)');
  const legacy = encodingField(o, 'encoding');
  if (legacy !== undefined && legacy !== 'base64' && legacy !== 'hex' && legacy !== 'text')
    throw new UsageError('"encoding" must be "base64", "hex" or "text" (use "valueEncoding": "json" for an embedded JSON value)');
  const out: DecodedEnvelope = {
    key: typedSide(o, 'key', legacy, typing),
    value: typedSide(o, 'value', legacy, typing),
    headers: headersFromJson(o.headers, headerEncodings(o.headerEncoding)),
  };
  if (o.timestamp !== undefined && o.timestamp !== null) {
    const ts = typeof o.timestamp === 'string' && /^-?\d+$/.test(o.timestamp) ? Number(o.timestamp) : o.timestamp;
    if (typeof ts !== 'number' || !Number.isSafeInteger(ts))
      throw new UsageError('"timestamp" must be an integer (milliseconds since the epoch)');
    out.timestamp = ts;
  }
  if (o.partition !== undefined && o.partition !== null) {
    // Kafka partitions are int32: a larger one would fail in the request encoder, not here with the line number.
    if (typeof o.partition !== 'number' || !Number.isInteger(o.partition) || o.partition < 0 || o.partition > 2 ** 31 - 1)
      throw new UsageError('"partition" must be an integer from 0 to 2147483647');
    out.partition = o.partition;
  }
  if (o.topic !== undefined && o.topic !== null) {
    if (typeof o.topic !== 'string' || o.topic === '') throw new UsageError('"topic" must be a non-empty string');
    out.topic = o.topic;
  }
  // Read but not used (the broker assigns them); still checked, as a wrong one is a wrong file.
  if (
    o.offset !== undefined &&
    o.offset !== null &&
    !(Number.isSafeInteger(o.offset) || (typeof o.offset === 'string' && /^-?\d+$/.test(o.offset)))
  )
    throw new UsageError('"offset" must be an integer');
  if (o.timestampType !== undefined && o.timestampType !== null && o.timestampType !== 'CreateTime' && o.timestampType !== 'LogAppendTime')
    throw new UsageError('"timestampType" must be "CreateTime" or "LogAppendTime"');
  return out;
}

function checkFields(o: Record<string, unknown>): void {
  let unknown: string[] | undefined;
  for (const field in o) if (!KNOWN.has(field)) (unknown ??= []).push(field);
  if (!unknown) return;
  const names = unknown.map((f) => JSON.stringify(f)).join(', ');
  const guesses = unknown.map(suggest).filter((g) => g !== undefined);
  const guess = guesses.length ? `; did you mean ${guesses.map((g) => JSON.stringify(g)).join(', ')}?` : '';
  throw new UsageError(
    `unknown field${unknown.length > 1 ? 's' : ''} ${names} in the JSON envelope (known: ${ENVELOPE_FIELDS.join(', ')})${guess}`,
  );
}

/** The known field a short or misspelt one probably meant: k -> key, header -> headers, Value -> value. */
function suggest(field: string): string | undefined {
  const f = field.toLowerCase();
  if (f === '') return undefined;
  return (
    ENVELOPE_FIELDS.find((k) => k.toLowerCase() === f) ??
    ENVELOPE_FIELDS.find((k) => k.toLowerCase().startsWith(f)) ??
    ENVELOPE_FIELDS.find((k) => f.startsWith(k.toLowerCase()))
  );
}

function encodingField(o: Record<string, unknown>, field: string): Encoding | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !ENCODINGS.includes(v))
    throw new UsageError(
      `"${field}" must be "base64", "hex", "json", "text", "avro", "protobuf" or "json-schema", got ${JSON.stringify(v)}`,
    );
  return v as Encoding;
}

/** A key or value, typed: its bytes as given (keyBytes), encoded with its schema id or --key-format's schema, or as side() reads it. */
function typedSide(
  o: Record<string, unknown>,
  field: 'key' | 'value',
  legacy: Encoding | undefined,
  typing?: EnvelopeTyping,
): Buffer | null {
  const encoding = encodingField(o, `${field}Encoding`) ?? legacy;
  const id = o[`${field}SchemaId`];
  const bytes = o[`${field}Bytes`];
  if (id !== undefined && id !== null && !(typeof id === 'number' && Number.isInteger(id) && id >= 0 && id <= 0xffffffff))
    throw new UsageError(`"${field}SchemaId" must be a schema id (a whole number)`);
  const typed = encoding !== undefined && (TYPED_FORMATS as readonly string[]).includes(encoding);
  if (bytes !== undefined && bytes !== null) {
    if (typeof bytes !== 'string') throw new UsageError(`"${field}Bytes" must be a base64 string`);
    return decodeString(bytes, 'base64', `"${field}Bytes"`);
  }
  const v = o[field];
  const given = field === 'key' ? typing?.key : typing?.value;
  try {
    if (typed && v !== null && v !== undefined) {
      if (typeof id !== 'number') throw new UsageError(`"${field}Encoding": "${encoding}" needs "${field}SchemaId"`);
      const codec = typing?.byId(id);
      if (!codec) throw new UsageError(`"${field}Encoding": "${encoding}" needs a schema registry (schema id ${id})`);
      if (codec.format !== encoding) throw new UsageError(`schema id ${id} is a ${codec.format} schema, not ${encoding}`);
      return frame(id, codec.encode(v));
    }
    if (given && encoding === undefined && v !== null && v !== undefined) return given.encodeJson(v);
  } catch (error) {
    if (error instanceof FieldError) throw new UsageError(`.${field}${error.path}: ${error.reason}`);
    throw error;
  }
  return side(v, typed ? undefined : (encoding as 'text' | 'base64' | 'hex' | 'json' | undefined), field);
}

/** JSON text of a parsed value; integers past 2^53 (read exactly, as bigint) are written as they were. */
const jsonText = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? exactInteger(x) : x));

/** A key or value: a string in its encoding, null, or (json, or an older embedded value) any JSON value. */
function side(v: unknown, encoding: 'text' | 'base64' | 'hex' | 'json' | undefined, field: 'key' | 'value'): Buffer | null {
  if (v === undefined || v === null) return null;
  if (encoding === 'json') return Buffer.from(jsonText(v), 'utf8');
  if (typeof v === 'string') return decodeString(v, encoding ?? 'text', `"${field}"`);
  // Older ktool embedded JSON values (--value-encoding json) without saying so.
  if (field === 'value' && encoding === undefined) return Buffer.from(jsonText(v), 'utf8');
  const how =
    encoding && encoding !== 'text'
      ? ` with "${field}Encoding": "${encoding}"`
      : ' (set "' + field + 'Encoding": "json" to send its JSON text)';
  throw new UsageError(`"${field}" must be a string or null${how}, got ${kind(v)}`);
}

function decodeString(v: string, encoding: 'text' | 'base64' | 'hex', what: string): Buffer {
  if (encoding === 'text') return Buffer.from(v, 'utf8');
  if (encoding === 'base64' && !isBase64(v)) throw new UsageError(`${what} is not valid base64`);
  if (encoding === 'hex' && !/^([0-9a-fA-F]{2})*$/.test(v)) throw new UsageError(`${what} is not valid hex`);
  return Buffer.from(v, encoding);
}

/** headerEncoding: {name: "base64" | "hex" | "text"}. */
function headerEncodings(h: unknown): Map<string, 'text' | 'base64' | 'hex'> | undefined {
  if (h === undefined || h === null) return undefined;
  if (typeof h !== 'object' || Array.isArray(h))
    throw new UsageError(`"headerEncoding" must be an object {"name": "base64"}, got ${kind(h)}`);
  const out = new Map<string, 'text' | 'base64' | 'hex'>();
  for (const [name, enc] of Object.entries(h as Record<string, unknown>)) {
    if (enc !== 'base64' && enc !== 'hex' && enc !== 'text')
      throw new UsageError(`"headerEncoding" of header "${name}" must be "base64", "hex" or "text", got ${JSON.stringify(enc)}`);
    out.set(name, enc);
  }
  return out;
}

function headerValue(v: unknown, name: string, encoding: 'text' | 'base64' | 'hex'): Buffer | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return decodeString(v, encoding, `header "${name}"`);
  // Older ktool wrote binary values of repeated headers as {"base64": "..."}.
  if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { base64?: unknown }).base64 === 'string')
    return decodeString((v as { base64: string }).base64, 'base64', `header "${name}"`);
  if ((typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') && encoding === 'text')
    return Buffer.from(String(v), 'utf8');
  throw new UsageError(
    `header "${name}": a value must be a string or ` +
      `null${encoding === 'text' ? '' : ` (${encoding})`}, or an array of them for a repeated ` +
      `name; got ${kind(v)}`,
  );
}

function headersFromJson(h: unknown, encodings: Map<string, 'text' | 'base64' | 'hex'> | undefined): [Buffer, Buffer | null][] {
  const out: [Buffer, Buffer | null][] = [];
  const seen = new Set<string>();
  const add = (name: string, v: unknown) => {
    seen.add(name);
    out.push([Buffer.from(name, 'utf8'), headerValue(v, name, encodings?.get(name) ?? 'text')]);
  };
  if (h === undefined || h === null) {
    // nothing
  } else if (Array.isArray(h)) {
    h.forEach((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string')
        throw new UsageError(`"headers"[${i}] must be a [name, value] pair`);
      add(pair[0], pair[1]);
    });
  } else if (typeof h === 'object') {
    for (const [name, v] of Object.entries(h as Record<string, unknown>)) {
      if (!Array.isArray(v)) add(name, v);
      else
        for (const each of v) {
          if (Array.isArray(each))
            throw new UsageError(
              `header "${name}": an array lists the values of a repeated name, each a string or null; got a nested array`,
            );
          add(name, each);
        }
    }
  } else throw new UsageError(`"headers" must be an object {"name": "value"}, got ${kind(h)}`);
  if (encodings)
    for (const name of encodings.keys())
      if (!seen.has(name)) throw new UsageError(`"headerEncoding" names header "${name}", which is not in "headers"`);
  return out;
}
