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
  /** From the bootstrap broker's ApiVersions answer. */
  features(): Promise<FeatureSet>;
  /** ApiVersions of every live broker, by broker id. */
  apiVersions(): Promise<BrokerApiVersions[]>;
  /** DescribeLogDirs on every live broker; topics null means all topics. */
  describeLogDirs(topics: string[] | null): Promise<LogDirDescription[]>;
}
