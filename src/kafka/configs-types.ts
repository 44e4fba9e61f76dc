/**
 * ktool's view of config resources and client quotas (kafka-configs.sh). Commands use these types;
 * only src/kafka/configs.ts knows the client library.
 */

/** Config resources the broker describes with DescribeConfigs. A broker default is `broker` with name ''. */
export type ConfigResourceKind = 'topic' | 'broker' | 'broker-logger' | 'group' | 'client-metrics';

export interface ConfigResourceRef {
  kind: ConfigResourceKind;
  /** Topic, broker id, group id or client-metrics subscription; '' for the cluster-wide broker default. */
  name: string;
}

export interface ConfigSynonym {
  name: string;
  value: string | null;
  source: string;
}

export interface DescribedConfig {
  name: string;
  /** null for sensitive values (the broker never sends them). */
  value: string | null;
  /** DYNAMIC_TOPIC_CONFIG, DYNAMIC_BROKER_CONFIG, DYNAMIC_DEFAULT_BROKER_CONFIG, STATIC_BROKER_CONFIG, DEFAULT_CONFIG, ... */
  source: string;
  sensitive: boolean;
  readOnly: boolean;
  /** BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS, PASSWORD or UNKNOWN. */
  type: string;
  synonyms: ConfigSynonym[];
}

export type ConfigOperation = { op: 'set' | 'append' | 'subtract'; name: string; value: string } | { op: 'delete'; name: string };

/** One side of a quota entity: a user or client id; name null means the default entity. */
export interface QuotaEntityPart {
  type: 'user' | 'client-id' | 'ip';
  name: string | null;
}

export interface QuotaFilter {
  type: QuotaEntityPart['type'];
  name?: string | null;
}

export interface QuotaEntry {
  entity: QuotaEntityPart[];
  values: Record<string, number>;
}

export interface ConfigsApi {
  /** Every resource's configs (sorted by name), in request order; a resource the broker rejects throws. */
  describeConfigs(resources: ConfigResourceRef[]): Promise<DescribedConfig[][]>;
  /** IncrementalAlterConfigs for one resource (never read-modify-write); validateOnly for --dry-run. */
  alterConfigs(resource: ConfigResourceRef, operations: ConfigOperation[], validateOnly: boolean): Promise<void>;
  /** Ids of the live brokers, ascending. */
  brokerIds(): Promise<number[]>;
  /**
   * DescribeClientQuotas, strict: entities with exactly these parts. A part's name: a string matches
   * that entity, null the default entity, undefined any entity of the type.
   */
  describeQuotas(filter: QuotaFilter[]): Promise<QuotaEntry[]>;
  /** AlterClientQuotas for one entity: set values and remove keys. */
  alterQuotas(entity: QuotaEntityPart[], set: Record<string, number>, remove: string[], validateOnly: boolean): Promise<void>;
}
