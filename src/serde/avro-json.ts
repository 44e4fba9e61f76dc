/**
 * Avro values <-> JSON, compiled once per schema. Input follows the Avro JSON encoding: a union value
 * is {"branch": value} (the branch's full name for a named type, else its type name), and the plain
 * value is taken too when exactly one branch fits it; bytes and fixed are strings of code points
 * 0-255; logical types take the forms of avro-logical.ts. Output is the same encoding (as
 * kafka-avro-console-consumer prints), so what consume prints, produce reads back to the same bytes.
 * The values on the avsc side are avsc's with wrapped unions ({branch: value}) and longs that are a
 * number while safe, else an exact JSON integer (avro-long.ts).
 */
import { FieldError, isRawJson, segment, shown } from './field-error.js';
import { branchName, NAMED, PRIMITIVES, qualify, type AvroNames, type Named, type Schema } from './avro-names.js';
import { bytesIn, fail, latin1, logicalIn, logicalOut, primitiveIn, primitiveOut, type In, type Out } from './avro-scalars.js';

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
