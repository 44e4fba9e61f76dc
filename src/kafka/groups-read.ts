/** Reading groups: listing them, and describing them whichever protocol (classic or KIP-848) they use. */
import type { Admin, consumerGroupDescribeV0 } from '@platformatic/kafka';
import { isUnsupported } from './errors.js';
import { decodeAssignment } from './groups-assignment.js';
import { groupError, kafkaError, type Broker } from './groups-coordinators.js';
import type { GroupDescription, GroupListing } from './groups-types.js';
import { PINNED } from './pinned-apis.js';
import { callApi } from './raw-api.js';
import { describeShareGroups } from './share-groups.js';

const GROUP_ID_NOT_FOUND = 69;

/** Kafka's names for group states; the wire and the client library disagree on case and separators. */
const STATES = ['Stable', 'Empty', 'PreparingRebalance', 'CompletingRebalance', 'Dead', 'Assigning', 'Reconciling', 'Unknown', 'NotReady'];
const STATE_BY_KEY = new Map(STATES.map((s) => [s.toUpperCase(), s]));
export function normaliseState(state: string): string {
  return STATE_BY_KEY.get(state.replace(/[_\s-]/g, '').toUpperCase()) ?? state;
}

/** Every group of the given types, from every broker. */
export async function listGroups(admin: Admin, types: string[]): Promise<GroupListing[]> {
  // Each broker lists only the groups it coordinates: ask all of them.
  const all = await Promise.all(
    (await callApi(admin, PINNED.Metadata, [[], false, false])).brokers.map(async (b) => {
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
}

async function describeClassic(admin: Admin, broker: Broker, groups: string[]): Promise<GroupDescription[]> {
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
      members: g.members.map((m) => ({
        memberId: m.memberId,
        instanceId: m.groupInstanceId ?? null,
        clientId: m.clientId,
        host: m.clientHost.replace(/^\//, ''),
        assignment: g.protocolType === 'consumer' ? decodeAssignment(m.memberAssignment) : [],
      })),
    };
  });
}

export async function describeOn(admin: Admin, broker: Broker, groups: string[]): Promise<GroupDescription[]> {
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
    const tps = (a: consumerGroupDescribeV0.ConsumerGroupDescribeResponseMemberAssignment) =>
      a.topicPartitions.flatMap((t) => t.partitions.map((partition) => ({ topic: t.topicName, partition })));
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
      members: g.members.map((m) => ({
        memberId: m.memberId,
        instanceId: m.instanceId ?? null,
        clientId: m.clientId,
        host: m.clientHost.replace(/^\//, ''),
        memberEpoch: m.memberEpoch,
        assignment: tps(m.assignment),
        targetAssignment: tps(m.targetAssignment),
      })),
    });
  }
  // A share group (KIP-932) is not found by either describe: ask ShareGroupDescribe first (brokers before 4.1 lack it).
  const share = classic.length
    ? await describeShareGroups(admin, broker, classic).catch((e: unknown) => {
        if (isUnsupported(e)) return [];
        throw e;
      })
    : [];
  out.push(...share);
  const rest = classic.filter((g) => !share.some((s) => s.group === g));
  if (rest.length) out.push(...(await describeClassic(admin, broker, rest)));
  return out;
}
