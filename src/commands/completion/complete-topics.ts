import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import type { KafkaClients } from '../../kafka/types.js';

export interface CompleteOptions {
  prefix: string;
  debug: boolean;
}

/** Hard deadline, whatever the client's retries do: completion must never hang a shell. */
export const DEADLINE_MS = 1_300;

export function parse(args: string[], flags: Record<string, unknown>): CompleteOptions {
  return { prefix: args[0] ?? '', debug: Boolean(flags.debug) };
}

/**
 * `ktool __complete topics [PREFIX]`: topic names of the current cluster, one a line. Silent
 * (no output, exit 0) when anything fails or takes longer than DEADLINE_MS.
 */
export function run(options: CompleteOptions, ctx: Context): Promise<CommandResult | void> {
  return completeFromCluster(options, ctx, async (clients) => (await clients.admin()).listTopics({ includeInternal: options.prefix.startsWith('_') }));
}

/** Names asked of the current cluster, within DEADLINE_MS, silently nothing on any failure. */
export async function completeFromCluster(options: CompleteOptions, ctx: Context, names: (clients: KafkaClients) => Promise<string[]>): Promise<CommandResult | void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), DEADLINE_MS);
    timer.unref();
  });
  const listed = (async () => names(await ctx.kafka()))();
  listed.catch(() => undefined); // a late failure after the deadline must not surface
  try {
    const found = await Promise.race([listed, deadline]);
    if (!found) return;
    return lines(found, options.prefix);
  } catch (error) {
    if (options.debug) throw error;
    return;
  } finally {
    clearTimeout(timer);
  }
}

export function lines(names: string[], prefix: string): CommandResult | void {
  const matching = names.filter((n) => n.startsWith(prefix)).sort();
  if (matching.length) return { text: matching.join('\n') + '\n' };
}
