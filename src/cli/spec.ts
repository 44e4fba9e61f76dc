/**
 * A command described as data: what `--help`, the completion scripts, the man pages and the
 * parser all come from. Every command file exports one (`export const spec = defineCommand({...})`)
 * next to its `parse` and `run`; src/cli/build-command.ts turns it into a commander command, and
 * `Flags<typeof spec>` types the flags `parse` receives, inferred from the flag strings.
 */
import type { GlobalOptions } from './context.js';

export interface OptionSpec {
  /** commander's flag string: `-p, --partitions <n>`, `--if-exists`, `--no-offsets`, `--rate [n]`. */
  readonly flags: string;
  readonly description: string;
  /** The value when the option is not given (shown in help as commander shows defaults). */
  readonly default?: string | boolean;
  /** The only values accepted; anything else is a usage error naming them. */
  readonly choices?: readonly string[];
  /** May be given more than once; the flag's value is then the list (`-c a=1 -c b=2`). */
  readonly repeatable?: boolean;
  /** Accepted but not shown by --help, completion or man (aliases, pointers to another command). */
  readonly hidden?: boolean;
}

export interface ArgumentSpec {
  /** `<shell>`, `[prefix]`, `<topics...>`. */
  readonly name: string;
  readonly description: string;
  readonly choices?: readonly string[];
}

/** Flag groups shared by many commands (src/cli/common-options.ts): added before the command's own. */
export type OptionGroup = 'connection' | 'schema-registry' | 'output' | 'base' | 'yes' | 'allow-internal-topics';

export interface CommandSpec {
  /**
   * The name and positional arguments as commander takes them: `list [regex]`, `delete <topics...>`.
   * The command's path is its file's place: src/commands/<noun>/<verb>.ts is `ktool <noun> <verb>`,
   * src/commands/<noun>/<noun>.ts is `ktool <noun>` (scripts/gen-commands.mjs).
   */
  readonly command: string;
  readonly description: string;
  /** Positional arguments that need a description or choices (otherwise `command` names them). */
  readonly arguments?: readonly ArgumentSpec[];
  readonly groups?: readonly OptionGroup[];
  /** Output formats for the `output` group, when more than table|wide|json|yaml (lag: prometheus). */
  readonly extraFormats?: readonly string[];
  readonly options?: readonly OptionSpec[];
  /** A paragraph printed after the options (before the examples). */
  readonly notes?: string;
  readonly examples?: readonly string[];
  readonly hidden?: boolean;
  /** A noun's verbs in the order help lists them (the most used first); verbs not named follow, A-Z. */
  readonly order?: readonly string[];
  /** Flags forced whatever the command line says (completion helpers: a short timeout). */
  readonly fixedFlags?: Readonly<Record<string, string>>;
  /** The command's own -f/--format means something else (consume's record template). */
  readonly ownsFormatFlag?: boolean;
  /**
   * The command ends on io.signal by itself even when that takes longer than the second every
   * other command gets (local start stops the broker it was starting): no backstop (interrupt.ts).
   */
  readonly ownsSignals?: boolean;
  /**
   * Ctrl-C is how the command normally ends (consume following a topic): when the backstop leaves it
   * behind (a loaded machine, a broker slow to answer the last requests), exit 130 without an error line.
   */
  readonly quietOnSignal?: boolean;
}

/** Keeps the literal flag strings, so that `Flags<typeof spec>` can be inferred from them. */
export function defineCommand<const S extends CommandSpec>(spec: S): S {
  return spec;
}

/** An option list shared by several commands (mirror's --from/--to), typed like a spec's own. */
export function defineOptions<const O extends readonly OptionSpec[]>(options: O): O {
  return options;
}

type LongFlag<F extends string> = F extends `${string}--${infer Rest}` ? (Rest extends `${infer Name} ${string}` ? Name : Rest) : never;
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
/**
 * commander's attribute name: `--if-exists` -> ifExists, `--no-offsets` -> offsets. None for a flag
 * string not known literally (a shared group's options spread into a spec to keep help's order):
 * those are typed by GlobalOptions or read through a Record.
 */
export type FlagKey<F extends string> = string extends F
  ? never
  : LongFlag<F> extends `no-${infer Name}`
    ? CamelCase<Name>
    : CamelCase<LongFlag<F>>;

type ValueOf<O extends OptionSpec> = O['repeatable'] extends true
  ? string[]
  : O['flags'] extends `${string}--no-${string}`
    ? boolean
    : O['flags'] extends `${string}<${string}>`
      ? O['choices'] extends readonly (infer C)[]
        ? C
        : string
      : O['flags'] extends `${string}[${string}]`
        ? string | true
        : true;

type OwnFlags<S extends CommandSpec> = S['options'] extends readonly OptionSpec[]
  ? { [O in S['options'][number] as FlagKey<O['flags']>]?: ValueOf<O> }
  : object;

type GroupFlags<S extends CommandSpec> = S['groups'] extends readonly OptionGroup[]
  ? ('yes' extends S['groups'][number] ? { yes?: true } : object) &
      ('allow-internal-topics' extends S['groups'][number] ? { allowInternalTopics?: true } : object)
  : object;

/** The flags `parse` receives for a spec: its own options, its groups' and the global ones. */
export type Flags<S extends CommandSpec> = OwnFlags<S> & GroupFlags<S> & GlobalOptions;
