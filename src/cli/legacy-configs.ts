/**
 * kafka-configs.sh muscle memory: `ktool configs --describe|--alter ...` becomes
 * `ktool configs describe|alter ...`. The entity flags (--entity-type/--entity-name/--entity-default,
 * --topic, --broker, --user, --client ...) and --add-config/--delete-config keep their names.
 */
const ACTIONS: Record<string, string> = { '--describe': 'describe', '--alter': 'alter' };

export function rewriteLegacyConfigs(argv: string[]): string[] {
  if (argv[0] !== 'configs') return argv;
  const rest = argv.slice(1);
  const actions = rest.filter((a) => Object.hasOwn(ACTIONS, a));
  // Both actions, or a ktool verb already given: leave it to the parser to report.
  if (actions.length !== 1 || rest[0] === 'describe' || rest[0] === 'alter') return argv;
  const verb = ACTIONS[actions[0]];
  const flags: string[] = [];
  for (const arg of rest) {
    if (Object.hasOwn(ACTIONS, arg)) continue;
    flags.push(arg);
  }
  return ['configs', verb, ...flags];
}
