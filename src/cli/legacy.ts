/**
 * kafka-*.sh muscle memory: rewrites `ktool topics --create --topic t ...` style invocations into
 * ktool's own `ktool topics create t ...`, so one implementation serves both spellings.
 */
import { rewriteLegacyAcls } from './legacy-acls.js';
import { rewriteLegacyConfigs } from './legacy-configs.js';
import { rewriteLegacyGroups } from './legacy-groups.js';

const TOPIC_ACTIONS: Record<string, string> = {
  '--create': 'create',
  '--list': 'list',
  '--describe': 'describe',
  '--alter': 'alter',
  '--delete': 'delete',
};

export function rewriteLegacy(argv: string[]): string[] {
  if (argv[0] === 'topics' && argv.slice(1).some((a) => a in TOPIC_ACTIONS)) return rewriteTopics(argv);
  if (argv[0] === 'configs') return rewriteLegacyConfigs(argv);
  if (argv[0] === 'groups') return rewriteLegacyGroups(argv);
  if (argv[0] === 'acls' || argv[0] === 'users') return rewriteLegacyAcls(argv);
  if (argv[0] === 'produce' || argv[0] === 'offsets') return rewriteConsoleProducer(argv);
  return argv;
}

/**
 * kafka-console-producer.sh and kafka-get-offsets.sh spellings Kafka 4 dropped or renamed but guides
 * still use: --broker-list is --bootstrap-server; --compression-codec [CODEC] (gzip when no codec
 * is given) is --compression.
 */
function rewriteConsoleProducer(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--broker-list') out.push('--bootstrap-server');
    else if (arg.startsWith('--broker-list=')) out.push(`--bootstrap-server=${arg.slice('--broker-list='.length)}`);
    else if (arg === '--compression-codec' && argv[0] === 'produce') {
      const next = argv[i + 1];
      const hasValue = next !== undefined && !next.startsWith('-');
      out.push('--compression', hasValue ? next : 'gzip');
      if (hasValue) i++;
    } else out.push(arg);
  }
  return out;
}

function rewriteTopics(argv: string[]): string[] {
  const rest = argv.slice(1);
  const action = rest.find((a) => a in TOPIC_ACTIONS)!;
  const topics: string[] = [];
  const flags: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg in TOPIC_ACTIONS) continue;
    if (arg === '--topic') {
      if (i + 1 < rest.length) topics.push(rest[++i]);
      continue;
    }
    if (arg.startsWith('--topic=')) {
      topics.push(arg.slice('--topic='.length));
      continue;
    }
    flags.push(arg);
  }
  const verb = TOPIC_ACTIONS[action];
  // kafka-topics.sh --list/--describe/--delete --topic takes a regex; ktool takes it positionally
  // too. Its --delete never asks, so that spelling does not either (internal topics stay refused).
  if (verb === 'delete') flags.push('--yes');
  return ['topics', verb, ...topics, ...flags];
}
