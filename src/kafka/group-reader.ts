import { Consumer, FetchIsolationLevels } from '@platformatic/kafka';
import type { ConsumedRecord, GroupReader, GroupReaderOptions } from './consumer-types.js';
import { leafErrors, toKtoolError } from './errors.js';
import type { KafkaClients } from './types.js';

interface StreamMessage {
  topic: string;
  partition: number;
  offset: bigint;
  timestamp: bigint;
  key?: Buffer;
  value?: Buffer;
  headerEntries: [Buffer, Buffer | undefined][];
  leaderEpoch: number;
}

/** Records held before the library's stream is paused: bounds memory when stdout is slow. */
const MAX_QUEUED = 10_000;

/**
 * Reading as a consumer-group member (classic or KIP-848 protocol) through the client library's
 * stream, with autocommit off: the caller commits after it has written records out.
 */
export async function openGroupReader(clients: KafkaClients, o: GroupReaderOptions): Promise<GroupReader> {
  const base = await clients.baseOptions();
  const consumer = new Consumer({
    ...(base as object),
    groupId: o.groupId,
    ...(o.protocol === 'consumer' ? { groupProtocol: 'consumer' } : { sessionTimeout: 10_000, heartbeatInterval: 1_000 }),
    isolationLevel: o.isolation === 'read_committed' ? FetchIsolationLevels.READ_COMMITTED : FetchIsolationLevels.READ_UNCOMMITTED,
  } as ConstructorParameters<typeof Consumer>[0]);
  clients.onClose(() => consumer.close(true));
  const brokers = clients.settings.bootstrap;
  // Errors of the library (group authorization, coordinator gone) become typed one-liners.
  const typed = (error: unknown) => toKtoolError(error, brokers, `read as group ${o.groupId}`);
  let stream;
  // A new cluster creates __consumer_offsets on the first join, and its coordinator answers "not
  // available" or "loading" for a while: retry those (within the timeout), nothing else.
  const deadline = Date.now() + clients.settings.timeoutMs;
  for (;;) {
    try {
      // 1 MB fetches: the library's default of 50 MB decodes about half a million records at once.
      stream = await consumer.consume({ topics: o.topics, mode: 'committed', fallbackMode: o.fallback, autocommit: false, maxWaitTime: 500, maxBytes: 1 << 20, maxBytesPerPartition: 1 << 20 } as Parameters<typeof consumer.consume>[0]);
      break;
    } catch (error) {
      const text = leafErrors(error).map((e) => `${e.apiId ?? ''} ${e.message}`).join(' ');
      if (Date.now() > deadline || !/COORDINATOR_NOT_AVAILABLE|NOT_COORDINATOR|LOAD_IN_PROGRESS|joinGroup failed/i.test(text)) throw typed(error);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const epochs = new Map<string, number>();
  // Flowing mode into a bounded queue. Pulling with read() instead stalls for good when the first
  // read() comes more than a few milliseconds after consume(): in @platformatic/kafka 2.12.1 the
  // stream's fetch loop runs only while it is flowing.
  const flowing = stream as unknown as {
    on(event: 'data', fn: (m: StreamMessage) => void): void;
    on(event: 'error', fn: (error: Error) => void): void;
    pause(): void;
    resume(): void;
    isPaused(): boolean;
  };
  const queue: StreamMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  flowing.on('data', (m) => {
    queue.push(m);
    if (queue.length >= MAX_QUEUED) flowing.pause();
    wake?.();
  });
  flowing.on('error', (error) => {
    failure = error;
    wake?.();
  });

  return {
    async next() {
      // What has arrived, at most one batch; wait at most one poll when nothing has, so the caller
      // can check its idle timeout and signals.
      if (failure) throw typed(failure);
      if (queue.length === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, 500);
          function done() {
            clearTimeout(timer);
            wake = undefined;
            resolve();
          }
          wake = done;
        });
        if (failure) throw typed(failure);
      }
      const records = queue.splice(0, MAX_QUEUED).map((m) => {
        epochs.set(`${m.topic}:${m.partition}`, m.leaderEpoch);
        return toRecord(m);
      });
      if (flowing.isPaused()) flowing.resume();
      return records;
    },
    async commit(offsets) {
      if (offsets.length === 0) return;
      try {
        await consumer.commit({ offsets: offsets.map((x) => ({ ...x, leaderEpoch: epochs.get(`${x.topic}:${x.partition}`) ?? -1 })) });
      } catch (error) {
        throw typed(error);
      }
    },
    async close() {
      await (stream as unknown as { close(): Promise<void> }).close().catch(() => undefined);
      await consumer.close(true).catch(() => undefined);
    },
  };
}

function toRecord(m: StreamMessage): ConsumedRecord {
  return {
    topic: m.topic,
    partition: m.partition,
    offset: Number(m.offset),
    timestamp: Number(m.timestamp),
    timestampType: 'CreateTime',
    key: m.key ?? null,
    value: m.value ?? null,
    headers: m.headerEntries.map(([k, v]) => [k, v ?? null]),
  };
}
