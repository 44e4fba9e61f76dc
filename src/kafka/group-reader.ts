import { Consumer, FetchIsolationLevels } from '@platformatic/kafka';
import type { ConsumedRecord, GroupReader, GroupReaderOptions } from './consumer-types.js';
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
  const stream = await consumer.consume({ topics: o.topics, mode: 'committed', fallbackMode: o.fallback, autocommit: false, maxWaitTime: 500 } as Parameters<typeof consumer.consume>[0]);
  const epochs = new Map<string, number>();
  const readable = stream as unknown as {
    read(): StreamMessage | null;
    on(event: 'error', fn: (error: Error) => void): void;
    once(event: 'readable', fn: () => void): void;
    removeListener(event: 'readable', fn: () => void): void;
  };
  let failure: Error | undefined;
  readable.on('error', (error: Error) => (failure = error));

  return {
    async next() {
      // Drain what the library's stream has buffered; wait at most one poll when it is empty so
      // the caller can check its idle timeout and signals.
      if (failure) throw failure;
      let m = readable.read();
      if (m === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, 500);
          function done() {
            clearTimeout(timer);
            readable.removeListener('readable', done);
            resolve();
          }
          readable.once('readable', done);
        });
        if (failure) throw failure;
        m = readable.read();
      }
      const records: ConsumedRecord[] = [];
      while (m !== null && records.length < 10_000) {
        epochs.set(`${m.topic}:${m.partition}`, m.leaderEpoch);
        records.push(toRecord(m));
        m = records.length < 10_000 ? readable.read() : null;
      }
      return records;
    },
    async commit(offsets) {
      if (offsets.length === 0) return;
      await consumer.commit({ offsets: offsets.map((x) => ({ ...x, leaderEpoch: epochs.get(`${x.topic}:${x.partition}`) ?? -1 })) });
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
