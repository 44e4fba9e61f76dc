import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { COMPLETE_TIMEOUT, completeWithin, DEBUG_OPTION, parseComplete, type CompleteOptions } from './shared.js';

export const spec = defineCommand({
  command: 'schema-ids [prefix]',
  description: 'Schema Registry schema ids starting with PREFIX',
  groups: ['schema-registry', 'connection'],
  options: [DEBUG_OPTION],
  fixedFlags: { timeout: COMPLETE_TIMEOUT },
});

export function parse(args: string[], flags: Flags<typeof spec>): CompleteOptions {
  return parseComplete(args, flags);
}

/** Subjects asked about at most (completion of ids is for small, local registries). */
const MAX_SUBJECTS = 100;

/**
 * `ktool __complete schema-ids [PREFIX]`: the ids of every subject's latest version, one request
 * per subject in parallel (the Confluent API has no portable "list ids": Apicurio's GET /schemas
 * leaves them out; every version would be too many requests for the deadline). Silent on any failure.
 */
export function run(options: CompleteOptions, ctx: Context): Promise<CommandResult | void> {
  return completeWithin(options, async () => {
    const registry = await ctx.schemaRegistry();
    const subjects = (await registry.listSubjects()).slice(0, MAX_SUBJECTS);
    const ids = await Promise.all(subjects.map(async (subject) => (await registry.getSubjectVersion(subject, 'latest')).id));
    return [...new Set(ids)].map(String);
  });
}
