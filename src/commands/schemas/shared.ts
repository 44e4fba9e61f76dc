/** What the `schemas` verbs share: SUBJECT[@VERSION], schema files and their type, references, pretty text. */
import { extname } from 'node:path';
import { defineOptions } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { readUserFile } from '../../util/read-user-file.js';
import type { SchemaInput, SchemaReference, SchemaRegistry, SchemaType } from '../../schema-registry/types.js';

/** The registry flags, then connection (for --profile/--timeout), output and base: every verb's groups. */
export const SCHEMAS_GROUPS = ['schema-registry', 'connection', 'output', 'base'] as const;

export const TYPE_OPTION = defineOptions([
  {
    flags: '-t, --type <type>',
    description: 'schema language (default: from the extension: .avsc avro, .proto protobuf, .json JSON Schema or Avro by content)',
    choices: ['avro', 'protobuf', 'json'],
  },
  {
    flags: '--reference <name=subject@version>',
    description:
      'a schema this one imports, repeatable (Avro named type, .proto import, JSON $ref); @latest is resolved to the current version',
    repeatable: true,
  },
]);

export const TYPES: Record<string, SchemaType> = { avro: 'AVRO', protobuf: 'PROTOBUF', json: 'JSON' };

export interface SubjectRef {
  subject: string;
  version: number | 'latest';
}

/**
 * `orders-value`, `orders-value@3`, `orders-value@latest` (a subject may itself hold an `@`: only a
 * number or latest after the last one counts).
 */
export function parseSubjectRef(text: string | undefined, what = 'SUBJECT'): SubjectRef {
  if (!text) throw new UsageError(`which subject? give ${what}`);
  const at = text.lastIndexOf('@');
  const suffix = at > 0 ? text.slice(at + 1) : undefined;
  if (suffix === 'latest') return { subject: text.slice(0, at), version: 'latest' };
  if (suffix !== undefined && /^\d+$/.test(suffix)) return { subject: text.slice(0, at), version: versionNumber(suffix, text) };
  if (suffix !== undefined && /^-?\d/.test(suffix)) versionNumber(suffix, text);
  return { subject: text, version: 'latest' };
}

export function versionNumber(text: string, context: string = text): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 2 ** 31 - 1)
    throw new UsageError(`invalid version "${text}" in ${context}`, 'versions are numbers from 1 (or latest)');
  return Number(text);
}

/** A `--reference` as given: its version a number, or latest (resolved against the registry before use). */
export interface ReferenceArg {
  name: string;
  subject: string;
  version: number | 'latest';
}

/** `--reference name=subject@version` or `name=subject@latest` (a version required: a reference names one exact schema). */
export function parseReferences(values: unknown): ReferenceArg[] {
  const list = Array.isArray(values) ? (values as string[]) : values === undefined ? [] : [String(values)];
  return list.map((value) => {
    const m = /^([^=]+)=(.+)@(\d+|latest)$/.exec(value);
    if (!m)
      throw new UsageError(
        `invalid --reference "${value}"`,
        'expected NAME=SUBJECT@VERSION or NAME=SUBJECT@latest, e.g. shop.Money=money-value@1',
      );
    return { name: m[1], subject: m[2], version: m[3] === 'latest' ? 'latest' : versionNumber(m[3], `--reference ${value}`) };
  });
}

/**
 * The references with @latest replaced by the subject's current version number: the registry
 * stores a reference with a number (Confluent's API needs one), so what was registered stays
 * pinned when the referenced subject moves on. An unknown subject is exit 3.
 */
export async function resolveReferences(
  refs: ReferenceArg[],
  registry: Pick<SchemaRegistry, 'getSubjectVersion'>,
): Promise<SchemaReference[]> {
  const resolved: SchemaReference[] = [];
  for (const ref of refs) {
    const version = ref.version === 'latest' ? (await registry.getSubjectVersion(ref.subject, 'latest')).version : ref.version;
    resolved.push({ name: ref.name, subject: ref.subject, version });
  }
  return resolved;
}

/** Reads a schema file; the type from --type, else its extension, else its content; Avro and JSON Schema must be JSON. */
export async function readSchemaFile(path: string, type: string | undefined, references: SchemaReference[] = []): Promise<SchemaInput> {
  const text = await readUserFile(path, 'the schema file');
  const schemaType = type ? TYPES[type] : guessType(path, text);
  if (schemaType !== 'PROTOBUF') {
    try {
      JSON.parse(text);
    } catch (error) {
      throw new UsageError(
        `${path}: not valid JSON, so not ${schemaType === 'AVRO' ? 'an Avro' : 'a JSON'} schema (${(error as Error).message})`,
        schemaType === 'AVRO' && !type ? 'for Protobuf or JSON Schema pass --type protobuf|json' : undefined,
      );
    }
  }
  return { schema: text, schemaType, references };
}

function guessType(path: string, text: string): SchemaType {
  const ext = extname(path).toLowerCase();
  if (ext === '.proto') return 'PROTOBUF';
  if (ext === '.avsc') return 'AVRO';
  if (/^\s*(syntax|package|message|import)\b/m.test(text) && !/^\s*[{["]/.test(text)) return 'PROTOBUF';
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    if (parsed && typeof parsed === 'object' && ('$schema' in parsed || 'properties' in parsed || parsed.type === 'object')) return 'JSON';
  } catch {
    // reported by the caller
  }
  return 'AVRO';
}

/** Avro and JSON Schema pretty-printed (2 spaces), Protobuf as stored: what `get` and `diff` show people. */
export function prettySchema(schema: string, type: SchemaType): string {
  if (type === 'PROTOBUF') return schema.replace(/\s+$/, '');
  try {
    return JSON.stringify(JSON.parse(schema), null, 2);
  } catch {
    return schema;
  }
}
