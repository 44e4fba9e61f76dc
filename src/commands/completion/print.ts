import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { UsageError } from '../../errors.js';

type Shell = 'bash' | 'zsh' | 'fish';

export function parse(args: string[]): { shell: Shell } {
  const shell = args[0];
  if (shell !== 'bash' && shell !== 'zsh' && shell !== 'fish') throw new UsageError(`unknown shell "${shell}"`, 'use bash, zsh or fish');
  return { shell };
}

/** Generated from the live command tree: the same text as the committed completions/ files. */
export async function run(options: { shell: Shell }, _ctx: Context): Promise<CommandResult> {
  const [{ buildProgram }, { completionScript }] = await Promise.all([import('../../cli/program.js'), import('../../docs/index.js')]);
  return { text: completionScript(await buildProgram(async () => {}), options.shell) };
}
