/**
 * Java producer properties (--producer-props, --command-property, -X, a --producer.config file)
 * -> ktool's producer settings, with the Java client's defaults that shape a benchmark: acks=all
 * and idempotence (Kafka 3.0+), batch.size 16384, linger.ms 5 (Kafka 4.0+), 5 requests in flight,
 * client.id perf-producer-client, buffer.memory 32 MiB and max.block.ms 60 s (the benchmark loop
 * keeps them: src/perf/produce-engine.ts). Properties the producer has no use for are returned to
 * be named in one line; serializers are the tool's, connection ones the connection's.
 */
import { parseSize } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import type { ProducerSettings } from '../../kafka/producer-types.js';
import { applyProducerProperties, PRODUCER_PROPERTIES, producerSettingsOf, withTunables } from '../produce/options.js';

export const JAVA_BATCH_BYTES = 16_384;
export const JAVA_LINGER_MS = 5;
export const JAVA_MAX_IN_FLIGHT = 5;
export const JAVA_BUFFER_MEMORY = 32 * 1024 * 1024;
export const JAVA_MAX_BLOCK_MS = 60_000;

/** Connection properties: the context's (bootstrap, security), not the producer's. */
const CONNECTION_KEYS = /^(bootstrap\.servers|security\.protocol|sasl\..*|ssl\..*|request\.timeout\.ms|default\.api\.timeout\.ms)$/;
/** What the Java tool sets itself (ByteArraySerializer): nothing to do. */
const SET_BY_TOOL = new Set(['key.serializer', 'value.serializer']);
/** What the benchmark loop keeps itself. */
const LOOP_KEYS = new Set(['buffer.memory', 'max.block.ms']);

export interface PerfProducer {
  settings: ProducerSettings;
  batchBytes: number;
  lingerMs: number;
  maxInFlight: number;
  /** buffer.memory. */
  bufferBytes: number;
  /** max.block.ms: how long a record waits for buffer.memory. */
  maxBlockMs: number;
  /** Properties given that ktool's producer does not use. */
  unused: string[];
}

export interface ProducerFlagValues {
  acks?: string;
  compression?: string;
  transactionalId?: string;
  batchSize?: string;
  lingerMs?: string;
}

/** Later properties override earlier ones (a file first, then inline ones, as Java's Properties). */
export function perfProducer(props: [string, string][], flags: ProducerFlagValues = {}): PerfProducer {
  const merged = new Map<string, string>();
  for (const [k, v] of props) merged.set(k.trim(), v);
  const known = new Set<string>(PRODUCER_PROPERTIES);
  const unused: string[] = [];
  const items: string[] = [];
  let bufferBytes = JAVA_BUFFER_MEMORY;
  let maxBlockMs = JAVA_MAX_BLOCK_MS;
  for (const [k, v] of merged) {
    if (k === 'buffer.memory') bufferBytes = parseSize(v, '-X buffer.memory', { max: 2 ** 40 });
    else if (k === 'max.block.ms') maxBlockMs = millis(v);
    else if (known.has(k)) items.push(`${k}=${v}`);
    else if (!CONNECTION_KEYS.test(k) && !SET_BY_TOOL.has(k)) unused.push(k);
  }
  const x = applyProducerProperties(items);
  const settings = producerSettingsOf({ acks: flags.acks, compression: flags.compression, transactionalId: flags.transactionalId }, x);
  withTunables(settings, x);
  settings.clientId ??= 'perf-producer-client';
  const batchBytes = flags.batchSize !== undefined ? parseSize(flags.batchSize, '--batch-size') : (x.batchBytes ?? JAVA_BATCH_BYTES);
  const lingerMs = flags.lingerMs !== undefined ? Number(flags.lingerMs) : (x.lingerMs ?? JAVA_LINGER_MS);
  return { settings, batchBytes, lingerMs, maxInFlight: x.maxInFlight ?? JAVA_MAX_IN_FLIGHT, bufferBytes, maxBlockMs, unused };
}

/** max.block.ms: whole milliseconds, 0 or more (Java's Long). */
function millis(v: string): number {
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`-X max.block.ms: expected milliseconds (0 or more), got "${v}"`);
  return n;
}

/** `k=v` -> [k, v]; Java splits at every `=` and refuses anything but two pieces ("Invalid property: ..."). */
export function splitProp(item: string, strict: boolean): [string, string] {
  const pieces = item.split('=');
  if (strict && pieces.length !== 2) throw new Error(`Invalid property: ${item}`);
  const eq = item.indexOf('=');
  if (eq <= 0) throw new Error(`Invalid property: ${item}`);
  return [item.slice(0, eq), item.slice(eq + 1)];
}

/** A producer property ktool's producer takes (or the Java tool sets itself): not "unknown" in a --command-config file. */
export function usedProducerKey(key: string): boolean {
  return (PRODUCER_PROPERTIES as readonly string[]).includes(key) || LOOP_KEYS.has(key) || SET_BY_TOOL.has(key);
}
