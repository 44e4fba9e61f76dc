/**
 * The records of a group member, taken from the fetches of the client library's stream. The
 * stream keeps doing what it does well (membership, assignments, fetch positions, errors); it
 * fetches through the consumer's public fetch(), which is wrapped here:
 * - the fetch itself goes out as a Fetch v17 whose record batches are decoded by ktool as they are
 *   taken, a slice at a time (record-batch-decode.ts, BatchCursor: no object per record beyond the
 *   record, 2-3x faster than the library's decoding and its message objects, a fraction of the
 *   memory, and LogAppendTime kept);
 * - the stream gets a response with one empty control batch per partition, which moves its
 *   fetch position past what was taken and delivers nothing;
 * - a fetch with any error, or a broker without Fetch v17, goes the library's way, so the stream
 *   handles the error as usual; records in such a response are taken out of it before the stream
 *   sees them.
 */
import { FetchIsolationLevels, type CallbackWithPromise, type Consumer, type FetchOptions, type fetchV17 } from '@platformatic/kafka';
import { abortFilter } from './abort-filter.js';
import { BatchCursor } from './record-batch-decode.js';
import { CONTROL, PARTITION_LEADER_EPOCH } from './record-batch.js';
import type { ConsumedRecord, Isolation } from './consumer-types.js';
import { toConsumedRecords } from './decode.js';
import { decompress, rawFetch, supportsFastFetch, type RawFetchResponse } from './fast-fetch.js';
import { tpKey } from './types.js';

/** One partition's part of one response that moved its fetch position. */
export interface FetchedPartition {
  topic: string;
  partition: number;
  /** Its records in offset order: decoded, or the fetched bytes to decode as they are taken (none, only markers: a chunk all the same). */
  records: ConsumedRecord[] | BatchCursor;
  /** The leader epoch of the batches (-1: unknown): what a commit of their offsets names. */
  leaderEpoch: number;
  /** Where fetching goes on after them: past transaction markers and aborted records, which give no record. */
  next: number;
}

export interface FetchSink {
  /** Each partition of a response whose position moved, in the response's order. */
  fetched(part: FetchedPartition): void;
  /** A response was handed to the stream (after its records went to records()). */
  afterResponse(): void;
  /** Taking records failed (a bug, not a broker error): reading must stop. */
  failed(error: Error): void;
}

type Consumer_ = Consumer<unknown, unknown, unknown, unknown>;
type FetchRequest = FetchOptions<unknown, unknown, unknown, unknown>;
type FetchResponse = fetchV17.FetchResponse;
type FetchCallback = CallbackWithPromise<FetchResponse>;
/** The callback form of the library's Consumer.fetch: the one its stream calls. */
type Fetch = (request: FetchRequest, callback: FetchCallback) => void;
interface TakeOptions {
  topics: string[];
  isolation: Isolation;
  partitionMaxBytes: number;
}
type Aborted = { producerId: bigint; firstOffset: bigint }[] | null | undefined;

/** Wraps the consumer's fetch() so that every record of the stream's fetches goes to `sink`. */
export async function takeStreamFetches(consumer: Consumer_, o: TakeOptions, sink: FetchSink): Promise<void> {
  const taker = new StreamFetches(consumer, o, sink);
  taker.learn(await consumer.metadata({ topics: o.topics, autocreateTopics: false }));
  taker.fast = await supportsFastFetch(consumer);
  taker.install();
}

class StreamFetches {
  /** Topic names by id, brokers by id: the stream's requests name only ids. */
  private readonly names = new Map<string, string>();
  private readonly brokers = new Map<number, { host: string; port: number }>();
  private readonly isolationLevel: number;
  /** Fetch v17 and ktool's decoding (else the library's fetch, records taken out of its answer). */
  fast = false;

  constructor(
    private readonly consumer: Consumer_,
    private readonly o: TakeOptions,
    private readonly sink: FetchSink,
  ) {
    this.isolationLevel = o.isolation === 'read_committed' ? FetchIsolationLevels.READ_COMMITTED : FetchIsolationLevels.READ_UNCOMMITTED;
  }

