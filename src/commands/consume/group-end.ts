import type { ConsumedRecord, Isolation } from '../../kafka/consumer-types.js';
import { tpKey, type AdminApi, type KafkaClients, type TopicPartition } from '../../kafka/types.js';

const key = (t: TopicPartition) => tpKey(t.topic, t.partition);

/**
 * Calls fn with the last record of each run of one partition's records: the highest offset of the
 * run (records come in offset order per partition). Not one map lookup per record.
 */
export function forEachRunEnd(records: ConsumedRecord[], fn: (r: ConsumedRecord) => void): void {
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const next = records[i + 1];
    if (next === undefined || next.partition !== r.partition || next.topic !== r.topic) fn(r);
  }
}

/**
 * The group's committed offsets by "topic:partition". Asked over the admin connection: the client
 * library's consumer stops delivering records when its own listCommittedOffsets runs while it fetches.
 */
export type CommittedOffsets = () => Promise<Map<string, bigint>>;
const REFRESH_MS = 1_000;

/**
 * `consume -g -e`: the group is at the end when every partition of its topics has reached the end
 * offset it had at start. A partition counts as there when this process read its last record, or
 * when the group's committed offset (ours or another member's) reached the end, so a member that
 * was given only some partitions still stops once the others are caught up.
 */
export class GroupEnd {
  private lastRefresh = 0;

  private constructor(
    private readonly remaining: Map<string, bigint>,
    private readonly committed: CommittedOffsets,
  ) {}

  static async start(
    admin: AdminApi,
    committedOffsets: CommittedOffsets,
    partitions: TopicPartition[],
    isolation: Isolation,
    fallback: 'earliest' | 'latest',
  ): Promise<GroupEnd> {
    const [earliest, latest, committed] = await Promise.all([
      admin.listOffsets(partitions, 'earliest'),
      admin.listOffsets(partitions, 'latest', isolation),
      committedOffsets(),
    ]);
    const start = new Map(earliest.map((o) => [key(o), o.offset]));
    const remaining = new Map<string, bigint>();
    for (const o of latest) {
      const c = committed.get(key(o)) ?? -1n;
      // Where the group would begin on this partition: its commit, else the fallback.
      const from = c >= 0n ? c : fallback === 'latest' ? o.offset : (start.get(key(o)) ?? 0n);
      if (from < o.offset) remaining.set(key(o), o.offset);
    }
    return new GroupEnd(remaining, committedOffsets);
  }

  /**
   * The records read, and the fetch positions reached with them: a partition whose last offset is a
   * transaction marker (or aborted records) is at its end only by its position, no record has that offset.
   */
  observe(records: ConsumedRecord[], reached: ReadonlyMap<string, { offset: bigint }> = new Map()): void {
    if (this.remaining.size === 0) return;
    forEachRunEnd(records, (r) => {
      const end = this.remaining.get(key(r));
      if (end !== undefined && BigInt(r.offset) + 1n >= end) this.remaining.delete(key(r));
    });
    for (const [k, { offset }] of reached) {
      const end = this.remaining.get(k);
      if (end !== undefined && offset >= end) this.remaining.delete(k);
    }
  }

  /** True when every partition is at its end; asks the group's commits at most once a second. */
  async done(now = Date.now()): Promise<boolean> {
    if (this.remaining.size === 0) return true;
    if (now - this.lastRefresh < REFRESH_MS) return false;
    this.lastRefresh = now;
    const committed = await this.committed();
    for (const [k, end] of this.remaining) if ((committed.get(k) ?? -1n) >= end) this.remaining.delete(k);
    return this.remaining.size === 0;
  }
}

/** The group's commits through the groups API (one OffsetFetch to its coordinator). */
export async function committedOffsets(clients: KafkaClients, group: string): Promise<CommittedOffsets> {
  const groups = await clients.groups();
  return async () => new Map(((await groups.fetchOffsets([group])).get(group) ?? []).map((c) => [key(c), c.offset]));
}
