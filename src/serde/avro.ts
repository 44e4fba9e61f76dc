/** Avro through avsc: the binary encoding, with avro-json.ts's JSON mapping on either side. */
import avsc from 'avsc';
import { AvroJson } from './avro-json.js';
import { AvroNames } from './avro-names.js';
import { exactLongType } from './avro-long.js';
import type { Decoded, SchemaCodec, SchemaSource } from './codec-types.js';
import { FieldError } from './field-error.js';

function parseSchema(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A bare primitive name ("string") is a schema too.
    if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(text.trim())) return text.trim();
    throw new Error(`${what} is not valid JSON`);
  }
}

/** Compiles an Avro schema (and the named types its references define); throws on an invalid schema. */
export function avroCodec(source: SchemaSource): SchemaCodec {
  const registry: Record<string, avsc.Type> = { long: exactLongType(avsc) };
  const names = new AvroNames();
  const options = { wrapUnions: true, registry } as Partial<avsc.ForSchemaOptions>;
  for (const ref of source.references) {
    const schema = parseSchema(ref.schema, `the referenced schema ${ref.name}`);
    names.add(schema as never);
    avsc.Type.forSchema(schema as avsc.Schema, options);
  }
  const schema = parseSchema(source.schema, 'the Avro schema');
  names.add(schema as never);
  const type = avsc.Type.forSchema(schema as avsc.Schema, options);
  const json = new AvroJson(names);
  const fromJson = json.fromJson(schema as never);
  const toJson = json.toJson(schema as never);
  return {
    format: 'avro',
    encode(value: unknown): Buffer {
      const native = fromJson(value);
      try {
        return type.toBuffer(native);
      } catch (error) {
        throw new FieldError(`does not fit the schema: ${(error as Error).message}`);
      }
    },
    decode(payload: Buffer): Decoded {
      const { value, offset } = type.decode(payload, 0);
      if (offset !== payload.length)
        throw new Error(offset < 0 ? 'the Avro data ends early' : `${payload.length - offset} bytes after the Avro data`);
      // Avro's binary encoding is canonical but for blocked arrays and maps (counts split or sized):
      // re-encoding tells whether the JSON alone gives these bytes back.
      const again = type.toBuffer(value);
      return { value: toJson ? toJson(value) : value, exact: again.equals(payload) };
    },
  };
}
