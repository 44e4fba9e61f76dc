import { Argument, Command } from 'commander';
import { connectionOptions, examples } from './legacy-options.js';
import { leafAction, type Dispatcher } from '../dispatch.js';

/** How long `__complete topics` may take: completion must never hang a shell. */
export const COMPLETE_TIMEOUT = '1200ms';

export function registerCompletion(program: Command, dispatch: Dispatcher): void {
  examples(
    program
      .command('completion')
      .description('print the shell completion script for bash, zsh or fish')
      .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
      .addHelpText('after', '\nTopic and profile names complete from the cluster of the current profile (or the -b/--profile given on the line), with a short timeout.\n')
      .action(leafAction(dispatch, 'completion', () => import('../../commands/completion/print.js'))),
    [
      'source <(ktool completion bash)                            # add to ~/.bashrc',
      'ktool completion bash > ~/.local/share/bash-completion/completions/ktool',
      'ktool completion zsh > "${fpath[1]}/_ktool"                # then restart zsh',
      'ktool completion fish > ~/.config/fish/completions/ktool.fish',
    ],
  );

  // Called by the completion scripts; hidden from help, completions and man pages.
  const complete = program.command('__complete', { hidden: true }).description('values for shell completion');
  // Whatever the flags, environment or profile say: a short timeout.
  const shortTimeout: Dispatcher = (path, load, args, flags) => dispatch(path, load, args, { ...flags, timeout: COMPLETE_TIMEOUT });
  connectionOptions(complete.command('topics [prefix]').description('topic names starting with PREFIX'))
    .option('--debug', 'report errors instead of printing nothing')
    .action(leafAction(shortTimeout, '__complete topics', () => import('../../commands/completion/complete-topics.js')));
  connectionOptions(complete.command('groups [prefix]').description('consumer group ids starting with PREFIX'))
    .option('--debug', 'report errors instead of printing nothing')
    .action(leafAction(shortTimeout, '__complete groups', () => import('../../commands/completion/complete-groups.js')));
  complete
    .command('profiles [prefix]')
    .description('profile names starting with PREFIX')
    .option('--debug', 'report errors instead of printing nothing')
    .action(leafAction(dispatch, '__complete profiles', () => import('../../commands/completion/complete-profiles.js')));
}
