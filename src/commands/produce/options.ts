/** ProduceOptions and the pieces of the command line parse (produce.ts) builds them from: pure, so tests table-drive them. */
import { parseSize } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import type { Acks, Compression, ProducerSettings } from '../../kafka/producer-types.js';
import { ENCODINGS, serdeFor, type Encoding } from '../../serde/serde.js';
import type { SchemaChoice } from '../../serde/typed-produce.js';
import { applyReaderProperties, DEFAULT_LINE_FORMAT, unescapeSeparator, validateLineFormat, type LineFormat } from './properties.js';
import { parseRate } from './rate.js';
import type { KcatInput } from './kcat.js';

export const INPUTS = ['line', 'whole', 'json'] as const;
export type InputMode = (typeof INPUTS)[number];
export const COMPRESSIONS: readonly Compression[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

export interface ProduceOptions {
  /** kafka-console-producer's deprecation lines for its own spelling, printed on stdout first. */
  consoleWarnings: string[];
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
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
export const DEFAULT_BATCH_BYTES = 1_000_000;
export const DEFAULT_LINGER_MS = 5;
export const DEFAULT_MAX_IN_FLIGHT = 5;

export const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
export const str = (v: unknown): string | undefined => (v === undefined || v === null || v === false ? undefined : String(v));

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  const v = String(value).toLowerCase();
  if (!(allowed as readonly string[]).includes(v))
    throw new UsageError(`${flag}: unknown value "${String(value)}"`, `use one of ${allowed.join(', ')}`);
  return v as T;
}

export function int(value: string, flag: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return Number(value);
}

export function parseAcks(value: string, flag = '--acks'): Acks {
  const v = value.trim().toLowerCase();
  if (v === 'all' || v === '-1') return -1;
  if (v === '0') return 0;
  if (v === '1') return 1;
  throw new UsageError(`${flag} must be 0, 1 or all, got "${value}"`);
}

function bool(value: string, flag: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new UsageError(`${flag} must be true or false, got "${value}"`);
}

/** Java producer settings that -X (and --producer-property) understands. */
export const PRODUCER_PROPERTIES = [
  'acks',
  'enable.idempotence',
  'compression.type',
  'batch.size',
  'linger.ms',
  'transactional.id',
  'client.id',
  'retries',
  'retry.backoff.ms',
  'request.timeout.ms',
  'delivery.timeout.ms',
  'max.in.flight.requests.per.connection',
  'metadata.max.age.ms',
  'transaction.timeout.ms',
] as const;

export interface Tunables {
  acks?: Acks;
  idempotence?: boolean;
  compression?: Compression;
  batchBytes?: number;
  lingerMs?: number;
  transactionalId?: string;
  transactionTimeoutMs?: number;
  clientId?: string;
  retries?: number;
  retryBackoffMs?: number;
  deliveryTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxInFlight?: number;
  metadataMaxAgeMs?: number;
}

/** `-X key=value` items -> settings; unknown keys are a usage error naming the supported ones. */
export function applyProducerProperties(items: string[]): Tunables {
  const t: Tunables = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`-X expects key=value, got "${item}"`);
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    const flag = `-X ${key}`;
    switch (key) {
      case 'acks':
        t.acks = parseAcks(value, flag);
        break;
      case 'enable.idempotence':
        t.idempotence = bool(value, flag);
        break;
      case 'compression.type':
        t.compression = oneOf(value, COMPRESSIONS, flag, 'none');
        break;
      case 'batch.size':
        t.batchBytes = parseSize(value, flag);
        break;
      case 'linger.ms':
        t.lingerMs = int(value, flag, 0, 600_000);
        break;
      case 'transactional.id':
        if (value === '') throw new UsageError(`${flag} must not be empty`);
        t.transactionalId = value;
        break;
      case 'transaction.timeout.ms':
        t.transactionTimeoutMs = int(value, flag, 1, 2 ** 31 - 1);
        break;
      case 'client.id':
        t.clientId = value;
        break;
      case 'retries':
        t.retries = int(value, flag, 0, 2 ** 31 - 1);
        break;
      case 'retry.backoff.ms':
        t.retryBackoffMs = int(value, flag, 0, 600_000);
        break;
      case 'request.timeout.ms':
        t.requestTimeoutMs = int(value, flag, 1, 2 ** 31 - 1);
        break;
      case 'delivery.timeout.ms':
        t.deliveryTimeoutMs = int(value, flag, 0, 2 ** 31 - 1);
        break;
      case 'max.in.flight.requests.per.connection':
        t.maxInFlight = int(value, flag, 1, 1000);
        break;
      case 'metadata.max.age.ms':
        t.metadataMaxAgeMs = int(value, flag, 0, 2 ** 31 - 1);
        break;
      default:
        throw new UsageError(
          `-X ${key}: unsupported producer setting`,
          `supported: ${PRODUCER_PROPERTIES.join(', ')}; connection settings (security.protocol, ` +
            `sasl.*, ssl.*) go in --command-config or a profile`,
        );
    }
  }
  return t;
}

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

