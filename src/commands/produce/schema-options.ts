/**
 * produce's --key-format/--value-format and the schema flags beside them -> SchemaChoice per side
 * (typed formats) or the encoding the format means (json, string, bytes). Pure: tables test it.
 */
import { UsageError } from '../../errors.js';
import { TYPED_FORMATS, type TypedFormat } from '../../serde/codec-types.js';
import type { Encoding } from '../../serde/serde.js';
import type { SchemaChoice, SubjectStrategy } from '../../serde/typed-produce.js';

export const PRODUCE_FORMATS = ['avro', 'protobuf', 'json-schema', 'json', 'string', 'bytes'] as const;
export const SUBJECT_STRATEGIES = ['topic', 'record', 'topic-record'] as const;

/** The untyped formats as the encodings they are: string is text, bytes base64 lines. */
const AS_ENCODING: Record<string, Encoding> = { json: 'json', string: 'text', bytes: 'base64' };

export interface SchemaFlags {
  keyFormat?: string;
  valueFormat?: string;
  keySchema?: string;
  valueSchema?: string;
  keySchemaId?: string;
  valueSchemaId?: string;
  keySubject?: string;
  valueSubject?: string;
  keyMessage?: string;
  valueMessage?: string;
  subjectStrategy?: string;
  register?: boolean;
  keyEncoding?: string;
  valueEncoding?: string;
}

export interface SchemaSides {
  key?: SchemaChoice;
  value?: SchemaChoice;
  /** The encoding an untyped --key-format/--value-format means (overrides the default text). */
  keyEncoding?: Encoding;
  valueEncoding?: Encoding;
}

function sideOf(side: 'key' | 'value', f: SchemaFlags, strategy: SubjectStrategy, out: SchemaSides): void {
  const format = f[`${side}Format`]?.toLowerCase();
  const file = f[`${side}Schema`];
  const idText = f[`${side}SchemaId`];
  const subject = f[`${side}Subject`];
  const message = f[`${side}Message`];
  const schemaFlags = [file && `--${side}-schema`, idText && `--${side}-schema-id`, subject && `--${side}-subject`].filter(Boolean);
  if (format === undefined) {
    if (schemaFlags.length || message)
      throw new UsageError(`${schemaFlags[0] ?? `--${side}-message`} needs --${side}-format avro|protobuf|json-schema`);
    return;
  }
  if (!(PRODUCE_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--${side}-format: unknown format "${f[`${side}Format`]}"`, `use one of ${PRODUCE_FORMATS.join(', ')}`);
  const encoding = f[`${side}Encoding`];
  if (encoding !== undefined && encoding !== 'text')
    throw new UsageError(
      `give --${side}-format or --${side}-encoding, not both`,
      `--${side}-format ${format} says how ${side}s are written`,
    );
  if (!(TYPED_FORMATS as readonly string[]).includes(format)) {
    if (schemaFlags.length) throw new UsageError(`${schemaFlags[0]} applies only to --${side}-format avro, protobuf or json-schema`);
    out[`${side}Encoding`] = AS_ENCODING[format];
    return;
  }
  if (file !== undefined && idText !== undefined) throw new UsageError(`give --${side}-schema or --${side}-schema-id, not both`);
  if (message !== undefined && format !== 'protobuf') throw new UsageError(`--${side}-message applies only to --${side}-format protobuf`);
  const choice: SchemaChoice = { format: format as TypedFormat, strategy, register: Boolean(f.register) };
  if (file !== undefined) choice.file = file;
  if (idText !== undefined) {
    if (!/^\d+$/.test(idText) || Number(idText) > 0xffffffff)
      throw new UsageError(`--${side}-schema-id must be a schema id (a whole number), got "${idText}"`);
    choice.id = Number(idText);
  }
  if (subject !== undefined) choice.subject = subject;
  if (message !== undefined) choice.message = message;
  out[side] = choice;
}

export function schemaSidesOf(f: SchemaFlags): SchemaSides {
  const strategyText = f.subjectStrategy?.toLowerCase() ?? 'topic';
  if (!(SUBJECT_STRATEGIES as readonly string[]).includes(strategyText))
    throw new UsageError(`--subject-strategy: unknown strategy "${f.subjectStrategy}"`, `use one of ${SUBJECT_STRATEGIES.join(', ')}`);
  const out: SchemaSides = {};
  sideOf('key', f, strategyText as SubjectStrategy, out);
  sideOf('value', f, strategyText as SubjectStrategy, out);
  if (f.register && !out.key?.file && !out.value?.file)
    throw new UsageError('--register registers the schema of --value-schema FILE (or --key-schema FILE)');
  return out;
}
