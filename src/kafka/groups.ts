import { Admin, type consumerGroupDescribeV0 } from '@platformatic/kafka';
import { OperationError, type KtoolError } from '../errors.js';
import { errorForKafkaCode, errorName, errorText, isUnsupported } from './errors.js';
import { PINNED } from './pinned-apis.js';
import { callApi } from './raw-api.js';
import { decodeAssignment } from './groups-assignment.js';
import { readRecordTimestamps } from './groups-timestamps.js';
export { timestampKey } from './groups-timestamps.js';
import type { CommittedOffset, GroupDescription, GroupListing, GroupsApi, PartitionOutcome } from './groups-types.js';
import type { ItemResult, TopicPartition } from './types.js';

export type * from './groups-types.js';

interface Broker { nodeId: number; host: string; port: number }
/** OffsetCommit and OffsetDelete answers alike (the library types each on its own). */
interface PartitionErrors { topics: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }[] }

const GROUP_KEY = 0;
const RETRY_COORDINATOR = new Set([14, 15, 16]); // load in progress, not available, not coordinator
const GROUP_ID_NOT_FOUND = 69;

/** Kafka's names for group states; the wire and the client library disagree on case and separators. */
const STATES = ['Stable', 'Empty', 'PreparingRebalance', 'CompletingRebalance', 'Dead', 'Assigning', 'Reconciling', 'Unknown', 'NotReady'];
const STATE_BY_KEY = new Map(STATES.map((s) => [s.toUpperCase(), s]));
export function normaliseState(state: string): string {
  return STATE_BY_KEY.get(state.replace(/[_\s-]/g, '').toUpperCase()) ?? state;
}

/** `names`: the group (or topic) the answer was about, for a refusal to name it. */
function kafkaError(code: number, what: string, message?: string | null, names?: string[]): KtoolError {
  return errorForKafkaCode(errorName(code), `${what}: ${errorText(code, message)} (${errorName(code)})`, undefined, { names });
}

/** For answers of a group's coordinator: a moved coordinator is retried by perCoordinator. */
function groupError(code: number, what: string, message?: string | null, names?: string[]): Error {
  const typed = kafkaError(code, what, message, names);
  return RETRY_COORDINATOR.has(code) ? new CoordinatorMoved(typed) : typed;
}

/**
 * The coordinator moved or is still loading the group (NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS
 * ...): find it again and retry, as Java's admin client does. `typed` is what the user sees if it
 * never settles.
 */
class CoordinatorMoved extends Error {
  constructor(readonly typed: KtoolError) {
    super(typed.message);
  }
}
const COORDINATOR_ATTEMPTS = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const byTopic = <T extends TopicPartition, P>(items: T[], map: (item: T) => P) => {
  const topics = new Map<string, P[]>();
  for (const item of items) topics.set(item.topic, [...(topics.get(item.topic) ?? []), map(item)]);
  return [...topics].map(([name, partitions]) => ({ name, partitions }));
};

