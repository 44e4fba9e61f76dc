/**
 * `ktool produce`: input -> records -> Sender. At EOF, on Ctrl-C/SIGTERM (ctx.io.signal) or on the
 * first error it stops reading, sends what it has read, waits for every acknowledgement and returns
 * its summary (sent/failed/skipped) with the error beside it. The parts: options.ts (the command
 * line; producer-settings.ts for the producer's settings, kcat-options.ts for kcat's spelling),
 * record-input.ts (input handling), partitions.ts, sender.ts, finish.ts (end and summary).
 */
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { write } from '../../cli/io.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { ExitCode, UsageError } from '../../errors.js';
import { DEFAULT_KAFKA_VERSION } from '../../local/versions.js';
import { serdeFor, type Encoding } from '../../serde/serde.js';
import { BadLines } from './bad-lines.js';
import { finish } from './finish.js';
import { oneOf } from './flag-values.js';
import { CONSOLE_PRODUCER_OPTIONS, consoleProducerSettings, consoleWarnings } from './console-producer.js';
import {
  checkInputMode,
  DEFAULT_BATCH_BYTES,
  DEFAULT_LINGER_MS,
  DEFAULT_MAX_IN_FLIGHT,
  headersOf,
  INPUTS,
  lineFormatOf,
  partitionOf,
  sendTuning,
  topicOf,
  type ProduceOptions,
} from './options.js';
import { DEFAULT_LINE_FORMAT } from './properties.js';
import { isKcatProduce, KCAT_PRODUCE_OPTIONS } from './kcat.js';
import { parseKcat } from './kcat-options.js';
import { Partitions } from './partitions.js';
import { applyProducerProperties, producerSettingsOf, withTunables } from './producer-settings.js';
import { parseRate } from './rate.js';
import { fileSource, stdinSource, type Source } from './readers.js';
import { RecordInput } from './record-input.js';
import { schemaSidesOf } from './schema-options.js';
import { consoleWait } from './console-wait.js';
import { DEFAULT_MAX_BLOCK_MS } from './metadata-wait.js';
import { Sender } from './sender.js';
import { typedSides } from './typed-sides.js';

