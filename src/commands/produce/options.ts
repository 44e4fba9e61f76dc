/** ProduceOptions and the pieces of the command line parse (produce.ts) builds them from: pure, so tests table-drive them. */
import { parseSize } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import type { ProducerSettings } from '../../kafka/producer-types.js';
import { ENCODINGS, serdeFor, type Encoding } from '../../serde/serde.js';
import type { SchemaChoice } from '../../serde/typed-produce.js';
import { applyReaderProperties, DEFAULT_LINE_FORMAT, unescapeSeparator, validateLineFormat, type LineFormat } from './properties.js';
import { int } from './flag-values.js';
import type { Tunables } from './producer-settings.js';
import type { KcatInput } from './kcat.js';

// The producer's settings (producer-settings.ts) and the flag values (flag-values.ts), still imported from here by pipe and perf.
export {
  COMPRESSIONS,
  parseAcks,
  PRODUCER_PROPERTIES,
  applyProducerProperties,
  producerSettingsOf,
  withTunables,
} from './producer-settings.js';
export { int, oneOf } from './flag-values.js';

export const INPUTS = ['line', 'whole', 'json'] as const;
export type InputMode = (typeof INPUTS)[number];

export interface ProduceOptions {
  /** kafka-console-producer's deprecation lines for its own spelling, printed on stdout first. */
  consoleWarnings: string[];
  /** kafka-console-producer's flags ktool accepts without effect (console-producer.ts), named on stderr. */
  consoleIgnored: string[];
  /** kafka-console-producer's --version: only this is printed (the Kafka version the spelling follows). */
  kafkaVersion?: string;
  /** Absent only with --input json, where each record names its topic. */
  topic?: string;
  /** Input files in order; empty means standard input. */
  files: string[];
  input: InputMode;
  keyEncoding: Encoding;
  valueEncoding: Encoding;
  /** --key-format/--value-format avro|protobuf|json-schema: where the schema comes from. */
  keySchema?: SchemaChoice;
  valueSchema?: SchemaChoice;
  /** -k: the key of every record (encoded with --key-encoding). */
  fixedKey?: string;
  line: LineFormat;
  /** -H name=value, on every record. */
  headers: [string, string][];
  partition?: number;
  /** --input json: keep each record's "partition" even when producing to another topic. */
  keepPartitions: boolean;
  producer: ProducerSettings;
  /** Bytes of records per produce request (all partitions of one send). */
  batchBytes: number;
  lingerMs: number;
  /** Produce requests in flight before reading waits. */
  maxInFlightSends: number;
  /** Records per second. */
  rate?: number;
  onError: 'fail' | 'skip';
  /** -q: no summary line unless something failed, was skipped or interrupted. */
  quiet: boolean;
  /** kcat's spelling (kcat.ts): its input rules and partitioner. */
  kcat?: KcatInput;
  /**
   * kafka-console-producer's spelling (--topic, lines): each record waits for the topic's metadata up
   * to max.block.ms, a missing topic asked for with auto-creation allowed (metadata-wait.ts); --sync.
   */
  console?: { maxBlockMs: number; sync: boolean };
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
export const DEFAULT_BATCH_BYTES = 1_000_000;
export const DEFAULT_LINGER_MS = 5;
export const DEFAULT_MAX_IN_FLIGHT = 5;

/** TOPIC or --topic (kafka-console-producer's spelling): both only if equal. */
export function topicOf(args: string[], flagTopic: string | undefined): string | undefined {
  const positional = args[0];
  if (args.length > 1) throw new UsageError(`produce takes one topic, got ${args.length}: ${args.join(' ')}`);
  if (positional && flagTopic && positional !== flagTopic)
    throw new UsageError(`two topics given: "${positional}" and --topic "${flagTopic}"`);
  const topic = positional ?? flagTopic;
  if (topic !== undefined && (!TOPIC_NAME.test(topic) || topic === '.' || topic === '..'))
    throw new UsageError(`invalid topic name "${topic}"`);
  return topic;
}

/** The line format: --property / --reader-property, then -K and --null-marker on top. */
export function lineFormatOf(
  property: string[],
  readerProperty: string[],
  keySeparator: string | undefined,
  nullMarker: string | undefined,
): LineFormat {
  let line = applyReaderProperties(property, DEFAULT_LINE_FORMAT, '--property');
  line = applyReaderProperties(readerProperty, line, '--reader-property');
  if (keySeparator !== undefined) {
    const sep = unescapeSeparator(keySeparator);
    if (sep === '') throw new UsageError('-K/--key-separator must not be empty');
    line = { ...line, parseKey: true, keySeparator: sep };
  }
  if (nullMarker !== undefined) line = { ...line, nullMarker };
  validateLineFormat(line);
  return line;
}

/**
 * What each input mode takes: keys and headers parsed from lines only with --input line; --input json's
 * envelopes say how they are written.
 */
export function checkInputMode(
  input: InputMode,
  line: LineFormat,
  fixedKey: string | undefined,
  keyEncoding: Encoding,
  valueEncoding: Encoding,
): void {
  if (fixedKey !== undefined && line.parseKey)
    throw new UsageError('-k/--key (one key for all records) and a key per line (-K / parse.key=true) exclude each other');
  if (input !== 'line' && (line.parseKey || line.parseHeaders))
    throw new UsageError(
      `--input ${input} does not parse keys or headers from lines`,
      'drop -K / parse.key / parse.headers, or use --input line',
    );
  if (input === 'json' && fixedKey !== undefined) throw new UsageError('--input json takes keys from the input; -k does not apply');
  if (input === 'json' && (keyEncoding !== 'text' || valueEncoding !== 'text' || line.nullMarker !== undefined)) {
    throw new UsageError(
      '--input json: each envelope says how its key and value are written; --key-encoding, --value-encoding and --null-marker do not apply',
      'use "keyEncoding"/"valueEncoding": "base64"|"hex"|"json" in the envelope, and null for a null key or a tombstone',
    );
  }
  if (fixedKey !== undefined) {
    try {
      serdeFor(keyEncoding, '--key-encoding').encode(fixedKey);
    } catch (error) {
      throw new UsageError(`-k/--key: ${(error as Error).message}`);
    }
  }
}

/** -H name=value, in order. */
export function headersOf(items: string[]): [string, string][] {
  return items.map((h) => {
    const eq = h.indexOf('=');
    if (eq <= 0) throw new UsageError(`-H/--header expects name=value, got "${h}"`);
    return [h.slice(0, eq), h.slice(eq + 1)];
  });
}

/** -p as kcat; -P/--partitions, consume's other spelling, is taken too (one partition here). */
export function partitionOf(partition: string | undefined, partitions: string | undefined): number | undefined {
  if (partition !== undefined && partitions !== undefined) throw new UsageError('give -p/--partition once');
  const text = partition ?? partitions;
  if (text?.includes(','))
    throw new UsageError(
      `-p/--partition takes one partition, got "${text}"`,
      'produce writes every record to one partition; without -p records go by key hash',
    );
  if (text !== undefined && /[a-z]/i.test(text))
    throw new UsageError(`-p/--partition takes a partition number, got "${text}"`, "kcat's -P is this command itself: ktool produce TOPIC");
  return text === undefined ? undefined : int(text, '-p/--partition', 0, 2 ** 31 - 1);
}

/**
 * --batch-size, --linger-ms (over -X batch.size, linger.ms) and the sends in flight (-X
 * max.in.flight.requests.per.connection), fewer when -X buffer.memory (Java's bound on the records a
 * producer holds) cannot hold that many batches besides the one being filled: one at least.
 */
export function sendTuning(
  flags: { batchSize?: string; lingerMs?: string },
  x: Tunables,
): Pick<ProduceOptions, 'batchBytes' | 'lingerMs' | 'maxInFlightSends'> {
  const batchBytes = flags.batchSize !== undefined ? parseSize(flags.batchSize, '--batch-size') : (x.batchBytes ?? DEFAULT_BATCH_BYTES);
  const inFlight = x.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  return {
    batchBytes,
    lingerMs: flags.lingerMs !== undefined ? int(flags.lingerMs, '--linger-ms', 0, 600_000) : (x.lingerMs ?? DEFAULT_LINGER_MS),
    maxInFlightSends:
      x.bufferMemory === undefined ? inFlight : Math.max(1, Math.min(inFlight, Math.floor(x.bufferMemory / batchBytes) - 1)),
  };
}

export { ENCODINGS };