  learn(meta: Awaited<ReturnType<Consumer_['metadata']>>): void {
    for (const [name, t] of meta.topics) this.names.set(t.id, name);
    for (const [id, b] of meta.brokers) this.brokers.set(id, { host: b.host, port: b.port });
  }

  /** consumer.fetch() replaced: ktool's fetch when it can, else the library's with the records taken out. */
  install(): void {
    const consumer = this.consumer;
    // The library's fetch() in each of its two declared forms.
    const withCallback: Fetch = consumer.fetch;
    const withPromise: (request: FetchRequest) => Promise<FetchResponse> = consumer.fetch;
    const fetch = withCallback.bind(consumer);
    const take = (request: FetchRequest, callback: FetchCallback): void => {
      if (!this.fast) return this.libraryFetch(fetch, request, callback);
      this.fastFetch(request).then(
        (response) => {
          if (!response) return this.libraryFetch(fetch, request, callback);
          this.sink.afterResponse();
          callback(null, response);
        },
        // Connection trouble: the library's fetch meets it too and the stream handles it its way.
        () => this.libraryFetch(fetch, request, callback),
      );
    };
    function patched(request: FetchRequest, callback: FetchCallback): void;
    function patched(request: FetchRequest): Promise<FetchResponse>;
    function patched(request: FetchRequest, callback?: FetchCallback): void | Promise<FetchResponse> {
      return callback ? take(request, callback) : withPromise.call(consumer, request);
    }
    consumer.fetch = patched;
  }

  private filter(aborted: Aborted) {
    return this.o.isolation === 'read_committed' ? abortFilter(aborted ?? []) : undefined;
  }

  /** Where each partition of a request starts, by topic id and partition. */
  private fetchOffsets(request: FetchRequest): Map<string, number> {
    const from = new Map<string, number>();
    for (const t of request.topics ?? []) for (const p of t.partitions) from.set(tpKey(t.topicId, p.partition), Number(p.fetchOffset));
    return from;
  }

  /** Our own fetch and decoding; undefined when the response has an error for the library to handle. */
  private async fastFetch(request: FetchRequest): Promise<FetchResponse | undefined> {
    if (request.node === undefined) return undefined;
    if (!this.brokers.has(request.node)) this.learn(await this.consumer.metadata({ topics: this.o.topics, autocreateTopics: false }));
    const broker = this.brokers.get(request.node);
    if (!broker) return undefined;
    // The stream asks one partition per entry: one entry per topic in the request.
    const byTopic = new Map<string, { partition: number; fetchOffset: bigint; partitionMaxBytes: number }[]>();
    for (const t of request.topics ?? []) {
      const list = byTopic.get(t.topicId) ?? [];
      for (const p of t.partitions)
        list.push({
          partition: p.partition,
          fetchOffset: BigInt(p.fetchOffset),
          partitionMaxBytes: p.partitionMaxBytes ?? this.o.partitionMaxBytes,
        });
      byTopic.set(t.topicId, list);
    }
    const raw = await rawFetch(this.consumer, broker, {
      maxWaitMs: request.maxWaitTime ?? 500,
      maxBytes: request.maxBytes ?? this.o.partitionMaxBytes,
      isolationLevel: this.isolationLevel,
      topics: [...byTopic].map(([topicId, partitions]) => ({ topicId, partitions })),
    });
    if (raw.errorCode || raw.responses.some((t) => !this.names.has(t.topicId) || t.partitions.some((p) => p.errorCode))) return undefined;
    return this.decoded(request, raw);
  }

