import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { completeFromCluster, type CompleteOptions } from './complete-topics.js';

export { parse } from './complete-topics.js';

/** `ktool __complete groups [PREFIX]`: consumer group ids (classic and KIP-848), like topics. */
export function run(options: CompleteOptions, ctx: Context): Promise<CommandResult | void> {
  return completeFromCluster(options, ctx, async (clients) => {
    return (await (await clients.groups()).listGroups(['classic', 'consumer'])).map((g) => g.group);
  });
}
