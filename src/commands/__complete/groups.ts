import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { COMPLETE_TIMEOUT, completeFromCluster, DEBUG_OPTION, parseComplete, type CompleteOptions } from './shared.js';

export const spec = defineCommand({
  command: 'groups [prefix]',
  description: 'consumer group ids starting with PREFIX',
  groups: ['connection'],
  options: [DEBUG_OPTION],
  fixedFlags: { timeout: COMPLETE_TIMEOUT },
});

export function parse(args: string[], flags: Flags<typeof spec>): CompleteOptions {
  return parseComplete(args, flags);
}

/** `ktool __complete groups [PREFIX]`: consumer group ids (classic and KIP-848), like topics. */
export function run(options: CompleteOptions, ctx: Context): Promise<CommandResult | void> {
  return completeGroups(options, ctx, ['classic', 'consumer']);
}

/** The ids of the groups of these types (`__complete share-groups` too). */
export function completeGroups(options: CompleteOptions, ctx: Context, types: string[]): Promise<CommandResult | void> {
  return completeFromCluster(options, ctx, async (clients) => (await (await clients.groups()).listGroups(types)).map((g) => g.group));
}
