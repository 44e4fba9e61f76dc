/**
 * Avro values <-> JSON, compiled once per schema. Input follows the Avro JSON encoding: a union value
 * is {"branch": value} (the branch's full name for a named type, else its type name), and the plain
 * value is taken too when exactly one branch fits it; bytes and fixed are strings of code points
 * 0-255; logical types take the forms of avro-logical.ts. Output is the same encoding (as
 * kafka-avro-console-consumer prints), so what consume prints, produce reads back to the same bytes.
 * The values on the avsc side are avsc's with wrapped unions ({branch: value}) and longs that are a
 * number while safe, else an exact JSON integer (avro-long.ts).
 */
import * as logical from './avro-logical.js';
import { FieldError, isRawJson, segment, shown } from './field-error.js';

type Schema = string | Schema[] | { [key: string]: unknown };
type In = (v: unknown) => unknown;
/** undefined: the value is its own JSON. */
type Out = ((v: unknown) => unknown) | undefined;

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const NAMED = new Set(['record', 'error', 'enum', 'fixed']);
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

interface Named {
  schema: { [key: string]: unknown };
  namespace: string;
  fullName: string;
}

/** The named types of a set of schemas (references first, then the main one), by full name. */
export class AvroNames {
  readonly types = new Map<string, Named>();

  add(schema: Schema, namespace = ''): void {
    if (Array.isArray(schema)) return schema.forEach((s) => this.add(s, namespace));
    if (typeof schema !== 'object' || schema === null) return;
    const type = schema.type as Schema;
    if (typeof type === 'string' && NAMED.has(type) && typeof schema.name === 'string') {
      const { fullName, ns } = qualify(schema.name, typeof schema.namespace === 'string' ? schema.namespace : namespace);
      this.types.set(fullName, { schema, namespace: ns, fullName });
      if (type === 'record' || type === 'error')
        for (const f of (schema.fields as { type: Schema }[] | undefined) ?? []) this.add(f.type, ns);
      return;
    }
    if (type === 'array') this.add(schema.items as Schema, namespace);
    else if (type === 'map') this.add(schema.values as Schema, namespace);
    else if (typeof type === 'object') this.add(type, namespace);
  }

  resolve(name: string, namespace: string): Named {
    const named = (!name.includes('.') && namespace ? this.types.get(`${namespace}.${name}`) : undefined) ?? this.types.get(name);
    if (!named) throw new Error(`unknown Avro type "${name}"`);
    return named;
  }
}

function qualify(name: string, namespace: string): { fullName: string; ns: string } {
  if (name.includes('.')) return { fullName: name, ns: name.slice(0, name.lastIndexOf('.')) };
  return { fullName: namespace ? `${namespace}.${name}` : name, ns: namespace };
}

/** The name a wrapped union uses for a branch (as avsc's branchName). */
function branchName(schema: Schema, names: AvroNames, namespace: string): string {
  if (typeof schema === 'string') return PRIMITIVES.has(schema) ? schema : names.resolve(schema, namespace).fullName;
  if (Array.isArray(schema)) throw new Error('a union directly inside a union');
  const type = schema.type as Schema;
  if (typeof type === 'string' && NAMED.has(type))
    return qualify(schema.name as string, (schema.namespace as string) ?? namespace).fullName;
  if (typeof type === 'string') return type === 'error' ? 'record' : type;
  return branchName(type, names, namespace);
}

const fail = (expected: string, v: unknown): never => {
  throw new FieldError(`expected ${expected}, got ${shown(v)}`);
};

/** Compiles the JSON -> avsc value and avsc value -> JSON converters of a schema. */
export class AvroJson {
  private readonly ins = new Map<string, In>();
  private readonly outs = new Map<string, { out: Out }>();
  /** Defaults are in the underlying types' JSON (a decimal's bytes as a string, a date as days): converted by this. */
  private plain: AvroJson | undefined;

  constructor(
    private readonly names: AvroNames,
    private readonly logicalTypes = true,
  ) {}

