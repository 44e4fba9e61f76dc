/**
 * produce --value-format/--key-format avro|protobuf|json-schema: the schema is resolved once before
 * reading (a file, an id or a subject's latest version), and each input value (JSON) is encoded
 * in the Confluent wire format. A value that does not fit fails with its field path; the line
 * parser adds the line number.
 */
import { UsageError } from '../errors.js';
import { readUserFileSync } from '../util/read-user-file.js';
import type { SchemaCodec, TypedFormat } from './codec-types.js';
import { FieldError, parseJsonExact } from './field-error.js';
import type { SchemaLookup } from './lookup.js';
import { compile, formatOf, SCHEMA_TYPES, sourceOf } from './schemas.js';
import type { Serde } from './serde.js';
import { frame } from './wire.js';

export type SubjectStrategy = 'topic' | 'record' | 'topic-record';

/** Where one side's schema comes from (the command line). */
export interface SchemaChoice {
  format: TypedFormat;
  /** --value-schema FILE */
  file?: string;
  /** --value-schema-id N */
  id?: number;
  /** --value-subject */
  subject?: string;
  strategy: SubjectStrategy;
  /** --register: register the file's schema under the subject. */
  register: boolean;
  /** Protobuf: the message type (default: the file's first). */
  message?: string;
}

/** A typed side, ready: its id and codec, and the JSON -> framed bytes encoder. */
export interface TypedSerde extends Serde {
  readonly id: number;
  readonly codec: SchemaCodec;
  /** A parsed JSON value -> framed bytes; throws FieldError. */
  encodeJson(value: unknown): Buffer;
}

export function typedSerde(id: number, codec: SchemaCodec): TypedSerde {
  const encodeJson = (value: unknown) => frame(id, codec.encode(value));
  return {
    name: codec.format,
    id,
    codec,
    encodeJson,
    encode(text: string): Buffer {
      let value: unknown;
      try {
        value = parseJsonExact(text);
      } catch (error) {
        throw new FieldError(`not valid JSON: ${(error as Error).message}`);
      }
      return encodeJson(value);
    },
    decode: (bytes) => JSON.stringify(codec.decode(bytes.subarray(5)).value),
  };
}

/** The record name a schema defines (RecordNameStrategy): Avro's full name, Protobuf's message, JSON Schema's title. */
function recordName(format: TypedFormat, text: string, message: string | undefined): string {
  if (format === 'avro') {
    const s = JSON.parse(text) as { name?: string; namespace?: string };
    if (typeof s?.name !== 'string') throw new UsageError('--subject-strategy record needs a named Avro schema (a record)');
    return s.name.includes('.') || !s.namespace ? s.name : `${s.namespace}.${s.name}`;
  }
  if (format === 'protobuf') {
    const pkg = /^\s*package\s+([\w.]+)\s*;/m.exec(text)?.[1];
    const name = message ?? /^\s*message\s+(\w+)/m.exec(text)?.[1];
    if (!name) throw new UsageError('--subject-strategy record: the .proto file has no message');
    return name.includes('.') || !pkg ? name : `${pkg}.${name}`;
  }
  const title = (JSON.parse(text) as { title?: unknown }).title;
  if (typeof title !== 'string') throw new UsageError('--subject-strategy record needs a "title" in the JSON schema');
  return title;
}

export function subjectOf(topic: string, side: 'key' | 'value', choice: SchemaChoice, text: string | undefined): string {
  if (choice.subject) return choice.subject;
  if (choice.strategy === 'topic') return `${topic}-${side}`;
  if (text === undefined)
    throw new UsageError(`--subject-strategy ${choice.strategy} needs the schema file (--${side}-schema) or --${side}-subject`);
  const record = recordName(choice.format, text, choice.message);
  return choice.strategy === 'record' ? record : `${topic}-${record}`;
}

/** Resolves one side's schema against the registry: the id to frame with and the codec. */
export async function resolveSide(
  side: 'key' | 'value',
  choice: SchemaChoice,
  topic: string | undefined,
  lookup: SchemaLookup | undefined,
): Promise<TypedSerde> {
  const flag = `--${side}-format ${choice.format}`;
  if (!lookup)
    throw new UsageError(
      `${flag} needs a schema registry`,
      'pass --schema-registry URL (its base path included) or set KTOOL_SCHEMA_REGISTRY',
    );
  if (choice.id !== undefined) {
    const schema = await lookup.getSchemaById(choice.id);
    if (formatOf(schema) !== choice.format)
      throw new UsageError(`schema id ${choice.id} is a ${formatOf(schema)} schema, not ${choice.format}`);
    const codec = await compile(choice.format, await sourceOf(schema, lookup), `schema id ${choice.id}`, choice.message);
    return typedSerde(choice.id, codec);
  }
  const text = choice.file !== undefined ? readUserFileSync(choice.file, `--${side}-schema`) : undefined;
  if (topic === undefined && !choice.subject && choice.strategy !== 'record' && choice.id === undefined)
    throw new UsageError(`${flag} without a TOPIC needs --${side}-subject or --${side}-schema-id`);
  const subject = subjectOf(topic ?? '', side, choice, text);
  if (text === undefined) {
    const latest = await lookup.getSubjectVersion(subject, 'latest');
    if (formatOf(latest) !== choice.format)
      throw new UsageError(`the latest schema of subject ${subject} is ${formatOf(latest)}, not ${choice.format}`);
    const codec = await compile(choice.format, await sourceOf(latest, lookup), `subject ${subject}`, choice.message);
    return typedSerde(latest.id, codec);
  }
  const schema = { schema: text, schemaType: SCHEMA_TYPES[choice.format] };
  // Parsed before asking the registry: a bad file fails with its own error.
  const codec = await compile(choice.format, { schema: text, references: [] }, choice.file!, choice.message);
  if (choice.register) return typedSerde(await lookup.register(subject, schema), codec);
  const found = await lookup.lookupSchema(subject, schema);
  if (!found)
    throw new UsageError(
      `the schema in ${choice.file} is not registered under subject ${subject}`,
      `register it with --register (or ktool schemas register ${subject} ${choice.file})`,
    );
  return typedSerde(found.id, codec);
}
