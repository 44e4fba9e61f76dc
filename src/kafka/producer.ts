/**
 * The producer behind ProducerApi (producer-types.ts). Library traps handled here: partitions are always
 * chosen by us (Java-compatible murmur2, validated against the partition count) so the library never wraps or
 * re-hashes them;
 * close() is only called after every send settled (the caller awaits its sends).
 *
 * Its parts: the library's options (it only opens connections and asks for the producer id),
 * leader routing (producer-routing.ts), the retry policy handed to the pipeline (produce-pipeline.ts), the transaction
 * state (producer-transaction.ts), and the batch maker that gives sequence numbers in call order
 * (producer-batches.ts).
 */
import { Producer, type BaseOptions, type ProducerOptions } from '@platformatic/kafka';
import { KtoolError } from '../errors.js';
import { answerWithin } from './deadline.js';
import { javaPartition } from './partitioner.js';
import { attribute } from './denied.js';
import { isConnectionLoss, kafkaErrorId, kafkaErrorText, toKtoolError } from './errors.js';
import { topicsNotFound } from './not-found.js';
import type { ClientPlumbing } from './plumbing.js';
import type { Acks, ProducerApi, ProducerHooks, ProducerSettings, TopicPartitionRecords } from './producer-types.js';
import { produceRequest } from './produce-request.js';
import { PartlyWritten, ProducePipeline, writtenBefore, type PipelineDeps } from './produce-pipeline.js';
import { LineRecordsBuilder } from './line-records-builder.js';
import { BufferPool, PartitionRecordsBuilder } from './records-builder.js';
import { recordCount, splitBatch } from './record-batch-split.js';
import { RecordTooLargeError } from './record-too-large.js';
import { PINNED } from './pinned-apis.js';
import { callApi } from './raw-api.js';
import { DEFAULT_TRANSACTION_TIMEOUT_MS, Transactions } from './transactions.js';
import { leaderRouting } from './producer-routing.js';
import { BatchMaker, byPartition, type LibraryProducer, type PartitionRecords } from './producer-batches.js';
import { TransactionState, type Fail } from './producer-transaction.js';
import type { ProducerIdRetry } from './producer-id.js';

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
      const what = isConnectionLoss(error)
        ? `lost the connection to ${brokers.join(',')}`
        : `produce requests fail: ${kafkaErrorText(error)}`;
      onWarning?.(`${what}; retrying for up to ${Math.max(1, Math.round((deadline - now) / 1000))}s (Ctrl-C stops)`);
    },
    recovered() {
      if (warned) onWarning?.(`produce requests go through again after ${((Date.now() - since!) / 1000).toFixed(1)}s`);
      since = undefined;
      warned = false;
    },
  };
}

/** Splitting a batch refused as too large (record-batch-split.ts), and its record count. */
const splitting: Pick<PipelineDeps, 'split' | 'count'> = {
  split: async (batch, maxBytes) => (await splitBatch(batch.bytes, maxBytes)).map((bytes) => ({ ...batch, bytes })),
  count: (batch) => recordCount(batch.bytes),
};