  fromJson(schema: Schema, namespace = ''): In {
    if (typeof schema === 'string') {
      if (PRIMITIVES.has(schema)) return primitiveIn(schema);
      const named = this.names.resolve(schema, namespace);
      return this.namedIn(named);
    }
    if (Array.isArray(schema)) return this.unionIn(schema, namespace);
    const type = schema.type as Schema;
    if (typeof type === 'string' && NAMED.has(type)) {
      const { fullName, ns } = qualify(schema.name as string, (schema.namespace as string) ?? namespace);
      return this.namedIn({ schema, namespace: ns, fullName });
    }
    if (type === 'array') {
      const item = this.fromJson(schema.items as Schema, namespace);
      return (v) => {
        if (!Array.isArray(v)) fail('an array', v);
        const a = v as unknown[];
        const out = new Array<unknown>(a.length);
        for (let i = 0; i < a.length; i++) {
          try {
            out[i] = item(a[i]);
          } catch (e) {
            FieldError.within(e, `[${i}]`);
          }
        }
        return out;
      };
    }
    if (type === 'map') {
      const value = this.fromJson(schema.values as Schema, namespace);
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v) || isRawJson(v)) fail('an object (a map)', v);
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v as object)) {
          try {
            out[k] = value((v as Record<string, unknown>)[k]);
          } catch (e) {
            FieldError.within(e, segment(k));
          }
        }
        return out;
      };
    }
    if (typeof type === 'string' && PRIMITIVES.has(type))
      return (this.logicalTypes ? logicalIn(schema, type) : undefined) ?? primitiveIn(type);
    return this.fromJson(type, namespace);
  }

  private namedIn(named: Named): In {
    let conv = this.ins.get(named.fullName);
    if (conv) return conv;
    // A recursive type refers to itself: the slot is filled before the body is compiled.
    let body: In = () => undefined;
    conv = (v) => body(v);
    this.ins.set(named.fullName, conv);
    const { schema } = named;
    if (schema.type === 'enum') {
      const symbols = new Set(schema.symbols as string[]);
      const list = (schema.symbols as string[]).join(', ');
      body = (v) => (typeof v === 'string' && symbols.has(v) ? v : fail(`one of ${list} (enum ${named.fullName})`, v));
    } else if (schema.type === 'fixed') {
      body = (this.logicalTypes ? logicalIn(schema, 'fixed') : undefined) ?? bytesIn(schema.size as number);
    } else body = this.recordIn(named);
    return conv;
  }

  private recordIn(named: Named): In {
    const plain = (this.plain ??= this.logicalTypes ? new AvroJson(this.names, false) : this);
    const fields = ((named.schema.fields as { name: string; type: Schema; default?: unknown }[]) ?? []).map((f) => {
      const conv = this.fromJson(f.type, named.namespace);
      const hasDefault = 'default' in f;
      let fallback: unknown;
      let ready = false;
      const defaultValue = () => {
        if (!ready) {
          // A union's default is a value of its first branch, unwrapped.
          const t = f.type;
          fallback = Array.isArray(t)
            ? f.default === null && t[0] === 'null'
              ? null
              : { [branchName(t[0], this.names, named.namespace)]: plain.fromJson(t[0], named.namespace)(f.default) }
            : plain.fromJson(f.type, named.namespace)(f.default);
          ready = true;
        }
        return fallback;
      };
      return { name: f.name, conv, hasDefault, defaultValue };
    });
    const known = new Set(fields.map((f) => f.name));
    const list = fields.map((f) => f.name).join(', ');
    return (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v) || isRawJson(v)) fail(`an object (record ${named.fullName})`, v);
      const o = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of fields) {
        const x = o[f.name];
        try {
          if (x !== undefined) out[f.name] = f.conv(x);
          else if (f.hasDefault) out[f.name] = f.defaultValue();
          else throw new FieldError(`missing (record ${named.fullName} needs it; it has no default)`);
        } catch (e) {
          FieldError.within(e, segment(f.name));
        }
      }
      for (const k in o) if (!known.has(k)) throw new FieldError(`unknown field (record ${named.fullName} has ${list})`, segment(k));
      return out;
    };
  }

  private unionIn(branches: Schema[], namespace: string): In {
    const named = branches.map((b) => ({ name: branchName(b, this.names, namespace), conv: this.fromJson(b, namespace) }));
    const byName = new Map(named.map((b) => [b.name, b]));
    // Short names of named branches ({"Money": ...} for shop.Money) when unambiguous.
    for (const b of named) {
      const short = b.name.slice(b.name.lastIndexOf('.') + 1);
      if (!byName.has(short)) byName.set(short, b);
    }
    const hasNull = byName.has('null');
    const others = named.filter((b) => b.name !== 'null');
    const list = named.map((b) => b.name).join(', ');
    return (v) => {
      if (v === null) return hasNull ? null : fail(`a value of [${list}]`, v);
      if (typeof v === 'object' && !Array.isArray(v) && !isRawJson(v)) {
        const keys = Object.keys(v);
        const b = keys.length === 1 ? byName.get(keys[0]) : undefined;
        if (b) {
          try {
            return { [b.name]: b.conv((v as Record<string, unknown>)[keys[0]]) };
          } catch (e) {
            FieldError.within(e, `{${keys[0]}}`);
          }
        }
      }
      let found: { name: string; value: unknown } | undefined;
      for (const b of others) {
        let value: unknown;
        try {
          value = b.conv(v);
        } catch {
          continue;
        }
        if (found) throw new FieldError(`${shown(v)} fits both ${found.name} and ${b.name}: write {"${found.name}": ...}`);
        found = { name: b.name, value };
      }
      if (!found) fail(`a value of [${list}] (a union: {"type": value} or a value only one branch takes)`, v);
      return { [found!.name]: found!.value };
    };
  }

  /** avsc value -> JSON value; undefined when the value is already its JSON. */
  toJson(schema: Schema, namespace = ''): Out {
    if (typeof schema === 'string') {
      if (PRIMITIVES.has(schema)) return primitiveOut(schema);
      return this.namedOut(this.names.resolve(schema, namespace));
    }
    if (Array.isArray(schema)) return this.unionOut(schema, namespace);
    const type = schema.type as Schema;
    if (typeof type === 'string' && NAMED.has(type)) {
      const { fullName, ns } = qualify(schema.name as string, (schema.namespace as string) ?? namespace);
      return this.namedOut({ schema, namespace: ns, fullName });
    }
    if (type === 'array') {
      const item = this.toJson(schema.items as Schema, namespace);
      return item && ((v) => (v as unknown[]).map((x) => item(x)));
    }
    if (type === 'map') {
      const value = this.toJson(schema.values as Schema, namespace);
      if (!value) return undefined;
      return (v) => {
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v as object)) out[k] = value((v as Record<string, unknown>)[k]);
        return out;
      };
    }
    if (typeof type === 'string' && PRIMITIVES.has(type)) return logicalOut(schema, type) ?? primitiveOut(type);
    return this.toJson(type, namespace);
  }

  private namedOut(named: Named): Out {
    const slot = this.outs.get(named.fullName);
    if (slot) return slot.out === undefined ? undefined : (v) => slot.out!(v);
    const mine: { out: Out } = { out: undefined };
    this.outs.set(named.fullName, mine);
    const { schema } = named;
    if (schema.type === 'enum') return undefined;
    if (schema.type === 'fixed') return (mine.out = logicalOut(schema, 'fixed') ?? latin1);
    const fields = ((schema.fields as { name: string; type: Schema }[]) ?? []).map((f) => ({
      name: f.name,
      out: this.toJson(f.type, named.namespace),
    }));
    if (fields.every((f) => f.out === undefined)) return undefined;
    mine.out = (v) => {
      const r = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of fields) out[f.name] = f.out ? f.out(r[f.name]) : r[f.name];
      return out;
    };
    return mine.out;
  }

  private unionOut(branches: Schema[], namespace: string): Out {
    const outs = new Map<string, Out>();
    for (const b of branches) outs.set(branchName(b, this.names, namespace), this.toJson(b, namespace));
    if ([...outs.values()].every((o) => o === undefined)) return undefined;
    return (v) => {
      if (v === null) return null;
      const key = Object.keys(v as object)[0];
      const out = outs.get(key);
      return { [key]: out ? out((v as Record<string, unknown>)[key]) : (v as Record<string, unknown>)[key] };
    };
  }
}

const latin1: Out = (v) => (v as Buffer).toString('latin1');

function bytesIn(size?: number): In {
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

function primitiveIn(type: string): In {
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

function primitiveOut(type: string): Out {
  if (type === 'bytes') return latin1;
  if (type === 'float' || type === 'double') return nonFinite;
  return undefined;
}

const asNumber = (v: unknown): number | bigint => (isRawJson(v) ? BigInt(v.rawJSON) : (v as number));

function logicalIn(schema: { [key: string]: unknown }, type: string): In | undefined {
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

function logicalOut(schema: { [key: string]: unknown }, type: string): Out {
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
