import { defineCommand, type Flags } from '../../cli/spec.js';
import { confirmDestructive } from '../../cli/confirm.js';
import type { Context } from '../../cli/context.js';
import { loadConfigFile, saveConfigFile } from '../../config/store.js';
import { NotFoundError } from '../../errors.js';

export const spec = defineCommand({
  command: 'delete <name>',
  description: 'delete a profile (asks on a terminal; needs --yes otherwise)',
  groups: ['base', 'yes'],
  examples: ['ktool profile delete old --yes'],
});

export function parse(args: string[], flags: Flags<typeof spec>): { name: string; yes: boolean } {
  return { name: args[0], yes: Boolean(flags.yes) };
}

export async function run(options: { name: string; yes: boolean }, ctx: Context): Promise<void> {
  const config = await loadConfigFile(ctx.configPath);
  if (!config.profiles[options.name]) throw new NotFoundError(`profile "${options.name}" does not exist`);
  // A profile may hold the only copy of a password or token.
  await confirmDestructive(ctx.io, { action: `delete profile ${options.name} from ${ctx.configPath}`, yes: options.yes });
  delete config.profiles[options.name];
  if (config['current-profile'] === options.name) delete config['current-profile'];
  await saveConfigFile(ctx.configPath, config);
  ctx.io.stderr.write(`Deleted profile ${options.name}\n`);
}
