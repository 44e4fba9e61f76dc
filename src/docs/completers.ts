/**
 * Which values complete where: data, not code, so that a new command gets topic or profile
 * completion just by naming its argument `<topic>`/`<topics...>` or its option `--topic <topic>`.
 * The first matching rule wins; commander `.choices()` always win over these rules.
 */

/**
 * - topics / groups / share-groups / profiles / subjects / schema-ids: asked of ktool itself
 *   (`ktool __complete topics|groups|share-groups|profiles|subjects|schema-ids PREFIX`)
 * - files: the shell's file-name completion
 * - choices: a fixed list
 */
export type Completer =
  | { kind: 'none' }
  | { kind: 'topics' }
  | { kind: 'groups' }
  | { kind: 'share-groups' }
  | { kind: 'profiles' }
  | { kind: 'subjects' }
  | { kind: 'schema-ids' }
  | { kind: 'files' }
  | { kind: 'choices'; values: string[] };

interface ArgumentRule {
  /** Command path after `ktool`, e.g. `profile use`; any command when absent. */
  command?: RegExp;
  /** The commander argument name (`<topics...>` is `topics`). */
  argument: RegExp;
  completer: Completer;
}

interface OptionRule {
  command?: RegExp;
  /** The long flag, e.g. `--topic`. */
  long?: RegExp;
  /** The value placeholder, e.g. `file` in `--command-config <file>`. */
  value?: RegExp;
  /** Fixed values listed in the description, e.g. `output format: table|wide|json|yaml`. */
  choicesInDescription?: RegExp;
  completer?: Completer;
}

export const ARGUMENT_RULES: ArgumentRule[] = [
  // new names: nothing to complete from the cluster
  { command: /^topics create$/, argument: /^topics?$/, completer: { kind: 'none' } },
  { argument: /^topics?$/, completer: { kind: 'topics' } },
  { argument: /^groups?$/, completer: { kind: 'groups' } },
  { argument: /^profiles?$/, completer: { kind: 'profiles' } },
  // a new subject may be registered: existing ones still complete (a new version of one is the usual case)
  { argument: /^subjects?$/, completer: { kind: 'subjects' } },
  { command: /^profile (use|show|delete)$/, argument: /^names?$/, completer: { kind: 'profiles' } },
  { argument: /^(file|path)s?$/, completer: { kind: 'files' } },
];

export const OPTION_RULES: OptionRule[] = [
  { long: /^--topics?$/, completer: { kind: 'topics' } },
  { value: /^topics?$/, completer: { kind: 'topics' } },
  { long: /^--group$/, completer: { kind: 'groups' } },
  { long: /^--profile$/, completer: { kind: 'profiles' } },
  { command: /^schemas /, long: /^--id$/, completer: { kind: 'schema-ids' } },
  { long: /^--(value|key)-subject$/, completer: { kind: 'subjects' } },
  { long: /^--(value|key)-schema-id$/, completer: { kind: 'schema-ids' } },
  { value: /^(file|path|dir|directory)$/, completer: { kind: 'files' } },
  // `output format: table|wide|json|yaml`, `none|gzip|snappy|lz4|zstd (default: none)`
  { choicesInDescription: /(?:^|:\s)([\w-]+(?:\|[\w-]+)+)(?=[\s(,;]|$)/ },
];

/** Flags the completion scripts pass on to `ktool __complete topics`, so it asks the same cluster. */
export const CONNECTION_FLAGS = ['-b', '--bootstrap-server', '--brokers', '--command-config', '--profile', '--schema-registry'] as const;

export function argumentCompleter(arg: { path: string; name: string }): Completer {
  for (const rule of ARGUMENT_RULES) {
    if (rule.command && !rule.command.test(arg.path)) continue;
    if (rule.argument.test(arg.name)) return rule.completer;
  }
  return { kind: 'none' };
}

export function optionCompleter(opt: { path: string; long?: string; short?: string; valueName?: string; description: string }): Completer {
  for (const rule of OPTION_RULES) {
    if (rule.command && !rule.command.test(opt.path)) continue;
    if (rule.long && !(opt.long && rule.long.test(opt.long))) continue;
    if (rule.value && !(opt.valueName && rule.value.test(opt.valueName))) continue;
    if (rule.choicesInDescription) {
      const m = rule.choicesInDescription.exec(opt.description);
      if (!m) continue;
      return { kind: 'choices', values: m[1].split('|') };
    }
    if (rule.completer) return rule.completer;
  }
  return { kind: 'none' };
}
