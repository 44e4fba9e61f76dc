import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import type { KafkaClients } from '../../kafka/types.js';

export interface CompleteOptions {
  prefix: string;
  debug: boolean;
}

/** How long `__complete topics|groups` may take, whatever the flags, environment or profile say. */
export const COMPLETE_TIMEOUT = '1200ms';

/** Hard deadline, whatever the client's retries do: completion must never hang a shell. */
export const DEADLINE_MS = 1_300;

/** What each helper takes: `[prefix]`, and --debug (errors reported instead of nothing printed). */
export const DEBUG_OPTION = { flags: '--debug', description: 'report errors instead of printing nothing' } as const;

export function parseComplete(args: string[], flags: { debug?: boolean }): CompleteOptions {
  return { prefix: args[0] ?? '', debug: Boolean(flags.debug) };
}

/** Names asked of the current cluster, within DEADLINE_MS, silently nothing on any failure. */
export function completeFromCluster(
  options: CompleteOptions,
  ctx: Context,
  names: (clients: KafkaClients) => Promise<string[]>,
): Promise<CommandResult | void> {
  return completeWithin(options, async () => names(await ctx.kafka()));
}

/** Names from any source (the cluster, the Schema Registry), within DEADLINE_MS, silently nothing on any failure. */
export async function completeWithin(options: CompleteOptions, names: () => Promise<string[]>): Promise<CommandResult | void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), DEADLINE_MS);
    timer.unref();
  });
  const listed = names();
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
