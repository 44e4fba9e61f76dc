/**
 * ktool's own view of Kafka. Commands talk to these interfaces; only src/kafka/ knows the client
 * library. Offsets are bigint (int64 on the wire); the renderer turns them into numbers where safe.
 */
import type { ConnectionSettings } from '../config/connection.js';
import type { AclsApi } from './acls-types.js';
import type { ClusterApi } from './cluster-types.js';
import type { ConfigsApi } from './configs-types.js';
import type {
  GroupReader,
  GroupReaderOptions,
  PartitionReader,
  PartitionReaderOptions,
  ShareReader,
  ShareReaderOptions,
} from './consumer-types.js';
import type { GroupsApi } from './groups-types.js';
import type { MirrorGroup, MirrorGroupOptions } from './mirror-types.js';
import type { PartitionsApi } from './partitions-types.js';
import type { ProducerApi, ProducerHooks, ProducerSettings } from './producer-types.js';
import type { RecordsApi } from './records-types.js';
import type { ScramApi } from './scram-types.js';
import type { TokensApi } from './tokens-types.js';
import type { TransactionsApi } from './transactions-admin-types.js';

export interface BrokerInfo {
  id: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface PartitionInfo {
  partition: number;
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  offline: number[];
}

export interface TopicInfo {
  name: string;
  id: string;
  internal: boolean;
  partitions: PartitionInfo[];
}

export interface ClusterInfo {
  clusterId: string;
  controllerId: number;
  brokers: BrokerInfo[];
}

export interface ConfigEntry {
  name: string;
  value: string | null;
  /** DYNAMIC_TOPIC_CONFIG, DYNAMIC_BROKER_CONFIG, DEFAULT_CONFIG, STATIC_BROKER_CONFIG, ... */
  source: string;
  readOnly: boolean;
  sensitive: boolean;
  isDefault: boolean;
}

export interface NewTopic {
  name: string;
  partitions?: number;
  replicationFactor?: number;
  /** The replicas of each partition, in partition order (kafka-topics.sh --replica-assignment): no count or factor then. */
  assignments?: number[][];
  configs?: Record<string, string>;
}

export type OffsetQuery = 'earliest' | 'latest' | 'max-timestamp' | { timestamp: number };

export interface TopicPartition {
  topic: string;
  partition: number;
}

/** A map key for a partition. Kafka topic names never contain NUL, so the key splits back (fromTpKey). */
export const tpKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** How GroupsApi.recordTimestamps keys its answer: `topic:partition@offset` (library-free, for lag). */
export const timestampKey = (topic: string, partition: number, offset: number): string => `${topic}:${partition}@${offset}`;

export function fromTpKey(key: string): TopicPartition {
  const cut = key.lastIndexOf('\u0000');
  return { topic: key.slice(0, cut), partition: Number(key.slice(cut + 1)) };
}

export interface ListedOffset extends TopicPartition {
  offset: bigint;
  timestamp: bigint;
}

/** A per-item outcome for batch operations (create/delete several topics). */
export interface ItemResult {
  name: string;
  ok: boolean;
  error?: string;
  errorCode?: string;
  /** The broker's own words, as sent (Kafka's tools print them so: kafka-topics.sh's drop-in does). */
  serverMessage?: string;
}

export interface AdminApi {
  cluster(): Promise<ClusterInfo>;
  listTopics(options: { includeInternal: boolean }): Promise<string[]>;
  /**
   * Unknown topics are reported in `missing`, not thrown. No names: every topic (internal ones
   * only with includeInternal). Sorted by name.
   */
  describeTopics(
    names: string[],
    /** agreed: as every reachable broker describes them, once they agree on the replicas (waited for up to 10 s). */
    options?: { includeInternal?: boolean; agreed?: boolean },
  ): Promise<{ topics: TopicInfo[]; missing: string[] }>;
  /** One request per partition leader; partitions of topics that do not exist (any more) are left out. */
  listOffsets(partitions: TopicPartition[], query: OffsetQuery, isolation?: 'read_committed' | 'read_uncommitted'): Promise<ListedOffset[]>;
  describeTopicConfigs(names: string[]): Promise<Map<string, ConfigEntry[]>>;
  createTopics(topics: NewTopic[], options: { validateOnly: boolean }): Promise<ItemResult[]>;
  createPartitions(topic: string, totalCount: number, options: { validateOnly: boolean }): Promise<void>;
  deleteTopics(names: string[]): Promise<ItemResult[]>;
  /**
   * Eligible leader replicas (KIP-966) per topic and partition, from DescribeTopicPartitions;
   * undefined when the broker does not take that request (before Kafka 3.8).
   */
  eligibleLeaders(names: string[]): Promise<Map<string, PartitionElr[]> | undefined>;
}

export interface PartitionElr {
  partition: number;
  /** null when the broker does not track it (ELR disabled). */
  elr: number[] | null;
  lastKnownElr: number[] | null;
}

/**
 * Every Kafka capability a command may use, each opened on first use over one admin connection
 * (and its own consumers/producers), and closed together. Tests stand in for any of them
 * (test/helpers/fake-kafka.ts).
 */
export interface KafkaClients {
  readonly settings: ConnectionSettings;
  /** Ctrl-C/SIGTERM (the command's io.signal): openers in src/kafka/ stop waiting when it aborts. */
  readonly signal?: AbortSignal;
  admin(): Promise<AdminApi>;
  groups(): Promise<GroupsApi>;
  configs(): Promise<ConfigsApi>;
  acls(): Promise<AclsApi>;
  cluster(): Promise<ClusterApi>;
  records(): Promise<RecordsApi>;
  scram(): Promise<ScramApi>;
  /** Reassignments and leader elections. */
  partitions(): Promise<PartitionsApi>;
  /** kafka-transactions.sh's requests: list, describe, producers, abort markers. */
  transactions(): Promise<TransactionsApi>;
  /** Delegation tokens: create, renew, expire, describe (kafka-delegation-tokens.sh). */
  tokens(): Promise<TokensApi>;
  producer(settings: ProducerSettings, hooks?: ProducerHooks): Promise<ProducerApi>;
  /** Group-less reading of partitions from given offsets (consume without -g, mirror verify). */
  partitionReader(options: PartitionReaderOptions): Promise<PartitionReader>;
  /** Reading as a member of a consumer group (consume -g). */
  groupReader(options: GroupReaderOptions): Promise<GroupReader>;
  /** Reading as a member of a share group (KIP-932, consume --share-group). */
  shareReader(options: ShareReaderOptions): Promise<ShareReader>;
  /** Group membership without a record stream (the mirror reads with its own fetches). */
  mirrorGroup(options: MirrorGroupOptions): Promise<MirrorGroup>;
  close(): Promise<void>;
}

export type KafkaFactory = (settings: ConnectionSettings) => KafkaClients;
