import { Consumer, FetchIsolationLevels, type fetchV17 } from '@platformatic/kafka';
import { OperationError } from '../errors.js';
import type { ClientPlumbing } from './plumbing.js';
import type { ConsumedRecord, PartitionRange, PartitionReader, PartitionReaderOptions } from './consumer-types.js';
import { abortFilter } from './abort-filter.js';
import { attribute, principalOf } from './denied.js';
import { errorForWireCode, isConnectionLoss, toKtoolError } from './errors.js';
import { BatchCursor } from './record-batch-decode.js';
import { toConsumedRecords } from './decode.js';
import { decompress, rawFetch, supportsFastFetch, type RawFetchPartition, type RawFetchResponse } from './fast-fetch.js';
import { RecordQueue } from './record-queue.js';

const OFFSET_OUT_OF_RANGE = 1;
const RETRIABLE = new Set([3, 6, 74, 75, 76, 100]); // unknown partition, not leader, fenced/unknown epoch, offline

interface PartitionState extends PartitionRange {
  position: number;
  endAt?: number;
  done: boolean;
  topicId: string;
  leader: number;
}

type Consumer_ = Consumer<unknown, unknown, unknown, unknown>;

/** A partition of either fetch's answer: `records` are bytes (ktool's Fetch v17) or the library's decoded batches. */
type AnsweredPartition = RawFetchPartition | fetchV17.FetchResponsePartition;
type Answer = RawFetchResponse | fetchV17.FetchResponse;

/**
 * Group-less reading (kcat -C, kafka-console-consumer without --group): Fetch requests straight to
 * each partition's leader, one in flight per leader, as full (session-less) Fetch v17 requests
 * decoded by ktool (fast-fetch.ts); brokers before Kafka 3.8 (no Fetch v17) get the client
 * library's fetch, which keeps an incremental fetch session per broker. Filters aborted
 * transactions under read_committed (the client library's stream does not).
 */
export async function openPartitionReader(clients: ClientPlumbing, o: PartitionReaderOptions): Promise<PartitionReader> {
  const base = await clients.baseOptions();
  const consumer: Consumer_ = new Consumer({
    ...base,
    groupId: `ktool-reader-${process.pid}`,
    isolationLevel: o.isolation === 'read_committed' ? FetchIsolationLevels.READ_COMMITTED : FetchIsolationLevels.READ_UNCOMMITTED,
  });
  clients.onClose(() => consumer.close(true));
  const queue = new RecordQueue(clients.signal);
  const fetcher = new Fetcher(clients, o, consumer, queue);
  await fetcher.refreshMetadata();
  fetcher.fast = await supportsFastFetch(consumer);
  const running = new Pump(fetcher, queue, new Outage(clients, o)).run().catch((error: unknown) => queue.fail(error as Error));

  return {
    async next(prefer) {
      for (;;) {
        // A partition done (its end reached) and none of it waiting is wanted no longer: the others' go.
        const want = prefer && (queue.has(prefer) || !fetcher.isDone(prefer)) ? prefer : undefined;
        queue.wanted = fetcher.wanted = want;
        const records = queue.shift(want);
        if (records) return records;
        if (queue.failure) throw queue.failure;
        if (fetcher.allDone()) {
          if (!queue.length) return null;
          continue; // the wanted partition's last chunk held no record: the others' go now
        }
        // Waiting for the wanted partition: the fetching side may go on (see RecordQueue.onLast).
        if (want) queue.release();
        // At most one poll, and not past Ctrl-C: the caller checks its signals and idle timeout
        // between calls, also while the reader waits for lost brokers.
        await queue.waitForRecords();
        if (!queue.failure && !fetcher.allDone() && !(want ? queue.has(want) : queue.length)) return [];
      }
    },
    async close() {
      fetcher.closed = true;
      queue.release();
      // After Ctrl-C a fetch still waiting at the broker is not waited for (nothing is committed here).
      if (!clients.signal?.aborted) await running;
    },
  };
}

/** Each partition's position and leader, and the Fetch requests that move them on. */
class Fetcher {
  readonly states: PartitionState[];
  /** Decode record batches ktool's way (Fetch v17, raw bytes), not the library's. */
  fast = false;
  closed = false;
  /** The partition the taker waits for (next()'s `prefer`): asked for first, before the response fills with the others. */
  wanted: { topic: string; partition: number } | undefined;
  private readonly brokers = new Map<number, { host: string; port: number }>();
  private readonly inFlight = new Set<number>();
  private readonly isolationLevel: number;
  // Bounded memory: at most one response of maxBytes per leader is buffered (see Pump.once()).
  private readonly maxBytes: number;
  private readonly partitionBytes: number;

