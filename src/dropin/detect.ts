/**
 * Which command lines are a kafka-*.sh spelling: the noun, then options only (no ktool verb), none
 * of them ktool's own. `ktool topics --list` is kafka-topics.sh; `ktool topics --describe --topic t
 * --json` mixes in a ktool flag, so it stays ktool's command (src/cli/legacy.ts turns it into
 * `topics describe t --json`). Loads nothing; main asks it before building the command tree.
 */
export type DropinName =
  | 'topics'
  | 'configs'
  | 'groups'
  | 'reassign'
  | 'elect-leaders'
  | 'transactions'
  | 'perf-produce'
  | 'perf-consume'
  | 'perf-e2e'
  | 'delete-records'
  | 'log-dirs'
  | 'api-versions'
  | 'acls'
  | 'tokens'
  | 'quorum'
  | 'features'
  | 'share-groups'
  | 'share-consume';

const NOUNS: ReadonlySet<string> = new Set<DropinName>(['topics', 'configs', 'groups', 'transactions', 'tokens']);

/**
 * Verbs whose original is a script of its own (kafka-reassign-partitions.sh is `partitions
 * reassign`): the original's spelling is told from ktool's own by the --bootstrap-server (or
 * --bootstrap-controller) the original requires, so a line copied from Kafka's docs prints Kafka's
 * lines while `ktool partitions reassign --execute ...` with a profile or -b keeps ktool's output
 * and its dry run on a terminal.
 */
const VERBS: Readonly<
  Record<
    string,
    {
      name: DropinName;
      own: ReadonlySet<string>;
      anyOf: readonly string[];
      native?: readonly string[];
      anyWord?: true;
      noVersion?: true;
    }
  >
> = {
  'partitions reassign': {
    name: 'reassign',
    own: new Set(['--timeout']),
    anyOf: ['--generate', '--execute', '--verify', '--cancel', '--list'],
  },
  'partitions elect-leaders': { name: 'elect-leaders', own: new Set(), anyOf: ['--election-type'] },
  // kafka-log-dirs.sh requires --describe; --broker-list is its alone (`native`: the ktool command's own flags).
  'cluster log-dirs': { name: 'log-dirs', own: new Set(), anyOf: ['--describe', '--broker-list', '--topic-list'], native: ['--topic'] },
  // kafka-broker-api-versions.sh has no action: its --bootstrap-server without ktool's flags (its text is the native's too).
  'cluster api-versions': { name: 'api-versions', own: new Set(), anyOf: [] },
  // kafka-acls.sh: an action and --bootstrap-server (`ktool acls --add ...` with -b stays the native rewrite).
  acls: { name: 'acls', own: new Set(), anyOf: ['--add', '--remove', '--list'], native: ['--yes', '-y', '--json'] },
  // Its one action is its file: --bootstrap-server without ktool's --before is the original's (which then asks for the file).
  'delete-records': { name: 'delete-records', own: new Set(), anyOf: [], native: ['--before', '--allow-internal-topics'] },
  // argparse4j tools: the action is a sub-command word (kafka-metadata-quorum.sh --bootstrap-server B describe --status).
  // `anyWord`: any sub-command word, so the original's refusal of an unknown one is its own (ktool's commands take no such word).
  // Neither original has a --version (noVersion: it does not make a line the original's).
  'cluster quorum': {
    name: 'quorum',
    own: new Set(['--dry-run']),
    anyOf: ['describe', 'add-controller', 'remove-controller'],
    anyWord: true,
    noVersion: true,
  },
  'cluster features': {
    name: 'features',
    own: new Set(['--dry-run']),
    anyWord: true,
    noVersion: true,
    anyOf: ['describe', 'upgrade', 'downgrade', 'disable', 'version-mapping', 'feature-dependencies'],
  },
};

/** How many words of the command line name the drop-in (`topics`: 1, `partitions reassign`: 2). */
export function dropinWords(name: DropinName): number {
  return name === 'reassign' ||
    name === 'elect-leaders' ||
    name === 'log-dirs' ||
    name === 'api-versions' ||
    name === 'quorum' ||
    name === 'features' ||
    name.startsWith('perf-')
    ? 2
    : 1;
}

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

