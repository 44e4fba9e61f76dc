import type { CommittedOffset, GroupDescription, GroupsApi, OffsetToCommit, PartitionOutcome } from '../../src/kafka/groups-types.js';
import type { KafkaFactory, TopicPartition } from '../../src/kafka/types.js';
import { fakeKafka, topic } from './fake-kafka.js';

/** The epoch ms tier-2 group and lag tests freeze Date at; record timestamps are a minute before. */
export const NOW = Date.UTC(2026, 0, 31, 8, 0, 0);

const member = (id: string, host: string, clientId: string, assignment: TopicPartition[]) => ({
  memberId: id,
  instanceId: null,
  clientId,
  host,
  assignment,
});
const committed = (list: [string, number, number][]): CommittedOffset[] =>
  list.map(([t, partition, offset]) => ({ topic: t, partition, offset: BigInt(offset), leaderEpoch: 0, metadata: null }));

/**
 * Topics orders (2 partitions) and payments (1), offsets 10..110 (fakeKafka's admin). Groups:
 * billing (Stable, one member owning orders:0,1, committed 100 and 110: lag 10 and 0), audit (Empty,
 * committed payments:0 at 50: lag 60). Any other name does not exist. `failures` makes the
 * commit/delete calls fail with a Kafka error name: `{ 'billing': 'NON_EMPTY_GROUP' }` for deleteGroups,
 * `{ 'audit payments:0': 'GROUP_SUBSCRIBED_TO_TOPIC' }` for deleteOffsets and commitOffsets.
 */
export function fakeGroups(failures: Record<string, string> = {}) {
  const calls = {
    commits: [] as [string, OffsetToCommit[]][],
    deletedGroups: [] as string[][],
    deletedOffsets: [] as [string, TopicPartition[]][],
    timestamps: [] as OffsetToCommit[][],
  };
  const description = (group: string): GroupDescription => {
    const base = { group, type: 'classic' as const, protocolType: 'consumer', coordinator: { id: 1, host: 'h', port: 9092 } };
    if (group === 'billing')
      return {
        ...base,
        exists: true,
        state: 'Stable',
        assignor: 'range',
        members: [
          member('m-1', '/10.0.0.1', 'app-1', [
            { topic: 'orders', partition: 0 },
            { topic: 'orders', partition: 1 },
          ]),
        ],
      };
    if (group === 'audit') return { ...base, exists: true, state: 'Empty', assignor: '', members: [] };
    return { ...base, exists: false, state: 'Dead', protocolType: '', assignor: '', members: [] };
  };
  const offsets: Record<string, CommittedOffset[]> = {
    billing: committed([
      ['orders', 0, 100],
      ['orders', 1, 110],
    ]),
    audit: committed([['payments', 0, 50]]),
  };
  const outcome = (group: string, p: TopicPartition): PartitionOutcome => {
    const code = failures[`${group} ${p.topic}:${p.partition}`];
    return code ? { ...p, errorCode: code, error: 'refused by the coordinator' } : { ...p };
  };
  const groups: GroupsApi = {
    async listGroups(types) {
      return [
        { group: 'audit', state: 'Empty', type: 'classic', protocolType: 'consumer' },
        { group: 'billing', state: 'Stable', type: 'classic', protocolType: 'consumer' },
      ].filter((g) => !types || types.includes(g.type));
    },
    async describeGroups(names) {
      return names.map(description);
    },
    async fetchOffsets(names) {
      return new Map(names.map((g) => [g, offsets[g] ?? []]));
    },
    async commitOffsets(group, list) {
      calls.commits.push([group, list]);
      return list.map((p) => outcome(group, p));
    },
    async deleteGroups(names) {
      calls.deletedGroups.push(names);
      return names.map((name) =>
        failures[name] ? { name, ok: false, errorCode: failures[name], error: 'refused by the coordinator' } : { name, ok: true },
      );
    },
    async deleteOffsets(group, partitions) {
      calls.deletedOffsets.push([group, partitions]);
      if (failures[group]) return { errorCode: failures[group], error: 'refused by the coordinator', partitions: [] };
      return { partitions: partitions.map((p) => outcome(group, p)) };
    },
    async fetchShareOffsets() {
      return new Map();
    },
    async alterShareOffsets(group, list) {
      calls.commits.push([group, list]);
      return list.map((p) => outcome(group, p));
    },
    async deleteShareOffsets(group, topics) {
      return { topics: topics.map((topic) => ({ topic })) };
    },
    async recordTimestamps(positions) {
      calls.timestamps.push(positions);
      return new Map(positions.map((p) => [`${p.topic}:${p.partition}@${p.offset}`, NOW - 60_000]));
    },
  };
  const kafkaFactory: KafkaFactory = fakeKafka([topic('orders', 2), topic('payments', 1)], {}, { groups });
  return { deps: { kafkaFactory }, calls, groups };
}
