import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import type { ProduceRecord } from '../../kafka/producer-types.js';
import { PROVENANCE_HEADER } from './digest.js';
import type { TopicPlan } from './topics.js';

const PROVENANCE = Buffer.from(PROVENANCE_HEADER);
// A record's own framing (length, attributes, deltas, varints) and a batch's header plus log overhead.
export const RECORD_OVERHEAD = 32;
export const BATCH_OVERHEAD = 61 + 12;
export const HEADER_OVERHEAD = 10;

/** The copy of a source record: same partition, or by key hash when the target has fewer. */
export function toTarget(
  r: ConsumedRecord,
  plan: TopicPlan,
  provenance: boolean,
  partitionFor: (key: Buffer, count: number) => number,
): ProduceRecord {
  const partition =
    plan.mapping === 'same' ? r.partition : r.key ? partitionFor(r.key, plan.targetPartitions) : r.partition % plan.targetPartitions;
  const headers = provenance
    ? [...r.headers, [PROVENANCE, Buffer.from(`${r.topic}/${r.partition}/${r.offset}`)] as [Buffer, Buffer]]
    : r.headers;
  return { topic: plan.target, partition, key: r.key, value: r.value, headers, timestamp: r.timestamp };
}

/** An upper bound of a record's size in a batch (uncompressed). */
export function recordSize(r: ProduceRecord): number {
  let size = RECORD_OVERHEAD + (r.key?.length ?? 0) + (r.value?.length ?? 0);
  if (r.headers) for (const [k, v] of r.headers) size += HEADER_OVERHEAD + k.length + (v?.length ?? 0);
  return size;
}
