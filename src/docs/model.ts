/**
 * A plain, shell-agnostic model of the commander tree: what the completion and man-page generators
 * walk. Hidden commands are left out; hidden options are kept (flagged) so that completion scripts
 * still know which words are option values, but no generator offers or documents them.
 */
import type { EventEmitter } from 'node:events';
import type { Argument, Command, Option } from 'commander';
import { collect } from '../cli/common-options.js';
import { LEADING_OPTIONS } from '../cli/hoist.js';
import { argumentCompleter, optionCompleter, type Completer } from './completers.js';
import { dropinWordModels } from './dropin-words.js';

export interface OptionModel {
  /** As written in the tree, e.g. `-p, --partitions <n>`. */
  flags: string;
  short?: string;
  long?: string;
  /** Every spelling: short first, then long. */
  names: string[];
  description: string;
  /** `<value>` (required) or `[value]` (optional). */
  takesValue: boolean;
  valueOptional: boolean;
  /** The placeholder without brackets, e.g. `n`, `key=value`. */
  valueName?: string;
  completer: Completer;
  mandatory: boolean;
  /** commander's default value, when it is text or a number. */
  defaultValue?: string;
  repeatable: boolean;
  hidden: boolean;
}

export interface ArgumentModel {
  name: string;
  required: boolean;
  variadic: boolean;
  description: string;
  completer: Completer;
}

export interface CommandModel {
  name: string;
  /** Words after `ktool`; empty for the program itself. */
  path: string[];
  aliases: string[];
  description: string;
  /** commander's usage line, e.g. `[options] <topics...>`. */
  usage: string;
  options: OptionModel[];
  arguments: ArgumentModel[];
  subcommands: CommandModel[];
  /** commander's implicit `help [command]`: completes sibling command names; no man page. */
  isHelp: boolean;
  /** Example command lines from the `Examples:` blocks of addHelpText('after'). */
  examples: string[];
  /** Other after-help paragraphs (not examples, not the exit-code table). */
  notes: string[];
  /**
   * The program only: options accepted before the command (`ktool --profile dev consume`; moved
   * onto the command by src/cli/hoist.ts). Completion offers them; the man page does not list them.
   */
  leading: OptionModel[];
  /** A drop-in word's own forms, one a line (the man page's SYNOPSIS); commands have `usage` only. */
  synopsis?: string[];
  /** A drop-in word's own exit codes (the original's); commands have ktool's table. */
  exitCodes?: [string, string][];
}

type CommandInternals = Command & { _hidden?: boolean };

export function commandModel(program: Command): CommandModel {
  const root = walk(program, [], false);
  root.leading = leadingOptions(root);
  // The drop-in words (`ktool share-groups ...`) are words of the program too, before `help`.
  const help = root.subcommands.findIndex((s) => s.isHelp);
  root.subcommands.splice(help < 0 ? root.subcommands.length : help, 0, ...dropinWordModels());
  return root;
}

/** The leading options, as the commands that own them define them (value, completer, help). */
function leadingOptions(root: CommandModel): OptionModel[] {
  const found = new Map<string, OptionModel>();
  for (const c of allCommands(root)) {
    for (const o of c.options) {
      const names = o.names.filter((n) => LEADING_OPTIONS.has(n));
      if (names.length && !found.has(names[0]))
        found.set(names[0], {
          ...o,
          names,
          short: names.includes(o.short ?? '') ? o.short : undefined,
          long: names.includes(o.long ?? '') ? o.long : undefined,
        });
    }
  }
  return [...found.values()];
}

/** The options completion offers for a command: its own, and for the program the leading ones. */
export function completionOptions(model: CommandModel): OptionModel[] {
  return [...model.options, ...model.leading];
}