  /** The records of ktool's fetch to the sink; for the stream, one empty control batch per partition that had any. */
  private decoded(request: FetchRequest, raw: RawFetchResponse): FetchResponse {
    const from = this.fetchOffsets(request);
    // What the stream reads of a response: each partition's records (it checks errors only on a failed fetch).
    const response: FetchResponse = { throttleTimeMs: 0, errorCode: 0, sessionId: 0, responses: [] };
    // Handed on only once all of the response is read: after a throw the library fetches it again.
    const fetched: FetchedPartition[] = [];
    for (const t of raw.responses) {
      const topic = this.names.get(t.topicId)!;
      const partitions: FetchResponse['responses'][number]['partitions'] = [];
      for (const p of t.partitions) {
        const start = from.get(tpKey(t.topicId, p.partitionIndex));
        if (start === undefined || !p.records) continue;
        const o = { topic, partition: p.partitionIndex, from: start, end: undefined, decompress, keep: this.filter(p.abortedTransactions) };
        // Decoded as the records are taken (Member.next()): the next offset comes from the batch headers.
        const records = new BatchCursor(p.records, o);
        const next = records.nextOffset;
        if (next <= start) continue;
        const leaderEpoch = p.records.length >= PARTITION_LEADER_EPOCH + 4 ? p.records.readInt32BE(PARTITION_LEADER_EPOCH) : -1;
        fetched.push({ topic, partition: p.partitionIndex, records, leaderEpoch, next });
        partitions.push(positionOnly(p.partitionIndex, p.highWatermark, next));
      }
      response.responses.push({ topicId: t.topicId, partitions });
    }
    for (const part of fetched) this.sink.fetched(part);
    return response;
  }

  private libraryFetch(fetch: Fetch, request: FetchRequest, callback: FetchCallback): void {
    fetch(request, (error, response) => {
      if (error || !response) return callback(error, response);
      const proceed = () => {
        try {
          this.takeFrom(request, response);
        } catch (e) {
          this.sink.failed(e as Error);
        }
        this.sink.afterResponse();
        callback(null, response);
      };
      if (response.responses.every((t) => this.names.has(t.topicId))) return proceed();
      // A topic id not seen yet (the topic was re-created): learn its name first.
      this.consumer.metadata({ topics: this.o.topics, forceUpdate: true }, (metaError, meta) => {
        if (!metaError && meta) this.learn(meta);
        proceed();
      });
    });
  }

  /** The library's response: records taken out, each partition left with its last batch, emptied. */
  private takeFrom(request: FetchRequest, response: FetchResponse): void {
    const from = this.fetchOffsets(request);
    for (const t of response.responses) {
      const topic = this.names.get(t.topicId);
      for (const p of t.partitions) {
        const batches = p.records;
        const start = from.get(tpKey(t.topicId, p.partitionIndex));
        // Only partitions this fetch asked for: the library's own fetches (incremental sessions) may
        // bring back others, whose data is stale.
        if (!batches?.length || start === undefined || topic === undefined) continue;
        const { records, nextOffset } = toConsumedRecords(
          topic,
          p.partitionIndex,
          batches,
          start,
          undefined,
          this.filter(p.abortedTransactions),
        );
        const last = batches[batches.length - 1];
        p.records = [{ ...last, records: [] }];
        if (nextOffset > start)
          this.sink.fetched({
            topic,
            partition: p.partitionIndex,
            records,
            leaderEpoch: last.partitionLeaderEpoch ?? -1,
            next: nextOffset,
          });
      }
    }
  }
}

/** What the stream gets of a partition: one empty control batch, so that it fetches next at `next` and delivers nothing. */
function positionOnly(
  partitionIndex: number,
  highWatermark: bigint,
  next: number,
): FetchResponse['responses'][number]['partitions'][number] {
  const position = {
    firstOffset: BigInt(next - 1),
    length: 0,
    partitionLeaderEpoch: -1,
    magic: 2,
    crc: 0,
    attributes: CONTROL,
    lastOffsetDelta: 0,
    firstTimestamp: 0n,
    maxTimestamp: 0n,
    producerId: -1n,
    producerEpoch: -1,
    firstSequence: -1,
    records: [],
  };
  return {
    partitionIndex,
    errorCode: 0,
    highWatermark,
    lastStableOffset: -1n,
    logStartOffset: -1n,
    preferredReadReplica: -1,
    records: [position],
    abortedTransactions: null,
  };
}
