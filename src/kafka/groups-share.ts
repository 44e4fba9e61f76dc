import type { Admin } from '@platformatic/kafka';
import { errorName, errorText } from './errors.js';
import { Coordinators, RETRY_COORDINATOR } from './groups-coordinators.js';
import type { OffsetToCommit, PartitionOutcome, ShareOffset } from './groups-types.js';
import { alterShareOffsets, deleteShareOffsets, describeShareOffsets } from './share-offsets.js';

/** GroupsApi's share group offsets (KIP-932): share-offsets.ts's requests at each group's coordinator. */

export async function fetchShareOffsets(admin: Admin, coordinators: Coordinators, groups: string[]): Promise<Map<string, ShareOffset[]>> {
  const out = new Map<string, ShareOffset[]>();
  if (!groups.length) return out;
  const answers = await coordinators.perCoordinator(groups, (broker, list) => describeShareOffsets(admin, broker, list));
  for (const g of answers) {
    if (g.errorCode) continue;
    out.set(
      g.group,
      g.partitions
        .filter((p) => !p.errorCode)
        .map((p) => ({
          topic: p.topic,
          partition: p.partition,
          startOffset: p.startOffset < 0n ? null : p.startOffset,
          leaderEpoch: p.leaderEpoch < 0 ? null : p.leaderEpoch,
          lag: p.lag < 0n ? null : p.lag,
        })),
    );
  }
  return out;
}

export async function alterShareGroupOffsets(
  admin: Admin,
  coordinators: Coordinators,
  group: string,
  offsets: OffsetToCommit[],
): Promise<PartitionOutcome[]> {
  if (!offsets.length) return [];
  const r = await coordinators.atCoordinator(
    group,
    (broker) => alterShareOffsets(admin, broker, group, offsets),
    (x) => RETRY_COORDINATOR.has(x.errorCode),
  );
  if (r.errorCode)
    return offsets.map((o) => ({
      topic: o.topic,
      partition: o.partition,
      errorCode: errorName(r.errorCode),
      error: errorText(r.errorCode, r.errorMessage),
    }));
  return r.topics.map((t) => ({
    topic: t.topic,
    partition: t.partition!,
    ...(t.errorCode ? { errorCode: errorName(t.errorCode), error: errorText(t.errorCode, t.errorMessage) } : {}),
  }));
}

export async function deleteShareGroupOffsets(
  admin: Admin,
  coordinators: Coordinators,
  group: string,
  topics: string[],
): Promise<{ errorCode?: string; error?: string; topics: { topic: string; errorCode?: string; error?: string }[] }> {
  const r = await coordinators.atCoordinator(
    group,
    (broker) => deleteShareOffsets(admin, broker, group, topics),
    (x) => RETRY_COORDINATOR.has(x.errorCode),
  );
  if (r.errorCode) return { errorCode: errorName(r.errorCode), error: errorText(r.errorCode, r.errorMessage), topics: [] };
  return {
    topics: r.topics.map((t) => ({
      topic: t.topic,
      ...(t.errorCode ? { errorCode: errorName(t.errorCode), error: errorText(t.errorCode, t.errorMessage) } : {}),
    })),
  };
}
