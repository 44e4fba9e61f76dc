/**
 * Which command lines are a kafka-*.sh spelling: the noun, then options only (no ktool verb), none
 * of them ktool's own. `ktool topics --list` is kafka-topics.sh; `ktool topics --describe --topic t
 * --json` mixes in a ktool flag, so it stays ktool's command (src/cli/legacy.ts turns it into
 * `topics describe t --json`). Loads nothing; main asks it before building the command tree.
 */
export type DropinName = 'topics' | 'configs' | 'groups';

const NOUNS: ReadonlySet<string> = new Set<DropinName>(['topics', 'configs']);

/** ktool's own flags (connection, output, safety) that no kafka-*.sh script of these nouns has. */
const KTOOL_ONLY: ReadonlySet<string> = new Set([
  '-b',
  '--brokers',
  '--profile',
  '--timeout',
  '--json',
  '--format',
  '--output',
  '--no-color',
  '--debug',
  '-y',
  '--yes',
  '--allow-internal-topics',
  '--no-offsets',
  '--dry-run',
]);

/** Flags of ktool's own that a script of the noun has too: they do not make a line ktool's. */
const SCRIPT_HAS: Partial<Record<DropinName, ReadonlySet<string>>> = {
  groups: new Set(['--dry-run', '--timeout']),
};

const HELP = new Set(['-h', '--help']);

export function dropinName(argv: readonly string[]): DropinName | undefined {
  const [noun, ...rest] = argv;
  if (!NOUNS.has(noun) || rest.length === 0 || !rest[0].startsWith('-')) return undefined;
  if (rest.every((a) => HELP.has(a))) return undefined;
  const own = SCRIPT_HAS[noun as DropinName];
  if (rest.some((a) => KTOOL_ONLY.has(a.split('=')[0]) && !own?.has(a.split('=')[0]))) return undefined;
  return noun as DropinName;
}
