/** The batches of ktool's producer (producer.ts): a send's records by partition, and the batches made of them. */
import type { Broker, Producer } from '@platformatic/kafka';
import type { EncodedRecords, ProduceRecord, ProducerSettings } from './producer-types.js';
import type { Batch, ProducePipeline } from './produce-pipeline.js';
import type { BatchWriteHeader } from './record-batch.js';
import { encodeRecords, wrapRecords } from './record-batch-encode.js';
import type { TransactionState } from './producer-transaction.js';
import { ensureProducerId, type ProducerIdRetry } from './producer-id.js';

/** The client library's producer: ktool gives it bytes only. */
export type LibraryProducer = Producer<unknown, unknown, unknown, unknown>;

/** Records of one partition, encoded when their turn comes (sequence numbers are given in order). */
export type PartitionRecords = { topic: string; partition: number; count: number; encode: () => EncodedRecords };

/**
 * Encoding: each partition's records become a batch whose header carries the producer id and epoch
 * and the partition's next sequence number, given strictly in call order by the pipeline (which
 * numbers a partition's batches again under a new epoch after a gap: produce-pipeline.ts).
 */
export class BatchMaker {
  constructor(
    private readonly producer: LibraryProducer,
    private readonly transactions: TransactionState,
    private readonly idempotent: boolean,
    private readonly settings: ProducerSettings,
    private readonly pipeline: ProducePipeline<Broker | undefined>,
    private readonly idRetry: ProducerIdRetry,
  ) {}

  async make(items: PartitionRecords[]): Promise<Batch[]> {
    const { txn } = this.transactions;
    // Retried until delivery.timeout.ms: a broker still loading its producer ids must not fail the records read so far.
    if (this.idempotent && !txn && this.producer.producerId === undefined) await ensureProducerId(this.producer, this.idRetry);
    if (txn) await this.transactions.addPartitions(items);
    const inTransaction = this.transactions.open;
    const batches: Batch[] = [];
    for (const item of items) {
      const { sequence, epoch } = this.idempotent ? this.pipeline.sequence(item.topic, item.partition, item.count) : { sequence: -1 };
      const header: BatchWriteHeader = {
        producerId: txn ? txn.producerId : this.idempotent ? this.producer.producerId! : -1n,
        producerEpoch: txn ? txn.producerEpoch : this.idempotent ? (epoch ?? this.producer.producerEpoch!) : -1,
        baseSequence: sequence,
        transactional: inTransaction,
        compression: this.settings.compression,
      };
      const batch: Batch = { topic: item.topic, partition: item.partition, bytes: await wrapRecords(item.encode(), header) };
      if (inTransaction) batch.transactionalId = this.settings.transactionalId;
      batches.push(batch);
    }
    return batches;
  }
}

/**
 * A send's records grouped by partition. Sticky partitioning puts a whole flush on one partition: the group is
 * looked up only on a change.
 */
export function byPartition(records: ProduceRecord[]): PartitionRecords[] {
  const groups = new Map<string, ProduceRecord[]>();
  let list: ProduceRecord[] = [];
  let topic: string | undefined;
  let partition = -1;
  for (const r of records) {
    if (r.partition !== partition || r.topic !== topic) {
      ({ topic, partition } = r);
      const key = `${topic}:${partition}`;
      list = groups.get(key) ?? [];
      groups.set(key, list);
    }
    list.push(r);
  }
  const now = Date.now();
  return [...groups.values()].map((l) => ({
    topic: l[0].topic,
    partition: l[0].partition,
    count: l.length,
    encode: () => encodeRecords(l, now),
  }));
}
