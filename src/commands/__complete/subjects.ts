import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { COMPLETE_TIMEOUT, completeWithin, DEBUG_OPTION, parseComplete, type CompleteOptions } from './shared.js';

export const spec = defineCommand({
  command: 'subjects [prefix]',
  description: 'Schema Registry subjects starting with PREFIX',
  groups: ['schema-registry', 'connection'],
  options: [DEBUG_OPTION],
  fixedFlags: { timeout: COMPLETE_TIMEOUT },
});

export function parse(args: string[], flags: Flags<typeof spec>): CompleteOptions {
  return parseComplete(args, flags);
}

/** `ktool __complete subjects [PREFIX]`: subjects of the current registry, one a line; silent on any failure or past the deadline. */
export function run(options: CompleteOptions, ctx: Context): Promise<CommandResult | void> {
  return completeWithin(options, async () => (await ctx.schemaRegistry()).listSubjects({ prefix: options.prefix || undefined }));
}
