import type { Command } from 'commander';
import { baseOptions, collect, connectionOptions, examples, outputOptions } from './legacy-options.js';
import { allowInternalTopicsOption } from './legacy-options.js';
import { leafAction, type Dispatcher } from '../dispatch.js';

/** `offsets` (kafka-get-offsets.sh) and `delete-records` (kafka-delete-records.sh). */
export function registerRecords(program: Command, dispatch: Dispatcher): void {
  const offsets = program
    .command('offsets [topics...]')
    .description('offsets of partitions at the start, the end, the newest timestamp or a time (kafka-get-offsets.sh spellings work too)');
  baseOptions(outputOptions(connectionOptions(offsets)));
  offsets
    .option('--time <spec>', 'earliest, latest, max-timestamp, earliest-local, latest-tiered (or -2, -1, -3, -4, -5), or a time: epoch ms, ISO-8601 (UTC without a zone) or relative like -1h, @ optional (default latest)')
    .option('--topic <topic>', 'kafka-get-offsets.sh: the topic (a regex), repeatable', collect)
    .option('-p, --partition <list>', 'only these partitions of every topic named, e.g. 0,2 or 0-3 (as TOPIC:0,2), repeatable', collect)
    .option('-P, --partitions <list>', 'same as -p (kafka-get-offsets.sh spelling, with --topic)', collect)
    .option('--topic-partitions <specs>', 'kafka-get-offsets.sh: t1:0-2,t2:1,t3 (N-M excludes M, as there)', collect)
    .option('--exclude-internal-topics', 'with no topic named: skip internal topics')
    .option('--isolation <level>', 'read_uncommitted (default) or read_committed (latest = last stable offset)')
    .action(leafAction(dispatch, 'offsets', () => import('../../commands/offsets/offsets.js')));
  examples(offsets, [
    'ktool offsets orders                       # orders:0:1234 per partition, like kafka-get-offsets.sh',
    'ktool offsets orders:0-2 --time earliest',
    'ktool offsets orders --time 2024-05-01T00:00:00Z --json',
    'ktool offsets orders -p 0,2 --time -1h                # the first offset of the last hour',
    'kafka-get-offsets.sh spelling: ktool offsets --topic orders --partitions 0,1 --time -1',
  ]);

  const del = program
    .command('delete-records [topics...]')
    .description('delete records below an offset or a time (kafka-delete-records.sh); asks on a terminal, needs --yes otherwise');
  baseOptions(outputOptions(connectionOptions(del)));
  del
    .option('--before <offset|end|@time>', 'delete records below OFFSET, all records (end), or those older than @TIME (epoch ms, ISO-8601 or relative like @-1h; the @ is required)')
    .option('--offset-json-file <file>', 'kafka-delete-records.sh JSON: {"partitions": [{"topic": "t", "partition": 0, "offset": 3}], "version": 1}')
    .option('-y, --yes', 'do not ask for confirmation (required when standard input is not a terminal)');
  allowInternalTopicsOption(del)
    .action(leafAction(dispatch, 'delete-records', () => import('../../commands/delete-records/delete-records.js')));
  examples(del, [
    'ktool delete-records orders:0 --before 1000 --yes',
    'ktool delete-records orders --before @2024-05-01T00:00:00Z',
    'ktool delete-records orders --before @-7d --yes          # records older than a week',
    'ktool delete-records orders --before end --yes          # empty the topic, keep it',
    'ktool delete-records --offset-json-file offsets.json --yes',
  ]);
}
