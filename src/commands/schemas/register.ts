import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import type { SchemaInput } from '../../schema-registry/types.js';
import { parseReferences, readSchemaFile, resolveReferences, SCHEMAS_GROUPS, TYPE_OPTION } from './shared.js';

export const spec = defineCommand({
  command: 'register <subject> <file>',
  description: "register a schema under a subject (a new version, or the existing one's id when already there)",
  groups: SCHEMAS_GROUPS,
  options: [...TYPE_OPTION, { flags: '--normalize', description: 'ask the registry to normalize the schema first (Confluent 7.2+)' }],
  notes:
    "An incompatible schema (the subject's compatibility level, BACKWARD by default) is refused: exit 6 with the " +
    "registry's reasons. Check first with ktool schemas check.",
  examples: [
    'ktool schemas register orders-value order.avsc',
    'ktool schemas register payments-value payment.proto',
    'ktool schemas register events-value event.json --type json',
    'ktool schemas register invoices-value invoice.avsc --reference shop.Money=money-value@1',
    'ktool schemas register orders-value order.proto --reference money.proto=money-value@latest',
  ],
});

export interface RegisterOptions {
  subject: string;
  file: string;
  type?: string;
  references: ReturnType<typeof parseReferences>;
  normalize: boolean;
}

export function parse(args: string[], flags: Flags<typeof spec>): RegisterOptions {
  if (args.length !== 2) throw new UsageError(args.length > 2 ? `unexpected argument "${args[2]}"` : 'schemas register needs SUBJECT FILE');
  if (!args[0]) throw new UsageError('the subject name is empty');
  return {
    subject: args[0],
    file: args[1],
    type: flags.type,
    references: parseReferences(flags.reference),
    normalize: Boolean(flags.normalize),
  };
}

/** `schemas register --json`: {subject, id, version, schemaType, new} (new: false when the schema was already registered). */
export async function run(o: RegisterOptions, ctx: Context): Promise<CommandResult> {
  const schema: SchemaInput = await readSchemaFile(o.file, o.type);
  const registry = await ctx.schemaRegistry();
  schema.references = await resolveReferences(o.references, registry);
  const before = await registry.lookupSchema(o.subject, schema);
  const id = await registry.register(o.subject, schema, { normalize: o.normalize || undefined });
  const after = before ?? (await registry.lookupSchema(o.subject, schema));
  const data = { subject: o.subject, id, version: after?.version ?? null, schemaType: schema.schemaType!, new: !before };
  const what = before ? 'Already registered' : 'Registered';
  return { data, view: [{ lines: [`${what}: ${o.subject} version ${data.version ?? '?'}, schema id ${id} (${data.schemaType})`] }] };
}
