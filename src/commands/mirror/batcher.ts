import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import { tpKey } from '../../kafka/mirror-types.js';
import type { ProduceRecord } from '../../kafka/producer-types.js';
import type { Position } from './acks.js';
import { RecordTooLargeError } from './failures.js';
import { BATCH_OVERHEAD, HEADER_OVERHEAD, RECORD_OVERHEAD, recordSize, toTarget } from './records.js';
import type { TopicPlan } from './topics.js';

/** The records of the next produce request and the source positions they complete. */
export class PendingBatch {
  readonly records: ProduceRecord[] = [];
  /** Estimated batch bytes (for request sizing) and the keys, values and headers copied. */
  bytes = 0;
  payload = 0;
  /** Per source partition: the next offset once this request is acknowledged, and the first offset in it. */
  readonly upTo = new Map<string, Position>();
  readonly from = new Map<string, Position>();
  readonly perTopic = new Map<string, number>();
  /** Per target partition: bytes so far (one batch per partition must fit max.message.bytes). */
  readonly partitionBytes = new Map<string, number>();
}

/**
 * Turns source records into produce requests. Records arrive in runs of one source partition (a
 * fetch response per partition), so positions and counts are updated once per run, not per record.
 */
export class Batcher {
  current = new PendingBatch();

  constructor(
    private readonly plans: Map<string, TopicPlan>,
    private readonly provenance: boolean,
    private readonly compressed: boolean,
    private readonly partitionFor: (key: Buffer, count: number) => number,
    /** --batch-bytes: the most a request holds, unless one record alone is larger. */
    private readonly batchBytes: number,
  ) {}

  take(): PendingBatch {
    const b = this.current;
    this.current = new PendingBatch();
    return b;
  }

  /**
   * Adds records; `flush` sends the current batch before a record would take it past --batch-bytes
   * (a larger record then goes alone) or a partition's batch past max.message.bytes.
   */
  async add(records: ConsumedRecord[], flush: () => Promise<void>): Promise<void> {
    for (let i = 0; i < records.length;) {
      const first = records[i];
      const plan = this.plans.get(first.topic)!;
      const key = tpKey(first.topic, first.partition);
      const samePartition = plan.mapping === 'same' ? tpKey(plan.target, first.partition) : undefined;
      let marked = i;
      // Records [marked, end) are in the current batch: record where they leave the source partition.
      const mark = (end: number) => {
        if (end <= marked) return;
        const b = this.current;
        if (!b.from.has(key)) b.from.set(key, { topic: first.topic, partition: first.partition, offset: BigInt(records[marked].offset) });
        b.upTo.set(key, { topic: first.topic, partition: first.partition, offset: BigInt(records[end - 1].offset + 1) });
        b.perTopic.set(first.topic, (b.perTopic.get(first.topic) ?? 0) + end - marked);
        marked = end;
      };
      let j = i;
      for (; j < records.length; j++) {
        const r = records[j];
        if (r.partition !== first.partition || r.topic !== first.topic) break;
        const out = toTarget(r, plan, this.provenance, this.partitionFor);
        const size = recordSize(out);
        if (!this.compressed && size + BATCH_OVERHEAD > plan.maxMessageBytes) {
          mark(j);
          await flush();
          throw new RecordTooLargeError(r, plan, size + BATCH_OVERHEAD);
        }
        const pk = samePartition ?? tpKey(plan.target, out.partition);
        const c = this.current;
        // An empty request takes any record: one larger than --batch-bytes goes alone.
        if (
          (c.bytes > 0 && c.bytes + size > this.batchBytes) ||
          (c.partitionBytes.get(pk) ?? 0) + size + BATCH_OVERHEAD > plan.maxMessageBytes
        ) {
          mark(j);
          await flush();
        }
        const b = this.current;
        b.records.push(out);
        b.bytes += size;
        b.payload += size - RECORD_OVERHEAD - (out.headers?.length ?? 0) * HEADER_OVERHEAD;
        b.partitionBytes.set(pk, (b.partitionBytes.get(pk) ?? 0) + size);
      }
      mark(j);
      i = j;
    }
  }
}
