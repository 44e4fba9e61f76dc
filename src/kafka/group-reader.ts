import { Consumer, FetchIsolationLevels, type BaseOptions, type ConsumerOptions, type MessagesStream } from '@platformatic/kafka';
import type { ConsumedRecord, GroupReader, GroupReaderOptions } from './consumer-types.js';
import { answerWithin } from './deadline.js';
import { attribute, DeniedError } from './denied.js';
import { kafkaErrorId, leafErrors, toKtoolError } from './errors.js';
import { takeStreamFetches, type FetchedPartition, type FetchSink } from './group-fetch.js';
import { OutageClock, RETRY_MS, retriesWithin } from './group-outage.js';
import type { ClientPlumbing } from './plumbing.js';
import { RecordQueue } from './record-queue.js';
import { tpKey } from './types.js';

export { retriesWithin } from './group-outage.js';

/**
 * Fetch responses (of at most FETCH_BYTES each) whose records may wait for next() before the
 * stream is paused: bounds memory when stdout is slow, whatever the size of the records. They
 * wait as fetched bytes, decoded a slice at a time as next() takes them.
 */
const MAX_QUEUED_RESPONSES = 4;
const FETCH_BYTES = 1 << 20;
const FETCH_WAIT_MS = 200;

/** Commit errors of a member caught in a rebalance: the commit is dropped, reading goes on. */
const REBALANCING = new Set([
  'REBALANCE_IN_PROGRESS',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
  'FENCED_MEMBER_EPOCH',
  'STALE_MEMBER_EPOCH',
]);

/** A new cluster's group coordinator, not there yet or still loading: the join is retried until the deadline. */
const COORDINATOR_SETTLING = new Set(['COORDINATOR_NOT_AVAILABLE', 'NOT_COORDINATOR', 'COORDINATOR_LOAD_IN_PROGRESS']);

type Consumer_ = Consumer<unknown, unknown, unknown, unknown>;
type Position = { topic: string; partition: number; offset: bigint };
/** The stream of the client library, as far as ktool drives it (it only fetches while it flows). */
type FlowingStream = Pick<MessagesStream<unknown, unknown, unknown, unknown>, 'on' | 'pause' | 'resume' | 'isPaused' | 'close'>;
type Typed = (error: unknown) => Error;

/**
 * Reading as a consumer-group member (classic or KIP-848 protocol): the client library's stream
 * does membership, assignments and fetch positions, with autocommit off (the caller commits after
 * it has written records out); the records come from its fetches (group-fetch.ts).
 */
export async function openGroupReader(clients: ClientPlumbing, o: GroupReaderOptions): Promise<GroupReader> {
  const consumer = groupConsumer(await clients.baseOptions(), o, clients.settings.timeoutMs);
  clients.onClose(() => consumer.close(true));
  const brokers = clients.settings.bootstrap;
  // Errors of the library (group authorization, coordinator gone) become typed one-liners.
  const typed: Typed = (error) => {
    const t = attribute(toKtoolError(error, brokers, `read as group ${o.groupId}`), clients.settings, 'Read');
    return t instanceof DeniedError && t.kafkaCode === 'GROUP_AUTHORIZATION_FAILED' ? t.filledIn({ names: [o.groupId] }) : t;
  };
  // The first request on its own, bounded by --timeout and Ctrl-C: a broker that never answers
  // fails here (exit 4), while joining the group afterwards may rightly take longer (a rebalance).
  await answerWithin(consumer.metadata({ topics: [], autocreateTopics: false }), {
    timeoutMs: clients.settings.timeoutMs,
    brokers,
    signal: clients.signal,
  }).catch((error: unknown) => {
    throw typed(error);
  });
  const queue = new RecordQueue(clients.signal);
  // Membership errors (a rejoin that failed) come as the consumer's 'error' event: without a
  // listener they would be thrown from a timer.
  consumer.on('error', (error) => queue.fail(error));
  const outage = new OutageClock(clients.settings.timeoutMs, brokers);
  consumer.on('client:performWithRetry:retry', () => outage.failed());
  consumer.on('consumer:heartbeat:end', () => outage.answered());
  const fetches = new Fetches(queue, outage);
  const partitionMaxBytes = o.partitionMaxBytes ?? FETCH_BYTES;
  await takeStreamFetches(consumer, { topics: o.topics, isolation: o.isolation, partitionMaxBytes }, fetches).catch((error: unknown) => {
    throw typed(error);
  });
  const stream = await startStream(consumer, o, Date.now() + clients.settings.timeoutMs, typed);
  // Joined: the coordinator answered. A join that took retries longer than --timeout (a new cluster's
  // coordinator loading on a busy machine) is not an outage: the first next() ended reading with exit 4.
  outage.answered();
  // Nothing reaches 'data' (group-fetch.ts hands the stream no records).
  stream.on('data', () => queue.fail(new Error("the client delivered a record past ktool's reader")));
  stream.on('error', (error) => queue.fail(error));
  fetches.stream = stream;
  return new Member(consumer, stream, queue, fetches, o, typed, { timeoutMs: clients.settings.timeoutMs, brokers, outage });
}

