import { MirrorEngine } from '../../src/commands/mirror/engine.js';
import type { TopicPlan } from '../../src/commands/mirror/topics.js';
import type { ConsumedRecord, PartitionRange } from '../../src/kafka/consumer-types.js';
import type { CommittedPosition } from '../../src/kafka/mirror-types.js';
import type { ProducerApi } from '../../src/kafka/producer-types.js';
import { tpKey, type AdminApi } from '../../src/kafka/types.js';

export interface OneFetchMirror {
  plan: TopicPlan;
  /** Records in partition 0 of plan.source, from offset 0. */
  count: number;
  record(offset: number): ConsumedRecord;
  producer: ProducerApi;
  batchBytes: number;
}

/**
 * A MirrorEngine copying partition 0 of plan.source, whose reader hands each session's whole range
 * over in one fetch (as a broker does with a small topic); the group's commits are kept in memory,
 * so a retried session resumes from the last one.
 */
export function oneFetchEngine({ plan, count, record, producer, batchBytes }: OneFetchMirror): MirrorEngine {
  const commits = new Map<string, CommittedPosition>();
  return new MirrorEngine(
    {
      group: {
        generation: () => 1,
        memberId: () => 'member-1',
        assignment: () => [{ topic: plan.source, partition: 0 }],
        committed: async () => new Map(commits),
        commit: async (offsets) => offsets.forEach((o) => commits.set(tpKey(o.topic, o.partition), { offset: o.offset, metadata: null })),
        close: async () => {},
      },
      sourceAdmin: {
        listOffsets: async (tps: { topic: string; partition: number }[]) => tps.map((tp) => ({ ...tp, offset: 0n })),
      } as unknown as AdminApi,
      async openReader([range]: PartitionRange[]) {
        let done = false;
        return {
          async next() {
            if (done) return null;
            done = true;
            return Array.from({ length: count - Number(range.start) }, (_, i) => record(Number(range.start) + i));
          },
          async close() {},
        };
      },
      openProducer: async () => producer,
      partitionFor: () => 0,
      stopped: () => false,
      onRetry: () => undefined,
      foreignReason: () => undefined,
    },
    {
      plans: [plan],
      ends: new Map([[tpKey(plan.source, 0), BigInt(count)]]),
      start: 'earliest',
      provenance: false,
      batchBytes,
      maxInFlight: 1,
      compressed: false,
      commitIntervalMs: 60_000,
    },
  );
}
