import { Consumer, FetchIsolationLevels } from '@platformatic/kafka';
import { OperationError } from '../errors.js';
import type { ClientPlumbing } from './plumbing.js';
import type { ConsumedRecord, PartitionRange, PartitionReader, PartitionReaderOptions } from './consumer-types.js';
import { abortFilter } from './abort-filter.js';
import { attribute, principalOf } from './denied.js';
import { errorForWireCode, isConnectionLoss, toKtoolError } from './errors.js';
import { decodeBatches } from './record-batch-decode.js';
import { toConsumedRecords, type FetchedBatch } from './decode.js';
import { decompress, rawFetch, supportsFastFetch } from './fast-fetch.js';

const OFFSET_OUT_OF_RANGE = 1;
const RETRIABLE = new Set([3, 6, 74, 75, 76, 100]); // unknown partition, not leader, fenced/unknown epoch, offline

interface PartitionState extends PartitionRange {
  position: number;
  endAt?: number;
  done: boolean;
  topicId: string;
  leader: number;
}


/**
 * Group-less reading (kcat -C, kafka-console-consumer without --group): Fetch requests straight to
 * each partition's leader, one in flight per leader, as full (session-less) Fetch v17 requests. Filters
 * aborted transactions under read_committed (the client library's stream does not).
 */
