import { Admin, ConfigResourceTypes, FetchIsolationLevels, ListOffsetTimestamps, ProtocolError } from '@platformatic/kafka';
import { OperationError } from '../errors.js';
import { deniedError } from './denied.js';
import { errorName, errorText, isUnsupported } from './errors.js';
import { listOffsetsByLeader } from './list-offsets.js';
import { PINNED } from './pinned-apis.js';
import { callApi, type ResponseOf } from './raw-api.js';
import type {
  AdminApi,
  ClusterInfo,
  ConfigEntry,
  ItemResult,
  ListedOffset,
  NewTopic,
  OffsetQuery,
  PartitionElr,
  TopicInfo,
  TopicPartition,
} from './types.js';

const UNKNOWN_TOPIC = 3;
const TOPIC_AUTHORIZATION_FAILED = 29;

/** Kafka's ConfigEntry.ConfigSource names by wire value. */
export const CONFIG_SOURCES: Record<number, string> = {
  0: 'UNKNOWN',
  1: 'DYNAMIC_TOPIC_CONFIG',
  2: 'DYNAMIC_BROKER_CONFIG',
  3: 'DYNAMIC_DEFAULT_BROKER_CONFIG',
  4: 'STATIC_BROKER_CONFIG',
  5: 'DEFAULT_CONFIG',
  6: 'DYNAMIC_BROKER_LOGGER_CONFIG',
  7: 'CLIENT_METRICS_CONFIG',
  8: 'GROUP_CONFIG',
};

/** Kafka's tools print topic ids as unpadded base64url of the 16 bytes; so do we. */
export function kafkaUuid(hex: string): string {
  const bytes = Buffer.from(hex.replace(/-/g, ''), 'hex');
  return bytes.length === 16 ? bytes.toString('base64url') : hex;
}

/** A topic's answer in CreateTopics or DeleteTopics (the library's types; DeleteTopics names may be null). */
function itemResult(item: { name?: string | null; errorCode: number; errorMessage?: string | null }): ItemResult {
  const name = item.name ?? '';
  if (!item.errorCode) return { name, ok: true };
  const failed = { name, ok: false, errorCode: errorName(item.errorCode), error: errorText(item.errorCode, item.errorMessage) };
  return item.errorMessage ? { ...failed, serverMessage: item.errorMessage } : failed;
}

type Metadata = ResponseOf<typeof PINNED.Metadata>;

/** The named topics (or every one) of a Metadata answer, and the names that do not exist. */
function topicsOf(meta: Metadata, names: string[], includeInternal: boolean): { topics: TopicInfo[]; missing: string[] } {
  const missing: string[] = [];
  const topics: TopicInfo[] = [];
  // Kafka answers TOPIC_AUTHORIZATION_FAILED for a named topic the principal may not describe,
  // whether it exists or not: all of them in one error, which outranks "does not exist".
  const refused = meta.topics.filter((t) => t.errorCode === TOPIC_AUTHORIZATION_FAILED).map((t) => t.name!);
  if (refused.length) throw deniedError({ kafkaCode: 'TOPIC_AUTHORIZATION_FAILED', operation: 'Describe', names: refused });
  for (const t of meta.topics) {
    if (t.errorCode === UNKNOWN_TOPIC) {
      missing.push(t.name!);
      continue;
    }
    if (t.errorCode) throw new ProtocolError(t.errorCode, null);
    if (!names.length && t.isInternal && !includeInternal) continue;
    topics.push({
      name: t.name!,
      id: kafkaUuid(t.topicId),
      internal: t.isInternal,
      partitions: [...t.partitions]
        .sort((a, b) => a.partitionIndex - b.partitionIndex)
        .map((p) => ({
          partition: p.partitionIndex,
          leader: p.leaderId,
          leaderEpoch: p.leaderEpoch,
          replicas: [...p.replicaNodes],
          isr: [...p.isrNodes],
          offline: [...p.offlineReplicas],
        })),
    });
  }
  // By UTF-16 code units, as Java's and Go's tools sort names (localeCompare's first call loads ICU's collator: ~15 ms of start-up).
  topics.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { topics, missing };
}

/** Each topic's configs with where their values come from (DescribeConfigs, no synonyms). */
async function topicConfigs(admin: Admin, names: string[]): Promise<Map<string, ConfigEntry[]>> {
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
}

