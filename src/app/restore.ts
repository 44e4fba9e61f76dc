import type { Isolation, PartitionRange, PartitionReader } from '../kafka/consumer-types.js';
import type { AdminApi } from '../kafka/types.js';
import { changelogPrefix, changelogTopic, type NamedStore } from './state-store.js';

export type OpenReader = (ranges: PartitionRange[], isolation: Isolation) => Promise<PartitionReader>;

/**
 * Each store's state of each partition: the latest value of each of its keys, read from its changelog
 * (read_committed, from the log start to the last stable offset: what aborted or still-open
 * transactions wrote is not state), then handed to the store. Returns how many keys were found.
 */
export async function restoreStores(
  app: string,
  input: string,
  partitions: number[],
  stores: NamedStore[],
  admin: AdminApi,
  openReader: OpenReader,
): Promise<number> {
  let found = 0;
  for (const { name, store } of stores) {
    const topic = changelogTopic(app, name);
    const tps = partitions.map((partition) => ({ topic, partition }));
    const [starts, ends] = await Promise.all([admin.listOffsets(tps, 'earliest'), admin.listOffsets(tps, 'latest', 'read_committed')]);
    const end = new Map(ends.map((e) => [e.partition, e.offset]));
    const ranges = starts.map((s) => ({ topic, partition: s.partition, start: s.offset, end: end.get(s.partition) ?? s.offset }));
    const latest = new Map<number, Map<string, Buffer>>(partitions.map((p) => [p, new Map()]));
    if (ranges.some((r) => r.end > r.start)) {
      const reader = await openReader(ranges, 'read_committed');
      try {
        for (let records = await reader.next(); records !== null; records = await reader.next()) {
          for (const r of records) {
            const key = r.key?.toString('utf8');
            const prefix = changelogPrefix(input, r.partition);
            if (!key?.startsWith(prefix)) continue;
            if (r.value === null) latest.get(r.partition)?.delete(key.slice(prefix.length));
            else latest.get(r.partition)?.set(key.slice(prefix.length), r.value);
          }
        }
      } finally {
        await reader.close();
      }
    }
    for (const p of partitions) {
      const entries = latest.get(p)!;
      found += entries.size;
      store.restore(p, entries);
    }
  }
  return found;
}
