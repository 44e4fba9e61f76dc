import { defineCommand } from '../../cli/spec.js';
import type { Context } from '../../cli/context.js';
import { loadConfigFile, saveConfigFile } from '../../config/store.js';
import { NotFoundError, UsageError } from '../../errors.js';

export const spec = defineCommand({
  command: 'use <name>',
  description: 'make a profile the current one',
  groups: ['base'],
  examples: ['ktool profile use prod'],
});

export function parse(args: string[]): { name: string } {
  if (!args[0]) throw new UsageError('profile use needs a profile name');
  return { name: args[0] };
}

export async function run(options: { name: string }, ctx: Context): Promise<void> {
  const config = await loadConfigFile(ctx.configPath);
  if (!config.profiles[options.name]) {
    throw new NotFoundError(
      `profile "${options.name}" does not exist`,
      `known profiles: ${Object.keys(config.profiles).join(', ') || 'none (ktool profile add)'}`,
    );
  }
  config['current-profile'] = options.name;
  await saveConfigFile(ctx.configPath, config);
  ctx.io.stderr.write(`Now using profile ${options.name}\n`);
}
