import type { Context } from '../../cli/context.js';
import { timestampKey } from '../../kafka/types.js';
import { requireGroups } from '../groups/missing.js';
import { collectOffsets, describeNamed, groupsApi } from '../groups/shared.js';
import { checkTopicFilter } from './filters.js';
import type { LagOptions } from './options.js';

/** One partition of a group: offsets, lag in records and, when it lags, how old its next record is. */
export interface PartitionLag {
  topic: string;
  partition: number;
  currentOffset: number | null;
  logEndOffset: number | null;
  /** null without a committed offset. */
  lag: number | null;
  /** Milliseconds between now and the timestamp of the record at the committed offset; 0 without lag; null when unknown. */
  timeLagMs: number | null;
  memberId: string | null;
  clientId: string | null;
  host: string | null;
}

/**
 * `ktool lag --json`: one object per group. `lag` sums the partitions with a committed offset;
 * `timeLagMs` is the largest partition time lag (null when none is known).
 */
export interface GroupLag {
  group: string;
  state: string;
  members: number;
  lag: number;
  timeLagMs: number | null;
  partitions: PartitionLag[];
}

export interface LagSnapshot {
  /** Epoch ms when the offsets were read. */
  time: number;
  groups: GroupLag[];
}

export async function collectLag(
  ctx: Context,
  o: Pick<LagOptions, 'groups' | 'topics' | 'partitions' | 'timeLag' | 'maxLag' | 'maxTimeLagMs'>,
): Promise<LagSnapshot> {
  const all = o.groups.length === 0;
  const described = await describeNamed(ctx, o.groups, all);
  const { rows: found, committed } = await collectOffsets(ctx, described, { topics: o.topics.length ? new Set(o.topics) : undefined });
  const rows = o.partitions ? found.filter((r) => o.partitions![r.topic]?.includes(r.partition) ?? true) : found;
  if (!all) await requireGroups(ctx, described, committed);
  await checkTopicFilter(ctx, o, rows);
  const time = Date.now();
  const lagging = rows.filter((r) => r.lag !== null && r.lag > 0);
  const stamps =
    o.timeLag && lagging.length
      ? await (
          await groupsApi(ctx)
        ).recordTimestamps(lagging.map((r) => ({ topic: r.topic, partition: r.partition, offset: BigInt(r.currentOffset!) })))
      : new Map<string, number>();
  const groups: GroupLag[] = [];
  for (const d of described) {
    const mine = rows.filter((r) => r.group === d.group);
    if (!mine.length && (!d.exists || (all && o.topics.length))) continue;
    const partitions = mine.map((r): PartitionLag => {
      let timeLagMs: number | null = null;
      if (r.lag !== null && r.lag <= 0) timeLagMs = 0;
      else if (r.lag !== null) {
        const ts = stamps.get(timestampKey(r.topic, r.partition, r.currentOffset!));
        if (ts !== undefined) timeLagMs = Math.max(0, time - ts);
      }
      return {
        topic: r.topic,
        partition: r.partition,
        currentOffset: r.currentOffset,
        logEndOffset: r.logEndOffset,
        lag: r.lag,
        timeLagMs,
        memberId: r.memberId,
        clientId: r.clientId,
        host: r.host,
      };
    });
    const known = partitions.map((p) => p.timeLagMs).filter((t): t is number => t !== null);
    groups.push({
      group: d.group,
      state: d.state,
      members: d.members.length,
      lag: partitions.reduce((s, p) => s + (p.lag ?? 0), 0),
      timeLagMs: known.length ? Math.max(...known) : null,
      partitions,
    });
  }
  return { time, groups };
}