/** The flags that decide the producer's settings beside -X. */
export interface ProducerFlags {
  acks?: string;
  /** false with --no-idempotence. */
  idempotence?: boolean;
  transactionalId?: string;
  compression?: string;
}

/** --acks, idempotence, transactions and compression from the flags and -X, checked against each other as the Java client does. */
export function producerSettingsOf(flags: ProducerFlags, x: Tunables): ProducerSettings {
  const acks: Acks = flags.acks !== undefined ? parseAcks(flags.acks) : (x.acks ?? -1);
  const transactionalId = flags.transactionalId ?? x.transactionalId;
  // As the Java client: idempotence is on unless acks is not "all" (or it is switched off).
  const explicitNoIdempotence = flags.idempotence === false || x.idempotence === false;
  if (acks !== -1 && x.idempotence === true)
    throw new UsageError('idempotence needs --acks all', 'drop enable.idempotence=true or use --acks all');
  // As Java: more than 5 requests in flight turns idempotence off unless it was asked for (the
  // broker keeps the last 5 batches per partition to drop duplicates), then it is an error.
  const explicitIdempotence = x.idempotence === true || transactionalId !== undefined;
  if (x.maxInFlight !== undefined && x.maxInFlight > 5 && explicitIdempotence) {
    throw new UsageError(
      `-X max.in.flight.requests.per.connection=${x.maxInFlight}: at most 5 with idempotence`,
      'use 1-5, or -X enable.idempotence=false (retries may then reorder records)',
    );
  }
  const idempotent = acks === -1 && !explicitNoIdempotence && !(x.maxInFlight !== undefined && x.maxInFlight > 5);
  if (transactionalId !== undefined) {
    if (transactionalId === '') throw new UsageError('--transactional-id must not be empty');
    if (acks !== -1) throw new UsageError('transactions need --acks all');
    if (explicitNoIdempotence) throw new UsageError('transactions need idempotence (drop --no-idempotence / enable.idempotence=false)');
  }
  const compression =
    flags.compression !== undefined ? oneOf(flags.compression, COMPRESSIONS, '--compression', 'none') : (x.compression ?? 'none');

  const producer: ProducerSettings = { acks, idempotent, compression };
  if (transactionalId !== undefined) producer.transactionalId = transactionalId;
  return producer;
}

/** The rest of -X on top of the settings (checked after the other flags, as they always were). */
export function withTunables(producer: ProducerSettings, x: Tunables): ProducerSettings {
  if (x.transactionTimeoutMs !== undefined) {
    if (producer.transactionalId === undefined) throw new UsageError('-X transaction.timeout.ms applies only with --transactional-id');
    producer.transactionTimeoutMs = x.transactionTimeoutMs;
  }
  if (x.clientId !== undefined) producer.clientId = x.clientId;
  if (x.retries !== undefined) producer.retries = x.retries;
  if (x.retryBackoffMs !== undefined) producer.retryBackoffMs = x.retryBackoffMs;
  if (x.requestTimeoutMs !== undefined) producer.requestTimeoutMs = x.requestTimeoutMs;
  if (x.deliveryTimeoutMs !== undefined) producer.deliveryTimeoutMs = x.deliveryTimeoutMs;
  if (x.maxInFlight !== undefined) producer.maxInFlight = x.maxInFlight;
  if (x.metadataMaxAgeMs !== undefined) producer.metadataMaxAgeMs = x.metadataMaxAgeMs;
  return producer;
}

export { ENCODINGS };