/** The topic's max.message.bytes for the error naming a record too large, when the principal may read it (else undefined). */
async function topicLimit(producer: LibraryProducer, topic: string, timeoutMs: number, brokers: string[]): Promise<number | undefined> {
  try {
    const response = await answerWithin(
      callApi(producer, PINNED.DescribeConfigs, [
        [{ resourceType: 2, resourceName: topic, configurationKeys: ['max.message.bytes'] }],
        false,
        false,
      ]),
      { timeoutMs, brokers },
    );
    const value = Number(response.results[0]?.configs.find((c) => c.name === 'max.message.bytes')?.value);
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** ktool never asks the broker to create a topic (auto.create.topics.enable): a typo would make one. */
const missingTopic = (topic: string) =>
  topicsNotFound([topic], `create it first: ktool topics create ${topic} (produce never creates topics)`);

/**
 * The client library's options. Its own idempotent mode would allow one request in flight per
 * connection: ktool keeps the sequence numbers and retries itself (produce-pipeline.ts), the
 * client only opens the connections and asks for the producer id.
 */
function libraryOptions(base: BaseOptions, settings: ProducerSettings): ProducerOptions<unknown, unknown, unknown, unknown> {
  const options: ProducerOptions<unknown, unknown, unknown, unknown> = {
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
  return options;
}

/**
 * The retry policy: batches are sent again (same sequence numbers: the broker drops duplicates)
 * after a fresh metadata, as the Java producer does: until they are acknowledged, an error that is
 * not worth retrying, delivery.timeout.ms (2 minutes by default: a broker restart is waited out),
 * -X retries, Ctrl-C or close. A long outage is reported while it lasts.
 */
function retryPolicy(
  settings: ProducerSettings,
  brokers: string[],
  onWarning: ProducerHooks['onWarning'],
): Pick<PipelineDeps, 'retries' | 'backoffMs' | 'deliveryTimeoutMs' | 'retriable' | 'onFailing' | 'onRecovered'> {
  const outage = outageReporter(brokers, onWarning);
  return {
    retries: settings.retries ?? Infinity,
    backoffMs: settings.retryBackoffMs ?? 100,
    deliveryTimeoutMs: settings.deliveryTimeoutMs ?? DELIVERY_TIMEOUT_MS,
    retriable,
    onFailing: (error, deadline) => outage.failing(error, deadline),
    onRecovered: () => outage.recovered(),
  };
}

/** InitProducerId's retries (producer-id.ts): until delivery.timeout.ms, reported as an outage like the batches'. */
function idRetry(policy: ReturnType<typeof retryPolicy>, signal: AbortSignal | undefined, isClosed: () => boolean): ProducerIdRetry {
  const { deliveryTimeoutMs: timeoutMs, backoffMs, onFailing: onRetry, onRecovered: onDone } = policy;
  return { timeoutMs, backoffMs, signal, isClosed, onRetry, onDone };
}

/**
 * A send that failed, once every batch of it settled: the error (a record too large names the
 * topic's limit) and, when some of its records were written (other partitions, pieces of a split
 * batch), how many: recordsWritten (PartlyWrittenError).
 */
async function failedSend(
  error: unknown,
  acks: Promise<void>[],
  counts: number[],
  on: { producer: LibraryProducer; fail: Fail; timeoutMs: number; brokers: string[] },
): Promise<KtoolError> {
  let written = 0;
  (await Promise.allSettled(acks)).forEach((r, i) => (written += r.status === 'fulfilled' ? counts[i] : writtenBefore(r.reason)));
  let cause = error instanceof PartlyWritten ? error.error : error;
  if (cause instanceof RecordTooLargeError && cause.limit === undefined) {
    const limit = await topicLimit(on.producer, cause.topic, on.timeoutMs, on.brokers);
    if (limit !== undefined) cause = new RecordTooLargeError(cause.topic, cause.partition, cause.batchBytes, cause.cause, limit);
  }
  const failure = on.fail(cause, 'produce');
  if (written === 0) return failure;
  const partly = new KtoolError(failure.message, failure.exitCode, { hint: failure.hint, kafkaCode: failure.kafkaCode, cause: failure });
  return Object.assign(partly, { recordsWritten: written });
}

export async function openProducer(clients: ClientPlumbing, settings: ProducerSettings, hooks: ProducerHooks = {}): Promise<ProducerApi> {
  const base = await clients.baseOptions();
  const brokers = clients.settings.bootstrap;
  const producer: LibraryProducer = new Producer(libraryOptions(base, settings));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await producer.close(true).catch(() => undefined);
  };
  clients.onClose(close);

  const txn = settings.transactionalId
    ? new Transactions(producer, {
        transactionalId: settings.transactionalId,
        timeoutMs: settings.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS,
        retryBackoffMs: settings.retryBackoffMs ?? 100,
        brokers,
        signal: hooks.signal,
      })
    : undefined;
  const fail: Fail = (error, action) => attribute(txn?.explain(error) ?? toKtoolError(error, brokers, action), clients.settings, 'Write');
  const transactions = new TransactionState(txn, fail);
  const idempotent = settings.idempotent || Boolean(settings.transactionalId);
  const acks = idempotent ? -1 : settings.acks;
  const timeoutMs = settings.requestTimeoutMs ?? clients.settings.timeoutMs;
  const policy = retryPolicy(settings, brokers, hooks.onWarning);
  const pipeline = new ProducePipeline({
    ...leaderRouting(producer),
    ...policy,
    request: (list) => produceRequest(list, acks, timeoutMs, list[0].transactionalId),
    noResponse: acks === 0,
    idempotent,
    signal: hooks.signal,
    isClosed: () => closed,
    ...splitting,
  });
  const ids = idRetry(policy, hooks.signal, () => closed);
  const batches = new BatchMaker(producer, transactions, idempotent, settings, pipeline, ids);

  // Prepares (sequence numbers, encoding, queueing) strictly in call order; waits for the acks concurrently.
  let chain: Promise<unknown> = Promise.resolve();
  const inOrder = async (items: () => PartitionRecords[]): Promise<void> => {
    let counts: number[] = [];
    const dispatched = chain.then(async () => {
      const list = items();
      counts = list.map((item) => item.count);
      return list.length === 0 ? [] : pipeline.submit(await batches.make(list));
    });
    chain = dispatched.catch(() => undefined);
    let acks: Promise<void>[];
    try {
      acks = await dispatched;
    } catch (error) {
      throw fail(error, 'produce');
    }
    try {
      await Promise.all(acks);
    } catch (error) {
      throw await failedSend(error, acks, counts, { producer, fail, timeoutMs, brokers });
    }
  };
  return {
    async partitionCount(topic, options) {
      const autoCreate = options?.autoCreate === true;
      let metadata;
      try {
        // Usually the first request: a broker that never answers fails here after --timeout (exit 4).
        // With options each call is one request (the caller waits between them, as Java's producer does).
        const request = producer.metadata({ topics: [topic], autocreateTopics: autoCreate, ...(options ? { retries: 0 } : {}) });
        metadata = await answerWithin(request, {
          timeoutMs: clients.settings.timeoutMs,
          brokers,
          signal: hooks.signal ?? clients.signal,
        });
      } catch (error) {
        const id = kafkaErrorId(error);
        if (id === 'UNKNOWN_TOPIC_OR_PARTITION' || id === 'UNKNOWN_TOPIC_ID' || /unknown topic/i.test((error as Error)?.message ?? ''))
          throw missingTopic(topic);
        // A topic the broker is creating for this request has no leader yet: not there yet either.
        if (autoCreate && id === 'LEADER_NOT_AVAILABLE') throw missingTopic(topic);
        throw fail(error, `get metadata for topic ${topic}`);
      }
      const info = metadata.topics.get(topic);
      if (!info) throw missingTopic(topic);
      return info.partitionsCount;
    },
    partitionFor: javaPartition,
    send: (records) => inOrder(() => byPartition(records)),
    ...encodedSends(inOrder, acks),
    batchLimit: (topic) => pipeline.batchLimit(topic),
    beginTransaction: () => transactions.begin(),
    sendOffsetsToTransaction: (group, offsets) => transactions.sendOffsets(group, offsets),
    commitTransaction: () => transactions.commit(),
    abortTransaction: () => transactions.abort(),
    close,
  };
}

/** The sends of records encoded by ktool's builders (plain lines, parsed lines, envelopes): buffers are used again once acknowledged. */
function encodedSends(
  inOrder: (items: () => PartitionRecords[]) => Promise<void>,
  acks: Acks,
): Pick<ProducerApi, 'lineRecords' | 'sendEncoded' | 'recordsBuilder' | 'sendEncodedMany'> {
  const pool = new BufferPool();
  const sendEncodedMany = (list: TopicPartitionRecords[]): Promise<void> => {
    const sent = inOrder(() =>
      list.map(({ topic, partition, records }) => ({ topic, partition, count: records.count, encode: () => records })),
    );
    // With acks=0 the socket may still hold the batch when the send resolves; after a failure, a dead socket may.
    return acks === 0 ? sent : sent.then(() => list.forEach((item) => item.records.release?.()));
  };
  return {
    lineRecords: (key, headers, capacity) => new LineRecordsBuilder(key, headers, capacity),
    sendEncoded: (topic, partition, records) => sendEncodedMany([{ topic, partition, records }]),
    recordsBuilder: () => new PartitionRecordsBuilder(pool),
    sendEncodedMany,
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
