/**
 * Protobuf's canonical JSON mapping on top of protobufjs objects (toObject with longs and bytes as
 * strings, enums by name; fromObject reads the same shapes back). fromJson checks every value and
 * throws FieldError with its path, since fromObject would coerce "abc" to 0.
 */
import type protobuf from 'protobufjs';
import { FieldError, isRawJson, segment, shown } from './field-error.js';

type Type = protobuf.Type;
type Field = protobuf.Field;
type Obj = Record<string, unknown>;

const INT32 = new Set(['int32', 'sint32', 'sfixed32']);
const UINT32 = new Set(['uint32', 'fixed32']);
const INT64 = new Set(['int64', 'sint64', 'sfixed64']);
const UINT64 = new Set(['uint64', 'fixed64']);
const WRAPPERS: Record<string, string> = {
  'google.protobuf.DoubleValue': 'double',
  'google.protobuf.FloatValue': 'float',
  'google.protobuf.Int64Value': 'int64',
  'google.protobuf.UInt64Value': 'uint64',
  'google.protobuf.Int32Value': 'int32',
  'google.protobuf.UInt32Value': 'uint32',
  'google.protobuf.BoolValue': 'bool',
  'google.protobuf.StringValue': 'string',
  'google.protobuf.BytesValue': 'bytes',
};
const WRAPPER_DEFAULTS: Record<string, unknown> = {
  double: 0,
  float: 0,
  int64: '0',
  uint64: '0',
  int32: 0,
  uint32: 0,
  bool: false,
  string: '',
  bytes: '',
};

/** protoc's json_name: snake_case -> lowerCamelCase. */
export function jsonName(field: Field): string {
  const explicit = (field.options as Obj | undefined)?.json_name;
  if (typeof explicit === 'string') return explicit;
  return field.name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

const fail = (expected: string, v: unknown): never => {
  throw new FieldError(`expected ${expected}, got ${shown(v)}`);
};

/** Seconds and nanos -> "1.000000001" style, with 0, 3, 6 or 9 fraction digits as protobuf prints them. */
function fraction(nanos: number): string {
  if (!nanos) return '';
  const nine = String(Math.abs(nanos)).padStart(9, '0');
  return `.${nine.endsWith('000000') ? nine.slice(0, 3) : nine.endsWith('000') ? nine.slice(0, 6) : nine}`;
}

function timestampToJson(o: Obj): string {
  const seconds = Number(o.seconds ?? 0);
  const iso = new Date(seconds * 1000).toISOString().slice(0, 19);
  return `${iso}${fraction(Number(o.nanos ?? 0))}Z`;
}

function timestampFromJson(v: unknown): Obj {
  const m = typeof v === 'string' ? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(v) : null;
  const ms = m ? Date.parse(`${m[1]}${m[3]}`) : Number.NaN;
  if (!m || Number.isNaN(ms)) return fail('a timestamp ("2024-05-31T13:45:10.123Z")', v);
  return { seconds: String(ms / 1000), nanos: Number((m[2] ?? '').padEnd(9, '0')) };
}

function durationToJson(o: Obj): string {
  const seconds = BigInt(String(o.seconds ?? 0));
  const nanos = Number(o.nanos ?? 0);
  const negative = seconds < 0n || nanos < 0;
  const abs = seconds < 0n ? -seconds : seconds;
  return `${negative ? '-' : ''}${abs}${fraction(nanos)}s`;
}

function durationFromJson(v: unknown): Obj {
  const m = typeof v === 'string' ? /^(-?)(\d+)(?:\.(\d{1,9}))?s$/.exec(v) : null;
  if (!m) return fail('a duration ("1.5s")', v);
  const sign = m[1] ? -1 : 1;
  return { seconds: `${m[1]}${m[2]}`, nanos: sign * Number((m[3] ?? '').padEnd(9, '0')) };
}

function valueToJson(o: Obj): unknown {
  if ('structValue' in o || 'struct_value' in o) return structToJson((o.structValue ?? o.struct_value) as Obj);
  if ('listValue' in o || 'list_value' in o) return ((((o.listValue ?? o.list_value) as Obj).values as Obj[]) ?? []).map(valueToJson);
  for (const k of ['numberValue', 'number_value', 'stringValue', 'string_value', 'boolValue', 'bool_value']) if (k in o) return o[k];
  return null;
}

function structToJson(o: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries((o.fields as Obj) ?? {})) out[k] = valueToJson(v as Obj);
  return out;
}

