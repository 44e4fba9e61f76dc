import { Option, type Command } from 'commander';
import { baseOptions, collect, connectionOptions, examples, outputOptions } from './legacy-options.js';
import { leafAction, type Dispatcher } from '../dispatch.js';

export function registerProduce(program: Command, dispatch: Dispatcher): void {
  const cmd = program
    .command('produce [topic]')
    .description('write records from standard input or files, one per line (kafka-console-producer and kcat -P spellings work too)');
  baseOptions(outputOptions(connectionOptions(cmd)));
  cmd
    .option('--topic <topic>', 'the topic (kafka-console-producer spelling of TOPIC)')
    .option('-f, --file <file>', 'read this file instead of standard input, repeatable', collect)
    .option('--input <mode>', 'line (one record per line), whole (one record per file or stdin), json (one JSON envelope per line, as consume --json prints; an unknown field is an error)', 'line')
    .option('-k, --key <key>', 'the key of every record')
    .option('-K, --key-separator <sep>', 'each line is KEY<sep>VALUE (\\t for a tab)')
    .option('-H, --header <name=value>', 'a header on every record, repeatable', collect)
    .option('--property <key=value>', 'line reader property: parse.key, key.separator, parse.headers, headers.delimiter, headers.separator, headers.key.separator, null.marker, ignore.error', collect)
    .addOption(new Option('--reader-property <key=value>', 'same as --property (KIP-1147)').argParser(collect))
    .option('--key-encoding <enc>', 'how keys are written in the input: text|json|base64|hex', 'text')
    .option('--value-encoding <enc>', 'how values are written in the input: text|json|base64|hex', 'text')
    .option('--null-marker <text>', 'a key or value equal to this is null (a value: a tombstone)')
    .option('-p, --partition <n>', 'write every record to this partition (default: by key hash, as the Java client)')
    .addOption(new Option('-P, --partitions <n>', 'alias of -p (consume\'s other spelling)').hideHelp())
    .option('--keep-partitions', '--input json: keep each record\'s partition also when writing to another topic')
    .option('--acks <acks>', '0, 1 or all (default: all)')
    .option('--no-idempotence', 'turn off idempotence (on by default with --acks all)')
    .option('--compression <codec>', 'none|gzip|snappy|lz4|zstd (default: none)')
    .option('--batch-size <bytes>', 'bytes per produce request, e.g. 1MB (default 1000000)')
    .option('--linger-ms <ms>', 'wait this long for more input before sending a partial batch (default 5)')
    .option('--rate <n/s>', 'at most this many records per second, e.g. 1000/s')
    .option('-X, --producer-property <key=value>', 'Java producer setting (acks, compression.type, batch.size, linger.ms, enable.idempotence, transactional.id, retries, max.in.flight.requests.per.connection: 5, at most 5 with idempotence, ...), repeatable', collect)
    .option('--transactional-id <id>', 'write the whole input in one transaction (aborted on any error); reuse the id every run: a new run aborts what a killed one left open and fences one still running (-X transaction.timeout.ms, default 60000)')
    .option('--on-error <mode>', 'a bad input line: fail (stop; nothing after it is sent) or skip', 'fail')
    .option('-q, --quiet', 'no summary line on stderr unless something failed, was skipped or interrupted (--json: the summary is the JSON on stdout only)');
  cmd.action(leafAction(dispatch, 'produce', () => import('../../commands/produce/index.js')));
  examples(cmd, [
    'echo hello | ktool produce orders',
    "ktool produce orders -K : < keyed.txt                      # key:value per line",
    'kafka-console-producer spellings: ktool produce --topic orders --property parse.key=true --property key.separator=:',
    "printf 'h1:v1,h2:v2\\tkey\\tvalue\\n' | ktool produce orders --property parse.headers=true --property parse.key=true",
    'ktool consume --json t1 -e | ktool produce --input json t2   # copy keys, values, headers, timestamps',
    `echo '{"key":"user-1","value":"hi","headers":{"src":"cli"}}' | ktool produce --input json orders`,
    'ktool produce orders --file big.txt --compression zstd --json',
    "ktool produce orders -k user-1 --null-marker NULL <<< NULL  # a tombstone",
    'ktool produce orders --transactional-id nightly-load < batch.txt   # all or nothing; the same id every night',
  ]);
}
