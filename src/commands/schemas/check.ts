import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { ExitCode, UsageError } from '../../errors.js';
import { RegistryCode, RegistryUsageError } from '../../schema-registry/errors.js';
import { parseReferences, readSchemaFile, resolveReferences, SCHEMAS_GROUPS, TYPE_OPTION, versionNumber } from './shared.js';

export const spec = defineCommand({
  command: 'check <subject> <file>',
  description: "would the registry accept this schema? compatibility against the subject's latest version, one, or all (exit 6 when not)",
  groups: SCHEMAS_GROUPS,
  options: [
    ...TYPE_OPTION,
    { flags: '--all', description: 'against every version (what a *_TRANSITIVE level checks)' },
    { flags: '--version <n>', description: 'against this version' },
  ],
  notes:
    "Exit 0 when compatible, 6 when not, with the registry's reasons (Confluent gives them; Apicurio's check answers " +
    'yes or no only: its reasons come with a refused register).',
  examples: ['ktool schemas check orders-value order-v2.avsc', 'ktool schemas check orders-value order-v2.avsc --all --json'],
});

export interface CheckOptions {
  subject: string;
  file: string;
  type?: string;
  references: ReturnType<typeof parseReferences>;
  against: number | 'latest' | 'all';
}

export function parse(args: string[], flags: Flags<typeof spec>): CheckOptions {
  if (args.length !== 2) throw new UsageError(args.length > 2 ? `unexpected argument "${args[2]}"` : 'schemas check needs SUBJECT FILE');
  if (flags.all && flags.version !== undefined) throw new UsageError('give --all or --version N, not both');
  const against = flags.all ? 'all' : flags.version !== undefined ? versionNumber(flags.version, '--version') : 'latest';
  return { subject: args[0], file: args[1], type: flags.type, references: parseReferences(flags.reference), against };
}

const REFERENCES_HINT =
  "a schema with references: Apicurio's compatibility check does not resolve them (Confluent's does); " +
  '`ktool schemas register` checks compatibility with them resolved and refuses an incompatible schema (exit 6)';

/** `schemas check --json`: {subject, against, compatible, messages}; exit 6 when not compatible. */
export async function run(o: CheckOptions, ctx: Context): Promise<CommandResult> {
  const schema = await readSchemaFile(o.file, o.type);
  const registry = await ctx.schemaRegistry();
  schema.references = await resolveReferences(o.references, registry);
  let result;
  try {
    result = await registry.checkCompatibility(o.subject, schema, o.against);
  } catch (error) {
    // Apicurio 3's compatibility endpoint does not resolve references (its register does): it calls the schema invalid.
    if (error instanceof RegistryUsageError && error.registryCode === RegistryCode.invalidSchema && o.references.length > 0)
      throw new RegistryUsageError(error.message, error.registryCode, error.httpStatus, REFERENCES_HINT);
    throw error;
  }
  const data = { subject: o.subject, against: o.against, compatible: result.isCompatible, messages: result.messages };
  const target =
    o.against === 'all' ? `every version of ${o.subject}` : o.against === 'latest' ? o.subject : `${o.subject} version ${o.against}`;
  const lines = [`${result.isCompatible ? 'compatible' : 'INCOMPATIBLE'} with ${target}`];
  if (!result.isCompatible) {
    lines.push(...(result.messages.length ? result.messages.map((m) => `  ${m}`) : ['  (the registry gave no reasons)']));
  }
  return { data, view: [{ lines }], exitCode: result.isCompatible ? undefined : ExitCode.check };
}
