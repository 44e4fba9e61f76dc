/**
 * kafka-console-producer.sh's own flags (ConsoleProducer, Kafka 4.3.1) on `ktool produce --topic T`:
 * each tuning flag is the Java producer setting it controls (`--request-required-acks` is acks,
 * `--timeout` linger.ms, ...), applied as -X would be and over it, as the original merges them over
 * --command-property; the properties files (--command-config, --producer.config, --reader-config) are
 * read as the original reads them; `--version` prints the Kafka version whose tool this spelling
 * follows. max.block.ms (--max-block-ms, or the property) bounds each record's wait for the topic's
 * metadata, as send() does there (metadata-wait.ts). The setting ktool's producer has no counterpart
 * for (send.buffer.bytes) is named on stderr, not silently dropped.
 */
import { parseProperties } from '../../config/properties.js';
import { defineOptions } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { readUserFileSync } from '../../util/read-user-file.js';
import { int } from './flag-values.js';
import { PRODUCER_PROPERTIES } from './producer-settings.js';
import { READER_PROPERTIES } from './properties.js';

const d = (text: string) => `kafka-console-producer: ${text}`;

/** Hidden: the original's spelling, documented by its own --help (README's drop-in section names them). */
export const CONSOLE_PRODUCER_OPTIONS = defineOptions([
  { flags: '--sync', description: d('send one record at a time (max.in.flight.requests.per.connection 1, linger.ms 0)'), hidden: true },
  { flags: '--line-reader <class>', description: d("the reader class: Kafka's LineMessageReader (ktool's only one)"), hidden: true },
  { flags: '--reader-config <file>', description: d('line reader properties file (--property, --reader-property win)'), hidden: true },
  { flags: '--producer.config <file>', description: d('producer properties file (deprecated there: --command-config)'), hidden: true },
  { flags: '--request-required-acks <acks>', description: d('acks'), hidden: true },
  { flags: '--request-timeout-ms <ms>', description: d('request.timeout.ms'), hidden: true },
  { flags: '--message-send-max-retries <n>', description: d('retries'), hidden: true },
  { flags: '--retry-backoff-ms <ms>', description: d('retry.backoff.ms'), hidden: true },
  { flags: '--metadata-expiry-ms <ms>', description: d('metadata.max.age.ms'), hidden: true },
  { flags: '--max-partition-memory-bytes <bytes>', description: d('batch.size, as --batch-size'), hidden: true },
  {
    flags: '--max-block-ms <ms>',
    description: d("max.block.ms: how long each record waits for its topic's metadata, then fails (default 60000)"),
    hidden: true,
  },
  { flags: '--max-memory-bytes <bytes>', description: d('buffer.memory (fewer batches in flight when it cannot hold them)'), hidden: true },
  { flags: '--socket-buffer-size <bytes>', description: d('send.buffer.bytes (no counterpart in ktool: named on stderr)'), hidden: true },
  { flags: '--version', description: d('print the Kafka version whose console producer this spelling follows'), hidden: true },
]);

/** The reader classes that are ktool's line reader: Kafka 4's and Kafka 3's names of LineMessageReader. */
const LINE_READERS = new Set(['org.apache.kafka.tools.LineMessageReader', 'kafka.tools.ConsoleProducer$LineMessageReader']);

export interface ConsoleProducerFlags {
  topic?: string;
  property?: string[];
  readerProperty?: string[];
  producerProperty?: string[];
  commandProperty?: string[];
  timeout?: string;
  commandConfig?: string;
  commandConfigKeys?: (key: string) => boolean;
  sync?: boolean;
  lineReader?: string;
  readerConfig?: string;
  'producer.config'?: string;
  requestRequiredAcks?: string;
  requestTimeoutMs?: string;
  messageSendMaxRetries?: string;
  retryBackoffMs?: string;
  metadataExpiryMs?: string;
  maxPartitionMemoryBytes?: string;
  maxBlockMs?: string;
  maxMemoryBytes?: string;
  socketBufferSize?: string;
}

export interface ConsoleProducerSettings {
  /** Producer properties (-X items) from the properties file: under --command-property and -X. */
  fileProperties: string[];
  /** Producer properties (-X items) from the console flags: over -X, as maybeMergeOptions puts them. */
  flagProperties: string[];
  /** Reader properties (--property items) from --reader-config: under --property. */
  readerProperties: string[];
  /** The flags ktool accepts without effect, for the warning line. */
  ignored: string[];
  /**
   * max.block.ms: --max-block-ms over the property (--command-property, --producer-property, then the
   * file), taken out of the -X items (the native producer has no such setting); absent: not given.
   */
  maxBlockMs?: number;
}

/** Java's Long for max.block.ms; ktool's timers take safe integers. */
const MAX_BLOCK_MS = Number.MAX_SAFE_INTEGER;

/** The last `max.block.ms=` item of `items` (taken out of the list in place), as milliseconds. */
function takeMaxBlock(items: string[] | undefined): number | undefined {
  let found: number | undefined;
  if (!items) return undefined;
  for (let i = items.length - 1; i >= 0; i--) {
    const m = /^\s*max\.block\.ms\s*=(.*)$/.exec(items[i]);
    if (!m) continue;
    found ??= int(m[1].trim(), '-X max.block.ms', 0, MAX_BLOCK_MS);
    items.splice(i, 1);
  }
  return found;
}

const fileItems = (path: string, what: string) => [...parseProperties(readUserFileSync(path, what)).entries()].map(([k, v]) => `${k}=${v}`);

