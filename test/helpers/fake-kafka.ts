import type { AdminApi, KafkaClients, KafkaFactory, TopicInfo } from '../../src/kafka/types.js';

/** The capabilities a tier-2 test may fake; each one left out throws when a command reaches for it. */
export type FakeCapabilities = {
  [K in Exclude<keyof KafkaClients, 'settings' | 'signal' | 'close' | 'admin'>]?: Awaited<ReturnType<KafkaClients[K]>> | KafkaClients[K];
};

/**
 * Tier-2 fake: an AdminApi over in-memory topics, plus whatever other capability the test gives
 * (`{ groups: {...} }`, or a function for those opened with options). Never used for integration tests.
 */
export function fakeKafka(topics: TopicInfo[], overrides: Partial<AdminApi> = {}, capabilities: FakeCapabilities = {}): KafkaFactory {
  const admin: AdminApi = {
    async cluster() {
      return { clusterId: 'fake', controllerId: 1, brokers: [{ id: 1, host: 'h', port: 9092, rack: null }] };
    },
    async listTopics({ includeInternal }) {
      return topics
        .filter((t) => includeInternal || !t.internal)
        .map((t) => t.name)
        .sort();
    },
    async describeTopics(names, options = {}) {
      const chosen = names.length
        ? topics.filter((t) => names.includes(t.name))
        : topics.filter((t) => options.includeInternal || !t.internal);
      return {
        topics: [...chosen].sort((a, b) => a.name.localeCompare(b.name)),
        missing: names.filter((n) => !topics.some((t) => t.name === n)),
      };
    },
    async listOffsets(partitions, query) {
      return partitions.map((p) => ({ ...p, offset: query === 'earliest' ? 10n : 110n, timestamp: -1n }));
    },
    async describeTopicConfigs(names) {
      return new Map(
        names.map((n) => [
          n,
          [
            { name: 'retention.ms', value: '1000', source: 'DYNAMIC_TOPIC_CONFIG', readOnly: false, sensitive: false, isDefault: false },
            { name: 'min.insync.replicas', value: '2', source: 'DEFAULT_CONFIG', readOnly: false, sensitive: false, isDefault: true },
          ],
        ]),
      );
    },
    async createTopics(list, options) {
      return list.map((t) => {
        if (topics.some((x) => x.name === t.name))
          return { name: t.name, ok: false, errorCode: 'TOPIC_ALREADY_EXISTS', error: `Topic '${t.name}' already exists.` };
        // Like a broker: a created topic is visible to the next describe (create waits for that).
        if (!options?.validateOnly) topics.push(topic(t.name, t.partitions ?? 1));
        return { name: t.name, ok: true };
      });
    },
    async createPartitions() {},
    async deleteTopics(names) {
      return names.map((name) => ({ name, ok: true }));
    },
    async eligibleLeaders() {
      return undefined;
    },
    ...overrides,
  };
  const capability =
    (name: keyof FakeCapabilities) =>
    async (...args: unknown[]) => {
      const fake = capabilities[name];
      if (fake === undefined) throw new Error(`fake kafka: the test did not fake ${name}()`);
      return typeof fake === 'function' ? (fake as (...a: unknown[]) => unknown)(...args) : fake;
    };
  return (settings) =>
    ({
      settings,
      admin: async () => admin,
      groups: capability('groups'),
      configs: capability('configs'),
      acls: capability('acls'),
      cluster: capability('cluster'),
      records: capability('records'),
      scram: capability('scram'),
      partitions: capability('partitions'),
      transactions: capability('transactions'),
      tokens: capability('tokens'),
      producer: capability('producer'),
      partitionReader: capability('partitionReader'),
      groupReader: capability('groupReader'),
      shareReader: capability('shareReader'),
      mirrorGroup: capability('mirrorGroup'),
      close: async () => {},
    }) as KafkaClients;
}

export function topic(name: string, partitions: number, replicas = [1], internal = false): TopicInfo {
  return {
    name,
    id: `id-${name}`,
    internal,
    partitions: Array.from({ length: partitions }, (_, partition) => ({
      partition,
      leader: replicas[0],
      leaderEpoch: 0,
      replicas,
      isr: replicas,
      offline: [],
    })),
  };
}
