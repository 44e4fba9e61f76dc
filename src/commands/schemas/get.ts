import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { positiveInt } from '../../cli/parse-helpers.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import type { SchemaReference, SchemaType } from '../../schema-registry/types.js';
import { parseSubjectRef, prettySchema, SCHEMAS_GROUPS, type SubjectRef } from './shared.js';

export const spec = defineCommand({
  command: 'get [subject]',
  description: 'show a schema: SUBJECT[@VERSION|@latest], or --id N',
  groups: SCHEMAS_GROUPS,
  options: [
    { flags: '--id <id>', description: 'the schema with this id (and the subjects/versions that use it)' },
    { flags: '--schema-only', description: 'print the schema text alone, as stored (for > file.avsc)' },
    { flags: '--deleted', description: 'also find a soft-deleted version' },
  ],
  examples: [
    'ktool schemas get orders-value',
    'ktool schemas get orders-value@2 --json',
    'ktool schemas get --id 7',
    'ktool schemas get orders-value --schema-only > order.avsc',
  ],
});

export type GetOptions = { ref: SubjectRef; id?: undefined } | { id: number; ref?: undefined };

export function parse(args: string[], flags: Flags<typeof spec>): GetOptions & { schemaOnly: boolean; deleted: boolean } {
  const common = { schemaOnly: Boolean(flags.schemaOnly), deleted: Boolean(flags.deleted) };
  if (args.length > 1) throw new UsageError(`unexpected argument "${args[1]}"`);
  if (flags.id !== undefined) {
    if (args.length) throw new UsageError('give SUBJECT[@VERSION] or --id N, not both');
    return { id: positiveInt(flags.id, '--id', { min: 0 })!, ...common };
  }
  if (!args.length) throw new UsageError('which schema? give SUBJECT[@VERSION] or --id N', 'e.g. ktool schemas get orders-value@latest');
  return { ref: parseSubjectRef(args[0]), ...common };
}

interface Shown {
  subject?: string;
  version?: number;
  id: number;
  schemaType: SchemaType;
  references: SchemaReference[];
  schema: string;
  usedBy?: { subject: string; version: number }[];
}

/**
 * `schemas get --json`: {subject, version, id, schemaType, references, schema} (schemaType AVRO
 * when the registry leaves it out, references [] likewise); with --id: {id, schemaType,
 * references, schema, usedBy: [{subject, version}]}.
 */
export async function run(o: ReturnType<typeof parse>, ctx: Context): Promise<CommandResult> {
  const registry = await ctx.schemaRegistry();
  let data: Shown;
  if (o.id !== undefined) {
    const [schema, usedBy] = await Promise.all([registry.getSchemaById(o.id), registry.subjectVersionsOfId(o.id).catch(() => [])]);
    data = { id: o.id, ...schema, usedBy };
  } else {
    const v = await registry.getSubjectVersion(o.ref.subject, o.ref.version, { deleted: o.deleted });
    data = { subject: v.subject, version: v.version, id: v.id, schemaType: v.schemaType, references: v.references, schema: v.schema };
  }
  if (o.schemaOnly) return { data: data.schema, text: data.schema.endsWith('\n') ? data.schema : `${data.schema}\n` };
  const facts: string[] = [];
  if (data.subject !== undefined) facts.push(`subject:    ${data.subject}`, `version:    ${data.version}`);
  facts.push(`id:         ${data.id}`, `type:       ${data.schemaType}`);
  for (const r of data.references) facts.push(`reference:  ${r.name} = ${r.subject}@${r.version}`);
  for (const u of data.usedBy ?? []) facts.push(`used by:    ${u.subject}@${u.version}`);
  return { data, view: [{ lines: facts }, { lines: prettySchema(data.schema, data.schemaType).split('\n') }] };
}