function valueFromJson(v: unknown): Obj {
  if (v === null) return { null_value: 'NULL_VALUE' };
  if (typeof v === 'number') return { number_value: v };
  if (typeof v === 'string') return { string_value: v };
  if (typeof v === 'boolean') return { bool_value: v };
  if (Array.isArray(v)) return { list_value: { values: v.map(valueFromJson) } };
  if (typeof v === 'object') return { struct_value: structFromJson(v) };
  return fail('a JSON value', v);
}

function structFromJson(v: unknown): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('an object (google.protobuf.Struct)', v);
  const fields: Obj = {};
  for (const [k, x] of Object.entries(v as Obj)) fields[k] = valueFromJson(x);
  return { fields };
}

function scalarFromJson(type: string, v: unknown): unknown {
  if (INT32.has(type) || UINT32.has(type)) {
    const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
    const [min, max] = INT32.has(type) ? [-(2 ** 31), 2 ** 31 - 1] : [0, 2 ** 32 - 1];
    return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : fail(type, v);
  }
  if (INT64.has(type) || UINT64.has(type)) {
    const s =
      typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : typeof v === 'bigint' ? String(v) : isRawJson(v) ? v.rawJSON : v;
    if (typeof s !== 'string' || !/^-?\d+$/.test(s)) return fail(type, v);
    const n = BigInt(s);
    const ok = UINT64.has(type) ? n >= 0n && n < 2n ** 64n : n >= -(2n ** 63n) && n < 2n ** 63n;
    return ok ? s : fail(type, v);
  }
  switch (type) {
    case 'double':
    case 'float':
      return typeof v === 'number' ? v : v === 'NaN' || v === 'Infinity' || v === '-Infinity' ? Number(v) : fail(type, v);
    case 'bool':
      return typeof v === 'boolean' ? v : fail('a boolean', v);
    case 'string':
      return typeof v === 'string' ? v : fail('a string', v);
    case 'bytes':
      if (typeof v !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(v)) return fail('bytes (base64)', v);
      return v.replace(/-/g, '+').replace(/_/g, '/');
    default:
      return fail(type, v);
  }
}

export class ProtoJson {
  /** A protobufjs object (toObject) -> canonical JSON. */
  toJson(type: Type, o: Obj): unknown {
    const wkt = type.fullName.slice(1);
    if (wkt === 'google.protobuf.Timestamp') return timestampToJson(o);
    if (wkt === 'google.protobuf.Duration') return durationToJson(o);
    if (wkt in WRAPPERS) return 'value' in o ? o.value : WRAPPER_DEFAULTS[WRAPPERS[wkt]];
    if (wkt === 'google.protobuf.Struct') return structToJson(o);
    if (wkt === 'google.protobuf.Value') return valueToJson(o);
    if (wkt === 'google.protobuf.ListValue') return ((o.values as Obj[]) ?? []).map(valueToJson);
    if (wkt === 'google.protobuf.FieldMask') return ((o.paths as string[]) ?? []).join(',');
    const out: Obj = {};
    for (const field of type.fieldsArray) {
      if (!(field.name in o)) continue;
      const v = o[field.name];
      const sub = field.resolvedType;
      const message = sub && 'fieldsArray' in sub ? (sub as Type) : undefined;
      let value: unknown = v;
      if (message) {
        if (field.map) value = Object.fromEntries(Object.entries(v as Obj).map(([k, x]) => [k, this.toJson(message, x as Obj)]));
        else if (field.repeated) value = (v as Obj[]).map((x) => this.toJson(message, x));
        else value = this.toJson(message, v as Obj);
      }
      out[jsonName(field)] = value;
    }
    return out;
  }

