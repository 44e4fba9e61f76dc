import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand } from '../../cli/spec.js';
import { completeGroups, spec as groups } from './groups.js';
import type { CompleteOptions } from './shared.js';

/** `__complete groups`, for share groups. */
export const spec = defineCommand({
  ...groups,
  command: 'share-groups [prefix]',
  description: 'share group ids (KIP-932) starting with PREFIX',
});

export { parse } from './groups.js';

/** `ktool __complete share-groups [PREFIX]`: share group ids, for `ktool share-groups|share-consume --group`. */
export function run(options: CompleteOptions, ctx: Context): Promise<CommandResult | void> {
  return completeGroups(options, ctx, ['share']);
}
