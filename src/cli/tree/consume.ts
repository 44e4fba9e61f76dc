import { Command, Option } from 'commander';
import { baseOptions, collect, connectionOptions, examples } from './legacy-options.js';
import { leafAction, type Dispatcher } from '../dispatch.js';

export function registerConsume(program: Command, dispatch: Dispatcher): void {
  const cmd = program
    .command('consume [topics...]')
    .description('read records (kcat -C / kafka-console-consumer.sh), values to stdout by default; TOPIC:PARTITIONS (orders:0,2) reads some partitions');
  connectionOptions(cmd)
    .option('--topic <topic>', 'topic to read (kafka-console-consumer spelling), repeatable', collect)
    .option('--include <regex>', 'also read every topic matching REGEX')
    .option('-o, --offset <spec>', 'start|end|N|-N|+N|N:M|@TIME|@T1:@T2|@TIME:end (TIME: epoch ms, ISO-8601, or relative like -1h); earliest|latest (default: end, new records; start with -e or -n, as kcat)')
    .option('--from-beginning', 'same as -o start')
    .option('-p, --partition <list>', 'read only these partitions of every topic, e.g. 0,2 or 0-3 (kcat -p; kafka-console-consumer --partition N); of one topic: TOPIC:0,2', collect)
    .option('-P, --partitions <list>', 'same as -p', collect)
    .option('-n, --max-messages <n>', 'stop after N records written (without -o: the first N, from the start)')
    .option('-e, --exit', 'stop when every partition reached the end it had at start (without -o: read from the start)')
    .option('--timeout-ms <ms>', 'stop after this long without records')
    .option('--fetch-max-bytes <size>', 'bytes per fetch response, e.g. 8MB for a distant cluster (default 1MB; bounds memory)')
    .option('-g, --group <group>', 'read as a member of this consumer group and commit what was written')
    .addOption(new Option('--group-protocol <protocol>', 'group protocol: classic or consumer (KIP-848)').choices(['classic', 'consumer']))
    .addOption(new Option('--isolation-level <level>', 'read_committed hides aborted transactions').choices(['read_committed', 'read_uncommitted']))
    .option('-f, --template <template>', "a kcat template: %t %p %o %k %v %s %S %K %h %T %d, \\n \\t (e.g. '%k=%v\\n')")
    .option('--format <format>', 'json (NDJSON envelopes, as --json) or yaml (one YAML document per record, the same envelope); table and wide are refused: records are a stream')
    .addOption(new Option('--output <format>', 'alias of --format').hideHelp())
    .option('--json', 'NDJSON envelopes {topic,partition,offset,timestamp,timestampType,key,value,headers}, plus keyEncoding/valueEncoding/headerEncoding when not text')
    .addOption(new Option('--key-encoding <encoding>', 'with --json or --format yaml: text (base64 when not UTF-8), json, base64 or hex').choices(['text', 'json', 'base64', 'hex']))
    .addOption(new Option('--value-encoding <encoding>', 'with --json or --format yaml: text (base64 when not UTF-8), json (embed JSON values), base64 or hex').choices(['text', 'json', 'base64', 'hex']))
    .option('--property <key=value>', 'kafka-console-consumer formatter property (print.key=true, key.separator=, ...), repeatable', collect)
    .option('--formatter-property <key=value>', 'same as --property', collect)
    .option('--grep <regex>', 'only records whose value matches')
    .option('--key-grep <regex>', 'only records whose key matches')
    .option('--header <key=value>', 'only records with this header, repeatable', collect)
    .option('-v, --verbose', 'print counts on stderr at the end');
  baseOptions(cmd);
  examples(cmd, [
    'ktool consume orders -e                          # everything there is, then exit (as kcat -C -e)',
    'ktool consume orders                             # new records until Ctrl-C',
    'ktool consume orders:0 -o 100:200                # offsets 100..199 of partition 0 (or -p 0)',
    "ktool consume orders -o -10 -e -f '%p:%o %k=%v\\n' # the last 10 per partition",
    'ktool consume orders -o @-1h:end                  # the last hour',
    'ktool consume orders -g billing                   # as a group member; commits what was written',
    'ktool consume orders --json -e | jq .value',
    'ktool consume orders:0 -o -1 --format yaml         # the last record, every field',
    'ktool consume --topic orders --from-beginning --property print.key=true --property key.separator=:',
    'ktool consume t1 --json -e | ktool produce --input json t2   # copy a topic, keys and headers included',
  ]);
  cmd.action(leafAction(dispatch, 'consume', () => import('../../commands/consume/run.js')));
}