  constructor(
    private readonly clients: ClientPlumbing,
    private readonly o: PartitionReaderOptions,
    private readonly consumer: Consumer_,
    private readonly queue: RecordQueue,
  ) {
    this.states = o.ranges.map((r) => ({
      ...r,
      position: Number(r.start),
      endAt: r.end === undefined ? undefined : Number(r.end),
      done: r.end !== undefined && r.start >= r.end,
      topicId: '',
      leader: -1,
    }));
    this.isolationLevel = o.isolation === 'read_committed' ? FetchIsolationLevels.READ_COMMITTED : FetchIsolationLevels.READ_UNCOMMITTED;
    this.maxBytes = o.maxBytes ?? 4 << 20;
    this.partitionBytes = Math.min(this.maxBytes, 1 << 20);
  }

  isDone(tp: { topic: string; partition: number }): boolean {
    return this.states.some((s) => s.done && s.partition === tp.partition && s.topic === tp.topic);
  }

  allDone(): boolean {
    return this.states.every((s) => s.done);
  }

  /** The leaders of the partitions not done yet (-1: unknown). */
  leaders(): number[] {
    return [...new Set(this.states.filter((s) => !s.done).map((s) => s.leader))];
  }

  /** Leaders may have moved while the brokers were away. */
  forgetLeaders(): void {
    for (const s of this.states) s.leader = -1;
  }

  async refreshMetadata(): Promise<void> {
    const topics = [...new Set(this.states.map((s) => s.topic))];
    const meta = await this.consumer.metadata({ topics, forceUpdate: true });
    for (const [id, b] of meta.brokers) this.brokers.set(id, { host: b.host, port: b.port });
    for (const s of this.states) {
      const t = meta.topics.get(s.topic);
      if (!t) throw new OperationError(`topic ${s.topic} disappeared while reading`);
      s.topicId = t.id;
      s.leader = t.partitions[s.partition]?.leader ?? -1;
    }
  }

  /** One Fetch to each leader that has none in flight. */
  async fetchAll(nodes: number[]): Promise<void> {
    await Promise.all(nodes.filter((n) => !this.inFlight.has(n)).map((n) => this.fetchFrom(n)));
  }

  private async fetchFrom(node: number): Promise<void> {
    this.inFlight.add(node);
    try {
      const mine = this.states.filter((s) => !s.done && s.leader === node);
      if (mine.length === 0) return;
      const w = this.wanted;
      const first = w ? mine.findIndex((s) => s.partition === w.partition && s.topic === w.topic) : -1;
      if (first > 0) mine.unshift(...mine.splice(first, 1));
      const response = await this.send(node, mine);
      let refresh = false;
      for (const topic of response.responses) {
        for (const p of topic.partitions) {
          const s = mine.find((x) => x.topicId === topic.topicId && x.partition === p.partitionIndex);
          if (!s) continue;
          if (p.errorCode === OFFSET_OUT_OF_RANGE) await this.clampToLogStart(s, p.highWatermark);
          else if (this.take(s, p)) refresh = true;
        }
      }
      if (refresh) await this.refreshMetadata();
    } finally {
      this.inFlight.delete(node);
    }
  }

  private async send(node: number, mine: PartitionState[]): Promise<Answer> {
    const byTopic = new Map<string, PartitionState[]>();
    for (const s of mine) byTopic.set(s.topicId, [...(byTopic.get(s.topicId) ?? []), s]);
    const topics = [...byTopic].map(([topicId, ps]) => ({
      topicId,
      partitions: ps.map((s) => ({ partition: s.partition, fetchOffset: BigInt(s.position), partitionMaxBytes: this.partitionBytes })),
    }));
    const { consumer, maxBytes, isolationLevel } = this;
    if (this.fast) return rawFetch(consumer, this.brokers.get(node)!, { maxWaitMs: 500, maxBytes, isolationLevel, topics });
    return consumer.fetch({
      node,
      maxWaitTime: 500,
      minBytes: 1,
      maxBytes,
      isolationLevel,
      topics: topics.map((t) => ({ ...t, partitions: t.partitions.map((p) => ({ ...p, currentLeaderEpoch: -1, lastFetchedEpoch: -1 })) })),
    });
  }

