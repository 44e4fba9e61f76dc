import type { Context } from '../../cli/context.js';
import { loadConfigFile, saveConfigFile } from '../../config/store.js';
import { NotFoundError } from '../../errors.js';

export function parse(args: string[]): { name: string } {
  return { name: args[0] };
}

export async function run(options: { name: string }, ctx: Context): Promise<void> {
  const config = await loadConfigFile(ctx.configPath);
  if (!config.profiles[options.name]) throw new NotFoundError(`profile "${options.name}" does not exist`);
  delete config.profiles[options.name];
  if (config['current-profile'] === options.name) delete config['current-profile'];
  await saveConfigFile(ctx.configPath, config);
  ctx.io.stderr.write(`Deleted profile ${options.name}\n`);
}
