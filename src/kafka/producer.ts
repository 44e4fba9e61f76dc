/**
 * The producer behind ProducerApi (producer-types.ts). Library traps handled here: partitions are always
 * chosen by us (Java-compatible murmur2, validated against the partition count) so the library never wraps or
 * re-hashes them;
 * close() is only called after every send settled (the caller awaits its sends).
 */
import { kGetConnection, Producer, type Connection } from '@platformatic/kafka';
import { OperationError } from '../errors.js';
import { answerWithin } from './deadline.js';
import { javaPartition } from './partitioner.js';
import { attribute } from './denied.js';
import { isConnectionLoss, kafkaErrorId, kafkaErrorText, toKtoolError } from './errors.js';
import { topicsNotFound } from './not-found.js';
import type { ClientPlumbing } from './plumbing.js';
import type { EncodedRecords, ProduceRecord, ProducerApi, ProducerHooks, ProducerSettings } from './producer-types.js';
import { produceRequest } from './produce-request.js';
import { ProducePipeline, type Batch } from './produce-pipeline.js';
import type { BatchWriteHeader } from './record-batch.js';
import { encodeRecords, LineRecordsBuilder, wrapRecords } from './record-batch-encode.js';
import { DEFAULT_TRANSACTION_TIMEOUT_MS, Transactions } from './transactions.js';



/** Java's delivery.timeout.ms default. */
const DELIVERY_TIMEOUT_MS = 120_000;
/** Java's max.in.flight.requests.per.connection default. */
export const DEFAULT_MAX_IN_FLIGHT = 5;

/**
 * Says so when sends have been failing for a second (a lost broker, a topic gone), and again when
 * they go through: a leader moving is retried quietly, a broker restart is not waited out in silence.
 */
function outageReporter(brokers: string[], onWarning: ((message: string) => void) | undefined) {
  let since: number | undefined;
  let warned = false;
  return {
    failing(error: unknown, deadline: number) {
      const now = Date.now();
      since ??= now;
      if (warned || now - since < 1_000) return;
      warned = true;
      const what = isConnectionLoss(error) ? `lost the connection to ${brokers.join(',')}` : `produce requests fail: ${kafkaErrorText(error)}`;
      onWarning?.(`${what}; retrying for up to ${Math.max(1, Math.round((deadline - now) / 1000))}s (Ctrl-C stops)`);
    },
    recovered() {
      if (warned) onWarning?.(`produce requests go through again after ${((Date.now() - since!) / 1000).toFixed(1)}s`);
      since = undefined;
      warned = false;
    },
  };
}

/** ktool never asks the broker to create a topic (auto.create.topics.enable): a typo would make one. */
const missingTopic = (topic: string) => topicsNotFound([topic], `create it first: ktool topics create ${topic} (produce never creates topics)`);

