/**
 * kafka-acls.sh muscle memory: `ktool acls --add|--remove|--list ...` becomes `ktool acls
 * create|delete|list ...`. Resource, principal, host and operation flags keep their names;
 * --force is accepted by delete. `users` has no legacy spelling (kafka-configs.sh's SCRAM
 * --add-config is not supported) and passes through.
 */
const ACTIONS: Record<string, string> = { '--add': 'create', '--remove': 'delete', '--list': 'list' };
const VERBS = new Set(['list', 'create', 'delete', 'help']);
const PRINCIPAL_FLAGS = ['--allow-principal', '--deny-principal'];
const ROLE_FLAGS = ['--producer', '--consumer'];

const flagName = (arg: string) => (arg.startsWith('--') && arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg);

export function rewriteLegacyAcls(argv: string[]): string[] {
  if (argv[0] !== 'acls') return argv;
  const rest = argv.slice(1);
  const actions = rest.filter((a) => Object.hasOwn(ACTIONS, a));
  // No action, several, or a ktool verb already given: leave it to the parser to report.
  if (actions.length !== 1 || VERBS.has(rest[0])) return argv;
  const verb = ACTIONS[actions[0]];
  const flags = rest.filter((a) => !Object.hasOwn(ACTIONS, a));
  // kafka-acls.sh --remove without --operation removes only ACLs whose operation is All (its
  // --operation default); ktool delete would take any operation, so keep Kafka's meaning here.
  const names = flags.map(flagName);
  if (
    verb === 'delete' &&
    names.some((n) => PRINCIPAL_FLAGS.includes(n)) &&
    !names.includes('--operation') &&
    !names.some((n) => ROLE_FLAGS.includes(n))
  ) {
    flags.push('--operation', 'All');
  }
  return ['acls', verb, ...flags];
}
