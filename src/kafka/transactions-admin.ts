/**
 * kafka-transactions.sh's requests (TransactionsApi): ListTransactions on every broker,
 * DescribeTransactions at each id's coordinator, DescribeProducers at each partition's leader (or
 * a chosen replica) and the abort marker (WriteTxnMarkers) at the leader, as Java's Admin does.
 */
import type { Admin } from '@platformatic/kafka';
import { NotFoundError, UsageError } from '../errors.js';
import { RETRY_COORDINATOR, COORDINATOR_ATTEMPTS, type Broker } from './groups-coordinators.js';
import { errorForWireCode, errorName, errorText } from './errors.js';
import { leadersOf } from './leaders.js';
import { PINNED } from './pinned-apis.js';
import { callApi, chooseVersion, connectionTo } from './raw-api.js';
import { writeTxnMarkersV1 } from './write-txn-markers.js';
import { tpKey, type TopicPartition } from './types.js';
import type {
  AbortSpec,
  ListTransactionsFilter,
  ProducerState,
  TransactionDescription,
  TransactionListing,
  TransactionsApi,
} from './transactions-admin-types.js';

export type * from './transactions-admin-types.js';

const TRANSACTION_KEY = 1;
const TRANSACTIONAL_ID_NOT_FOUND = 105;
// The guard around every capability (client.ts) stops the wait at --timeout and on Ctrl-C.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function brokers(admin: Admin): Promise<Broker[]> {
  const meta = await callApi(admin, PINNED.Metadata, [[], false, false]);
  return meta.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })).sort((a, b) => a.nodeId - b.nodeId);
}

/** The coordinator of each transactional id (FindCoordinator batches keys from v4), retried while it loads. */
async function coordinators(admin: Admin, ids: string[]): Promise<Map<string, Broker>> {
  const found = new Map<string, Broker>();
  let missing = [...new Set(ids)];
  for (let attempt = 0; missing.length; attempt++) {
    const r = await callApi(admin, PINNED.FindCoordinator, [TRANSACTION_KEY, missing]);
    const retry: string[] = [];
    for (const c of r.coordinators) {
      if (!c.errorCode) found.set(c.key, { nodeId: c.nodeId, host: c.host, port: c.port });
      else if (RETRY_COORDINATOR.has(c.errorCode) && attempt < COORDINATOR_ATTEMPTS) retry.push(c.key);
      else throw errorForWireCode(c.errorCode, `finding the coordinator of transactional id ${c.key}`);
    }
    missing = retry;
    if (missing.length) await sleep(100);
  }
  return found;
}

async function listTransactions(admin: Admin, filter: ListTransactionsFilter): Promise<TransactionListing[]> {
  const api = await chooseVersion(admin, PINNED.ListTransactions);
  if (filter.durationMs !== undefined && api.version < 1)
    throw new UsageError('this broker lists transactions without a duration filter (ListTransactions v1, Kafka 3.8+)');
  // Before ListTransactions v2 (Kafka 4.1) the pattern is applied here, to the whole id as the broker does.
  const local = filter.pattern !== undefined && api.version < 2 ? new RegExp(`^(?:${filter.pattern})$`) : undefined;
  const all = await Promise.all(
    (await brokers(admin)).map(async (b) => {
      const args = [
        (filter.states ?? []) as never[],
        filter.producerIds ?? [],
        BigInt(filter.durationMs ?? -1),
        local ? null : (filter.pattern ?? null),
      ] as const;
      const r = await callApi(admin, PINNED.ListTransactions, [...args], b);
      if (r.errorCode) throw errorForWireCode(r.errorCode, `listing the transactions of broker ${b.nodeId}`);
      return r.transactionStates
        .filter((t) => !local || local.test(t.transactionalId))
        .map((t) => ({
          transactionalId: t.transactionalId,
          producerId: t.producerId,
          state: t.transactionState,
          coordinator: b.nodeId,
        }));
    }),
  );
  return all.flat();
}

async function describeTransactions(admin: Admin, ids: string[]): Promise<Map<string, TransactionDescription | null>> {
  const out = new Map<string, TransactionDescription | null>();
  let pending = [...new Set(ids)];
  for (let attempt = 0; pending.length; attempt++) {
    const where = await coordinators(admin, pending);
    const batches = new Map<number, { broker: Broker; ids: string[] }>();
    for (const [id, b] of where) batches.set(b.nodeId, { broker: b, ids: [...(batches.get(b.nodeId)?.ids ?? []), id] });
    const retry: string[] = [];
    await Promise.all(
      [...batches.values()].map(async ({ broker, ids }) => {
        const r = await callApi(admin, PINNED.DescribeTransactions, [ids], broker);
        for (const t of r.transactionStates) {
          if (t.errorCode === TRANSACTIONAL_ID_NOT_FOUND) out.set(t.transactionalId, null);
          else if (RETRY_COORDINATOR.has(t.errorCode) && attempt < COORDINATOR_ATTEMPTS) retry.push(t.transactionalId);
          else if (t.errorCode) throw errorForWireCode(t.errorCode, `describing transactional id ${t.transactionalId}`);
          else out.set(t.transactionalId, describedTransaction(t, broker.nodeId));
        }
      }),
    );
    pending = retry;
    if (pending.length) await sleep(100);
  }
  return out;
}

interface DescribedState {
  transactionalId: string;
  transactionState: string;
  transactionTimeoutMs: number;
  transactionStartTimeMs: bigint;
  producerId: bigint;
  producerEpoch: number;
  topics: { topic: string; partitions: number[] }[];
}