export async function openProducer(clients: ClientPlumbing, settings: ProducerSettings, hooks: ProducerHooks = {}): Promise<ProducerApi> {
  const base = await clients.baseOptions();
  const brokers = clients.settings.bootstrap;
  // The client's own idempotent mode would allow one request in flight per connection: ktool keeps
  // the sequence numbers and retries itself (produce-pipeline.ts), the client only opens the
  // connections and asks for the producer id.
  const options: Record<string, unknown> = {
    ...base,
    idempotent: false,
    maxInflights: settings.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
    acks: settings.acks,
    autocreateTopics: false,
    retries: settings.retries ?? 5,
    retryDelay: settings.retryBackoffMs ?? 250,
  };
  if (settings.clientId) options.clientId = settings.clientId;
  if (settings.compression !== 'none') options.compression = settings.compression;
  if (settings.requestTimeoutMs !== undefined) options.timeout = settings.requestTimeoutMs;
  if (settings.metadataMaxAgeMs !== undefined) options.metadataMaxAge = settings.metadataMaxAgeMs;

  const producer = new Producer(options as unknown as ConstructorParameters<typeof Producer>[0]);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await producer.close(true).catch(() => undefined);
  };
  clients.onClose(close);

  // Transactions are ktool's own (transactions.ts), not the library's.
  let inTransaction = false;
  const txn = settings.transactionalId
    ? new Transactions(producer, { transactionalId: settings.transactionalId, timeoutMs: settings.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS, retryBackoffMs: settings.retryBackoffMs ?? 100, brokers, signal: hooks.signal })
    : undefined;
  // A refusal names this connection's principal; producing needs Write (on the topic, and on the transactional id).
  const fail = (error: unknown, action: string) => attribute(txn?.explain(error) ?? toKtoolError(error, brokers, action), clients.settings, 'Write');

  const idempotent = settings.idempotent || Boolean(settings.transactionalId);
  const acks = idempotent ? -1 : settings.acks;
  const timeoutMs = settings.requestTimeoutMs ?? clients.settings.timeoutMs;
  const retries = settings.retries ?? Infinity;
  const backoff = settings.retryBackoffMs ?? 100;
  const deliveryTimeoutMs = settings.deliveryTimeoutMs ?? DELIVERY_TIMEOUT_MS;
  const outage = outageReporter(brokers, hooks.onWarning);
  const sequences = new Map<string, number>();
  let chain: Promise<unknown> = Promise.resolve();

  const getConnection = (broker: unknown) =>
    new Promise<Connection>((resolve, reject) =>
      (producer as unknown as Record<symbol, (b: unknown, cb: (e: Error | null, c: Connection) => void) => void>)[kGetConnection](broker, (e, c) => (e ? reject(e) : resolve(c))),
    );

  /**
   * Batches are sent again (same sequence numbers: the broker drops duplicates) after a fresh
   * metadata, as the Java producer does: until they are acknowledged, an error that is not worth
   * retrying, delivery.timeout.ms (2 minutes by default: a broker restart is waited out), -X
   * retries, Ctrl-C or close.
   */
  const pipeline = new ProducePipeline({
    async leaders(batches, force) {
      const topics = [...new Set(batches.map((b) => b.topic))];
      const metadata = await producer.metadata({ topics, forceUpdate: force, autocreateTopics: false });
      const byLeader = new Map<unknown, Batch[]>();
      for (const b of batches) {
        const leader = metadata.brokers.get(metadata.topics.get(b.topic)!.partitions[b.partition].leader);
        let list = byLeader.get(leader);
        if (!list) byLeader.set(leader, (list = []));
        list.push(b);
      }
      return byLeader;
    },
    connection: getConnection,
    request: (list) => produceRequest(list, acks, timeoutMs, list[0].transactionalId),
    noResponse: acks === 0,
    idempotent,
    retries,
    backoffMs: backoff,
    deliveryTimeoutMs,
    signal: hooks.signal,
    isClosed: () => closed,
    retriable,
    onFailing: (error, deadline) => outage.failing(error, deadline),
    onRecovered: () => outage.recovered(),
  });

  /** Records of one partition, encoded when their turn comes (sequence numbers are given in order). */
  type PartitionRecords = { topic: string; partition: number; count: number; encode: () => EncodedRecords };

  const dispatchEncoded = async (items: PartitionRecords[]): Promise<Promise<void>[]> => {
    if (items.length === 0) return [];
    if (idempotent && !txn && producer.producerId === undefined) await producer.initIdempotentProducer({});
    if (txn && !inTransaction) throw new OperationError('a transactional producer sends only inside a transaction');
    if (txn) await txn.add(items);
    const batches: Batch[] = [];
    for (const item of items) {
      const key = `${item.topic}:${item.partition}`;
      let baseSequence = -1;
      if (idempotent) {
        baseSequence = sequences.get(key) ?? 0;
        sequences.set(key, (baseSequence + item.count) % 2147483648);
      }
      const header: BatchWriteHeader = {
        producerId: txn ? txn.producerId : idempotent ? producer.producerId! : -1n,
        producerEpoch: txn ? txn.producerEpoch : idempotent ? producer.producerEpoch! : -1,
        baseSequence,
        transactional: inTransaction,
        compression: settings.compression,
      };
      const batch: Batch = { topic: item.topic, partition: item.partition, bytes: await wrapRecords(item.encode(), header) };
      if (inTransaction) batch.transactionalId = settings.transactionalId;
      batches.push(batch);
    }
    return pipeline.submit(batches);
  };

  const dispatch = (records: ProduceRecord[]): Promise<Promise<void>[]> => {
    // Sticky partitioning puts a whole flush on one partition: look the group up only on a change.
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
    return dispatchEncoded([...groups.values()].map((l) => ({ topic: l[0].topic, partition: l[0].partition, count: l.length, encode: () => encodeRecords(l, now) })));
  };

  /** Prepares (sequence numbers, encoding, queueing) strictly in call order; waits for the acks concurrently. */
  const inOrder = async (prepare: () => Promise<Promise<void>[]>): Promise<void> => {
    const dispatched = chain.then(prepare);
    chain = dispatched.catch(() => undefined);
    try {
      await Promise.all(await dispatched);
    } catch (error) {
      throw fail(error, 'produce');
    }
  };

  return {
    async partitionCount(topic) {
      let metadata;
      try {
        // Usually the first request: a broker that never answers fails here after --timeout (exit 4).
        metadata = await answerWithin(producer.metadata({ topics: [topic], autocreateTopics: false }), { timeoutMs: clients.settings.timeoutMs, brokers, signal: hooks.signal ?? clients.signal });
      } catch (error) {
        const id = kafkaErrorId(error);
        if (id === 'UNKNOWN_TOPIC_OR_PARTITION' || id === 'UNKNOWN_TOPIC_ID' || /unknown topic/i.test((error as Error)?.message ?? '')) throw missingTopic(topic);
        throw fail(error, `get metadata for topic ${topic}`);
      }
      const info = metadata.topics.get(topic);
      if (!info) throw missingTopic(topic);
      return info.partitionsCount;
    },
    partitionFor: javaPartition,
    send(records) {
      return inOrder(() => dispatch(records));
    },
    lineRecords(key, headers, capacity) {
      return new LineRecordsBuilder(key, headers, capacity);
    },
    sendEncoded(topic, partition, records) {
      // With acks=0 the socket may still hold the batch when the send resolves; after a failure, a dead socket may.
      const sent = inOrder(() => dispatchEncoded([{ topic, partition, count: records.count, encode: () => records }]));
      return acks === 0 ? sent : sent.then(() => records.release?.());
    },
    async beginTransaction() {
      if (!txn) throw new OperationError('no --transactional-id: this producer is not transactional');
      if (inTransaction) throw new OperationError('a transaction is already open');
      try {
        // Once per session, as Java's initTransactions(): the producer id and epoch last until close.
        if (txn.producerId < 0n) await txn.init();
      } catch (error) {
        throw fail(error, 'begin the transaction');
      }
      inTransaction = true;
    },
    async commitTransaction() {
      if (!txn || !inTransaction) throw new OperationError('no transaction is open');
      inTransaction = false;
      try {
        await txn.end(true);
      } catch (error) {
        throw fail(error, 'commit the transaction');
      }
    },
    async abortTransaction() {
      if (!txn || !inTransaction) return;
      inTransaction = false;
      try {
        await txn.end(false);
      } catch (error) {
        throw fail(error, 'abort the transaction');
      }
    },
    close,
  };
}

/**
 * Worth sending again: the client marks retriable errors (a lost connection, a leader that moved)
 * on the error itself, which may wrap its cause (ECONNREFUSED): any error in the chain counts.
 */
export function retriable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const walk = (e: unknown): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e)) return false;
    seen.add(e);
    const err = e as { canRetry?: boolean; hasStaleMetadata?: boolean; errors?: unknown[]; cause?: unknown };
    if (err.canRetry === true || err.hasStaleMetadata === true) return true;
    return (Array.isArray(err.errors) && err.errors.some(walk)) || walk(err.cause);
  };
  return walk(error);
}
