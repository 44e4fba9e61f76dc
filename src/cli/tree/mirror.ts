import type { Command } from 'commander';
import { baseOptions, examples, outputOptions } from './legacy-options.js';
import { yesOption } from './legacy-options.js';
import { leafAction, type Dispatcher, type Loader } from '../dispatch.js';

/** --from/--to and their bootstrap/properties-file forms (both ends of a mirror). */
function sideOptions(cmd: Command): Command {
  return cmd
    .option('--from <profile>', 'source cluster: a profile')
    .option('--from-bootstrap <hosts>', 'source cluster: HOST:PORT[,HOST:PORT]')
    .option('--from-config <file>', 'source cluster: kafka client properties file (security, bootstrap.servers)')
    .option('--to <profile>', 'target cluster: a profile')
    .option('--to-bootstrap <hosts>', 'target cluster: HOST:PORT[,HOST:PORT]')
    .option('--to-config <file>', 'target cluster: kafka client properties file')
    .option('--timeout <duration>', 'connect/request timeout, e.g. 10s');
}

function selectionOptions(cmd: Command): Command {
  return cmd
    .option('--topics <regex>', 'source topics to mirror (whole-name regular expression)')
    .option('--exclude <regex>', 'leave out the topics matching this')
    .option('--rename <pattern>', "target topic names, e.g. 'src.{topic}' (default: the same names)");
}

function leaf(parent: Command, dispatch: Dispatcher, name: string, description: string, load: Loader): Command {
  const cmd = parent.command(name).description(description);
  cmd.action(leafAction(dispatch, `mirror ${name}`, load));
  return cmd;
}

export function registerMirror(program: Command, dispatch: Dispatcher): void {
  const mirror = program.command('mirror').description('copy topics from one cluster to another (MirrorMaker 2 style), verify copies, drive MirrorMaker 2 on Kafka Connect');
  selectionOptions(sideOptions(mirror))
    .option('-g, --group <group>', 'consumer group on the source (default: derived from --from, --to and --rename); only offsets it committed for the same target topic are resumed from')
    .option('--sync-configs', "create missing target topics with the source topic's configs")
    .option('--until-caught-up', 'stop when every partition reached the end offset it had at start')
    .option('--provenance', 'add header ktool.mirror.source = TOPIC/PARTITION/OFFSET to each copy')
    .option('--start <where>', 'where a new group starts: earliest (default) or latest')
    .option('--idle-timeout <duration>', 'stop after this long without a record')
    .option('--compression <codec>', 'target compression: none, gzip, snappy, lz4, zstd (default none)')
    .option('--replication-factor <n>', 'for created target topics (default: the target broker default)')
    .option('--batch-bytes <n>', 'bytes per produce request (default 4 MiB)')
    .option('--max-in-flight <n>', 'produce requests in flight, 1-5 (default 4)')
    .option('--commit-interval <duration>', 'how often acknowledged offsets are committed (default 1s)')
    .option('-v, --verbose', 'print each rebalance\'s partition assignment on stderr');
  baseOptions(outputOptions(mirror));
  examples(mirror, [
    "ktool mirror --from prod --to dr --topics 'orders|payments'",
    "ktool mirror --from prod --to dr --topics '.*' --exclude 'tmp\\..*' --rename 'prod.{topic}' --sync-configs",
    "ktool mirror --from old --to new --topics '.*' --until-caught-up --json   # a migration",
    "ktool mirror verify --from old --to new --topics '.*' --deep && echo identical",
    "ktool mirror deploy --connect-url http://connect:8083 --from prod --to dr --topics 'orders.*'",
  ]);
  mirror.action(leafAction(dispatch, 'mirror', () => import('../../commands/mirror/run.js')));

  const verify = leaf(mirror, dispatch, 'verify', 'records per partition on both sides and the difference; --deep compares contents (exit 6 on mismatch)', () => import('../../commands/mirror/verify.js'));
  selectionOptions(sideOptions(verify)).option('--deep', 'read both sides: compare counts and a digest of key, value, headers and timestamp, in order');
  baseOptions(outputOptions(verify));
  examples(verify, ["ktool mirror verify --from prod --to dr --topics 'orders.*'", "ktool mirror verify --from old --to new --topics '.*' --deep --json"]);

  const deploy = leaf(mirror, dispatch, 'deploy', 'create or update MirrorMaker 2 connectors on a Kafka Connect cluster from the same options', () => import('../../commands/mirror/deploy.js'));
  selectionOptions(sideOptions(deploy))
    .option('--connect-url <url>', 'Kafka Connect REST URL, e.g. http://connect:8083')
    .option('--name <prefix>', 'connector name prefix (default: mirror-SOURCE-TARGET)')
    .option('--source-alias <alias>', 'source cluster alias (default: from --rename or "source")')
    .option('--target-alias <alias>', 'target cluster alias (default "target")')
    .option('--tasks <n>', 'tasks.max (default 1)')
    .option('--sync-configs', 'sync topic configs (sync.topic.configs.enabled)')
    .option('--no-checkpoints', 'do not deploy MirrorCheckpointConnector')
    .option('--no-heartbeats', 'do not deploy MirrorHeartbeatConnector')
    .option('--dry-run', 'print the connector configs, change nothing');
  baseOptions(outputOptions(deploy));
  examples(deploy, ["ktool mirror deploy --connect-url http://localhost:8083 --from prod --to dr --topics 'orders.*'", 'ktool mirror deploy --connect-url $URL --from prod --to dr --topics orders --dry-run --json']);

  for (const [verb, text, load] of [
    ['status', 'connector and task states of the MirrorMaker 2 connectors', () => import('../../commands/mirror/status.js')],
    ['pause', 'pause the MirrorMaker 2 connectors', () => import('../../commands/mirror/pause.js')],
    ['resume', 'resume the MirrorMaker 2 connectors', () => import('../../commands/mirror/resume.js')],
    ['delete', 'delete the MirrorMaker 2 connectors (lists them and asks on a terminal; needs --yes otherwise)', () => import('../../commands/mirror/delete.js')],
  ] as [string, string, Loader][]) {
    const cmd = leaf(mirror, dispatch, verb, text, load);
    cmd.option('--connect-url <url>', 'Kafka Connect REST URL').option('--name <prefix>', 'connector name prefix (default: every Mirror* connector)');
    if (verb === 'delete') yesOption(cmd);
    baseOptions(outputOptions(cmd));
  }
}
