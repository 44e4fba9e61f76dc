import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { loadConfigFile } from '../../config/store.js';
import { DEBUG_OPTION, lines, parseComplete, type CompleteOptions } from './shared.js';

export const spec = defineCommand({
  command: 'profiles [prefix]',
  description: 'profile names starting with PREFIX',
  options: [DEBUG_OPTION],
});

export function parse(args: string[], flags: Flags<typeof spec>): CompleteOptions {
  return parseComplete(args, flags);
}

/** `ktool __complete profiles [PREFIX]`: profile names from the config file; silent on errors. */
export async function run(options: CompleteOptions, ctx: Context): Promise<CommandResult | void> {
  try {
    return lines(Object.keys((await loadConfigFile(ctx.configPath)).profiles), options.prefix);
  } catch (error) {
    if (options.debug) throw error;
  }
}
