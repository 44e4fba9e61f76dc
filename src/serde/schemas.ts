/**
 * Schemas -> codecs: a schema's references are fetched from the registry (dependencies first), the
 * codec library is loaded only here (dynamic import: avsc, protobufjs or ajv), and codecs by id are
 * cached for the run.
 */
import { UsageError } from '../errors.js';
import type { SchemaCodec, SchemaSource, TypedFormat } from './codec-types.js';
import { FORMAT_OF_TYPE } from './codec-types.js';
import type { SchemaInput, SchemaType } from '../schema-registry/types.js';
import type { SchemaLookup } from './lookup.js';

export const formatOf = (schema: SchemaInput): TypedFormat => FORMAT_OF_TYPE[schema.schemaType ?? 'AVRO'] ?? 'avro';

/** The schema and every schema it references, transitively; each referenced subject version is fetched once. */
export async function sourceOf(schema: SchemaInput, lookup: SchemaLookup | undefined): Promise<SchemaSource> {
  const references: SchemaSource['references'] = [];
  const seen = new Set<string>();
  const visit = async (s: SchemaInput) => {
    for (const ref of s.references ?? []) {
      const key = `${ref.subject}@${ref.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!lookup) throw new UsageError(`the schema references ${ref.subject} version ${ref.version}: that needs a schema registry`);
      const referenced = await lookup.getSubjectVersion(ref.subject, ref.version);
      await visit(referenced);
      references.push({ name: ref.name, schema: referenced.schema });
    }
  };
  await visit(schema);
  return { schema: schema.schema, references };
}

/** Compiles a schema of the given format; throws UsageError naming `what` when it does not parse. */
export async function compile(format: TypedFormat, source: SchemaSource, what: string, message?: string): Promise<SchemaCodec> {
  try {
    switch (format) {
      case 'avro':
        return (await import('./avro.js')).avroCodec(source);
      case 'protobuf':
        return (await import('./protobuf.js')).protobufCodec(source, message);
      default:
        return (await import('./json-schema.js')).jsonSchemaCodec(source);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${what} is not a valid ${format} schema: ${(error as Error).message}`);
  }
}

export const SCHEMA_TYPES: Record<TypedFormat, SchemaType> = { avro: 'AVRO', protobuf: 'PROTOBUF', 'json-schema': 'JSON' };

/** Codecs by schema id, each fetched and compiled once. */
export class CodecCache {
  private readonly byId = new Map<number, Promise<SchemaCodec>>();
  private readonly ready = new Map<number, SchemaCodec>();

  constructor(readonly lookup: SchemaLookup) {}

  /** The codec of a schema id (the registry is asked once; a failed ask is not cached). */
  get(id: number): Promise<SchemaCodec> {
    let p = this.byId.get(id);
    if (!p) {
      p = (async () => {
        const schema = await this.lookup.getSchemaById(id);
        const codec = await compile(formatOf(schema), await sourceOf(schema, this.lookup), `schema id ${id}`);
        this.ready.set(id, codec);
        return codec;
      })();
      this.byId.set(id, p);
      p.catch(() => this.byId.delete(id));
    }
    return p;
  }

  /** The codec when it is already loaded. */
  cached(id: number): SchemaCodec | undefined {
    return this.ready.get(id);
  }
}
