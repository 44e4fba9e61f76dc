import { Argument, Command, Option } from 'commander';
import { collect, groupOptions } from './common-options.js';
import { leafAction, type CommandModule, type Dispatcher } from './dispatch.js';
import type { CommandSpec, OptionSpec } from './spec.js';

/**
 * Adds the command a spec describes under `parent`. With `module` (a command that runs), its action
 * hands the positionals and flags to the dispatcher; without (a noun like `topics`), it only groups
 * its verbs.
 */
export function addCommand(
  parent: Command,
  path: string,
  spec: CommandSpec,
  dispatch: Dispatcher,
  module?: CommandModule<unknown>,
): Command {
  // A positional described in `arguments` is added from there: named in `command` too, commander would list it twice.
  const described = new Set((spec.arguments ?? []).map((a) => a.name));
  const command = spec.command
    .split(' ')
    .filter((word, i) => i === 0 || !described.has(word))
    .join(' ');
  const cmd = parent.command(command, { hidden: spec.hidden }).description(spec.description);
  for (const arg of spec.arguments ?? []) {
    const argument = new Argument(arg.name, arg.description);
    cmd.addArgument(arg.choices ? argument.choices(arg.choices) : argument);
  }
  const groups = spec.groups ?? [];
  for (const option of [...groups.flatMap((g) => groupOptions(g, spec.extraFormats)), ...(spec.options ?? [])])
    cmd.addOption(toOption(option));
  const after = [
    spec.notes,
    spec.examples?.length ? `Examples:\n${spec.examples.map((line) => `  ${line}`).join('\n')}` : undefined,
  ].filter(Boolean);
  if (after.length) cmd.addHelpText('after', after.map((text) => `\n${text}\n`).join(''));
  if (module) {
    const fixed = spec.fixedFlags;
    const run: Dispatcher = fixed ? (p, load, args, flags) => dispatch(p, load, args, { ...flags, ...fixed }) : dispatch;
    cmd.action(leafAction(run, path, async () => module));
  }
  return cmd;
}

function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.repeatable) option.argParser(collect);
  if (spec.default !== undefined) option.default(spec.default);
  if (spec.hidden) option.hideHelp();
  return option;
}
