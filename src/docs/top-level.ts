/**
 * What `ktool --help` lists, generated from the command tree (src/commands/top-level.json): each
 * visible top-level command's usage term and description, so that the top-level help and the
 * suggestion for a mistyped command load no command's module (buildProgram).
 */
import type { Command } from 'commander';

export const TOP_LEVEL_PATH = 'src/commands/top-level.json';

export interface TopLevelCommand {
  name: string;
  /** As commander's help shows it: `produce [options] [topic] [files...]`. */
  term: string;
  description: string;
}

export function topLevelJson(program: Command): string {
  const help = program.createHelp();
  const list: TopLevelCommand[] = help
    .visibleCommands(program)
    // commander's own `help [command]` is added by the program itself.
    .filter((cmd) => cmd.name() !== 'help')
    .map((cmd) => ({ name: cmd.name(), term: help.subcommandTerm(cmd), description: help.subcommandDescription(cmd) }));
  return `${JSON.stringify(list, null, 2)}\n`;
}
