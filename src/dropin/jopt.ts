/**
 * Kafka's tools parse their command lines with jopt-simple, abbreviations off: `--name value` or
 * `--name=value`, an unknown name is an error, a value-less option given a value keeps the value as
 * an ignored operand, and arguments that are not options are ignored. The drop-in spellings parse
 * the same way, with each script's own option table (its `--help`), so every flag of the original is
 * accepted and a flag it lacks is refused with its words.
 */
export interface JoptOption {
  readonly name: string;
  /** Takes a value (`--topic <String: topic>`), or is a switch (`--list`). */
  readonly value: boolean;
  /** The value may be left out (jopt-simple's withOptionalArg: `--state` or `--state Stable`). */
  readonly optional?: boolean;
  /**
   * Accepted but not implemented by ktool: the reason, named on stderr in one line when given
   * (never silently ignored).
   */
  readonly unsupported?: string;
  /** Accepted, without effect in ktool: the reason, named on stderr in one line, and the run goes on. */
  readonly ignored?: string;
}

/** A command line the original refuses: its message on stderr, exit 1 (jopt-simple's exceptions). */
export class JoptError extends Error {}

export interface JoptResult {
  /** Every value given per option name (a switch: one '' per use). */
  readonly values: ReadonlyMap<string, string[]>;
  readonly operands: string[];
  /** Every option given, in command-line order (jopt-simple's OptionSet.specs(), for interleaved options). */
  readonly sequence: { name: string; value: string }[];
  /** The command line as given (ConfigCommand repeats it in its error line). */
  readonly args: readonly string[];
}

const looksLikeOption = (arg: string) => arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg);

export function parseJopt(args: readonly string[], table: readonly JoptOption[]): JoptResult {
  const byName = new Map(table.map((o) => [o.name, o]));
  const values = new Map<string, string[]>();
  const operands: string[] = [];
  const sequence: { name: string; value: string }[] = [];
  const add = (name: string, value: string) => {
    values.set(name, [...(values.get(name) ?? []), value]);
    sequence.push({ name, value });
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!looksLikeOption(arg)) {
      operands.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq === -1 ? body : body.slice(0, eq);
    const option = byName.get(name);
    if (!option) throw new JoptError(`${name} is not a recognized option`);
    if (!option.value) {
      if (eq !== -1) throw new JoptError(`Option ${name} does not take an argument`);
      add(name, '');
    } else if (eq !== -1) add(name, body.slice(eq + 1));
    else if (i + 1 < args.length && !looksLikeOption(args[i + 1])) add(name, args[++i]);
    else if (option.optional) add(name, '');
    else throw new JoptError(`Option ${name} requires an argument`);
  }
  return { values, operands, sequence, args };
}

/** The last value of an option (jopt-simple's valueOf), or undefined. */
export function valueOf(result: JoptResult, name: string): string | undefined {
  const all = result.values.get(name);
  return all?.[all.length - 1];
}

export function has(result: JoptResult, name: string): boolean {
  return result.values.has(name);
}

/** The options given that ktool does not implement, for the one line that names them. */
export function unsupportedGiven(result: JoptResult, table: readonly JoptOption[]): JoptOption[] {
  return table.filter((o) => o.unsupported !== undefined && result.values.has(o.name));
}
