/**
 * The records of a group member, taken from the fetches of the client library's stream. The
 * stream keeps doing what it does well (membership, assignments, fetch positions, errors); it
 * fetches through the consumer's public fetch(), which is wrapped here:
 * - the fetch itself goes out as a Fetch v17 whose record batches are decoded by ktool
 *   (record-batch-decode.ts: no object per record beyond the record, 2-3x faster than the library's
 *   decoding and its message objects, a third of the memory, and LogAppendTime kept);
 * - the stream gets a response with one empty control batch per partition, which moves its
 *   fetch position past what was taken and delivers nothing;
 * - a fetch with any error, or a broker without Fetch v17, goes the library's way, so the stream
 *   handles the error as usual; records in such a response are taken out of it before the stream
 *   sees them.
 */
import { FetchIsolationLevels, type Consumer } from '@platformatic/kafka';
import { abortFilter } from './abort-filter.js';
import { decodeBatches } from './record-batch-decode.js';
import { CONTROL, PARTITION_LEADER_EPOCH } from './record-batch.js';
import type { ConsumedRecord, Isolation } from './consumer-types.js';
import { toConsumedRecords, type FetchedBatch } from './decode.js';
import { decompress, rawFetch, supportsFastFetch } from './fast-fetch.js';
import { tpKey } from './types.js';

export interface FetchSink {
  /** One partition's records from one response, in offset order. */
  records(records: ConsumedRecord[], leaderEpoch: number): void;
  /** A response was handed to the stream (after its records went to records()). */
  afterResponse(): void;
  /** Taking records failed (a bug, not a broker error): reading must stop. */
  failed(error: Error): void;
}

interface FetchRequest {
  node?: number;
  maxWaitTime?: number;
  maxBytes?: number;
  topics?: { topicId: string; partitions: { partition: number; fetchOffset: bigint | number; partitionMaxBytes?: number }[] }[];
}
interface FetchResponse {
  responses: { topicId: string; partitions: { partitionIndex: number; errorCode?: number; highWatermark?: bigint; records?: FetchedBatch[] | null; abortedTransactions?: { producerId: bigint; firstOffset: bigint }[] | null }[] }[];
}
type FetchCallback = (error: Error | null, response?: FetchResponse) => void;
type Fetch = (request: FetchRequest, callback?: FetchCallback) => unknown;

