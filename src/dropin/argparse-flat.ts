/**
 * argparse4j's parsing, as kafka-producer-perf-test.sh (ProducerPerformance) uses it: `--name value`
 * or `--name=value`, a unique prefix of a long name stands for it, `nargs("+")` options take every
 * following argument up to the next option, and any error is `usage: ...` with
 * `<prog>: error: <message>` on stderr, exit 1. Parsed into the shape jopt.ts gives, so one
 * runner serves both. Options are looked up as argparse.ts does (resolveOption); argparse.ts parses
 * the tools with sub-commands and typed values.
 */
import { resolveOption } from './argparse.js';
import { JoptError, type JoptOption, type JoptResult } from './jopt.js';

export interface ArgparseOption extends JoptOption {
  /** nargs("+"): one or more values. */
  readonly many?: boolean;
}

const isOption = (arg: string) => arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg);

export function parseArgparse(args: readonly string[], table: readonly ArgparseOption[]): JoptResult {
  const values = new Map<string, string[]>();
  const sequence: { name: string; value: string }[] = [];
  const add = (name: string, v: string[]) => {
    values.set(name, [...(values.get(name) ?? []), ...v]);
    for (const value of v) sequence.push({ name, value });
  };
  const unrecognized: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!isOption(arg)) {
      unrecognized.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const given = (eq === -1 ? arg : arg.slice(0, eq)).replace(/^--?/, '');
    const option = resolveOption(table, given);
    if (!option) {
      unrecognized.push(arg);
      continue;
    }
    if (!option.value) {
      if (eq !== -1) throw new JoptError(`ignored explicit argument '${arg.slice(eq + 1)}'`);
      add(option.name, ['']);
      continue;
    }
    if (eq !== -1) {
      add(option.name, [arg.slice(eq + 1)]);
      continue;
    }
    const taken: string[] = [];
    while (i + 1 < args.length && !isOption(args[i + 1]) && (option.many || taken.length === 0)) taken.push(args[++i]);
    if (taken.length === 0)
      throw new JoptError(`argument --${option.name}: expected ${option.many ? 'one or more arguments' : 'one argument'}`);
    // store(): a repeated single-valued option keeps its last value.
    if (option.many) add(option.name, taken);
    else {
      values.delete(option.name);
      add(option.name, taken);
    }
  }
  if (unrecognized.length) throw new JoptError(`unrecognized arguments: '${unrecognized.join(' ')}'`);
  return { values, operands: [], sequence, args };
}
