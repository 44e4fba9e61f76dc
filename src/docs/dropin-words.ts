/**
 * The drop-in words (src/dropin/words.ts: `ktool share-groups`, `ktool share-consume`) as commands
 * of the docs model, so that the completion scripts offer them and their flags at the top level and
 * man/ has a page for each. The flags are the drop-in's option table: what it parses is what they offer.
 */
import { DROPIN_WORDS } from '../dropin/share-words.js';
import { supportedOptions, type DropinWord } from '../dropin/words.js';
import { optionCompleter } from './completers.js';
import type { CommandModel, OptionModel } from './model.js';

function optionModel(w: DropinWord, o: DropinWord['options'][number]): OptionModel {
  const flag = w.flags[o.name];
  const long = `--${o.name}`;
  const valueName = o.value ? (flag?.arg ?? 'value') : undefined;
  const description = flag?.help ?? '';
  return {
    flags: `${long}${o.value ? (o.optional ? ` [${valueName}]` : ` <${valueName}>`) : ''}`,
    long,
    names: [long],
    description,
    takesValue: o.value,
    valueOptional: o.value && o.optional === true,
    valueName,
    completer: !o.value
      ? { kind: 'none' }
      : o.name === 'group'
        ? { kind: 'share-groups' } // both words' --group is a share group
        : optionCompleter({ path: w.word, long, valueName, description }),
    mandatory: false,
    repeatable: flag?.repeatable === true,
    hidden: false,
  };
}

export function dropinWordModel(w: DropinWord): CommandModel {
  const refused = w.options.filter((o) => o.unsupported !== undefined);
  return {
    name: w.word,
    path: [w.word],
    aliases: [],
    description: w.description,
    usage: '[options]',
    synopsis: [...w.synopsis],
    options: supportedOptions(w).map((o) => optionModel(w, o)),
    arguments: [],
    subcommands: [],
    isHelp: false,
    examples: [...w.examples],
    notes: [
      ...w.notes,
      ...(refused.length
        ? [`${w.script} options ktool does not support (named on stderr, exit 1): ${refused.map((o) => `--${o.name}`).join(', ')}.`]
        : []),
    ],
    leading: [],
    exitCodes: w.exitCodes.map(([code, text]) => [code, text]),
  };
}

/** Every drop-in word, in README's order. */
export const dropinWordModels = (): CommandModel[] => DROPIN_WORDS.map(dropinWordModel);