export async function takeStreamFetches(consumer: Consumer<unknown, unknown, unknown, unknown>, o: { topics: string[]; isolation: Isolation; partitionMaxBytes: number }, sink: FetchSink): Promise<void> {
  const names = new Map<string, string>();
  const brokers = new Map<number, { host: string; port: number }>();
  const learn = (meta: Awaited<ReturnType<typeof consumer.metadata>>) => {
    for (const [name, t] of meta.topics) names.set(t.id, name);
    for (const [id, b] of meta.brokers) brokers.set(id, { host: b.host, port: b.port });
  };
  learn(await consumer.metadata({ topics: o.topics, autocreateTopics: false }));
  const fast = await supportsFastFetch(consumer);
  const isolationLevel = o.isolation === 'read_committed' ? FetchIsolationLevels.READ_COMMITTED : FetchIsolationLevels.READ_UNCOMMITTED;
  const filter = (aborted: { producerId: bigint; firstOffset: bigint }[] | null | undefined) => (o.isolation === 'read_committed' ? abortFilter(aborted ?? []) : undefined);
  const fetchOffsets = (request: FetchRequest) => {
    const from = new Map<string, number>();
    for (const t of request.topics ?? []) for (const p of t.partitions) from.set(tpKey(t.topicId, p.partition), Number(p.fetchOffset));
    return from;
  };

  /** The library's response: records taken out, each partition left with its last batch, emptied. */
  const takeFrom = (request: FetchRequest, response: FetchResponse) => {
    const from = fetchOffsets(request);
    for (const t of response.responses) {
      const topic = names.get(t.topicId);
      for (const p of t.partitions) {
        const batches = p.records;
        const start = from.get(tpKey(t.topicId, p.partitionIndex));
        // Only partitions this fetch asked for: the library's own fetches (incremental sessions) may
        // bring back others, whose data is stale.
        if (!batches?.length || start === undefined || topic === undefined) continue;
        const { records } = toConsumedRecords(topic, p.partitionIndex, batches, start, undefined, filter(p.abortedTransactions));
        const last = batches[batches.length - 1];
        p.records = [{ ...last, records: [] }];
        if (records.length) sink.records(records, last.partitionLeaderEpoch ?? -1);
      }
    }
  };

  /** Our own fetch and decoding; undefined when the response has an error for the library to handle. */
  const fastFetch = async (request: FetchRequest): Promise<FetchResponse | undefined> => {
    if (request.node === undefined) return undefined;
    if (!brokers.has(request.node)) learn(await consumer.metadata({ topics: o.topics, autocreateTopics: false }));
    const broker = brokers.get(request.node);
    if (!broker) return undefined;
    // The stream asks one partition per entry: one entry per topic in the request.
    const byTopic = new Map<string, { partition: number; fetchOffset: bigint; partitionMaxBytes: number }[]>();
    for (const t of request.topics ?? []) {
      const list = byTopic.get(t.topicId) ?? [];
      for (const p of t.partitions) list.push({ partition: p.partition, fetchOffset: BigInt(p.fetchOffset), partitionMaxBytes: p.partitionMaxBytes ?? o.partitionMaxBytes });
      byTopic.set(t.topicId, list);
    }
    const raw = await rawFetch(consumer, broker, { maxWaitMs: request.maxWaitTime ?? 500, maxBytes: request.maxBytes ?? o.partitionMaxBytes, isolationLevel, topics: [...byTopic].map(([topicId, partitions]) => ({ topicId, partitions })) });
    if (raw.errorCode || raw.responses.some((t) => !names.has(t.topicId) || t.partitions.some((p) => p.errorCode))) return undefined;
    const from = fetchOffsets(request);
    const response: FetchResponse = { responses: [] };
    // Handed on only once all of the response decoded: after a throw the library fetches it again.
    const taken: [ConsumedRecord[], number][] = [];
    for (const t of raw.responses) {
      const topic = names.get(t.topicId)!;
      const partitions: FetchResponse['responses'][number]['partitions'] = [];
      for (const p of t.partitions) {
        const start = from.get(tpKey(t.topicId, p.partitionIndex));
        if (start === undefined || !p.records) continue;
        const records: ConsumedRecord[] = [];
        const next = decodeBatches(p.records, topic, p.partitionIndex, start, undefined, records, decompress, filter(p.abortedTransactions));
        if (records.length) taken.push([records, p.records.length >= PARTITION_LEADER_EPOCH + 4 ? p.records.readInt32BE(PARTITION_LEADER_EPOCH) : -1]);
        if (next <= start) continue;
        // Where the stream fetches next: after this batch. A control batch: nothing to deliver.
        const position = { firstOffset: BigInt(next - 1), lastOffsetDelta: 0, attributes: CONTROL, producerId: -1n, partitionLeaderEpoch: -1, firstTimestamp: 0n, maxTimestamp: 0n, records: [] };
        partitions.push({ partitionIndex: p.partitionIndex, errorCode: 0, highWatermark: p.highWatermark, records: [position], abortedTransactions: null });
      }
      response.responses.push({ topicId: t.topicId, partitions });
    }
    for (const [records, epoch] of taken) sink.records(records, epoch);
    return response;
  };

  const fetch = consumer.fetch.bind(consumer) as Fetch;
  const libraryFetch = (request: FetchRequest, callback: FetchCallback) =>
    fetch(request, (error, response) => {
      if (error || !response) return callback(error, response);
      const proceed = () => {
        try {
          takeFrom(request, response);
        } catch (e) {
          sink.failed(e as Error);
        }
        sink.afterResponse();
        callback(null, response);
      };
      if (response.responses.every((t) => names.has(t.topicId))) return proceed();
      // A topic id not seen yet (the topic was re-created): learn its name first.
      consumer.metadata({ topics: o.topics, forceUpdate: true }, (metaError, meta) => {
        if (!metaError && meta) learn(meta);
        proceed();
      });
    });
  (consumer as unknown as { fetch: Fetch }).fetch = (request, callback) => {
    if (!callback) return fetch(request);
    if (!fast) return libraryFetch(request, callback);
    fastFetch(request).then(
      (response) => {
        if (!response) return libraryFetch(request, callback);
        sink.afterResponse();
        callback(null, response);
      },
      // Connection trouble: the library's fetch meets it too and the stream handles it its way.
      () => libraryFetch(request, callback),
    );
  };
}