  /** Canonical JSON (or the original field names) -> a protobufjs object for fromObject; throws FieldError. */
  fromJson(type: Type, v: unknown): unknown {
    const wkt = type.fullName.slice(1);
    if (wkt === 'google.protobuf.Timestamp') return timestampFromJson(v);
    if (wkt === 'google.protobuf.Duration') return durationFromJson(v);
    if (wkt in WRAPPERS) return { value: scalarFromJson(WRAPPERS[wkt], v) };
    if (wkt === 'google.protobuf.Struct') return structFromJson(v);
    if (wkt === 'google.protobuf.Value') return valueFromJson(v);
    if (wkt === 'google.protobuf.ListValue') return Array.isArray(v) ? { values: v.map(valueFromJson) } : fail('an array', v);
    if (wkt === 'google.protobuf.FieldMask') return typeof v === 'string' ? { paths: v ? v.split(',') : [] } : fail('a string', v);
    if (typeof v !== 'object' || v === null || Array.isArray(v) || isRawJson(v)) return fail(`an object (message ${wkt})`, v);
    const out: Obj = {};
    const oneofs = new Map<string, string>();
    for (const [key, x] of Object.entries(v as Obj)) {
      const field = type.fieldsArray.find((f) => jsonName(f) === key || f.name === key);
      if (!field) throw new FieldError(`unknown field (message ${wkt} has ${type.fieldsArray.map(jsonName).join(', ')})`, segment(key));
      if (x === null && field.resolvedType?.fullName !== '.google.protobuf.Value') continue;
      try {
        out[field.name] = this.fieldFromJson(field, x);
      } catch (e) {
        FieldError.within(e, segment(key));
      }
      const oneof = field.partOf?.name;
      if (oneof && !oneof.startsWith('_')) {
        if (oneofs.has(oneof)) throw new FieldError(`oneof ${oneof} takes one field, got ${oneofs.get(oneof)} and ${key}`, segment(key));
        oneofs.set(oneof, key);
      }
    }
    return out;
  }

  private fieldFromJson(field: Field, x: unknown): unknown {
    const one = (y: unknown) => this.singleFromJson(field, y);
    if (field.map) {
      if (typeof x !== 'object' || x === null || Array.isArray(x)) return fail('an object (a map)', x);
      const keyType = (field as unknown as { keyType: string }).keyType;
      const out: Obj = {};
      for (const [k, y] of Object.entries(x as Obj)) {
        try {
          if (keyType === 'bool' ? k !== 'true' && k !== 'false' : keyType !== 'string' && !/^-?\d+$/.test(k))
            throw new FieldError(`a map key of type ${keyType}, got ${JSON.stringify(k)}`);
          out[k] = one(y);
        } catch (e) {
          FieldError.within(e, segment(k));
        }
      }
      return out;
    }
    if (field.repeated) {
      if (!Array.isArray(x)) return fail('an array', x);
      return x.map((y, i) => {
        try {
          return one(y);
        } catch (e) {
          return FieldError.within(e, `[${i}]`);
        }
      });
    }
    return one(x);
  }

  private singleFromJson(field: Field, y: unknown): unknown {
    const sub = field.resolvedType;
    if (sub && 'fieldsArray' in sub) return this.fromJson(sub as Type, y);
    if (sub && 'values' in sub) {
      const values = (sub as protobuf.Enum).values;
      if (typeof y === 'string' && y in values) return y;
      if (typeof y === 'number' && Number.isInteger(y)) return y;
      return fail(`one of ${Object.keys(values).join(', ')} (enum ${sub.fullName.slice(1)})`, y);
    }
    return scalarFromJson(field.type, y);
  }
}
