import { Admin } from '@platformatic/kafka';
import { OperationError } from '../errors.js';
import { errorName, errorText } from './errors.js';
import { COORDINATOR_ATTEMPTS, Coordinators, groupError, RETRY_COORDINATOR } from './groups-coordinators.js';
import { describeOn, listGroups } from './groups-read.js';
import { alterShareGroupOffsets, deleteShareGroupOffsets, fetchShareOffsets } from './groups-share.js';
import { PINNED } from './pinned-apis.js';
import { callApi } from './raw-api.js';
import { readRecordTimestamps } from './groups-timestamps.js';
export { timestampKey } from './groups-timestamps.js';
export { normaliseState } from './groups-read.js';
import type { CommittedOffset, GroupsApi, PartitionOutcome } from './groups-types.js';
import type { ItemResult, TopicPartition } from './types.js';

export type * from './groups-types.js';

/** OffsetCommit and OffsetDelete answers alike (the library types each on its own). */
interface PartitionErrors {
  topics: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const byTopic = <T extends TopicPartition, P>(items: T[], map: (item: T) => P) => {
  const topics = new Map<string, P[]>();
  for (const item of items) topics.set(item.topic, [...(topics.get(item.topic) ?? []), map(item)]);
  return [...topics].map(([name, partitions]) => ({ name, partitions }));
};

export function makeGroupsApi(admin: Admin): GroupsApi {
  const coordinators = new Coordinators(admin);

  return {
    listGroups: (types = ['classic', 'consumer']) => listGroups(admin, types),

    async describeGroups(groups) {
      const unique = [...new Set(groups)];
      if (!unique.length) return [];
      const found = await coordinators.perCoordinator(unique, (broker, list) => describeOn(admin, broker, list));
      return unique.map((g) => found.find((d) => d.group === g)!);
    },

    fetchOffsets: (groups, options) => fetchOffsets(admin, coordinators, groups, options?.requireStable ?? false),

    async commitOffsets(group, offsets) {
      if (!offsets.length) return [];
      const topics = byTopic(offsets, (o) => ({
        partitionIndex: o.partition,
        committedOffset: o.offset,
        committedLeaderEpoch: -1,
        committedMetadata: '',
      }));
      const r = await coordinators.atCoordinator(
        group,
        (broker): Promise<PartitionErrors> => callApi(admin, PINNED.OffsetCommit, [group, -1, '', null, topics], broker),
        (x) => x.topics.some((t) => t.partitions.some((p) => RETRY_COORDINATOR.has(p.errorCode))),
      );
      return outcomes(r);
    },

    deleteGroups: (groups) => deleteGroups(admin, coordinators, groups),
    fetchShareOffsets: (groups) => fetchShareOffsets(admin, coordinators, groups),
    alterShareOffsets: (group, offsets) => alterShareGroupOffsets(admin, coordinators, group, offsets),
    deleteShareOffsets: (group, topics) => deleteShareGroupOffsets(admin, coordinators, group, topics),

    async deleteOffsets(group, partitions) {
      const topics = byTopic(partitions, (p) => ({ partitionIndex: p.partition }));
      const r = await coordinators.atCoordinator(
        group,
        (broker) => callApi(admin, PINNED.OffsetDelete, [group, topics], broker),
        (x) => RETRY_COORDINATOR.has(x.errorCode),
      );
      if (r.errorCode) return { errorCode: errorName(r.errorCode), error: errorText(r.errorCode), partitions: [] };
      return { partitions: outcomes(r) };
    },

    recordTimestamps(positions) {
      if (!positions.length) return Promise.resolve(new Map());
      return readRecordTimestamps(admin, positions).catch((error) => {
        throw new OperationError(`reading the records at the committed offsets: ${(error as Error).message}`, { cause: error });
      });
    },
  };
}

/** Every committed offset of each group: one OffsetFetch per coordinator. */
async function fetchOffsets(
  admin: Admin,
  coordinators: Coordinators,
  groups: string[],
  requireStable: boolean,
): Promise<Map<string, CommittedOffset[]>> {
  const out = new Map<string, CommittedOffset[]>();
  const unique = [...new Set(groups)];
  if (!unique.length) return out;
  await coordinators.perCoordinator(unique, async (broker, list) => {
    const r = await callApi(
      admin,
      PINNED.OffsetFetch,
      [list.map((groupId) => ({ groupId, memberId: null, memberEpoch: -1, topics: null })), requireStable],
      broker,
    );
    for (const g of r.groups) {
      if (g.errorCode) throw groupError(g.errorCode, `fetching the committed offsets of group ${g.groupId}`, undefined, [g.groupId]);
      const offsets: CommittedOffset[] = [];
      for (const t of g.topics) {
        for (const p of t.partitions) {
          if (p.errorCode)
            throw groupError(p.errorCode, `fetching the committed offset of ${g.groupId} ${t.name}:${p.partitionIndex}`, undefined, [
              t.name,
            ]);
          if (p.committedOffset < 0n) continue;
          offsets.push({
            topic: t.name,
            partition: p.partitionIndex,
            offset: p.committedOffset,
            leaderEpoch: p.committedLeaderEpoch,
            metadata: p.metadata ?? null,
          });
        }
      }
      out.set(
        g.groupId,
        offsets.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
      );
    }
    return [];
  });
  return out;
}

/** DeleteGroups, one request per coordinator. */
async function deleteGroups(admin: Admin, coordinators: Coordinators, groups: string[]): Promise<ItemResult[]> {
  // Only the groups whose coordinator moved are sent again: a group deleted meanwhile is not deleted twice.
  const results = new Map<string, ItemResult>();
  let pending = [...new Set(groups)];
  for (let attempt = 1; pending.length; attempt++) {
    const answers = await coordinators.perCoordinator(
      pending,
      async (broker, list) => (await callApi(admin, PINNED.DeleteGroups, [list], broker)).results,
    );
    pending = [];
    for (const x of answers) {
      if (RETRY_COORDINATOR.has(x.errorCode) && attempt < COORDINATOR_ATTEMPTS) {
        coordinators.forget(x.groupId);
        pending.push(x.groupId);
      } else
        results.set(
          x.groupId,
          x.errorCode
            ? { name: x.groupId, ok: false, errorCode: errorName(x.errorCode), error: errorText(x.errorCode) }
            : { name: x.groupId, ok: true },
        );
    }
    if (pending.length) await sleep(100);
  }
  return [...results.values()];
}

function outcomes(r: PartitionErrors): PartitionOutcome[] {
  return r.topics
    .flatMap((t) =>
      t.partitions.map((p): PartitionOutcome =>
        p.errorCode
          ? { topic: t.name, partition: p.partitionIndex, errorCode: errorName(p.errorCode), error: errorText(p.errorCode) }
          : { topic: t.name, partition: p.partitionIndex },
      ),
    )
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}