function walk(cmd: Command, path: string[], isHelp: boolean): CommandModel {
  const help = cmd.createHelp();
  const options = [...cmd.options, ...helpOption(cmd, help)].map((o) => optionModel(o, path));
  const { examples, notes } = isHelp ? { examples: [], notes: [] } : afterHelp(cmd);
  const model: CommandModel = {
    name: cmd.name(),
    path,
    aliases: cmd.aliases(),
    description: cmd.description(),
    usage: cmd.usage(),
    options,
    arguments: cmd.registeredArguments.map((a) => argumentModel(a, path)),
    subcommands: [],
    isHelp,
    examples,
    notes,
    leading: [],
  };
  const helpCommand = (cmd as unknown as { _getHelpCommand(): Command | null })._getHelpCommand();
  for (const sub of cmd.commands) {
    if ((sub as CommandInternals)._hidden) continue;
    model.subcommands.push(walk(sub, [...path, sub.name()], false));
  }
  if (helpCommand && !(helpCommand as CommandInternals)._hidden) {
    const helpModel = walk(helpCommand, [...path, helpCommand.name()], true);
    const siblings = model.subcommands.flatMap((s) => [s.name, ...s.aliases]);
    helpModel.arguments = helpModel.arguments.map((a) => ({ ...a, completer: { kind: 'choices', values: siblings } }));
    model.subcommands.push(helpModel);
  }
  return model;
}

/** The built-in -h/--help, as commander's own help shows it. */
function helpOption(cmd: Command, help: ReturnType<Command['createHelp']>): Option[] {
  return help.visibleOptions(cmd).filter((o) => !cmd.options.includes(o));
}

function optionModel(o: Option, path: string[]): OptionModel {
  const takesValue = o.required || o.optional;
  const valueName = takesValue ? /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1].replace(/\.\.\.$/, '') : undefined;
  const names = [o.short, o.long].filter((n): n is string => Boolean(n));
  const base = {
    flags: o.flags,
    short: o.short,
    long: o.long,
    names,
    description: o.description,
    takesValue,
    valueOptional: o.optional,
    valueName,
    mandatory: o.mandatory,
    defaultValue: typeof o.defaultValue === 'string' || typeof o.defaultValue === 'number' ? String(o.defaultValue) : undefined,
    repeatable: o.variadic || o.parseArg === collect || /\brepeatable\b/.test(o.description),
    hidden: o.hidden,
  };
  const completer: Completer = !takesValue
    ? { kind: 'none' }
    : o.argChoices?.length
      ? { kind: 'choices', values: [...o.argChoices] }
      : optionCompleter({ path: path.join(' '), long: o.long, short: o.short, valueName, description: o.description });
  return { ...base, completer };
}

function argumentModel(a: Argument, path: string[]): ArgumentModel {
  const completer: Completer = a.argChoices?.length
    ? { kind: 'choices', values: [...a.argChoices] }
    : argumentCompleter({ path: path.join(' '), name: a.name() });
  return { name: a.name(), required: a.required, variadic: a.variadic, description: a.description, completer };
}

/** Runs the command's `afterHelp` listeners (addHelpText('after', ...)) and splits what they write. */
function afterHelp(cmd: Command): { examples: string[]; notes: string[] } {
  let text = '';
  const context = { error: false, command: cmd, write: (s: string) => (text += s) };
  for (const listener of (cmd as unknown as EventEmitter).listeners('afterHelp')) (listener as (c: typeof context) => void)(context);
  const examples: string[] = [];
  const notes: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.replace(/^\n+|\s+$/g, '').split('\n');
    if (!lines[0]) continue;
    if (/^Examples?:\s*$/.test(lines[0])) {
      examples.push(
        ...lines
          .slice(1)
          .map((l) => l.trim())
          .filter(Boolean),
      );
    } else if (/^Exit codes:\s*$/.test(lines[0])) {
      continue; // EXIT STATUS comes from EXIT_CODE_HELP itself
    } else {
      notes.push(lines.map((l) => l.trim()).join('\n'));
    }
  }
  return { examples, notes };
}

/** Depth-first, the program first. */
export function* allCommands(model: CommandModel): Generator<CommandModel> {
  yield model;
  for (const sub of model.subcommands) yield* allCommands(sub);
}

/** Options a generator offers and documents. */
export function visibleOptions(model: CommandModel): OptionModel[] {
  return model.options.filter((o) => !o.hidden);
}

/** The options completion offers for a command (leading ones included), hidden aliases left out. */
export function visibleCompletionOptions(model: CommandModel): OptionModel[] {
  return completionOptions(model).filter((o) => !o.hidden);
}
