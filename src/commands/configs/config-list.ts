import { splitPairs } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import type { ConfigOperation } from '../../kafka/configs-types.js';

/** `[a,b]` (kafka-configs.sh list syntax) -> `a,b`; other values unchanged. */
export function unbracket(value: string): string {
  const v = value.trim();
  return v.startsWith('[') && v.endsWith(']') ? v.slice(1, -1) : value;
}

/** `k1=v1,k2=[a,b]` from one or more --add-config flags -> ordered [key, value] pairs. */
export function parseConfigPairs(values: string[], flag: string): [string, string][] {
  const out: [string, string][] = [];
  for (const item of values.flatMap(splitPairs)) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} expects key=value[,key=value...], got "${item}"`, 'a list value goes in brackets: k=[a,b]');
    const key = item.slice(0, eq).trim();
    if (!key) throw new UsageError(`${flag}: empty config name in "${item}"`);
    out.push([key, unbracket(item.slice(eq + 1))]);
  }
  return out;
}

/** `k1,k2` from one or more --delete-config flags. */
export function parseConfigNames(values: string[], flag: string): string[] {
  const names = values.flatMap((v) => v.split(',')).map((n) => n.trim());
  if (names.some((n) => !n)) throw new UsageError(`${flag} expects config names separated by commas, got "${values.join(',')}"`);
  return names;
}

export interface ChangeSet {
  set: [string, string][];
  delete: string[];
  append: [string, string][];
  subtract: [string, string][];
}

/** The operations for IncrementalAlterConfigs; a name may appear in only one of them. */
export function toOperations(changes: ChangeSet): ConfigOperation[] {
  const seen = new Map<string, string>();
  const note = (name: string, what: string) => {
    const before = seen.get(name);
    if (before) throw new UsageError(`config ${name} appears in both ${before} and ${what}`);
    seen.set(name, what);
  };
  const ops: ConfigOperation[] = [];
  for (const [name, value] of changes.set) (note(name, '--add-config'), ops.push({ op: 'set', name, value }));
  for (const name of changes.delete) (note(name, '--delete-config'), ops.push({ op: 'delete', name }));
  for (const [name, value] of changes.append) (note(name, '--append'), ops.push({ op: 'append', name, value }));
  for (const [name, value] of changes.subtract) (note(name, '--subtract'), ops.push({ op: 'subtract', name, value }));
  return ops;
}
