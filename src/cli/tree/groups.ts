import { Option, type Command } from 'commander';
import { baseOptions, collect, connectionOptions, examples, outputOptions } from './legacy-options.js';
import { yesOption } from './legacy-options.js';
import { leafAction, type Dispatcher, type Loader } from '../dispatch.js';

function leaf(parent: Command, dispatch: Dispatcher, name: string, path: string, load: Loader, formats?: string): Command {
  const cmd = parent.command(name);
  baseOptions(outputOptions(connectionOptions(cmd), formats));
  cmd.action(leafAction(dispatch, path, load));
  return cmd;
}

const groupOption = (cmd: Command) => cmd.option('--group <group>', 'a group (kafka-consumer-groups.sh spelling of the GROUP argument), repeatable', collect);

export function registerGroups(program: Command, dispatch: Dispatcher): void {
  const groups = program
    .command('groups')
    .description('list, describe, reset and delete consumer groups, classic and KIP-848 (kafka-consumer-groups.sh spellings work too)')
    .addHelpText('after', `\nkafka-consumer-groups.sh spellings are accepted:\n  ktool groups --list\n  ktool groups --describe --group g [--members|--state] [--verbose]\n  ktool groups --reset-offsets --group g --topic t --to-earliest --execute\n  ktool groups --delete --group g\n  ktool groups --delete-offsets --group g --topic t\n`);

  examples(
    leaf(groups, dispatch, 'list', 'groups list', () => import('../../commands/groups/list.js'))
      .description('consumer groups with state, type, protocol, member count and total lag')
      .option('--state <states>', 'only groups in these states: Stable,Empty,PreparingRebalance,CompletingRebalance,Dead,Assigning,Reconciling', collect)
      .option('--type <types>', 'only groups of these types: classic,consumer', collect),
    ['ktool groups list', 'ktool groups list --state Stable,Empty', "ktool groups list --json | jq -r '.[] | select(.lag > 1000) | .group'"],
  );

  examples(
    groupOption(leaf(groups, dispatch, 'describe [groups...]', 'groups describe', () => import('../../commands/groups/describe.js')))
      .description('per partition CURRENT-OFFSET, LOG-END-OFFSET, LAG and owner (--offsets, the default), the members, or the state')
      .option('--all-groups', 'every consumer group')
      .option('--offsets', 'committed and end offsets, lag and owner per partition (default)')
      .option('--members', 'the members: id, host, client id, partition count')
      .option('--state', 'coordinator, assignment strategy, state and member count')
      .option('--verbose', 'with --members: the assignments; with --state: the epochs'),
    ['ktool groups describe billing', 'ktool groups describe billing --members --verbose', 'ktool groups describe --all-groups --state', 'ktool groups describe billing --json'],
  );

  examples(
    groupOption(leaf(groups, dispatch, 'reset-offsets [groups...]', 'groups reset-offsets', () => import('../../commands/groups/reset-offsets.js')))
      .description('move committed offsets (dry run unless --execute; the group must have no active members)')
      .option('--all-groups', 'every consumer group')
      .option('--topic <topic[:p,...]>', 'a topic, or some of its partitions, repeatable', collect)
      .option('--all-topics', 'every partition the group has a committed offset for')
      .option('--to-earliest', 'to the log start offset')
      .option('--to-latest', 'to the log end offset')
      .option('--to-current', 'to the committed offset (the log end where there is none)')
      .option('--to-offset <n>', 'to offset N (clamped to the log)')
      .option('--shift-by <n>', 'by N, negative to go back (clamped to the log)')
      .option('--to-datetime <time>', 'to the first record at or after YYYY-MM-DDTHH:mm:SS.sss (UTC unless a zone is given), or any ktool time: epoch ms, a date, relative like -1h')
      .option('--by-duration <duration>', 'to the first record at or after now minus PnDTnHnMnS (or 1h, 30m)')
      .option('--from-file <csv>', 'to the offsets in a CSV of topic,partition,offset or group,topic,partition,offset (what --export prints)')
      .option('--execute', 'commit the new offsets (stderr then says how many, per group; without it: a dry run, said on stderr)')
      .option('--dry-run', 'only show the plan (the default)')
      .option('--export', 'print the plan as CSV for --from-file'),
    [
      'ktool groups reset-offsets billing --topic orders --to-earliest',
      'ktool groups reset-offsets billing --topic orders:0,1 --shift-by -100 --execute',
      'ktool groups reset-offsets billing --all-topics --to-datetime 2026-01-31T08:00:00.000 --execute',
      'ktool groups reset-offsets billing --all-topics --to-current --export > plan.csv',
      'ktool groups reset-offsets billing --from-file plan.csv --execute',
    ],
  );

  examples(
    yesOption(
      groupOption(leaf(groups, dispatch, 'delete [groups...]', 'groups delete', () => import('../../commands/groups/delete.js')))
        .description('delete groups and their committed offsets (the groups must be empty); asks on a terminal, needs --yes otherwise')
        .option('--all-groups', 'every consumer group (kafka-consumer-groups.sh --delete --all-groups): lists them and asks'),
    ),
    ['ktool groups delete billing old-billing --yes', 'ktool groups delete --all-groups            # lists every group and asks'],
  );

  examples(
    yesOption(
      groupOption(leaf(groups, dispatch, 'delete-offsets [group]', 'groups delete-offsets', () => import('../../commands/groups/delete-offsets.js')))
        .description("delete a group's committed offsets of some topics or partitions; asks on a terminal, needs --yes otherwise")
        .option('--topic <topic[:p,...]>', 'a topic, or some of its partitions, repeatable', collect),
    ),
    ['ktool groups delete-offsets billing --topic orders --yes', 'ktool groups delete-offsets billing --topic orders:0,1'],
  );

  examples(
    groupOption(leaf(program, dispatch, 'lag [groups...]', 'lag', () => import('../../commands/lag/lag.js'), 'table|wide|json|yaml|prometheus'))
      .description('lag per group, topic and partition, in records and in time (age of the next record to consume); every group when none is named')
      .option('--topic <topic[:p,...]>', 'only these topics, or some of their partitions (orders:0,2), repeatable; a topic that does not exist is exit 3 (with a guess), and so is one no partition matches with --max-lag/--max-time-lag', collect)
      .option('--watch [interval]', 'redraw every interval (default 5s) with the trend; NDJSON lines when not a terminal')
      .option('--count <n>', 'with --watch: stop after N samples')
      .option('--max-lag <n>', 'exit 6 if any partition lags more than N records (they are listed on stderr)')
      .option('--max-time-lag <duration>', 'exit 6 if any partition lags more than this (e.g. 5m)')
      .addOption(new Option('--no-time-lag', 'skip reading the records at the committed offsets (faster; no time lag)')),
    [
      'ktool lag',
      'ktool lag billing --topic orders',
      'ktool lag billing --topic orders:0,1            # two partitions',
      'ktool lag --watch 2s',
      'ktool lag billing --max-lag 10000 --max-time-lag 5m || page-oncall',
      'ktool lag billing --topic orders --max-lag 0    # exit 3, not 0, if orders is a typo or billing has no offsets there',
      'ktool lag --format prometheus > /var/lib/node_exporter/textfile/kafka_lag.prom',
    ],
  );
}
