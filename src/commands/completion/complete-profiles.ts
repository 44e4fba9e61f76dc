import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { loadConfigFile } from '../../config/store.js';
import { lines, type CompleteOptions } from './complete-topics.js';

export function parse(args: string[], flags: Record<string, unknown>): CompleteOptions {
  return { prefix: args[0] ?? '', debug: Boolean(flags.debug) };
}

/** `ktool __complete profiles [PREFIX]`: profile names from the config file; silent on errors. */
export async function run(options: CompleteOptions, ctx: Context): Promise<CommandResult | void> {
  try {
    return lines(Object.keys((await loadConfigFile(ctx.configPath)).profiles), options.prefix);
  } catch (error) {
    if (options.debug) throw error;
  }
}