/**
 * The console flags as producer and reader properties. In this spelling (--topic), `--timeout MS` is
 * the original's linger.ms, not ktool's connection timeout: it is taken out of the connection flags
 * (`flags` is the command's flag object, which the context is built from after parse).
 */
export function consoleProducerSettings(flags: ConsoleProducerFlags): ConsoleProducerSettings {
  const flagProperties: string[] = [];
  const put = (key: string, value: string | undefined, flag: string, max = 2 ** 31 - 1) => {
    if (value !== undefined) flagProperties.push(`${key}=${int(value, flag, 0, max)}`);
  };
  if (flags.lineReader !== undefined && !LINE_READERS.has(flags.lineReader))
    throw new UsageError(`--line-reader ${flags.lineReader}: ktool reads lines as Kafka's org.apache.kafka.tools.LineMessageReader only`);
  if (flags.topic !== undefined && flags.timeout !== undefined && /^\d+$/.test(flags.timeout)) {
    put('linger.ms', flags.timeout, '--timeout', 600_000);
    delete flags.timeout;
  }
  if (flags.requestRequiredAcks !== undefined) flagProperties.push(`acks=${flags.requestRequiredAcks}`);
  put('request.timeout.ms', flags.requestTimeoutMs, '--request-timeout-ms');
  put('retries', flags.messageSendMaxRetries, '--message-send-max-retries');
  put('retry.backoff.ms', flags.retryBackoffMs, '--retry-backoff-ms', 600_000);
  put('metadata.max.age.ms', flags.metadataExpiryMs, '--metadata-expiry-ms');
  put('batch.size', flags.maxPartitionMemoryBytes, '--max-partition-memory-bytes');
  put('buffer.memory', flags.maxMemoryBytes, '--max-memory-bytes', Number.MAX_SAFE_INTEGER);
  if (flags.sync) flagProperties.push('max.in.flight.requests.per.connection=1', 'linger.ms=0');
  const ignored: string[] = [];
  const ignore = (value: string | undefined, flag: string, setting: string, max?: number) => {
    if (value === undefined) return;
    int(value, flag, 0, max ?? Number.MAX_SAFE_INTEGER);
    ignored.push(`${flag} (${setting}: ktool's producer has no such setting)`);
  };
  ignore(flags.socketBufferSize, '--socket-buffer-size', 'send.buffer.bytes', 2 ** 31 - 1);
  // The producer properties file: --command-config (ktool's connection file too) or --producer.config.
  const file = flags.commandConfig ?? flags['producer.config'];
  if (flags.commandConfig === undefined && file !== undefined) flags.commandConfig = file;
  const known = new Set<string>(PRODUCER_PROPERTIES);
  // max.block.ms is the console spelling's own (below), not a producer setting of ktool's.
  if (file !== undefined) flags.commandConfigKeys = (key) => known.has(key) || (flags.topic !== undefined && key === 'max.block.ms');
  const fromFile = file === undefined ? [] : fileItems(file, '--command-config');
  const fileProperties = fromFile.filter((item) => known.has(item.split('=')[0]));
  // The reader's own keys (LineMessageReader ignores the others, as the `topic` the original adds).
  const reader = new Set<string>(READER_PROPERTIES);
  const readerProperties =
    flags.readerConfig === undefined ? [] : fileItems(flags.readerConfig, '--reader-config').filter((i) => reader.has(i.split('=')[0]));
  const settings: ConsoleProducerSettings = { fileProperties, flagProperties, readerProperties, ignored };
  if (flags.topic !== undefined) {
    // As ConsoleProducer merges them: the flag over --command-property (or --producer-property) over the file.
    const fromFlag = flags.maxBlockMs === undefined ? undefined : int(flags.maxBlockMs, '--max-block-ms', 0, MAX_BLOCK_MS);
    const fromCommand = takeMaxBlock(flags.commandProperty);
    const fromProperty = fromCommand ?? takeMaxBlock(flags.producerProperty);
    const maxBlockMs = fromFlag ?? fromProperty ?? takeMaxBlock(fromFile);
    if (maxBlockMs !== undefined) settings.maxBlockMs = maxBlockMs;
  }
  return settings;
}

/**
 * ConsoleProducer 4.3's deprecation lines, on stdout in its order, for its own spelling (--topic);
 * and its refusals of a deprecated option beside the one replacing it.
 */
export function consoleWarnings(flags: ConsoleProducerFlags): string[] {
  if (flags.topic === undefined) return [];
  const both = (a: boolean, b: boolean, names: string) => {
    if (a && b) throw new UsageError(`Options ${names} cannot be specified together.`);
  };
  both(Boolean(flags.commandProperty?.length), Boolean(flags.producerProperty?.length), '--command-property and --producer-property');
  both(flags.commandConfig !== undefined, flags['producer.config'] !== undefined, '--command-config and --producer.config');
  both(Boolean(flags.readerProperty?.length), Boolean(flags.property?.length), '--reader-property and --property');
  const deprecated = (given: boolean, old: string, use: string, when = 'in a future version') =>
    given ? [`Warning: ${old} is deprecated and will be removed ${when}. Use ${use} instead.`] : [];
  return [
    ...deprecated(Boolean(flags.producerProperty?.length), '--producer-property', '--command-property'),
    ...deprecated(flags['producer.config'] !== undefined, '--producer.config', '--command-config'),
    ...deprecated(Boolean(flags.property?.length), '--property', '--reader-property'),
    ...deprecated(flags.maxPartitionMemoryBytes !== undefined, '--max-partition-memory-bytes', '--batch-size', 'in Apache Kafka 5.0'),
  ];
}
