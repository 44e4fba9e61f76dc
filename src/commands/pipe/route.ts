import { javaPartition } from '../../kafka/partitioner.js';
import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import type { ProduceRecord } from '../../kafka/producer-types.js';
import type { Transformed } from './transform.js';

/**
 * The output record: headers and timestamp of the input, the partition of its key as Java's
 * default partitioner picks it, and for a null key the input's partition (modulo the output's
 * count), so a keyless input partition stays in order and a re-run writes where the first run did.
 */
export function outputRecord(topic: string, count: number, input: ConsumedRecord, t: Transformed): ProduceRecord {
  return {
    topic,
    partition: t.key === null ? input.partition % count : javaPartition(t.key, count),
    key: t.key,
    value: t.value,
    headers: input.headers,
    timestamp: input.timestamp,
  };
}

/** Bytes a record adds to a batch, near enough for batch sizing. */
export function recordSize(r: ProduceRecord): number {
  let n = 24 + (r.key?.length ?? 0) + (r.value?.length ?? 0);
  if (r.headers) for (const [k, v] of r.headers) n += 8 + k.length + (v?.length ?? 0);
  return n;
}
