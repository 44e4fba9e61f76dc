/**
 * kafka-consumer-groups.sh muscle memory: `ktool groups --describe --group g ...` becomes
 * `ktool groups describe --group g ...`. Flags keep their names; the ones whose meaning differs
 * are translated: --list's value-less --state/--type (ktool always shows both), and --timeout,
 * which is milliseconds in Kafka's tools and a duration in ktool.
 */
const ACTIONS: Record<string, string> = {
  '--list': 'list',
  '--describe': 'describe',
  '--reset-offsets': 'reset-offsets',
  '--delete': 'delete',
  '--delete-offsets': 'delete-offsets',
};

export function rewriteLegacyGroups(argv: string[]): string[] {
  if (argv[0] !== 'groups') return argv;
  const rest = argv.slice(1);
  const actions = rest.filter((a) => Object.hasOwn(ACTIONS, a));
  // None, several, or a ktool verb already there: leave it to the parser to report.
  if (actions.length !== 1 || (rest[0] !== undefined && Object.values(ACTIONS).includes(rest[0]))) return argv;
  const verb = ACTIONS[actions[0]];
  const flags: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (Object.hasOwn(ACTIONS, arg)) continue;
    const next = rest[i + 1];
    const hasValue = next !== undefined && !next.startsWith('--');
    if (verb === 'list' && (arg === '--state' || arg === '--type') && !hasValue) continue;
    if (arg === '--timeout' && hasValue && /^\d+$/.test(next)) {
      flags.push('--timeout', `${next}ms`);
      i++;
      continue;
    }
    flags.push(arg);
  }
  // kafka-consumer-groups.sh --delete/--delete-offsets never ask: its spelling keeps that.
  if (verb === 'delete' || verb === 'delete-offsets') flags.push('--yes');
  return ['groups', verb, ...flags];
}
