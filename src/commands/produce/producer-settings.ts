/**
 * The producer's settings from --acks, --no-idempotence, --transactional-id, --compression and -X
 * (Java producer properties), checked against each other as the Java client does. Pure.
 */
import { parseSize } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import type { Acks, Compression, ProducerSettings } from '../../kafka/producer-types.js';
import { int, oneOf } from './flag-values.js';

export const COMPRESSIONS: readonly Compression[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

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
  'buffer.memory',
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
  /** The most bytes of records held unacknowledged (batches in flight and the one being filled). */
  bufferMemory?: number;
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
      case 'buffer.memory':
        t.bufferMemory = int(value, flag, 0, Number.MAX_SAFE_INTEGER);
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
