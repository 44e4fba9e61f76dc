import type { Command } from 'commander';
import { baseOptions, collect, connectionOptions, examples, outputOptions } from '../common-options.js';
import { leafAction, type Dispatcher } from '../dispatch.js';

/** `offsets` (kafka-get-offsets.sh) and `delete-records` (kafka-delete-records.sh). */
export function registerRecords(program: Command, dispatch: Dispatcher): void {
  const offsets = program
    .command('offsets [topics...]')
    .description('offsets of partitions at the start, the end, the newest timestamp or a time (kafka-get-offsets.sh spellings work too)');
  baseOptions(outputOptions(connectionOptions(offsets)));
  offsets
    .option('--time <spec>', 'earliest, latest, max-timestamp, earliest-local, latest-tiered (or -2, -1, -3, -4, -5), epoch ms or an ISO time (default latest)')
    .option('--topic <topic>', 'kafka-get-offsets.sh: the topic (a regex), repeatable', collect)
    .option('--partitions <list>', 'kafka-get-offsets.sh: partitions of --topic, e.g. 0,1 or 0-3')
    .option('--topic-partitions <specs>', 'kafka-get-offsets.sh: t1:0-2,t2:1,t3 (N-M excludes M, as there)', collect)
    .option('--exclude-internal-topics', 'with no topic named: skip internal topics')
    .option('--isolation <level>', 'read_uncommitted (default) or read_committed (latest = last stable offset)')
    .action(leafAction(dispatch, 'offsets', () => import('../../commands/offsets/index.js')));
  examples(offsets, [
    'ktool offsets orders                       # orders:0:1234 per partition, like kafka-get-offsets.sh',
    'ktool offsets orders:0-2 --time earliest',
    'ktool offsets orders --time 2024-05-01T00:00:00Z --json',
    'kafka-get-offsets.sh spelling: ktool offsets --topic orders --partitions 0,1 --time -1',
  ]);

  const del = program
    .command('delete-records [topics...]')
    .description('delete records below an offset or a time (kafka-delete-records.sh); asks on a terminal, needs --yes otherwise');
  baseOptions(outputOptions(connectionOptions(del)));
  del
    .option('--before <offset|end|@time>', 'delete records below OFFSET, all records (end), or those older than @TIME (epoch ms or ISO)')
    .option('--offset-json-file <file>', 'kafka-delete-records.sh JSON: {"partitions": [{"topic": "t", "partition": 0, "offset": 3}], "version": 1}')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(leafAction(dispatch, 'delete-records', () => import('../../commands/delete-records/index.js')));
  examples(del, [
    'ktool delete-records orders:0 --before 1000 --yes',
    'ktool delete-records orders --before @2024-05-01T00:00:00Z',
    'ktool delete-records orders --before end --yes          # empty the topic, keep it',
    'ktool delete-records --offset-json-file offsets.json --yes',
  ]);
}