  /** One partition of a response: its records queued, its position moved on; true when its leader must be looked up again. */
  private take(s: PartitionState, p: AnsweredPartition): boolean {
    if (p.errorCode) {
      if (RETRIABLE.has(p.errorCode)) return true;
      throw errorForWireCode(p.errorCode, `fetching ${s.topic}:${s.partition}`, {
        operation: 'Read',
        names: [s.topic],
        principal: principalOf(this.clients.settings),
      });
    }
    const keep = this.o.isolation === 'read_committed' ? abortFilter(p.abortedTransactions ?? []) : undefined;
    let next = s.position;
    // Bytes from ktool's Fetch v17 (decoded as they are taken), decoded batches from the library's fetch.
    if (Buffer.isBuffer(p.records)) {
      const o = { topic: s.topic, partition: s.partition, from: s.position, end: s.endAt, decompress, keep };
      const cursor = new BatchCursor(p.records, o);
      next = cursor.nextOffset;
      if (!cursor.done) this.queue.push(cursor);
    } else if (p.records) {
      const decoded = toConsumedRecords(s.topic, s.partition, p.records, s.position, s.endAt, keep);
      next = decoded.nextOffset;
      if (decoded.records.length) this.queue.push(decoded.records);
    }
    if (next > s.position) s.position = next;
    if (s.endAt !== undefined && s.position >= s.endAt) s.done = true;
    return false;
  }

  /** The offset asked for is gone (deleted or compacted away): start at the log start; past the end is an error. */
  private async clampToLogStart(s: PartitionState, highWatermark: bigint): Promise<void> {
    const start = Number(await this.o.logStart(s.topic, s.partition));
    if (s.position >= start)
      throw new OperationError(`${s.topic}:${s.partition}: offset ${s.position} is beyond the end of the partition (${highWatermark})`);
    this.o.onWarning?.(`${s.topic}:${s.partition}: offset ${s.position} no longer exists; starting at ${start}`);
    s.position = start;
  }
}

/** Fetch rounds until every bounded partition is done or the reader is closed. */
class Pump {
  constructor(
    private readonly fetcher: Fetcher,
    private readonly queue: RecordQueue,
    private readonly outage: Outage,
  ) {}

  async run(): Promise<void> {
    const { fetcher, queue } = this;
    while (!fetcher.closed && !queue.failure) {
      try {
        if (await this.once()) break;
      } catch (error) {
        // Closed mid-fetch (Ctrl-C): the client's connections went away on purpose.
        if (fetcher.closed) break;
        await this.outage.survive(error);
        fetcher.forgetLeaders();
      }
    }
    queue.notify();
  }

  /** One round of fetches; true when every partition is done. */
  private async once(): Promise<boolean> {
    const { fetcher, queue } = this;
    // Back-pressure: the next fetches go out once next() took what came (they then overlap with
    // its formatting). Records that wait longer outlive the young generation: with 4 responses
    // queued, 3M records cost 16 full GCs and 220 MB RSS instead of 2 and 145 MB, and more time.
    if (!queue.onLast) {
      await queue.waitUntilTaken();
      return false;
    }
    const nodes = fetcher.leaders();
    if (nodes.length === 0) return true;
    if (nodes.some((n) => n < 0)) {
      await fetcher.refreshMetadata();
      if (fetcher.states.some((s) => !s.done && s.leader < 0)) await new Promise((r) => setTimeout(r, 200));
      return false;
    }
    await fetcher.fetchAll(nodes);
    this.outage.recovered();
    queue.notify();
    return false;
  }
}

/** A lost connection: wait and reconnect within maxOutageMs, with a back-off, else give up with a typed error. */
class Outage {
  private since: number | undefined;
  private backoff = 250;

  constructor(
    private readonly clients: ClientPlumbing,
    private readonly o: PartitionReaderOptions,
  ) {}

  async survive(error: unknown): Promise<void> {
    const where = this.clients.settings.bootstrap;
    const maxMs = this.o.maxOutageMs;
    if (!isConnectionLoss(error) || !maxMs) throw attribute(toKtoolError(error, where, 'fetch records'), this.clients.settings, 'Read');
    const now = Date.now();
    if (this.since === undefined) {
      this.since = now;
      this.o.onWarning?.(
        `lost the connection to ${where.join(',')}; ` +
          `reconnecting${Number.isFinite(maxMs) ? ` for up to ${Math.round(maxMs / 1000)}s` : ' until it is back (Ctrl-C stops)'}`,
      );
    } else if (now - this.since > maxMs) throw toKtoolError(error, where, 'fetch records');
    await new Promise((r) => setTimeout(r, this.backoff));
    this.backoff = Math.min(this.backoff * 2, 5_000);
  }

  recovered(): void {
    if (this.since === undefined) return;
    this.o.onWarning?.(
      `reconnected to ${this.clients.settings.bootstrap.join(',')} after ${((Date.now() - this.since) / 1000).toFixed(1)}s`,
    );
    this.since = undefined;
    this.backoff = 250;
  }
}
