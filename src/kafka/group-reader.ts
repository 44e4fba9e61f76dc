import { Consumer, FetchIsolationLevels } from '@platformatic/kafka';
import type { ConsumedRecord, GroupReader, GroupReaderOptions } from './consumer-types.js';
import { answerWithin } from './deadline.js';
import { attribute, DeniedError } from './denied.js';
import { kafkaErrorId, leafErrors, toKtoolError } from './errors.js';
import { takeStreamFetches } from './group-fetch.js';
import type { ClientPlumbing } from './plumbing.js';
import { tpKey } from './types.js';

/**
 * Fetch responses (of at most FETCH_BYTES each) whose records may wait for next() before the
 * stream is paused: bounds memory when stdout is slow, whatever the size of the records.
 */
const MAX_QUEUED_RESPONSES = 4;
const FETCH_BYTES = 1 << 20;
const FETCH_WAIT_MS = 200;

/** Commit errors of a member caught in a rebalance: the commit is dropped, reading goes on. */
const REBALANCING = new Set(['REBALANCE_IN_PROGRESS', 'ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID', 'FENCED_MEMBER_EPOCH', 'STALE_MEMBER_EPOCH']);

/**
 * Reading as a consumer-group member (classic or KIP-848 protocol): the client library's stream
 * does membership, assignments and fetch positions, with autocommit off (the caller commits after
 * it has written records out); the records come from its fetches (group-fetch.ts).
 */
export async function openGroupReader(clients: ClientPlumbing, o: GroupReaderOptions): Promise<GroupReader> {
  const base = await clients.baseOptions();
  const consumer = new Consumer({
    ...(base as object),
    groupId: o.groupId,
    // A rejoin meets REBALANCE_IN_PROGRESS while members come and go; the Java consumer retries
    // it for as long as it polls. After these the member gives up (reading ends with the error).
    retries: 10,
    ...(o.protocol === 'consumer' ? { groupProtocol: 'consumer' } : { sessionTimeout: 10_000, heartbeatInterval: 1_000 }),
    isolationLevel: o.isolation === 'read_committed' ? FetchIsolationLevels.READ_COMMITTED : FetchIsolationLevels.READ_UNCOMMITTED,
  } as ConstructorParameters<typeof Consumer>[0]);
  clients.onClose(() => consumer.close(true));
  const brokers = clients.settings.bootstrap;
  // Errors of the library (group authorization, coordinator gone) become typed one-liners.
  const typed = (error: unknown) => {
    const t = attribute(toKtoolError(error, brokers, `read as group ${o.groupId}`), clients.settings, 'Read');
    return t instanceof DeniedError && t.kafkaCode === 'GROUP_AUTHORIZATION_FAILED' ? t.filledIn({ names: [o.groupId] }) : t;
  };
  // The first request on its own, bounded by --timeout and Ctrl-C: a broker that never answers
  // fails here (exit 4), while joining the group afterwards may rightly take longer (a rebalance).
  await answerWithin(consumer.metadata({ topics: [], autocreateTopics: false }), { timeoutMs: clients.settings.timeoutMs, brokers, signal: clients.signal }).catch((error: unknown) => {
    throw typed(error);
  });
  const epochs = new Map<string, number>();
  const queue: ConsumedRecord[][] = [];
  let queuedResponses = 0;
  /** The stream, once there is one: paused while MAX_QUEUED_RESPONSES wait for next(). */
  let paused: { pause(): void } | undefined;
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const fail = (error: Error) => {
    failure ??= error;
    notify();
  };
  // Membership errors (a rejoin that failed) come as the consumer's 'error' event: without a
  // listener they would be thrown from a timer.
  (consumer as unknown as { on(event: 'error', fn: (error: Error) => void): void }).on('error', fail);
  let fresh = false;
  const taking = takeStreamFetches(consumer, { topics: o.topics, isolation: o.isolation, partitionMaxBytes: FETCH_BYTES }, {
    records(records, leaderEpoch) {
      queue.push(records);
      epochs.set(tpKey(records[0].topic, records[0].partition), leaderEpoch);
      fresh = true;
    },
    afterResponse() {
      if (fresh) queuedResponses++;
      fresh = false;
      if (queuedResponses >= MAX_QUEUED_RESPONSES) paused?.pause();
      notify();
    },
    failed: fail,
  });
  await taking.catch((error: unknown) => {
    throw typed(error);
  });

  let stream;
  // A new cluster creates __consumer_offsets on the first join, and its coordinator answers "not
  // available" or "loading" for a while: retry those (within the timeout), nothing else.
  const deadline = Date.now() + clients.settings.timeoutMs;
  for (;;) {
    try {
      // 1 MiB fetches: the library's default of 50 MB decodes about half a million records at once.
      // A fetch waiting at the broker holds up the commit and the LeaveGroup behind it on the same
      // connection: 200 ms keeps Ctrl-C's commit-and-leave well within a second.
      stream = await consumer.consume({ topics: o.topics, mode: 'committed', fallbackMode: o.fallback, autocommit: false, maxWaitTime: FETCH_WAIT_MS, maxBytes: FETCH_BYTES, maxBytesPerPartition: FETCH_BYTES } as Parameters<typeof consumer.consume>[0]);
      break;
    } catch (error) {
      const text = leafErrors(error).map((e) => `${e.apiId ?? ''} ${e.message}`).join(' ');
      if (Date.now() > deadline || !/COORDINATOR_NOT_AVAILABLE|NOT_COORDINATOR|LOAD_IN_PROGRESS|joinGroup failed/i.test(text)) throw typed(error);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  // The stream only fetches while it flows; nothing reaches 'data' (group-fetch.ts hands it no records).
  const flowing = stream as unknown as {
    on(event: 'data', fn: () => void): void;
    on(event: 'error', fn: (error: Error) => void): void;
    pause(): void;
    resume(): void;
    isPaused(): boolean;
  };
  flowing.on('data', () => {
    failure ??= new Error('the client delivered a record past ktool\'s reader');
    notify();
  });
  flowing.on('error', fail);
  paused = flowing;

  return {
    async next() {
      // What has arrived; wait at most one poll (and not past Ctrl-C) when nothing has, so the
      // caller can check its idle timeout and signals.
      if (failure) throw typed(failure);
      if (queue.length === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, 500);
          clients.signal?.addEventListener('abort', done, { once: true });
          function done() {
            clearTimeout(timer);
            clients.signal?.removeEventListener('abort', done);
            wake = undefined;
            resolve();
          }
          wake = done;
          if (clients.signal?.aborted) done();
        });
        if (failure) throw typed(failure);
      }
      const records = queue.length === 1 ? queue[0] : queue.flat();
      queue.length = 0;
      queuedResponses = 0;
      if (flowing.isPaused()) flowing.resume();
      return records;
    },
    async commit(offsets) {
      if (offsets.length === 0) return;
      try {
        await consumer.commit({ offsets: offsets.map((x) => ({ ...x, leaderEpoch: epochs.get(tpKey(x.topic, x.partition)) ?? -1 })) });
      } catch (error) {
        const id = kafkaErrorId(error);
        if (!id || !REBALANCING.has(id)) throw typed(error);
        // Not retried later: by then another member may own these partitions and have committed further.
        o.onWarning?.(`offsets not committed, the group is rebalancing (${id}): the records since the last commit will be read again by whoever gets their partitions`);
      }
    },
    async close() {
      await (stream as unknown as { close(): Promise<void> }).close().catch(() => undefined);
      await consumer.close(true).catch(() => undefined);
    },
  };
}
