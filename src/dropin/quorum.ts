/**
 * kafka-metadata-quorum.sh (org.apache.kafka.tools.MetadataQuorumCommand 4.3.1), drop-in: `ktool
 * cluster quorum --bootstrap-server B describe --status|--replication [--human-readable]`, also with
 * --bootstrap-controller (DescribeQuorum and DescribeCluster sent to a controller). The status lines
 * and the replication table (ToolsUtils.prettyPrintTable) as Kafka prints them; a refusal is one line
 * on stderr and exit 1. add-controller and remove-controller are named unsupported.
 */
import type { Context } from '../cli/context.js';
import type { QuorumDescription } from '../kafka/cluster-types.js';
import { endpointsOf, maxFollowerLag, quorumRows } from '../commands/cluster/quorum-status.js';
import { has, valueOf, type JoptResult } from './jopt.js';
import { parseArgparse, unsupportedArgs, type ArgOption, type ArgParser } from './argparse.js';
import { prettyTable } from './pretty-table.js';
import type { DropinOut, DropinScript } from './script.js';
import { Terse, terseOnStderr } from './terse.js';

const HELP: ArgOption = { name: 'help', unsupported: 'ktool cluster quorum --help' };
const CONTROLLERS = 'changing the controller quorum (AddRaftVoter/RemoveRaftVoter) is not in ktool; remove-controller --dry-run is';

export const QUORUM_PARSER: ArgParser = {
  script: 'kafka-metadata-quorum',
  options: [
    HELP,
    { name: 'bootstrap-server', value: 'string' },
    { name: 'bootstrap-controller', value: 'string' },
    { name: 'command-config', value: 'string' },
  ],
  commands: {
    describe: [HELP, { name: 'status' }, { name: 'replication' }, { name: 'human-readable' }],
    'add-controller': [HELP, { name: 'dry-run' }],
    'remove-controller': [
      HELP,
      { name: 'controller-id', value: 'int', required: true, aliases: ['i'] },
      { name: 'controller-directory-id', value: 'string', required: true, aliases: ['d'] },
      { name: 'dry-run' },
    ],
  },
  oneOf: [['bootstrap-server', 'bootstrap-controller']],
};

/** MetadataQuorumCommand.relativeTimeMs: a time that is not in the past is Kafka's KafkaException. */
function ago(ts: number, now: number, what: string): string {
  if (ts < 0) return '-1';
  if (!(ts > 0 && ts <= now))
    throw new Error(
      'Error while computing relative time, possible drift in system clock.\n' + `Current timestamp is ${now}, ${what} timestamp is ${ts}`,
    );
  return `${now - ts} ms ago`;
}

export function replicationTable(q: QuorumDescription, humanReadable: boolean, now: number): string {
  const time = (ts: number, what: string) => (humanReadable ? ago(ts, now, what) : String(ts));
  const rows = quorumRows(q).map((r) => [
    String(r.id),
    r.directoryId,
    String(r.logEndOffset),
    String(r.lag),
    time(r.lastFetchTimestamp, 'last fetch'),
    time(r.lastCaughtUpTimestamp, 'last caught up'),
    r.role,
  ]);
  return prettyTable(['NodeId', 'DirectoryId', 'LogEndOffset', 'Lag', 'LastFetchTimestamp', 'LastCaughtUpTimestamp', 'Status'], rows);
}

const ZERO = 'AAAAAAAAAAAAAAAAAAAAAA';

/** MetadataQuorumCommand.Node.toString: {"id": 1, "directoryId": "...", "endpoints": ["C://h:p"]}, the optional parts left out. */
function replicaState(q: QuorumDescription, replicas: QuorumDescription['voters']): string {
  const node = (r: QuorumDescription['voters'][number]) => {
    const endpoints = endpointsOf(q, r.id);
    return (
      `{"id": ${r.id}` +
      (r.directoryId === ZERO ? '' : `, "directoryId": "${r.directoryId}"`) +
      (endpoints.length ? `, "endpoints": [${endpoints.map((e) => `"${e}"`).join(', ')}]` : '') +
      '}'
    );
  };
  return `[${replicas.map(node).join(', ')}]`;
}