/** ktool perf's own flags that none of the three Java perf tools has (their --timeout is ConsumerPerformance's). */
const PERF_KTOOL_ONLY: ReadonlySet<string> = new Set([
  ...[...KTOOL_ONLY].filter((f) => f !== '--timeout'),
  '-n',
  '-s',
  '-g',
  '-X',
  '--producer-property',
  '--acks',
  '--compression',
  '--batch-size',
  '--linger-ms',
  '--record-timeout',
]);

const PERF_VERBS: Record<string, DropinName> = { produce: 'perf-produce', consume: 'perf-consume', e2e: 'perf-e2e' };

/**
 * The perf tools are `perf produce|consume|e2e` with the original's `--topic` (or consume's
 * `--include` with `--num-records` or `--messages`), or EndToEndLatency's five or six positional
 * arguments, and no ktool flag: `ktool perf produce TOPIC ...` is ktool's own.
 */
function perfDropin([verb, ...rest]: readonly string[]): DropinName | undefined {
  const name = PERF_VERBS[verb];
  if (!name || rest.length === 0) return undefined;
  if (name === 'perf-e2e' && legacyE2e(rest)) return name;
  if (!rest[0].startsWith('-') || rest.every((a) => HELP.has(a))) return undefined;
  if (rest.some((a) => PERF_KTOOL_ONLY.has(a.split('=')[0]))) return undefined;
  const named = (flag: string) => rest.some((a) => a === flag || a.startsWith(`${flag}=`));
  // ktool's own spelling has TOPIC, never --topic; its consume has --include too: the original's with a record count.
  const count = named('--num-records') || named('--messages');
  // --version: ConsumerPerformance's and EndToEndLatency's option (which ProducerPerformance refuses, as its drop-in does).
  return named('--topic') || named('--version') || (name === 'perf-consume' && named('--include') && count) ? name : undefined;
}

/** EndToEndLatency's positional form: broker_list topic num_records acks record_size [properties_file]. */
function legacyE2e(args: readonly string[]): boolean {
  return (args.length === 5 || args.length === 6) && !args.some((a) => a.startsWith('-')) && /^\d+$/.test(args[2]);
}

/** The argparse4j tools' connection options: the word after one is its value, not a sub-command. */
const VALUED = new Set(['--bootstrap-server', '--bootstrap-controller', '--command-config']);

function hasWord(args: readonly string[]): boolean {
  return args.some((a, i) => !a.startsWith('-') && !(i > 0 && VALUED.has(args[i - 1])));
}

export function dropinName(argv: readonly string[]): DropinName | undefined {
  const verb = VERBS[argv.slice(0, 2).join(' ')] ?? VERBS[argv[0]];
  if (verb) {
    const rest = argv.slice(dropinWords(verb.name));
    // A ktool verb after a one-word noun (`acls list ...`) is ktool's own spelling.
    if (rest.length && !rest[0].startsWith('-')) return undefined;
    const names = rest.map((a) => a.split('=')[0]);
    // --version (which no ktool command has) makes the line the original's, as its bootstrap and action do.
    const version = !verb.noVersion && names.includes('--version');
    if (!version && !names.some((a) => a === '--bootstrap-server' || a === '--bootstrap-controller')) return undefined;
    if (names.some((a) => (KTOOL_ONLY.has(a) && !verb.own.has(a)) || verb.native?.includes(a))) return undefined;
    // The original's action (or required election type): `--bootstrap-server H` alone is ktool's connection flag.
    if (!version && verb.anyOf.length && !names.some((a) => verb.anyOf.includes(a)) && !(verb.anyWord && hasWord(rest))) return undefined;
    return verb.name;
  }
  const [noun, ...rest] = argv;
  if (noun === 'perf') return perfDropin(rest);
  // kafka-share-groups.sh: a word of its own (the `groups` noun's flags are kafka-consumer-groups.sh's), no native command.
  if (noun === 'share-groups') return noun;
  // kafka-console-share-consumer.sh: the same (consume's --topic/--group spelling is kafka-console-consumer.sh's).
  if (noun === 'share-consume') return noun;
  if (!NOUNS.has(noun) || rest.length === 0 || !rest[0].startsWith('-')) return undefined;
  if (rest.every((a) => HELP.has(a))) return undefined;
  const own = SCRIPT_HAS[noun as DropinName];
  if (rest.some((a) => KTOOL_ONLY.has(a.split('=')[0]) && !own?.has(a.split('=')[0]))) return undefined;
  return noun as DropinName;
}
