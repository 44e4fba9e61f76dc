import { Command, Option } from 'commander';
import { baseOptions, collect, connectionOptions, examples, outputOptions } from '../common-options.js';
import { allowInternalTopicsOption, yesOption } from '../destructive-options.js';
import { leafAction, type Dispatcher, type Loader } from '../dispatch.js';

function leaf(parent: Command, dispatch: Dispatcher, name: string, load: Loader): Command {
  const cmd = parent.command(name);
  baseOptions(outputOptions(connectionOptions(cmd)));
  cmd.action(leafAction(dispatch, `topics ${name.split(' ')[0]}`, load));
  return cmd;
}

export function registerTopics(program: Command, dispatch: Dispatcher): void {
  const topics = program
    .command('topics')
    .description('list, describe, create, alter and delete topics (kafka-topics.sh spellings work too)')
    .addHelpText('after', `\nkafka-topics.sh spellings are accepted: ktool topics --create --topic t --partitions 3 --replication-factor 1 --config k=v\n  ktool topics --list | --describe [--topic t] | --alter --topic t --partitions 6 | --delete --topic t\n`);

  examples(
    leaf(topics, dispatch, 'list [regex]', () => import('../../commands/topics/list.js'))
      .description('list topics, optionally those whose name matches REGEX')
      .option('--exclude-internal', 'hide internal topics (__consumer_offsets, ...)'),
    ['ktool topics list', "ktool topics list 'orders\\..*' --json | jq -r '.[].name'"],
  );

  examples(
    leaf(topics, dispatch, 'describe [topics...]', () => import('../../commands/topics/describe.js'))
      .description('partitions (leader, replicas, ISR, offline), offsets, message counts and non-default configs')
      .option('--exclude-internal', 'with no topic named: skip internal topics')
      .option('--under-replicated-partitions', 'only partitions whose ISR is smaller than the replica set')
      .option('--unavailable-partitions', 'only partitions without a live leader')
      .option('--under-min-isr-partitions', 'only partitions whose ISR is below min.insync.replicas')
      .option('--at-min-isr-partitions', 'only partitions whose ISR equals min.insync.replicas')
      .option('--no-offsets', 'skip earliest/latest offsets (faster on huge clusters)')
      .option('--if-exists', 'no error for topics that do not exist'),
    ['ktool topics describe orders', 'ktool topics describe --under-replicated-partitions', "ktool topics describe orders --json | jq '.[0].partitions[] | {partition, leader, isr}'"],
  );

  examples(
    leaf(topics, dispatch, 'create <topics...>', () => import('../../commands/topics/create.js'))
      .description('create topics')
      .option('-p, --partitions <n>', 'number of partitions (default: broker num.partitions)')
      .option('-r, --replication-factor <n>', 'replication factor (default: broker default.replication.factor)')
      .option('-c, --config <key=value>', 'topic config, repeatable', collect)
      .option('--if-not-exists', 'no error when the topic already exists')
      .option('--dry-run', 'validate on the broker without creating'),
    ['ktool topics create orders -p 6 -r 3 -c retention.ms=86400000 -c cleanup.policy=compact', 'ktool topics create orders --if-not-exists', 'ktool topics create orders -p 1000 --dry-run'],
  );

  examples(
    allowInternalTopicsOption(
      leaf(topics, dispatch, 'alter <topic>', () => import('../../commands/topics/alter.js'))
        .description('increase the partition count of a topic (internal topics refused without --allow-internal-topics)')
        .option('-p, --partitions <n>', 'the new total number of partitions (as create takes it)')
        .option('--if-exists', 'no error when the topic does not exist (as describe and delete)')
        .option('--dry-run', 'validate on the broker without changing')
        // create's -c and -r, so they get a pointer to the command that does that rather than "unknown option".
        .addOption(new Option('-c, --config <key=value>').hideHelp().argParser(collect))
        .addOption(new Option('-r, --replication-factor <n>').hideHelp()),
    ),
    ['ktool topics alter orders -p 12', 'ktool topics alter orders --partitions 12 --dry-run'],
  );

  examples(
    allowInternalTopicsOption(
      yesOption(
        leaf(topics, dispatch, 'delete <topics...>', () => import('../../commands/topics/delete.js'))
          .description('delete topics by name or whole-name regex (a TOPIC with regex characters); asks on a terminal, needs --yes otherwise; a regex never selects internal topics')
          .option('--if-exists', 'no error for topics (or regexes) that match nothing'),
      ),
    ),
    [
      'ktool topics delete old-orders --yes',
      "ktool topics delete 'tmp-.*'                       # lists the matches and asks",
      'ktool topics delete app-store-changelog --allow-internal-topics --yes   # an internal topic: exact name and the flag',
    ],
  );
}
