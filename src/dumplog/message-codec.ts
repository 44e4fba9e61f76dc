/**
 * Decodes a Kafka message (a coordinator or metadata record, a KRaft control record) from its bytes
 * by its JSON definition (message-schemas.json, from Kafka's jars) and writes it as Kafka's generated
 * JsonConverter classes do: fields in definition order, those of the version only, tagged fields
 * only when they differ from their default, int64 exact, bytes as base64, uuids as Kafka prints them.
 * The bytes are read by message-reader.ts, the JSON written by message-json.ts.
 */
import { JDouble, jsonText, type JObject, type JValue } from './message-json.js';
import { Reader } from './message-reader.js';

export interface FieldDef {
  name: string;
  type: string;
  /** Absent on a field that is only tagged: its taggedVersions then. */
  versions?: string;
  nullableVersions?: string;
  taggedVersions?: string;
  tag?: number;
  default?: string | number | boolean | null;
  fields?: FieldDef[];
}

export interface MessageDef {
  name: string;
  type: string;
  apiKey?: number;
  validVersions: string;
  flexibleVersions: string;
  fields: FieldDef[];
  commonStructs?: { name: string; versions?: string; fields: FieldDef[] }[];
}

/** "0+", "3+", "1", "0-4", "none" -> does `v` fall in it. */
export function inVersions(range: string | undefined, v: number): boolean {
  if (range === undefined || range === 'none') return false;
  const plus = /^(\d+)\+$/.exec(range);
  if (plus) return v >= Number(plus[1]);
  const span = /^(\d+)-(\d+)$/.exec(range);
  if (span) return v >= Number(span[1]) && v <= Number(span[2]);
  return v === Number(range);
}

/** A range as [lowest, highest] (highest Infinity for "N+"), or undefined for none. */
function bounds(range: string | undefined): [number, number] | undefined {
  if (range === undefined || range === 'none') return undefined;
  const plus = /^(\d+)\+$/.exec(range);
  if (plus) return [Number(plus[1]), Infinity];
  const span = /^(\d+)-(\d+)$/.exec(range);
  return span ? [Number(span[1]), Number(span[2])] : [Number(range), Number(range)];
}

/**
 * Does Kafka's generated code take `range` at version `v`: the same as inVersions for a version the message
 * has; for another (a record from a newer Kafka, or a varint that wrapped), the condition the generator wrote,
 * which leaves out a bound every valid version meets (a field of all versions is read at any).
 */
function generatedIn(range: string | undefined, v: number, valid: [number, number]): boolean {
  const [low, high] = valid;
  if (v >= low && v <= high) return inVersions(range, v);
  const b = bounds(range);
  if (!b || b[0] > high || b[1] < low) return false;
  return (b[0] <= low || v >= b[0]) && (b[1] >= high || v <= b[1]);
}

const ZERO_UUID = Buffer.alloc(16);

/** Kafka's Uuid.toString(): 16 bytes as URL-safe base64 without padding. */
export const uuidString = (b: Buffer): string => b.toString('base64url');

interface Ctx {
  version: number;
  flexible: boolean;
  structs: Map<string, FieldDef[]>;
  /** Read as Kafka's generated read() does, see ReadOptions. */
  strict: boolean;
  /** The message's valid versions (strict). */
  valid: [number, number];
}

/** inVersions, or as the generated code decides (strict). */
const has = (range: string | undefined, ctx: Ctx) =>
  ctx.strict ? generatedIn(range, ctx.version, ctx.valid) : inVersions(range, ctx.version);

/**
 * `strict`: what Kafka's generated read() refuses is an error (a null in a non-nullable string, bytes or array,
 * a string longer than 32767 bytes, an unknown tagged field running past the end), and a known tagged field is
 * read in place whatever size its header gives (the rest then follows it, as in Java).
 */
export interface ReadOptions {
  strict?: boolean;
}

/** A null where Kafka's read() refuses one (strict). */
function checkNull(n: number, field: FieldDef, ctx: Ctx): void {
  if (n < 0 && ctx.strict && !has(field.nullableVersions, ctx))
    throw new Error(`non-nullable field ${camel(field.name)} was serialized as null`);
}

function fieldsOf(type: string, field: FieldDef, ctx: Ctx): FieldDef[] {
  const fields = field.fields ?? ctx.structs.get(type);
  if (!fields) throw new Error(`no definition of struct ${type}`);
  return fields;
}

function readLength(r: Reader, ctx: Ctx, wide: boolean): number {
  if (ctx.flexible) return (ctx.strict ? r.javaUvarint() : r.uvarint()) - 1;
  return wide ? r.int32() : r.int16();
}

function readScalar(type: string, field: FieldDef, r: Reader, ctx: Ctx, element = false): JValue {
  switch (type) {
    case 'bool':
      return r.int8() !== 0;
    case 'int8':
      return r.int8();
    case 'int16':
      return r.int16();
    case 'uint16':
      return r.uint16();
    case 'int32':
      return r.int32();
    case 'uint32':
      return r.uint32();
    case 'int64':
      return r.int64();
    case 'float64':
      return new JDouble(r.float64());
    case 'uuid':
      return uuidString(r.bytes(16));
    case 'string': {
      const n = readLength(r, ctx, false);
      checkNull(n, field, ctx);
      if (ctx.strict && n > 0x7fff) throw new Error(`string field ${camel(field.name)} had invalid length ${n}`);
      return n < 0 ? null : r.bytes(n).toString('utf8');
    }
    case 'bytes':
    case 'records': {
      const n = readLength(r, ctx, true);
      checkNull(n, field, ctx);
      return n < 0 ? null : Buffer.from(r.bytes(n));
    }
    default:
      // A nullable struct starts with a presence byte: 1 present; -1 is null, and so is the 0 Kafka 4.3 writes for a
      // null tagged ConsumerGroupMemberMetadataValue.classicMemberMetadata (its tool prints null there).
      if (!element && has(field.nullableVersions, ctx) && r.int8() !== 1) return null;
      // A struct's generated read() refuses a version above the message's.
      if (ctx.strict && ctx.version > ctx.valid[1]) throw new RangeError(`can't read version ${ctx.version} of ${type}`);
      return readStruct(fieldsOf(type, field, ctx), r, ctx);
  }
}

