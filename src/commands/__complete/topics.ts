import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { COMPLETE_TIMEOUT, completeFromCluster, DEBUG_OPTION, parseComplete, type CompleteOptions } from './shared.js';

export const spec = defineCommand({
  command: 'topics [prefix]',
  description: 'topic names starting with PREFIX',
  groups: ['connection'],
  options: [DEBUG_OPTION],
  fixedFlags: { timeout: COMPLETE_TIMEOUT },
});

export function parse(args: string[], flags: Flags<typeof spec>): CompleteOptions {
  return parseComplete(args, flags);
}

/**
 * `ktool __complete topics [PREFIX]`: topic names of the current cluster, one a line. Silent
 * (no output, exit 0) when anything fails or takes longer than DEADLINE_MS.
 */
export function run(options: CompleteOptions, ctx: Context): Promise<CommandResult | void> {
  return completeFromCluster(options, ctx, async (clients) =>
    (await clients.admin()).listTopics({ includeInternal: options.prefix.startsWith('_') }),
  );
}
