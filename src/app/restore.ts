import type { Isolation, PartitionRange, PartitionReader } from '../kafka/consumer-types.js';
import type { AdminApi } from '../kafka/types.js';
import { changelogTopic, snapshotKey, type NamedStore } from './state-store.js';

export type OpenReader = (ranges: PartitionRange[], isolation: Isolation) => Promise<PartitionReader>;

/**
 * Each store's last committed snapshot of each partition, read from its changelog (read_committed,
 * from the log start to the last stable offset: what aborted or still-open transactions wrote is
 * not state), then handed to the store. Returns how many snapshots were found.
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
    const latest = new Map<number, Buffer | null>();
    if (ranges.some((r) => r.end > r.start)) {
      const reader = await openReader(ranges, 'read_committed');
      try {
        for (let records = await reader.next(); records !== null; records = await reader.next()) {
          for (const r of records) if (r.key?.toString('utf8') === snapshotKey(input, r.partition)) latest.set(r.partition, r.value);
        }
      } finally {
        await reader.close();
      }
    }
    for (const p of partitions) {
      const bytes = latest.get(p) ?? null;
      if (bytes) found++;
      store.restore(p, bytes);
    }
  }
  return found;
}
