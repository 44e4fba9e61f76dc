import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'completion',
  description: 'print the shell completion script for bash, zsh or fish',
  arguments: [{ name: '<shell>', description: 'bash, zsh or fish', choices: ['bash', 'zsh', 'fish'] }],
  // The trailing newline keeps the blank lines help always had before the examples.
  notes:
    'Topic and profile names complete from the cluster of the current profile (or the ' +
    '-b/--profile given on the line), with a short timeout.\n',
  examples: [
    'source <(ktool completion bash)                            # add to ~/.bashrc',
    'ktool completion bash > ~/.local/share/bash-completion/completions/ktool',
    'ktool completion zsh > "${fpath[1]}/_ktool"                # then restart zsh',
    'ktool completion fish > ~/.config/fish/completions/ktool.fish',
  ],
});

type Shell = 'bash' | 'zsh' | 'fish';

/** The spec's choices let only bash, zsh and fish through. */
export function parse(args: string[], _flags: Flags<typeof spec>): { shell: Shell } {
  return { shell: args[0] as Shell };
}

/** Generated from the live command tree: the same text as the committed completions/ files. */
export async function run(options: { shell: Shell }, _ctx: Context): Promise<CommandResult> {
  const [{ buildProgram }, { completionScript }] = await Promise.all([import('../../cli/program.js'), import('../../docs/index.js')]);
  return { text: completionScript(await buildProgram(async () => {}), options.shell) };
}
