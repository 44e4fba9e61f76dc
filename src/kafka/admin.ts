import { Admin, ConfigResourceTypes, FetchIsolationLevels, ListOffsetTimestamps } from '@platformatic/kafka';
import { protocolErrors, protocolErrorsCodesById } from '@platformatic/kafka';
import { callRaw } from './raw-api.js';
import type { AdminApi, ClusterInfo, ConfigEntry, ItemResult, ListedOffset, NewTopic, OffsetQuery, TopicInfo, TopicPartition } from './types.js';

const INTERNAL_TOPICS = new Set(['__consumer_offsets', '__transaction_state', '__share_group_state']);
const CONFIG_SOURCES: Record<number, string> = {
  0: 'UNKNOWN', 1: 'DYNAMIC_TOPIC_CONFIG', 2: 'DYNAMIC_BROKER_CONFIG', 3: 'DYNAMIC_DEFAULT_BROKER_CONFIG',
  4: 'STATIC_BROKER_CONFIG', 5: 'DEFAULT_CONFIG', 6: 'DYNAMIC_BROKER_LOGGER_CONFIG', 7: 'CLIENT_METRICS_CONFIG', 8: 'GROUP_CONFIG',
};

/** Kafka's tools print topic ids as unpadded base64url of the 16 bytes; so do we. */
export function kafkaUuid(hex: string): string {
  const bytes = Buffer.from(hex.replace(/-/g, ''), 'hex');
  return bytes.length === 16 ? bytes.toString('base64url') : hex;
}

interface RawItem { name: string; errorCode: number; errorMessage?: string | null }

function itemResult(item: RawItem): ItemResult {
  if (!item.errorCode) return { name: item.name, ok: true };
  const id = protocolErrorsCodesById[item.errorCode] ?? `ERROR_${item.errorCode}`;
  const message = item.errorMessage || protocolErrors[id]?.message || id;
  return { name: item.name, ok: false, errorCode: id, error: message };
}

export function platformaticAdmin(admin: Admin, timeoutMs: number): AdminApi {
  return {
    async cluster(): Promise<ClusterInfo> {
      const meta = await admin.metadata({ topics: [], forceUpdate: true });
      return {
        clusterId: meta.id,
        controllerId: meta.controllerId,
        brokers: [...meta.brokers.entries()].map(([id, b]) => ({ id, host: b.host, port: b.port, rack: b.rack ?? null })).sort((a, b) => a.id - b.id),
      };
    },

    async listTopics({ includeInternal }) {
      const names = await admin.listTopics({ includeInternals: includeInternal });
      return [...names].sort();
    },

    async describeTopics(names) {
      const existing = new Set(await admin.listTopics({ includeInternals: true }));
      const wanted = names.length ? names : [...existing].filter((n) => !INTERNAL_TOPICS.has(n));
      const missing = wanted.filter((n) => !existing.has(n));
      const present = [...new Set(wanted.filter((n) => existing.has(n)))].sort();
      if (present.length === 0) return { topics: [], missing };
      const meta = await admin.metadata({ topics: present, forceUpdate: true });
      const topics: TopicInfo[] = present.map((name) => {
        const t = meta.topics.get(name)!;
        return {
          name,
          id: kafkaUuid(t.id),
          internal: INTERNAL_TOPICS.has(name),
          partitions: t.partitions.map((p, partition) => ({
            partition,
            leader: p.leader,
            leaderEpoch: p.leaderEpoch,
            replicas: [...p.replicas],
            isr: [...p.isr],
            offline: [...p.offlineReplicas],
          })),
        };
      });
      return { topics, missing };
    },

    async listOffsets(partitions: TopicPartition[], query: OffsetQuery, isolation = 'read_uncommitted'): Promise<ListedOffset[]> {
      if (partitions.length === 0) return [];
      const timestamp = query === 'earliest' ? ListOffsetTimestamps.EARLIEST : query === 'latest' ? ListOffsetTimestamps.LATEST : query === 'max-timestamp' ? ListOffsetTimestamps.MAX : BigInt(query.timestamp);
      const byTopic = new Map<string, number[]>();
      for (const { topic, partition } of partitions) byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
      const result = await admin.listOffsets({
        topics: [...byTopic].map(([name, ps]) => ({ name, partitions: ps.map((partitionIndex) => ({ partitionIndex, timestamp })) })),
        isolationLevel: isolation === 'read_committed' ? FetchIsolationLevels.READ_COMMITTED : FetchIsolationLevels.READ_UNCOMMITTED,
      });
      return result.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partitionIndex, offset: p.offset, timestamp: p.timestamp })));
    },

    async describeTopicConfigs(names) {
      const out = new Map<string, ConfigEntry[]>();
      if (names.length === 0) return out;
      const described = await admin.describeConfigs({
        resources: names.map((resourceName) => ({ resourceType: ConfigResourceTypes.TOPIC, resourceName, configurationKeys: null })),
        includeSynonyms: false,
      });
      for (const resource of described) {
        out.set(
          resource.resourceName,
          resource.configs.map((c) => ({
            name: c.name,
            value: c.value ?? null,
            source: CONFIG_SOURCES[c.configSource] ?? String(c.configSource),
            readOnly: c.readOnly,
            sensitive: c.isSensitive,
            isDefault: c.configSource === 5,
          })),
        );
      }
      return out;
    },

    async createTopics(topics: NewTopic[], { validateOnly }) {
      const requests = topics.map((t) => ({
        name: t.name,
        numPartitions: t.partitions ?? -1,
        replicationFactor: t.replicationFactor ?? -1,
        assignments: [],
        configs: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
      }));
      const response = await callRaw<{ topics: RawItem[] }>(admin, 'CreateTopics', [requests, timeoutMs, validateOnly]);
      return response.topics.map(itemResult);
    },

    async createPartitions(topic, totalCount, { validateOnly }) {
      // null assignments: let the controller place the new partitions (an empty list means "none given").
      await admin.createPartitions({ topics: [{ name: topic, count: totalCount, assignments: null as never }], validateOnly });
    },

    async deleteTopics(names) {
      const response = await callRaw<{ responses: RawItem[] }>(admin, 'DeleteTopics', [names.map((name) => ({ name })), timeoutMs]);
      return response.responses.map(itemResult);
    },
  };
}
