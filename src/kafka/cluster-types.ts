/** ktool's view of cluster-level metadata (DescribeCluster, ApiVersions, DescribeLogDirs). */
import type { BrokerInfo } from './types.js';

export interface ClusterDescription {
  clusterId: string;
  controllerId: number;
  brokers: BrokerInfo[];
}

export interface SupportedFeature {
  name: string;
  minVersion: number;
  maxVersion: number;
}

export interface FinalizedFeature {
  name: string;
  minVersionLevel: number;
  maxVersionLevel: number;
}

export interface FeatureSet {
  /** -1 when the broker reported no finalized features. */
  finalizedEpoch: number;
  finalized: FinalizedFeature[];
  supported: SupportedFeature[];
}

export interface ApiVersionRange {
  apiKey: number;
  /** Kafka's name for the API (Produce, Fetch ...); UNKNOWN(key) if the client library does not know it. */
  name: string;
  minVersion: number;
  maxVersion: number;
  /** Highest version both this broker and ktool's client speak; null if none. */
  usableVersion: number | null;
}

export interface BrokerApiVersions {
  broker: BrokerInfo;
  apis: ApiVersionRange[];
  /**
   * The APIs ktool's client has that this broker does not list (NodeApiVersions' UNSUPPORTED lines:
   * the running client's broker APIs, less the broker's); none when it could not be asked.
   */
  unsupported?: { apiKey: number; name: string }[];
  /** Set when the broker could not be asked; apis is then empty. */
  error?: string;
}

export interface LogDirPartition {
  topic: string;
  partition: number;
  size: number;
  offsetLag: number;
  isFuture: boolean;
}

export interface LogDirDescription {
  broker: number;
  logDir: string;
  /** Kafka's error name for an offline/failed dir (KAFKA_STORAGE_ERROR), else null. */
  error: string | null;
  /** Bytes of the volume; -1 when the broker does not say. */
  totalBytes: number;
  usableBytes: number;
  partitions: LogDirPartition[];
}

export interface ClusterApi {
  describeCluster(): Promise<ClusterDescription>;
  /** From the bootstrap broker's ApiVersions answer, or that node's (kafka-features.sh describe --node-id). */
  features(nodeId?: number): Promise<FeatureSet>;
  /** DescribeQuorum of the metadata log, answered by the active controller (a broker forwards it). */
  describeQuorum(): Promise<QuorumDescription>;
  /** UpdateFeatures (a broker forwards it to the controller); validateOnly: checked, not applied. */
  updateFeatures(updates: FeatureUpdate[], validateOnly: boolean, timeoutMs: number): Promise<FeatureUpdateResult[]>;
  /** ApiVersions of every live broker, by broker id. */
  apiVersions(): Promise<BrokerApiVersions[]>;
  /** DescribeLogDirs on every live broker; topics null means all topics. */
  describeLogDirs(topics: string[] | null): Promise<LogDirDescription[]>;
}

/** One replica of the metadata quorum (__cluster_metadata-0) as DescribeQuorum reports it. */
export interface QuorumReplica {
  id: number;
  /** Uuid string; "AAAAAAAAAAAAAAAAAAAAAA" (Uuid.ZERO) for a static quorum or before v2. */
  directoryId: string;
  logEndOffset: number;
  /** Epoch ms; -1 when the leader has not heard from it (or before v1). */
  lastFetchTimestamp: number;
  lastCaughtUpTimestamp: number;
}

export interface QuorumDescription {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  voters: QuorumReplica[];
  observers: QuorumReplica[];
  /** Listeners of the voters by node id (v2; empty before). */
  nodes: { id: number; endpoints: { listener: string; host: string; port: number }[] }[];
}

/** UpdateFeatures: 1 upgrade, 2 safe downgrade, 3 unsafe downgrade. */
export interface FeatureUpdate {
  feature: string;
  maxVersionLevel: number;
  upgradeType: 1 | 2 | 3;
}

/** One feature's result: null error when it was (or, validating only, would be) applied. */
export interface FeatureUpdateResult {
  feature: string;
  error: { code: string; message: string } | null;
}