export function statusLines(clusterId: string, q: QuorumDescription): string {
  const { lag, lagTimeMs } = maxFollowerLag(q);
  return (
    `ClusterId:              ${clusterId}\n` +
    `LeaderId:               ${q.leaderId}\n` +
    `LeaderEpoch:            ${q.leaderEpoch}\n` +
    `HighWatermark:          ${q.highWatermark}\n` +
    `MaxFollowerLag:         ${lag}\n` +
    `MaxFollowerLagTimeMs:   ${lagTimeMs}\n` +
    `CurrentVoters:          ${replicaState(q, q.voters)}\n` +
    `CurrentObservers:       ${replicaState(q, q.observers)}\n`
  );
}

async function describe(o: JoptResult, ctx: Context): Promise<string> {
  const status = has(o, 'status');
  const replication = has(o, 'replication');
  if (status && replication) throw new Terse('Only one of --status or --replication should be specified with describe sub-command');
  if (!status && !replication) throw new Terse('One of --status or --replication must be specified with describe sub-command');
  if (status && has(o, 'human-readable')) throw new Terse('The option --human-readable is only supported along with --replication');
  const api = await (await ctx.kafka()).cluster();
  if (replication) return replicationTable(await api.describeQuorum(), has(o, 'human-readable'), ctx.io.now());
  const { clusterId } = await api.describeCluster();
  return statusLines(clusterId, await api.describeQuorum());
}

/** remove-controller --dry-run: MetadataQuorumCommand.handleRemoveController checks its arguments and says what it would do. */
function removeDryRun(o: JoptResult): string {
  const id = Number(valueOf(o, 'controller-id'));
  if (id < 0) throw new Terse(`Invalid negative --controller-id: ${id}`);
  const dir = valueOf(o, 'controller-directory-id')!;
  const bytes = Buffer.from(dir, 'base64url');
  // Uuid.fromString: 16 bytes of url-safe base64 (22 characters).
  if (dir.length !== 22 || bytes.length !== 16 || bytes.toString('base64url') !== dir)
    throw new Terse(`Failed to parse --controller-directory-id: ${uuidError(dir)}`);
  return `DRY RUN of removing  KRaft controller ${id} with directory id ${dir}\n`;
}

function uuidError(dir: string): string {
  if (dir.length > 24) return `Input string with prefix \`${dir.slice(0, 24)}\` is too long to be decoded as a base64 UUID`;
  const bytes = Buffer.from(dir, 'base64url').length;
  return `Input string \`${dir}\` decoded as ${bytes} bytes, which is not equal to the expected 16 bytes of a base64-encoded UUID`;
}

function run(o: JoptResult, ctx: Context, out: DropinOut): Promise<number> {
  return terseOnStderr(out, async () => {
    if (!has(o, 'bootstrap-server') && !has(o, 'bootstrap-controller'))
      throw new Terse('kafka-metadata-quorum: error: one of the arguments --bootstrap-server --bootstrap-controller is required');
    await out.stdout(o.operands[0] === 'remove-controller' ? removeDryRun(o) : await describe(o, ctx));
  });
}

export const METADATA_QUORUM: DropinScript = {
  script: 'kafka-metadata-quorum.sh',
  options: [],
  parse: (args) => parseArgparse(args, QUORUM_PARSER),
  unsupported: (parsed) => {
    const named = unsupportedArgs(parsed, QUORUM_PARSER);
    // The sub-commands that change the quorum, whatever their options (remove-controller --dry-run only checks and prints).
    const command = parsed.operands[0];
    const changes = command === 'add-controller' || (command === 'remove-controller' && !has(parsed, 'dry-run'));
    return changes ? [...named, { name: command, unsupported: CONTROLLERS }] : named;
  },
  usageError: (message) => `kafka-metadata-quorum: error: ${message}`,
  bootstrapOption: 'bootstrap-server',
  connection: (parsed) => ({
    bootstrapServer: valueOf(parsed, 'bootstrap-server') ?? valueOf(parsed, 'bootstrap-controller'),
    commandConfig: valueOf(parsed, 'command-config'),
  }),
  run,
};