function groupConsumer(base: BaseOptions, o: GroupReaderOptions, timeoutMs: number): Consumer_ {
  const protocol: ConsumerOptions<unknown, unknown, unknown, unknown> =
    o.protocol === 'consumer'
      ? { ...base, groupId: o.groupId, groupProtocol: 'consumer' }
      : { ...base, groupId: o.groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 };
  return new Consumer({
    ...protocol,
    // A rejoin meets REBALANCE_IN_PROGRESS while members come and go, a fetch or a commit meets a
    // leader or coordinator that died until another takes over; the Java consumer retries these for as
    // long as it polls. After --timeout the member gives up (reading ends with the error, exit 4).
    retries: retriesWithin(timeoutMs),
    retryDelay: RETRY_MS,
    isolationLevel: o.isolation === 'read_committed' ? FetchIsolationLevels.READ_COMMITTED : FetchIsolationLevels.READ_UNCOMMITTED,
  });
}

/**
 * Joins the group and starts the stream. A new cluster creates __consumer_offsets on the first
 * join, and its coordinator answers "not available" or "loading" for a while: retry those (until
 * the deadline), nothing else.
 */
export async function startStream(consumer: Consumer_, o: GroupReaderOptions, deadline: number, typed: Typed): Promise<FlowingStream> {
  for (;;) {
    try {
      // 1 MiB fetches: the library's default of 50 MB decodes about half a million records at once.
      // A fetch waiting at the broker holds up the commit and the LeaveGroup behind it on the same
      // connection: 200 ms keeps Ctrl-C's commit-and-leave well within a second.
      return await consumer.consume({
        topics: o.topics,
        mode: 'committed',
        fallbackMode: o.fallback,
        autocommit: false,
        maxWaitTime: FETCH_WAIT_MS,
        // A response holds one partition's bytes at least (max.partition.fetch.bytes above 1 MiB).
        maxBytes: Math.max(FETCH_BYTES, o.partitionMaxBytes ?? 0),
        maxBytesPerPartition: o.partitionMaxBytes ?? FETCH_BYTES,
      });
    } catch (error) {
      if (Date.now() > deadline || !leafErrors(error).some((e) => COORDINATOR_SETTLING.has(e.apiId ?? ''))) throw typed(error);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/**
 * Where the stream's fetches leave their records: queued, each partition's part of a response one
 * chunk, decoded a slice at a time as next() takes it; the stream paused while MAX_QUEUED_RESPONSES
 * have records waiting. A partition's position after a chunk counts as reached only once every
 * record of the chunk was handed out: consume commits it as soon as they are written.
 */
class Fetches implements FetchSink {
  /** The leader epoch of the records last handed out, by partition: what a commit of their offsets names. */
  readonly epochs = new Map<string, number>();
  /** Positions after the chunks the last next() finished (their records all handed out). */
  reached = new Map<string, Position>();
  /** The stream, once there is one. */
  stream: FlowingStream | undefined;
  /** Responses with a chunk waiting for next(). */
  queuedResponses = 0;
  /** Chunks of the response being handed over that are still waiting. */
  private current = { waiting: 0 };

  constructor(
    private readonly queue: RecordQueue,
    private readonly outage: OutageClock,
  ) {}

  fetched(part: FetchedPartition): void {
    const { topic, partition, leaderEpoch, next } = part;
    const response = this.current;
    if (response.waiting++ === 0) this.queuedResponses++;
    const key = tpKey(topic, partition);
    this.queue.push(part.records, (done) => {
      this.epochs.set(key, leaderEpoch);
      if (!done) return;
      this.reached.set(key, { topic, partition, offset: BigInt(next) });
      if (--response.waiting === 0) this.queuedResponses--;
    });
  }

  afterResponse(): void {
    this.outage.answered();
    this.current = { waiting: 0 };
    if (this.queuedResponses >= MAX_QUEUED_RESPONSES) this.stream?.pause();
    this.queue.notify();
  }

  failed(error: Error): void {
    this.queue.fail(error);
  }
}

/** The reader handed to consume: what arrived, commits of what was written, and leaving the group. */
class Member implements GroupReader {
  constructor(
    private readonly consumer: Consumer_,
    private readonly stream: FlowingStream,
    private readonly queue: RecordQueue,
    private readonly fetches: Fetches,
    private readonly o: GroupReaderOptions,
    private readonly typed: Typed,
    private readonly limits: { timeoutMs: number; brokers: string[]; outage: OutageClock },
  ) {}

  /**
   * What has arrived; waits at most one poll (and not past Ctrl-C) when nothing has, so the caller can check its
   * idle timeout and signals.
   */
  async next(): Promise<ConsumedRecord[]> {
    const { queue } = this;
    if (queue.failure) throw this.typed(queue.failure);
    if (queue.length === 0) {
      await queue.waitForRecords();
      if (queue.failure) throw this.typed(queue.failure);
      const lost = this.limits.outage.expired();
      if (lost) throw lost;
    }
    // One slice (up to the end of one partition's part of a response): the chunks it finished say what was reached.
    const { fetches } = this;
    fetches.reached = new Map();
    let records: ConsumedRecord[];
    try {
      records = queue.shift() ?? [];
    } catch (error) {
      // Bytes that do not decode (a bug, or a codec the fetch could not know of): reading must stop.
      queue.fail(error as Error);
      throw this.typed(error);
    }
    if (fetches.queuedResponses < MAX_QUEUED_RESPONSES && this.stream.isPaused()) this.stream.resume();
    return records;
  }

  reached(): ReadonlyMap<string, Position> {
    return this.fetches.reached;
  }

  async commit(offsets: { topic: string; partition: number; offset: bigint }[]): Promise<void> {
    if (offsets.length === 0) return;
    const { epochs } = this.fetches;
    try {
      // Bounded by --timeout: the library's own retries (nested ones multiply) outlast it by far.
      // Not by Ctrl-C: what was written is still committed when it stops the reading.
      const { timeoutMs, brokers } = this.limits;
      const commit = this.consumer.commit({
        offsets: offsets.map((x) => ({ ...x, leaderEpoch: epochs.get(tpKey(x.topic, x.partition)) ?? -1 })),
      });
      await answerWithin(commit, { timeoutMs, brokers });
    } catch (error) {
      const id = kafkaErrorId(error);
      if (!id || !REBALANCING.has(id)) throw this.typed(error);
      // Not retried later: by then another member may own these partitions and have committed further.
      this.o.onWarning?.(
        `offsets not committed, the group is rebalancing (${id}): the records since the last ` +
          `commit will be read again by whoever gets their partitions`,
      );
    }
  }

  async close(): Promise<void> {
    await this.stream.close().catch(() => undefined);
    await this.consumer.close(true).catch(() => undefined);
  }
}