/** DescribeTopicPartitions, page after page (2,000 partitions each, as Java's admin client asks). */
async function eligibleLeaders(admin: Admin, names: string[]): Promise<Map<string, PartitionElr[]> | undefined> {
  const out = new Map<string, PartitionElr[]>();
  if (names.length === 0) return out;
  let cursor: { topicName: string; partitionIndex: number } | undefined;
  do {
    let response;
    try {
      response = await callApi(admin, PINNED.DescribeTopicPartitions, [names.map((name) => ({ name })), 2000, cursor]);
    } catch (error) {
      if (isUnsupported(error)) return undefined;
      throw error;
    }
    for (const t of response.topics) {
      const list = out.get(t.name ?? '') ?? [];
      for (const p of t.partitions) list.push({ partition: p.partitionIndex, elr: p.eligibleLeaderReplicas, lastKnownElr: p.lastKnownElr });
      out.set(t.name ?? '', list);
    }
    cursor = response.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** How long brokers may disagree on a topic's replicas (a reassignment's end still spreading) before that is an error. */
const AGREEMENT_MS = 10_000;

/**
 * The topics as every reachable broker describes them, once they all agree on each partition's
 * replicas: a broker's metadata can lag the controller by a moment after a reassignment, and a plan
 * made from an old view moves replicas that were already where they belong.
 */
async function agreedTopics(
  admin: Admin,
  wanted: string[] | null,
  names: string[],
  includeInternal: boolean,
): Promise<{ topics: TopicInfo[]; missing: string[] }> {
  const giveUpAt = Date.now() + AGREEMENT_MS;
  for (;;) {
    const { brokers } = await callApi(admin, PINNED.Metadata, [[], false, false]);
    const answers = await Promise.allSettled(brokers.map((b) => callApi(admin, PINNED.Metadata, [wanted, false, false], b)));
    const views = answers.flatMap((a) => (a.status === 'fulfilled' ? [topicsOf(a.value, names, includeInternal)] : []));
    if (views.length === 0) throw (answers[0] as PromiseRejectedResult).reason;
    const shape = (v: (typeof views)[number]) =>
      JSON.stringify([v.missing, v.topics.map((t) => [t.name, t.partitions.map((p) => [p.partition, p.replicas])])]);
    const first = shape(views[0]);
    if (views.every((v) => shape(v) === first)) return views[0];
    if (Date.now() >= giveUpAt)
      throw new OperationError(`the brokers disagree on the replicas of ${names.join(', ')} for more than ${AGREEMENT_MS / 1000} s`, {
        hint: 'a reassignment may still be spreading: ktool partitions reassign --list, then try again',
      });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function platformaticAdmin(admin: Admin, timeoutMs: number): AdminApi {
  const metadata = (topics: string[] | null) => callApi(admin, PINNED.Metadata, [topics, false, false]);
  return {
    async cluster(): Promise<ClusterInfo> {
      const meta = await metadata([]);
      return {
        clusterId: meta.clusterId ?? '',
        controllerId: meta.controllerId,
        brokers: meta.brokers.map((b) => ({ id: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null })).sort((a, b) => a.id - b.id),
      };
    },

    async listTopics({ includeInternal }) {
      const meta = await metadata(null);
      return meta.topics
        .filter((t) => includeInternal || !t.isInternal)
        .map((t) => t.name!)
        .sort();
    },

    async describeTopics(names, options = {}) {
      const wanted = names.length ? [...new Set(names)] : null;
      if (options.agreed) return agreedTopics(admin, wanted, names, Boolean(options.includeInternal));
      // One Metadata request answers both "which exist" and "where are their partitions".
      return topicsOf(await metadata(wanted), names, Boolean(options.includeInternal));
    },

    async listOffsets(partitions: TopicPartition[], query: OffsetQuery, isolation = 'read_uncommitted'): Promise<ListedOffset[]> {
      if (partitions.length === 0) return [];
      const timestamp =
        query === 'earliest'
          ? ListOffsetTimestamps.EARLIEST
          : query === 'latest'
            ? ListOffsetTimestamps.LATEST
            : query === 'max-timestamp'
              ? ListOffsetTimestamps.MAX
              : BigInt(query.timestamp);
      return listOffsetsByLeader(
        admin,
        partitions,
        timestamp,
        isolation === 'read_committed' ? FetchIsolationLevels.READ_COMMITTED : FetchIsolationLevels.READ_UNCOMMITTED,
      );
    },

    describeTopicConfigs: (names) => topicConfigs(admin, names),

    async createTopics(topics: NewTopic[], { validateOnly }) {
      const requests = topics.map((t) => ({
        name: t.name,
        numPartitions: t.partitions ?? -1,
        replicationFactor: t.replicationFactor ?? -1,
        assignments: (t.assignments ?? []).map((brokerIds, partitionIndex) => ({ partitionIndex, brokerIds })),
        configs: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
      }));
      const response = await callApi(admin, PINNED.CreateTopics, [requests, timeoutMs, validateOnly]);
      return response.topics.map(itemResult);
    },

    async createPartitions(topic, totalCount, { validateOnly }) {
      // null assignments: let the controller place the new partitions (an empty list means "none given").
      await admin.createPartitions({ topics: [{ name: topic, count: totalCount, assignments: null as never }], validateOnly });
    },

    async deleteTopics(names) {
      const response = await callApi(admin, PINNED.DeleteTopics, [names.map((name) => ({ name })), timeoutMs]);
      return response.responses.map(itemResult);
    },

    eligibleLeaders: (names) => eligibleLeaders(admin, names),
  };
}