function readValue(field: FieldDef, r: Reader, ctx: Ctx): JValue {
  if (field.type.startsWith('[]')) {
    const n = readLength(r, ctx, true);
    checkNull(n, field, ctx);
    if (n < 0) return null;
    const inner = field.type.slice(2);
    const out: JValue[] = [];
    for (let i = 0; i < n; i++) out.push(readScalar(inner, field, r, ctx, true));
    return out;
  }
  return readScalar(field.type, field, r, ctx);
}

const SCALARS = new Set(['bool', 'int8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'float64', 'string', 'uuid', 'bytes', 'records']);

/** The value a field has when absent: its "default", else its type's zero. */
export function defaultOf(field: FieldDef, ctx: Pick<Ctx, 'structs' | 'version'>): JValue {
  const d = field.default;
  const struct = !field.type.startsWith('[]') && !SCALARS.has(field.type);
  // A struct's default is the struct of defaults even where the definition says null (a null one is written and printed).
  if ((d === null || d === 'null') && !struct) return null;
  if (field.type.startsWith('[]')) return [];
  switch (field.type) {
    case 'bool':
      return d === true || d === 'true';
    case 'int64':
      return BigInt(d ?? 0);
    case 'int8':
    case 'int16':
    case 'uint16':
    case 'int32':
    case 'uint32':
      return Number(d ?? 0);
    case 'float64':
      return new JDouble(Number(d ?? 0));
    case 'string':
      return d === undefined ? '' : String(d);
    case 'uuid':
      return uuidString(ZERO_UUID);
    case 'bytes':
    case 'records':
      return Buffer.alloc(0);
    default: {
      const out: JObject = {};
      for (const f of field.fields ?? ctx.structs.get(field.type) ?? []) out[camel(f.name)] = defaultOf(f, ctx);
      return out;
    }
  }
}

/** The JSON name Kafka's converters use: the field name with its first letter in lower case. */
export const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

function readTagged(fields: FieldDef[], r: Reader, ctx: Ctx): Map<number, JValue> {
  const found = new Map<number, JValue>();
  const uvarint = () => (ctx.strict ? r.javaUvarint() : r.uvarint());
  const count = uvarint();
  for (let i = 0; i < count; i++) {
    const tag = uvarint();
    const size = uvarint();
    const end = r.pos + size;
    const field = fields.find((f) => f.tag === tag && has(f.taggedVersions, ctx));
    // The generated read() knows every tag of the message: one of another version is an error, not an unknown field.
    if (!field && ctx.strict && fields.some((f) => f.tag === tag))
      throw new RangeError(`tag ${tag} is not valid for version ${ctx.version}`);
    if (field && ctx.strict) {
      found.set(tag, readValue(field, r, ctx));
      continue;
    }
    if (field) found.set(tag, readValue(field, new Reader(r.buf.subarray(r.pos, end)), ctx));
    else if (ctx.strict) {
      // readUnknownTaggedField: a negative size is an array Java cannot allocate.
      if (size < 0) throw new RangeError(`tagged field ${tag} of size ${size}`);
      r.bytes(size);
    }
    r.pos = end;
  }
  return found;
}

function readStruct(fields: FieldDef[], r: Reader, ctx: Ctx): JObject {
  const out: JObject = {};
  for (const f of fields) {
    if (!has(f.versions ?? f.taggedVersions, ctx) || has(f.taggedVersions, ctx)) continue;
    out[camel(f.name)] = readValue(f, r, ctx);
  }
  if (!ctx.flexible) return out;
  const tagged = readTagged(fields, r, ctx);
  // Tagged fields in definition order, written only when not their default (as the converters do).
  const result: JObject = {};
  for (const f of fields) {
    if (!has(f.versions ?? f.taggedVersions, ctx)) continue;
    const name = camel(f.name);
    if (!has(f.taggedVersions, ctx)) {
      result[name] = out[name];
      continue;
    }
    const value = tagged.get(f.tag!);
    if (value !== undefined && !sameValue(value, defaultOf(f, ctx))) result[name] = value;
  }
  return result;
}

function sameValue(a: JValue, b: JValue): boolean {
  return jsonText(a) === jsonText(b);
}

export function structsOf(def: MessageDef): Map<string, FieldDef[]> {
  const structs = new Map<string, FieldDef[]>();
  const walk = (fields: FieldDef[]) => {
    for (const f of fields) {
      if (f.fields) {
        structs.set(f.type.replace(/^\[\]/, ''), f.fields);
        walk(f.fields);
      }
    }
  };
  for (const s of def.commonStructs ?? []) {
    structs.set(s.name, s.fields);
    walk(s.fields);
  }
  walk(def.fields);
  return structs;
}

/** The message's fields at `version`, read from `r`. */
export function readMessage(def: MessageDef, version: number, r: Reader, options: ReadOptions = {}): JObject {
  const valid = bounds(def.validVersions) as [number, number];
  const strict = Boolean(options.strict);
  const flexible = strict ? generatedIn(def.flexibleVersions, version, valid) : inVersions(def.flexibleVersions, version);
  const ctx: Ctx = { version, flexible, structs: structsOf(def), strict, valid };
  return readStruct(def.fields, r, ctx);
}