export const spec = defineCommand({
  command: 'produce [topic] [files...]',
  description: "write records from standard input or files, one per line (kafka-console-producer.sh spellings; kcat -P's too, see README)",
  groups: ['connection', 'schema-registry', 'output', 'base'],
  options: [
    { flags: '--topic <topic>', description: 'the topic (kafka-console-producer spelling of TOPIC)' },
    { flags: '-f, --file <file>', description: 'read this file instead of standard input, repeatable', repeatable: true },
    {
      flags: '--input <mode>',
      description:
        'line (one record per line), whole (one record per file or stdin), json (one JSON envelope ' +
        'per line, as consume --json prints; an unknown field is an error)',
      default: 'line',
    },
    { flags: '-k, --key <key>', description: 'the key of every record' },
    { flags: '-K, --key-separator <sep>', description: 'each line is KEY<sep>VALUE (\\t for a tab)' },
    { flags: '-H, --header <name=value>', description: 'a header on every record, repeatable', repeatable: true },
    {
      flags: '--property <key=value>',
      description:
        'line reader property: parse.key, key.separator, parse.headers, headers.delimiter, ' +
        'headers.separator, headers.key.separator, null.marker, ignore.error',
      repeatable: true,
    },
    { flags: '--reader-property <key=value>', description: 'same as --property (KIP-1147)', repeatable: true },
    { flags: '--key-encoding <enc>', description: 'how keys are written in the input: text|json|base64|hex', default: 'text' },
    { flags: '--value-encoding <enc>', description: 'how values are written in the input: text|json|base64|hex', default: 'text' },
    {
      flags: '--value-format <format>',
      description:
        'avro|protobuf|json-schema: each value is JSON, encoded with its schema in the Confluent wire format ' +
        '(needs a schema registry); json|string|bytes: as --value-encoding json|text|base64',
    },
    { flags: '--key-format <format>', description: "the same for keys (-k, -K or the envelope's key)" },
    { flags: '--value-schema <file>', description: 'the value schema (.avsc, .proto, .json), looked up under the subject' },
    { flags: '--key-schema <file>', description: 'the key schema' },
    { flags: '--value-schema-id <id>', description: 'encode values with this registered schema id' },
    { flags: '--key-schema-id <id>', description: 'encode keys with this registered schema id' },
    {
      flags: '--value-subject <subject>',
      description: 'the value subject (default by --subject-strategy: TOPIC-value); its latest schema',
    },
    { flags: '--key-subject <subject>', description: 'the key subject (default TOPIC-key)' },
    {
      flags: '--subject-strategy <strategy>',
      description: "topic (TOPIC-value), record (the record's full name) or topic-record (TOPIC-name)",
      default: 'topic',
    },
    { flags: '--register', description: 'register the --value-schema/--key-schema file under its subject first (off by default)' },
    { flags: '--value-message <name>', description: 'protobuf: the message type of values (default: the first in the schema)' },
    { flags: '--key-message <name>', description: 'protobuf: the message type of keys' },
    { flags: '--null-marker <text>', description: 'a key or value equal to this is null (a value: a tombstone)' },
    { flags: '-p, --partition <n>', description: 'write every record to this partition (default: by key hash, as the Java client)' },
    { flags: '--partitions <n>', description: "alias of -p (consume's other spelling)", hidden: true },
    { flags: '--keep-partitions', description: "--input json: keep each record's partition also when writing to another topic" },
    { flags: '--acks <acks>', description: '0, 1 or all (default: all)' },
    { flags: '--no-idempotence', description: 'turn off idempotence (on by default with --acks all)' },
    { flags: '--compression <codec>', description: 'none|gzip|snappy|lz4|zstd (default: none)' },
    {
      flags: '--batch-size <bytes>',
      description:
        "bytes per produce request, e.g. 1MB (default 1000000); a batch over the topic's max.message.bytes " +
        'is split and sent again in order, a record over it alone fails',
    },
    { flags: '--linger-ms <ms>', description: 'wait this long for more input before sending a partial batch (default 5)' },
    { flags: '--rate <n/s>', description: 'at most this many records per second, e.g. 1000/s' },
    {
      flags: '-X, --producer-property <key=value>',
      description:
        'Java producer setting (acks, compression.type, batch.size, linger.ms, enable.idempotence, ' +
        'transactional.id, retries, max.in.flight.requests.per.connection: 5, at most 5 with ' +
        'idempotence, ...), repeatable',
      repeatable: true,
    },
    { flags: '--command-property <key=value>', description: 'same as --producer-property (Kafka 4.x name)', repeatable: true },
    {
      flags: '--transactional-id <id>',
      description:
        'write the whole input in one transaction (aborted on any error); reuse the id every run: ' +
        'a new run aborts what a killed one left open and fences one still running (-X ' +
        'transaction.timeout.ms, default 60000)',
    },
    { flags: '--on-error <mode>', description: 'a bad input line: fail (stop; nothing after it is sent) or skip', default: 'fail' },
    {
      flags: '-q, --quiet',
      description:
        'no summary line on stderr unless something failed, was skipped or interrupted (--json: the summary is the JSON on stdout only)',
    },
    ...KCAT_PRODUCE_OPTIONS,
    ...CONSOLE_PRODUCER_OPTIONS,
  ],
  examples: [
    'echo hello | ktool produce orders',
    'ktool produce orders -K : < keyed.txt                      # key:value per line',
    'kafka-console-producer spellings: ktool produce --topic orders --property parse.key=true --property key.separator=:',
    "printf 'h1:v1,h2:v2\\tkey\\tvalue\\n' | ktool produce orders --property parse.headers=true --property parse.key=true",
    'ktool consume --json t1 -e | ktool produce --input json t2   # copy keys, values, headers, timestamps',
    `echo '{"key":"user-1","value":"hi","headers":{"src":"cli"}}' | ktool produce --input json orders`,
    'ktool produce orders --file big.txt --compression zstd --json',
    'ktool produce orders -k user-1 --null-marker NULL <<< NULL  # a tombstone',
    'ktool produce orders --transactional-id nightly-load < batch.txt   # all or nothing; the same id every night',
    `echo '{"id":"o-1","amount":12.5}' | ktool produce orders --value-format avro   # with orders-value's latest schema`,
    'ktool produce orders --value-format avro --value-schema order.avsc --register < orders.jsonl',
    "ktool produce -P -t orders -b localhost:9092 -K : -z zstd < keyed.txt   # kcat's spelling, input rules and partitioner",
    'ktool produce -P -t blobs -b localhost:9092 a.bin b.bin                  # kcat: each file one record',
  ],
});

