/**
 * Kafka's newer tools (kafka-transactions.sh, kafka-metadata-quorum.sh, kafka-features.sh) parse
 * with argparse4j, not jopt-simple: the tool's own options, then a sub-command and its options
 * (an option of the tool after the sub-command is unrecognised), `--name value` or `--name=value`,
 * a long option abbreviated to any unique prefix, numbers converted by type. A refusal is
 * `SCRIPT: error: ...` on stderr and exit 1 (after the usage, which ktool leaves out). The result
 * has jopt.ts's shape: the sub-command is the first operand.
 */
import { JoptError, type JoptResult } from './jopt.js';

export interface ArgOption {
  readonly name: string;
  /** Switches (store_true) take none. */
  readonly value?: 'string' | 'int' | 'long' | 'short';
  readonly required?: boolean;
  /** Values it takes (argparse4j's choices). */
  readonly choices?: readonly string[];
  /** Taken more than once, each kept (append); otherwise the last wins. */
  readonly repeat?: boolean;
  /** Accepted but not implemented by ktool: named on stderr. */
  readonly unsupported?: string;
  /** Other names of the option (kafka-metadata-quorum.sh's -i for --controller-id), matched exactly. */
  readonly aliases?: readonly string[];
  /**
   * argparse4j's version action (kafka-transactions.sh's -v): the parse ends there, nothing after it
   * read and no required argument checked; the result has only `version` (runDropin prints the line).
   */
  readonly version?: true;
}

export interface ArgParser {
  readonly script: string;
  readonly options: readonly ArgOption[];
  readonly commands: Readonly<Record<string, readonly ArgOption[]>>;
  /** Some tools have one-of groups whose members are each optional (--bootstrap-server | --bootstrap-controller). */
  readonly oneOf?: readonly (readonly string[])[];
}

const RANGES = { int: [-(2n ** 31n), 2n ** 31n - 1n], long: [-(2n ** 63n), 2n ** 63n - 1n], short: [-32768n, 32767n] } as const;
const TYPE_NAMES = { int: 'Integer', long: 'Long', short: 'Short' } as const;

/**
 * argparse4j's lookup of a long option (argparse-flat.ts's too): its exact name (or an alias), else
 * the one name it is a prefix of; a prefix of several is ambiguous, of none undefined.
 */
export function resolveOption<T extends { readonly name: string; readonly aliases?: readonly string[] }>(
  table: readonly T[],
  name: string,
): T | undefined {
  const exact = table.find((o) => o.name === name || o.aliases?.includes(name));
  if (exact) return exact;
  const prefixed = table.filter((o) => o.name.startsWith(name));
  if (prefixed.length > 1) throw new JoptError(`ambiguous option: --${name} could match ${prefixed.map((o) => `--${o.name}`).join(', ')}`);
  return prefixed[0];
}

function match(table: readonly ArgOption[], name: string): ArgOption {
  const option = resolveOption(table, name);
  if (!option) throw new JoptError(`unrecognized arguments: '--${name}'`);
  return option;
}

function checkValue(o: ArgOption, value: string): void {
  if (o.value && o.value !== 'string') {
    const [min, max] = RANGES[o.value];
    if (!/^[+-]?\d+$/.test(value) || BigInt(value) < min || BigInt(value) > max)
      throw new JoptError(`argument --${o.name}: could not convert '${value}' to ${TYPE_NAMES[o.value]} (For input string: "${value}")`);
  }
  if (o.choices && !o.choices.includes(value))
    throw new JoptError(`argument --${o.name}: invalid choice: '${value}' (choose from ${o.choices.map((c) => `'${c}'`).join(', ')})`);
}

export function parseArgparse(args: readonly string[], parser: ArgParser): JoptResult {
  const values = new Map<string, string[]>();
  const operands: string[] = [];
  const sequence: { name: string; value: string }[] = [];
  let table = parser.options;
  let command: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      if (command !== undefined) throw new JoptError(`unrecognized arguments: '${arg}'`);
      if (!Object.hasOwn(parser.commands, arg))
        throw new JoptError(
          `invalid choice: '${arg}' (choose from ${Object.keys(parser.commands)
            .map((c) => `'${c}'`)
            .join(', ')})`,
        );
      command = arg;
      operands.push(arg);
      table = parser.commands[arg];
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const option = match(table, eq === -1 ? body : body.slice(0, eq));
    if (option.version) return { values: new Map([[option.name, ['']]]), operands: [], sequence: [{ name: option.name, value: '' }], args };
    let value = '';
    if (option.value) {
      if (eq !== -1) value = body.slice(eq + 1);
      else if (i + 1 < args.length && !/^--?[A-Za-z]/.test(args[i + 1])) value = args[++i];
      else throw new JoptError(`argument --${option.name}: expected one argument`);
      checkValue(option, value);
    } else if (eq !== -1) throw new JoptError(`unrecognized arguments: '${arg}'`);
    values.set(option.name, option.repeat ? [...(values.get(option.name) ?? []), value] : [value]);
    sequence.push({ name: option.name, value });
  }
  for (const o of parser.options) if (o.required && !values.has(o.name)) throw new JoptError(`argument --${o.name} is required`);
  if (command === undefined) throw new JoptError('too few arguments');
  for (const o of parser.commands[command]) if (o.required && !values.has(o.name)) throw new JoptError(`argument --${o.name} is required`);
  for (const group of parser.oneOf ?? [])
    if (group.filter((n) => values.has(n)).length > 1)
      throw new JoptError(`argument --${group[1]}: not allowed with argument --${group[0]}`);
  return { values, operands, sequence, args };
}

/** The options given that ktool does not implement (any parser level). */
export function unsupportedArgs(result: JoptResult, parser: ArgParser): ArgOption[] {
  const all = [...parser.options, ...Object.values(parser.commands).flat()];
  return all.filter((o, i) => o.unsupported !== undefined && result.values.has(o.name) && all.findIndex((x) => x.name === o.name) === i);
}
