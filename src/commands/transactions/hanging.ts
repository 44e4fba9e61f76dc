/**
 * What kafka-transactions.sh's find-hanging and abort do, for the native verbs and the drop-in
 * spelling alike: a transaction open on a partition longer than the longest transaction timeout
 * whose coordinator no longer counts that partition in (it never will write its marker) is hanging,
 * and it keeps every read_committed consumer of the partition at its start (the last stable offset).
 */
import { NotFoundError, UsageError } from '../../errors.js';
import type { AdminApi, TopicPartition } from '../../kafka/types.js';
import { fromTpKey } from '../../kafka/types.js';
import type { AbortSpec, ProducerState, TransactionsApi } from '../../kafka/transactions-admin-types.js';

export interface OpenTransaction extends TopicPartition {
  producer: ProducerState;
}

export interface HangingScope {
  brokerId?: number;
  topic?: string;
  partition?: number;
  /** Java's --max-transaction-timeout, in minutes (15 by default). */
  maxTimeoutMinutes: number;
}

/** Java's batches of 500 partitions per DescribeProducers. */
const BATCH = 500;

/** The partitions to search: one, a topic's, or every topic's (internal ones too), with a replica on the broker if one is given. */
async function partitionsToSearch(admin: AdminApi, scope: HangingScope): Promise<TopicPartition[]> {
  if (scope.topic !== undefined && scope.partition !== undefined) return [{ topic: scope.topic, partition: scope.partition }];
  const names = scope.topic !== undefined ? [scope.topic] : [];
  const { topics, missing } = await admin.describeTopics(names, { includeInternal: true });
  if (missing.length)
    throw new NotFoundError(`topic ${missing[0]} does not exist`, 'ktool topics list shows the topics', {
      kafkaCode: 'UNKNOWN_TOPIC_OR_PARTITION',
    });
  return topics.flatMap((t) =>
    t.partitions
      .filter((p) => scope.brokerId === undefined || p.replicas.includes(scope.brokerId))
      .map((p) => ({ topic: t.name, partition: p.partition })),
  );
}

export async function findHanging(admin: AdminApi, api: TransactionsApi, scope: HangingScope, now: number): Promise<OpenTransaction[]> {
  if (scope.topic === undefined && scope.brokerId === undefined)
    throw new UsageError('find-hanging needs --topic or --broker-id to limit the search');
  if (scope.partition !== undefined && scope.topic === undefined) throw new UsageError('--partition needs --topic');
  const partitions = await partitionsToSearch(admin, scope);
  const maxMs = scope.maxTimeoutMinutes * 60_000;
  const candidates: OpenTransaction[] = [];
  for (let i = 0; i < partitions.length; i += BATCH) {
    const states = await api.describeProducers(partitions.slice(i, i + BATCH), scope.brokerId);
    for (const [key, producers] of states)
      for (const producer of producers)
        if (producer.txnStartOffset !== null && now - producer.lastTimestamp > maxMs) candidates.push({ ...fromTpKey(key), producer });
  }
  if (!candidates.length) return [];
  const producerIds = [...new Set(candidates.map((c) => c.producer.producerId))];
  const ids = new Map<bigint, string>();
  for (const l of await api.listTransactions({ producerIds }))
    if (producerIds.includes(l.producerId)) ids.set(l.producerId, l.transactionalId);
  const described = ids.size ? await api.describeTransactions([...new Set(ids.values())]) : new Map();
  return candidates.filter((c) => {
    const id = ids.get(c.producer.producerId);
    const description = id === undefined ? null : described.get(id);
    // The coordinator still lists the partition (ongoing, or its marker pending): it will end it.
    return !description?.partitions.some((tp: TopicPartition) => tp.topic === c.topic && tp.partition === c.partition);
  });
}

/** The producer whose open transaction starts at that offset of the partition (Java's abort --start-offset). */
export async function abortSpecAt(api: TransactionsApi, tp: TopicPartition, startOffset: bigint): Promise<AbortSpec | undefined> {
  const states = await api.describeProducers([tp]);
  const producer = [...states.values()].flat().find((p) => p.txnStartOffset === startOffset);
  if (!producer) return undefined;
  return {
    ...tp,
    producerId: producer.producerId,
    producerEpoch: producer.producerEpoch,
    // A producer with no marker yet (-1): 0, less than or equal to any coordinator epoch, as Java does.
    coordinatorEpoch: Math.max(0, producer.coordinatorEpoch),
  };
}