export function parse(args: string[], flags: Flags<typeof spec>): ProduceOptions {
  if (isKcatProduce(flags)) return parseKcat(args, flags);
  if (flags.version) return kafkaVersionOnly();
  // The warnings first: the settings move --producer.config into the connection's --command-config.
  const warnings = consoleWarnings(flags);
  const topic = topicOf(args, flags.topic);
  const input = oneOf(flags.input, INPUTS, '--input', 'line');
  if (!topic && input !== 'json')
    throw new UsageError(
      'produce needs a topic: ktool produce TOPIC (or --topic TOPIC)',
      "only --input json can take each record's topic from the input",
    );
  const console = consoleProducerSettings(flags);
  const schemas = schemaSidesOf(flags);
  const keyEncoding = schemas.keyEncoding ?? (serdeFor(flags.keyEncoding ?? 'text', '--key-encoding').name as Encoding);
  const valueEncoding = schemas.valueEncoding ?? (serdeFor(flags.valueEncoding ?? 'text', '--value-encoding').name as Encoding);
  if (input === 'whole' && schemas.key) throw new UsageError('--input whole reads no keys: --key-format applies to -k, -K or --input json');
  const line = lineFormatOf(
    [...console.readerProperties, ...(flags.property ?? [])],
    flags.readerProperty ?? [],
    flags.keySeparator,
    flags.nullMarker,
  );
  const fixedKey = flags.key;
  checkInputMode(input, line, fixedKey, keyEncoding, valueEncoding);
  const headers = headersOf(flags.header ?? []);
  const partition = partitionOf(flags.partition, flags.partitions);
  const x = applyProducerProperties([
    ...console.fileProperties,
    ...(flags.producerProperty ?? []),
    ...(flags.commandProperty ?? []),
    ...console.flagProperties,
  ]);
  const producer = producerSettingsOf(flags, x);
  const tuning = sendTuning({ ...flags, batchSize: flags.maxPartitionMemoryBytes ?? flags.batchSize }, x);
  const rate = flags.rate !== undefined ? parseRate(flags.rate) : undefined;
  const onError = oneOf(flags.onError, ['fail', 'skip'] as const, '--on-error', 'fail');
  withTunables(producer, x);

  const options: ProduceOptions = {
    files: flags.file ?? [],
    input,
    keyEncoding,
    valueEncoding,
    line,
    headers,
    keepPartitions: Boolean(flags.keepPartitions),
    producer,
    ...tuning,
    onError,
    // kafka-console-producer's spelling (--topic) prints no summary, as the original (only trouble is reported).
    quiet: Boolean(flags.quiet) || (flags.topic !== undefined && args.length === 0),
    consoleWarnings: warnings,
    consoleIgnored: console.ignored,
  };
  if (topic !== undefined) options.topic = topic;
  if (schemas.key) options.keySchema = schemas.key;
  if (schemas.value) options.valueSchema = schemas.value;
  if (fixedKey !== undefined) options.fixedKey = fixedKey;
  if (partition !== undefined) options.partition = partition;
  if (rate !== undefined) options.rate = rate;
  // kafka-console-producer's own spelling: send() waits for the topic's metadata (max.block.ms).
  const consoleSpelling = flags.topic !== undefined && args.length === 0 && input === 'line' && producer.transactionalId === undefined;
  if (consoleSpelling) options.console = { maxBlockMs: console.maxBlockMs ?? DEFAULT_MAX_BLOCK_MS, sync: Boolean(flags.sync) };
  else if (flags.maxBlockMs !== undefined)
    throw new UsageError(
      "--max-block-ms is kafka-console-producer.sh's: it applies with --topic TOPIC and lines on the input",
      'ktool produce TOPIC fails at once on a missing topic (it never waits for one to be created)',
    );
  return options;
}

