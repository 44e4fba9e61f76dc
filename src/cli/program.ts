import { Command } from 'commander';
import { EXIT_CODE_HELP } from '../errors.js';
import type { Dispatcher } from './dispatch.js';
import { registerCluster } from './tree/cluster.js';
import { registerCompletion } from './tree/completion.js';
import { registerConfigs } from './tree/configs.js';
import { registerConsume } from './tree/consume.js';
import { registerProduce } from './tree/produce.js';
import { registerLocal } from './tree/local.js';
import { registerProfile } from './tree/profile.js';
import { registerRecords } from './tree/records.js';
import { registerTopics } from './tree/topics.js';
import { registerGroups } from './tree/groups.js';
import { registerAcls } from './tree/acls.js';
import { registerMirror } from './tree/mirror.js';
import { VERSION } from './version.js';

export type Registrar = (program: Command, dispatch: Dispatcher) => void;

/**
 * Every noun registers its own subtree; adding a command means adding its registrar here, under
 * the top-level commands it registers (a test checks the two agree).
 */
export const REGISTRARS: [Registrar, string[]][] = [
  [registerTopics, ['topics']],
  [registerProfile, ['profile']],
  [registerLocal, ['local']],
  [registerProduce, ['produce']],
  [registerConsume, ['consume']],
  [registerCompletion, ['completion', '__complete']],
  [registerConfigs, ['configs']],
  [registerCluster, ['cluster']],
  [registerRecords, ['offsets', 'delete-records']],
  [registerGroups, ['groups', 'lag']],
  [registerAcls, ['acls', 'users']],
  [registerMirror, ['mirror']],
];

/**
 * The command tree. With `command`, a top-level command name, only the subtree that holds it is
 * built (a tenth of the tree, ~10 ms of every start-up); otherwise all of it (help, suggestions
 * for a mistyped command, docs).
 */
export function buildProgram(dispatch: Dispatcher, command?: string): Command {
  const program = new Command('ktool')
    .description('One fast command-line toolkit for Apache Kafka.')
    .version(VERSION, '-V, --version')
    // ktool's own -V/--version only before a command: after one, the command's options are its own
    // (`local start --version 4.2.0` is the Kafka version to start, not ktool's version).
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText(
      'after',
      `
Connection: -b/--bootstrap-server, --command-config FILE, --profile NAME and --timeout work on every
command that talks to Kafka. Precedence: flag > env (KTOOL_BROKERS, KTOOL_PROFILE) > profile > localhost:9092.
Connecting and each request wait at most --timeout (then exit 4); Ctrl-C or SIGTERM ends any command
within a second (exit 130 or 143), losing nothing acknowledged.
Output: --format table|wide|json|yaml (or --json) on every command that prints data.

Examples:
  ktool local start                      # a real Kafka 4.3.1 on this machine, saved as profile "local"
  ktool topics create orders -p 6
  ktool topics describe orders --json | jq '.[0].partitions'
  ktool profile add prod -b kafka-1:9092 --sasl-mechanism SCRAM-SHA-512 --username app --password-env KAFKA_PASSWORD

${EXIT_CODE_HELP}
`,
    );
  const only = command === undefined ? undefined : REGISTRARS.find(([, names]) => names.includes(command));
  for (const [register] of only ? [only] : REGISTRARS) register(program, dispatch);
  return program;
}