export function makeGroupsApi(admin: Admin): GroupsApi {
  const coordinators = new Map<string, Broker>();

  /** Coordinators for many groups in one FindCoordinator (v4+ batches keys); retried while loading. */
  async function findCoordinators(groups: string[]): Promise<Map<string, Broker>> {
    let missing = groups.filter((g) => !coordinators.has(g));
    for (let attempt = 0; missing.length; attempt++) {
      const r = await callApi(admin, PINNED.FindCoordinator, [GROUP_KEY, missing]);
      const retry: string[] = [];
      for (const c of r.coordinators) {
        if (!c.errorCode) coordinators.set(c.key, { nodeId: c.nodeId, host: c.host, port: c.port });
        else if (RETRY_COORDINATOR.has(c.errorCode) && attempt < 50) retry.push(c.key);
        else throw kafkaError(c.errorCode, `finding the coordinator of group ${c.key}`, c.errorMessage, [c.key]);
      }
      missing = retry;
      if (missing.length) await sleep(100);
    }
    return new Map(groups.map((g) => [g, coordinators.get(g)!]));
  }

  /**
   * Groups batched per coordinator; `send` gets each coordinator and its groups. When `send` throws
   * CoordinatorMoved, every batch is sent again: only for reads.
   */
  async function perCoordinator<T>(groups: string[], send: (broker: Broker, groups: string[]) => Promise<T[]>): Promise<T[]> {
    for (let attempt = 1; ; attempt++) {
      const found = await findCoordinators(groups);
      const batches = new Map<number, { broker: Broker; groups: string[] }>();
      for (const [group, broker] of found) {
        const batch = batches.get(broker.nodeId) ?? { broker, groups: [] };
        batch.groups.push(group);
        batches.set(broker.nodeId, batch);
      }
      try {
        return (await Promise.all([...batches.values()].map((b) => send(b.broker, b.groups)))).flat();
      } catch (error) {
        if (!(error instanceof CoordinatorMoved)) throw error;
        if (attempt >= COORDINATOR_ATTEMPTS) throw error.typed;
        for (const group of groups) coordinators.delete(group);
        await sleep(100);
      }
    }
  }

  /** One group's request to its coordinator, sent again while `moved(response)` says the coordinator moved. */
  async function atCoordinator<T>(group: string, send: (broker: Broker) => Promise<T>, moved: (response: T) => boolean): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const response = await send((await findCoordinators([group])).get(group)!);
      if (!moved(response) || attempt >= COORDINATOR_ATTEMPTS) return response;
      coordinators.delete(group);
      await sleep(100);
    }
  }

  async function brokers(): Promise<Broker[]> {
    return (await callApi(admin, PINNED.Metadata, [[], false, false])).brokers;
  }

  async function describeClassic(broker: Broker, groups: string[]): Promise<GroupDescription[]> {
    const r = await callApi(admin, PINNED.DescribeGroups, [groups, false], broker);
    return r.groups.map((g) => {
      if (g.errorCode) throw groupError(g.errorCode, `describing group ${g.groupId}`, undefined, [g.groupId]);
      const state = normaliseState(g.groupState);
      return {
        group: g.groupId,
        exists: !(state === 'Dead' && g.members.length === 0),
        state,
        type: 'classic' as const,
        protocolType: g.protocolType,
        assignor: g.protocolData,
        coordinator: { id: broker.nodeId, host: broker.host, port: broker.port },
        members: g.members.map((m) => ({ memberId: m.memberId, instanceId: m.groupInstanceId ?? null, clientId: m.clientId, host: m.clientHost.replace(/^\//, ''), assignment: g.protocolType === 'consumer' ? decodeAssignment(m.memberAssignment) : [] })),
      };
    });
  }

  async function describeOn(broker: Broker, groups: string[]): Promise<GroupDescription[]> {
    let consumer: consumerGroupDescribeV0.ConsumerGroupDescribeResponse | undefined;
    try {
      consumer = await callApi(admin, PINNED.ConsumerGroupDescribe, [groups, false], broker);
    } catch (error) {
      // Brokers before Kafka 3.7/4.0 do not know ConsumerGroupDescribe: every group is classic.
      if (!isUnsupported(error)) throw error;
    }
    const out: GroupDescription[] = [];
    const classic: string[] = [];
    for (const group of groups) {
      const g = consumer?.groups.find((x) => x.groupId === group);
      // GROUP_ID_NOT_FOUND here also means "a classic group": ask DescribeGroups.
      if (!g || g.errorCode === GROUP_ID_NOT_FOUND || g.errorCode === 35) {
        classic.push(group);
        continue;
      }
      if (g.errorCode) throw groupError(g.errorCode, `describing group ${group}`, g.errorMessage, [group]);
      const tps = (a: consumerGroupDescribeV0.ConsumerGroupDescribeResponseMemberAssignment) => a.topicPartitions.flatMap((t) => t.partitions.map((partition) => ({ topic: t.topicName, partition })));
      out.push({
        group,
        exists: true,
        state: normaliseState(g.groupState),
        type: 'consumer',
        protocolType: 'consumer',
        assignor: g.assignorName,
        coordinator: { id: broker.nodeId, host: broker.host, port: broker.port },
        groupEpoch: g.groupEpoch,
        assignmentEpoch: g.assignmentEpoch,
        members: g.members.map((m) => ({ memberId: m.memberId, instanceId: m.instanceId ?? null, clientId: m.clientId, host: m.clientHost.replace(/^\//, ''), memberEpoch: m.memberEpoch, assignment: tps(m.assignment), targetAssignment: tps(m.targetAssignment) })),
      });
    }
    if (classic.length) out.push(...(await describeClassic(broker, classic)));
    return out;
  }

  return {
    async listGroups(types = ['classic', 'consumer']) {
      // Each broker lists only the groups it coordinates: ask all of them.
      const all = await Promise.all(
        (await brokers()).map(async (b) => {
          const r = await callApi(admin, PINNED.ListGroups, [[], types], b);
          if (r.errorCode) throw kafkaError(r.errorCode, `listing groups on broker ${b.nodeId}`);
          return r.groups;
        }),
      );
      const seen = new Map<string, GroupListing>();
      for (const g of all.flat()) {
        const type = (g.groupType || 'classic').toLowerCase();
        if (type === 'classic' && g.protocolType !== 'consumer' && g.protocolType !== '') continue; // connect workers etc.
        seen.set(g.groupId, { group: g.groupId, state: normaliseState(g.groupState), type, protocolType: g.protocolType });
      }
      return [...seen.values()].sort((a, b) => a.group.localeCompare(b.group));
    },

    async describeGroups(groups) {
      const unique = [...new Set(groups)];
      if (!unique.length) return [];
      const found = await perCoordinator(unique, describeOn);
      return unique.map((g) => found.find((d) => d.group === g)!);
    },

    async fetchOffsets(groups) {
      const out = new Map<string, CommittedOffset[]>();
      const unique = [...new Set(groups)];
      if (!unique.length) return out;
      await perCoordinator(unique, async (broker, list) => {
        const r = await callApi(admin, PINNED.OffsetFetch, [list.map((groupId) => ({ groupId, memberId: null, memberEpoch: -1, topics: null })), false], broker);
        for (const g of r.groups) {
          if (g.errorCode) throw groupError(g.errorCode, `fetching the committed offsets of group ${g.groupId}`, undefined, [g.groupId]);
          const offsets: CommittedOffset[] = [];
          for (const t of g.topics) {
            for (const p of t.partitions) {
              if (p.errorCode) throw groupError(p.errorCode, `fetching the committed offset of ${g.groupId} ${t.name}:${p.partitionIndex}`, undefined, [t.name]);
              if (p.committedOffset < 0n) continue;
              offsets.push({ topic: t.name, partition: p.partitionIndex, offset: p.committedOffset, leaderEpoch: p.committedLeaderEpoch, metadata: p.metadata ?? null });
            }
          }
          out.set(g.groupId, offsets.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition));
        }
        return [];
      });
      return out;
    },

    async commitOffsets(group, offsets) {
      if (!offsets.length) return [];
      const topics = byTopic(offsets, (o) => ({ partitionIndex: o.partition, committedOffset: o.offset, committedLeaderEpoch: -1, committedMetadata: '' }));
      const r = await atCoordinator(group, (broker): Promise<PartitionErrors> => callApi(admin, PINNED.OffsetCommit, [group, -1, '', null, topics], broker), (x) => x.topics.some((t) => t.partitions.some((p) => RETRY_COORDINATOR.has(p.errorCode))));
      return outcomes(r);
    },

    async deleteGroups(groups) {
      // Only the groups whose coordinator moved are sent again: a group deleted meanwhile is not deleted twice.
      const results = new Map<string, ItemResult>();
      let pending = [...new Set(groups)];
      for (let attempt = 1; pending.length; attempt++) {
        const answers = await perCoordinator(pending, async (broker, list) => (await callApi(admin, PINNED.DeleteGroups, [list], broker)).results);
        pending = [];
        for (const x of answers) {
          if (RETRY_COORDINATOR.has(x.errorCode) && attempt < COORDINATOR_ATTEMPTS) {
            coordinators.delete(x.groupId);
            pending.push(x.groupId);
          } else results.set(x.groupId, x.errorCode ? { name: x.groupId, ok: false, errorCode: errorName(x.errorCode), error: errorText(x.errorCode) } : { name: x.groupId, ok: true });
        }
        if (pending.length) await sleep(100);
      }
      return [...results.values()];
    },

    async deleteOffsets(group, partitions) {
      const topics = byTopic(partitions, (p) => ({ partitionIndex: p.partition }));
      const r = await atCoordinator(group, (broker) => callApi(admin, PINNED.OffsetDelete, [group, topics], broker), (x) => RETRY_COORDINATOR.has(x.errorCode));
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

function outcomes(r: PartitionErrors): PartitionOutcome[] {
  return r.topics
    .flatMap((t) => t.partitions.map((p): PartitionOutcome => (p.errorCode ? { topic: t.name, partition: p.partitionIndex, errorCode: errorName(p.errorCode), error: errorText(p.errorCode) } : { topic: t.name, partition: p.partitionIndex })))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}