/**
 * `--version`: what kafka-console-producer.sh --version prints, the version of the Kafka whose tool
 * this spelling follows (its lines, flags and defaults are Kafka 4.3.1's); ktool's own is `ktool --version`.
 */
function kafkaVersionOnly(): ProduceOptions {
  return {
    kafkaVersion: DEFAULT_KAFKA_VERSION,
    consoleWarnings: [],
    consoleIgnored: [],
    files: [],
    input: 'line',
    keyEncoding: 'text',
    valueEncoding: 'text',
    line: DEFAULT_LINE_FORMAT,
    headers: [],
    keepPartitions: false,
    producer: { acks: -1, idempotent: true, compression: 'none' },
    batchBytes: DEFAULT_BATCH_BYTES,
    lingerMs: DEFAULT_LINGER_MS,
    maxInFlightSends: DEFAULT_MAX_IN_FLIGHT,
    onError: 'fail',
    quiet: true,
  };
}

export async function run(options: ProduceOptions, ctx: Context): Promise<CommandResult> {
  if (options.kcat) return (await import('./kcat-run.js')).runKcat(options, options.kcat, ctx);
  const started = performance.now();
  if (options.kafkaVersion) {
    await write(ctx.io.stdout, `${options.kafkaVersion}\n`);
    return { exitCode: ExitCode.ok };
  }
  if (options.consoleWarnings.length) await write(ctx.io.stdout, options.consoleWarnings.map((w) => `${w}\n`).join(''));
  if (options.consoleIgnored.length)
    ctx.warn(`kafka-console-producer.sh options ktool does not honour (ignored): ${options.consoleIgnored.join(', ')}`);
  const { signal } = ctx.io;
  if (options.files.length === 0 && ctx.io.stdinIsTTY) ctx.info('reading records from the terminal, one per line; Ctrl-D to finish');

  // Schemas first: a bad schema file or an unknown subject fails before anything is read or sent.
  const typed = options.keySchema || options.valueSchema || options.input === 'json' ? await typedSides(options, ctx) : undefined;
  const clients = await ctx.kafka();
  const producer = await clients.producer(options.producer, { signal, onWarning: (m) => ctx.warn(m) });
  const partitions = new Partitions(producer, options.partition);
  const badLines = new BadLines(options.onError, (m) => ctx.warn(m));
  let sources: Source[] = options.files.length ? options.files.map(fileSource) : [stdinSource(() => ctx.io.stdin, ctx.io.stdinFd)];
  if (options.console && options.topic !== undefined) {
    const waited = await consoleWait({ ...options, topic: options.topic }, options.console, {
      producer,
      partitions,
      badLines,
      bootstrap: clients.settings.bootstrap,
      sources,
      typed,
      ctx,
    });
    if (waited.exitCode !== undefined) {
      await producer.close();
      return { exitCode: waited.exitCode, stderr: '' };
    }
    sources = waited.sources;
  } else if (options.topic !== undefined) {
    const n = await partitions.count(options.topic);
    if (options.partition !== undefined && options.partition >= n) {
      throw new UsageError(
        `--partition ${options.partition} is out of range: topic ${options.topic} has ${n} partition${n === 1 ? '' : 's'} (0-${n - 1})`,
      );
    }
  }
  // After Ctrl-C/SIGTERM acknowledgements are awaited only briefly: the signal stops the waiting.
  const sender = new Sender(producer, options.batchBytes, options.maxInFlightSends, signal);
  sender.onFlush = partitions.next;
  const input = new RecordInput(options, producer, sender, partitions, badLines, signal, typed);

  if (options.producer.transactionalId) await producer.beginTransaction();
  const read = await input.read(sources);
  return finish(
    {
      producer,
      sender,
      plain: input.plain,
      batches: input.batches,
      badLines,
      topics: () => (options.topic !== undefined ? [options.topic] : partitions.topics()),
      transactional: Boolean(options.producer.transactionalId),
      quiet: options.quiet,
      started,
    },
    read,
  );
}