export async function openPartitionReader(clients: ClientPlumbing, o: PartitionReaderOptions): Promise<PartitionReader> {
  const base = await clients.baseOptions();
  const consumer = new Consumer({ ...(base as object), groupId: `ktool-reader-${process.pid}`, isolationLevel: o.isolation === 'read_committed' ? FetchIsolationLevels.READ_COMMITTED : FetchIsolationLevels.READ_UNCOMMITTED } as ConstructorParameters<typeof Consumer>[0]);
  clients.onClose(() => consumer.close(true));
  const states: PartitionState[] = o.ranges.map((r) => ({ ...r, position: Number(r.start), endAt: r.end === undefined ? undefined : Number(r.end), done: r.end !== undefined && r.start >= r.end, topicId: '', leader: -1 }));
  const brokers = new Map<number, { host: string; port: number }>();
  const isolationLevel = o.isolation === 'read_committed' ? FetchIsolationLevels.READ_COMMITTED : FetchIsolationLevels.READ_UNCOMMITTED;
  const queue: ConsumedRecord[][] = [];
  // Bounded memory: at most one response of maxBytes per leader is buffered (see pumpOnce()).
  const maxBytes = o.maxBytes ?? 4 << 20;
  const partitionBytes = Math.min(maxBytes, 1 << 20);
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let closed = false;
  const inFlight = new Set<number>();

  async function refreshMetadata(): Promise<void> {
    const topics = [...new Set(states.map((s) => s.topic))];
    const meta = await consumer.metadata({ topics, forceUpdate: true });
    for (const [id, b] of meta.brokers) brokers.set(id, { host: b.host, port: b.port });
    for (const s of states) {
      const t = meta.topics.get(s.topic);
      if (!t) throw new OperationError(`topic ${s.topic} disappeared while reading`);
      s.topicId = t.id;
      s.leader = t.partitions[s.partition]?.leader ?? -1;
    }
  }

  function notify() {
    const w = wake;
    wake = undefined;
    w?.();
  }

  async function fetchFrom(node: number): Promise<void> {
    inFlight.add(node);
    try {
      const mine = states.filter((s) => !s.done && s.leader === node);
      if (mine.length === 0) return;
      const byTopic = new Map<string, PartitionState[]>();
      for (const s of mine) byTopic.set(s.topicId, [...(byTopic.get(s.topicId) ?? []), s]);
      const topics = [...byTopic].map(([topicId, ps]) => ({ topicId, partitions: ps.map((s) => ({ partition: s.partition, fetchOffset: BigInt(s.position), partitionMaxBytes: partitionBytes })) }));
      const response = fast
        ? await rawFetch(consumer, brokers.get(node)!, { maxWaitMs: 500, maxBytes, isolationLevel, topics })
        : await consumer.fetch({ node, maxWaitTime: 500, minBytes: 1, maxBytes, isolationLevel, topics: topics.map((t) => ({ ...t, partitions: t.partitions.map((p) => ({ ...p, currentLeaderEpoch: -1, lastFetchedEpoch: -1, logStartOffset: -1n })) })) } as Parameters<typeof consumer.fetch>[0]);
      let refresh = false;
      for (const topic of response.responses) {
        for (const p of topic.partitions) {
          const s = mine.find((x) => x.topicId === topic.topicId && x.partition === p.partitionIndex);
          if (!s) continue;
          if (p.errorCode === OFFSET_OUT_OF_RANGE) {
            const start = Number(await o.logStart(s.topic, s.partition));
            if (s.position < start) {
              o.onWarning?.(`${s.topic}:${s.partition}: offset ${s.position} no longer exists; starting at ${start}`);
              s.position = start;
            } else throw new OperationError(`${s.topic}:${s.partition}: offset ${s.position} is beyond the end of the partition (${p.highWatermark})`);
            continue;
          }
          if (p.errorCode) {
            if (RETRIABLE.has(p.errorCode)) refresh = true;
            else throw errorForWireCode(p.errorCode, `fetching ${s.topic}:${s.partition}`, { operation: 'Read', names: [s.topic], principal: principalOf(clients.settings) });
            continue;
          }
          const keep = o.isolation === 'read_committed' ? abortFilter(p.abortedTransactions ?? []) : undefined;
          const records: ConsumedRecord[] = [];
          let next: number;
          if (fast) {
            const raw = (p as { records: Buffer | null }).records;
            next = raw ? decodeBatches(raw, s.topic, s.partition, s.position, s.endAt, records, decompress, keep) : s.position;
          } else {
            const decoded = toConsumedRecords(s.topic, s.partition, ((p as { records?: unknown }).records ?? []) as FetchedBatch[], s.position, s.endAt, keep);
            records.push(...decoded.records);
            next = decoded.nextOffset;
          }
          if (next > s.position) s.position = next;
          if (s.endAt !== undefined && s.position >= s.endAt) s.done = true;
          if (records.length) queue.push(records);
        }
      }
      if (refresh) await refreshMetadata();
    } finally {
      inFlight.delete(node);
    }
  }

  /** A lost connection: wait and reconnect within maxOutageMs, else give up with a typed error. */
  let outageSince: number | undefined;
  let backoff = 250;
  async function survive(error: unknown): Promise<void> {
    const where = clients.settings.bootstrap;
    if (!isConnectionLoss(error) || !o.maxOutageMs) throw attribute(toKtoolError(error, where, 'fetch records'), clients.settings, 'Read');
    const now = Date.now();
    if (outageSince === undefined) {
      outageSince = now;
      o.onWarning?.(`lost the connection to ${where.join(',')}; reconnecting${Number.isFinite(o.maxOutageMs) ? ` for up to ${Math.round(o.maxOutageMs / 1000)}s` : ' until it is back (Ctrl-C stops)'}`);
    } else if (now - outageSince > o.maxOutageMs) throw toKtoolError(error, where, 'fetch records');
    await new Promise((r) => setTimeout(r, backoff));
    backoff = Math.min(backoff * 2, 5_000);
  }
  function recovered() {
    if (outageSince === undefined) return;
    o.onWarning?.(`reconnected to ${clients.settings.bootstrap.join(',')} after ${((Date.now() - outageSince) / 1000).toFixed(1)}s`);
    outageSince = undefined;
    backoff = 250;
  }

  async function pump(): Promise<void> {
    while (!closed && !failure) {
      try {
        if (await pumpOnce()) break;
      } catch (error) {
        // Closed mid-fetch (Ctrl-C): the client's connections went away on purpose.
        if (closed) break;
        await survive(error);
        // Leaders may have moved while the brokers were away.
        for (const s of states) s.leader = -1;
      }
    }
    notify();
  }

  /** One round of fetches; true when every partition is done. */
  async function pumpOnce(): Promise<boolean> {
    // Back-pressure: the next fetches go out once next() took what came (they then overlap with
    // its formatting). Records that wait longer outlive the young generation: with 4 responses
    // queued, 3M records cost 16 full GCs and 220 MB RSS instead of 2 and 145 MB, and more time.
    if (queue.length > 0) {
      await new Promise<void>((r) => (resume = r));
      return false;
    }
    const nodes = [...new Set(states.filter((s) => !s.done).map((s) => s.leader))];
    if (nodes.length === 0) return true;
    if (nodes.some((n) => n < 0)) {
      await refreshMetadata();
      if (states.some((s) => !s.done && s.leader < 0)) await new Promise((r) => setTimeout(r, 200));
      return false;
    }
    await Promise.all(nodes.filter((n) => !inFlight.has(n)).map((n) => fetchFrom(n)));
    recovered();
    notify();
    return false;
  }

  let resume: (() => void) | undefined;
  await refreshMetadata();
  const fast = await supportsFastFetch(consumer);
  const running = pump().catch((error) => {
    failure = error as Error;
    notify();
  });

  return {
    async next() {
      for (;;) {
        if (queue.length) {
          const batch = queue.shift()!;
          const r = resume;
          resume = undefined;
          r?.();
          return batch;
        }
        if (failure) throw failure;
        if (states.every((s) => s.done)) return null;
        // At most one poll, and not past Ctrl-C: the caller checks its signals and idle timeout
        // between calls, also while the reader waits for lost brokers.
        await new Promise<void>((r) => {
          const done = () => {
            wake = undefined;
            clearTimeout(timer);
            clients.signal?.removeEventListener('abort', done);
            r();
          };
          const timer = setTimeout(done, 500);
          wake = done;
          clients.signal?.addEventListener('abort', done, { once: true });
          if (clients.signal?.aborted) done();
        });
        if (!queue.length && !failure && !states.every((s) => s.done)) return [];
      }
    },
    async close() {
      closed = true;
      resume?.();
      // After Ctrl-C a fetch still waiting at the broker is not waited for (nothing is committed here).
      if (!clients.signal?.aborted) await running;
    },
  };
}