function describedTransaction(t: DescribedState, coordinator: number): TransactionDescription {
  return {
    transactionalId: t.transactionalId,
    coordinator,
    state: t.transactionState,
    producerId: t.producerId,
    producerEpoch: t.producerEpoch,
    timeoutMs: t.transactionTimeoutMs,
    startTimeMs: t.transactionStartTimeMs < 0n ? null : Number(t.transactionStartTimeMs),
    partitions: t.topics.flatMap((x) => x.partitions.map((partition) => ({ topic: x.topic, partition }))),
  };
}

/** Where each partition's request goes: its leader, or the chosen broker. */
async function routed(
  admin: Admin,
  partitions: TopicPartition[],
  brokerId?: number,
): Promise<Map<number, { broker: Broker; tps: TopicPartition[] }>> {
  const leaders = await leadersOf(
    admin,
    partitions.map((p) => p.topic),
  );
  const byBroker = new Map<number, { broker: Broker; tps: TopicPartition[] }>();
  for (const tp of partitions) {
    const p = leaders.partition(tp.topic, tp.partition);
    if (!p || leaders.topicError(tp.topic))
      throw new NotFoundError(
        `partition ${tp.topic}-${tp.partition} does not exist: ${errorText(leaders.topicError(tp.topic) || 3)}`,
        undefined,
        {
          kafkaCode: errorName(leaders.topicError(tp.topic) || 3),
        },
      );
    const id = brokerId ?? p.leader;
    const address = leaders.broker(id);
    if (!address)
      throw errorForWireCode(brokerId === undefined ? 5 : 8, `partition ${tp.topic}-${tp.partition}: broker ${id} is not available`);
    const entry = byBroker.get(id) ?? { broker: { nodeId: id, ...address }, tps: [] };
    entry.tps.push(tp);
    byBroker.set(id, entry);
  }
  return byBroker;
}

const grouped = (tps: TopicPartition[]) => {
  const m = new Map<string, number[]>();
  for (const tp of tps) m.set(tp.topic, [...(m.get(tp.topic) ?? []), tp.partition]);
  return [...m];
};

async function describeProducers(admin: Admin, partitions: TopicPartition[], brokerId?: number): Promise<Map<string, ProducerState[]>> {
  const out = new Map<string, ProducerState[]>();
  const where = await routed(admin, partitions, brokerId);
  await Promise.all(
    [...where.values()].map(async ({ broker, tps }) => {
      const topics = grouped(tps).map(([name, partitionIndexes]) => ({ name, partitionIndexes }));
      const r = await callApi(admin, PINNED.DescribeProducers, [topics], broker);
      for (const t of r.topics)
        for (const p of t.partitions) {
          if (p.errorCode)
            throw errorForWireCode(p.errorCode, `describing the producers of ${t.name}-${p.partitionIndex} on broker ${broker.nodeId}`);
          out.set(
            tpKey(t.name, p.partitionIndex),
            p.activeProducers.map((s) => ({
              producerId: s.producerId,
              producerEpoch: s.producerEpoch,
              lastSequence: s.lastSequence,
              lastTimestamp: Number(s.lastTimestamp),
              coordinatorEpoch: s.coordinatorEpoch,
              txnStartOffset: s.currentTxnStartOffset < 0n ? null : s.currentTxnStartOffset,
            })),
          );
        }
    }),
  );
  return out;
}

async function abortTransaction(admin: Admin, spec: AbortSpec): Promise<void> {
  const { broker } = [...(await routed(admin, [spec])).values()][0];
  const marker = {
    producerId: spec.producerId,
    producerEpoch: spec.producerEpoch,
    committed: false,
    topics: [{ name: spec.topic, partitions: [spec.partition] }],
    coordinatorEpoch: spec.coordinatorEpoch,
  };
  // v1, sent as is: the library has no WriteTxnMarkers to choose a version against (write-txn-markers.ts).
  const r = await writeTxnMarkersV1.async(await connectionTo(admin, broker), [marker]);
  for (const m of r.markers)
    for (const t of m.topics)
      for (const p of t.partitions)
        if (p.errorCode)
          throw errorForWireCode(p.errorCode, `aborting the transaction of producer ${spec.producerId} on ${t.name}-${p.partitionIndex}`);
}

/** What FenceProducersHandler asks again: the coordinator loading, a concurrent transaction, or the coordinator moved. */
const FENCE_RETRY = new Set([...RETRY_COORDINATOR, 51]);

async function fenceProducer(admin: Admin, id: string, timeoutMs: number): Promise<{ producerId: bigint; producerEpoch: number }> {
  for (let attempt = 0; ; attempt++) {
    const broker = (await coordinators(admin, [id])).get(id)!;
    const r = await callApi(admin, PINNED.InitProducerId, [id, timeoutMs, -1n, -1], broker);
    if (!r.errorCode) return { producerId: r.producerId, producerEpoch: r.producerEpoch };
    if (!FENCE_RETRY.has(r.errorCode) || attempt >= COORDINATOR_ATTEMPTS)
      throw errorForWireCode(r.errorCode, `fencing the producers of transactional id ${id}`);
    await sleep(100);
  }
}

export function makeTransactionsApi(admin: Admin): TransactionsApi {
  return {
    listTransactions: (filter = {}) => listTransactions(admin, filter),
    describeTransactions: (ids) => describeTransactions(admin, ids),
    describeProducers: (partitions, brokerId) => describeProducers(admin, partitions, brokerId),
    abortTransaction: (spec) => abortTransaction(admin, spec),
    fenceProducer: (id, timeoutMs) => fenceProducer(admin, id, timeoutMs),
  };
}
