/**
 * Kafka 4.3.1's feature tables (org.apache.kafka.server.common.MetadataVersion and Feature), read
 * from its jars: what `kafka-features.sh version-mapping` and `feature-dependencies` print offline
 * and what `upgrade --release-version` sends. A newer Kafka adds rows here; the differential harness
 * (test/dropin/cases-quorum-features.ts) compares version-mapping and feature-dependencies with FeatureCommand 4.3.1.
 */

/** metadata.version names, in order: the feature level of the first is 7 (3.3-IV3), then one per row. */
const METADATA_VERSIONS = [
  '3.3-IV3',
  '3.4-IV0',
  '3.5-IV0',
  '3.5-IV1',
  '3.5-IV2',
  '3.6-IV0',
  '3.6-IV1',
  '3.6-IV2',
  '3.7-IV0',
  '3.7-IV1',
  '3.7-IV2',
  '3.7-IV3',
  '3.7-IV4',
  '3.8-IV0',
  '3.9-IV0',
  '4.0-IV0',
  '4.0-IV1',
  '4.0-IV2',
  '4.0-IV3',
  '4.1-IV0',
  '4.1-IV1',
  '4.2-IV0',
  '4.2-IV1',
  '4.3-IV0',
  '4.4-IV0',
] as const;
const FIRST_LEVEL = 7;
/** The newest production metadata.version (MetadataVersion.LATEST_PRODUCTION); 4.4-IV0 is still in development. */
export const LATEST_PRODUCTION = '4.3-IV0';

export interface MetadataVersion {
  version: string;
  level: number;
}

export const metadataVersions = (): MetadataVersion[] => METADATA_VERSIONS.map((version, i) => ({ version, level: FIRST_LEVEL + i }));

/** MetadataVersion.fromFeatureLevel: undefined for a level Kafka 4.3.1 does not know. */
export function metadataVersionOfLevel(level: number): MetadataVersion | undefined {
  return metadataVersions().find((m) => m.level === level);
}

const production = (m: MetadataVersion) => m.level <= FIRST_LEVEL + METADATA_VERSIONS.indexOf(LATEST_PRODUCTION);

/**
 * MetadataVersion.fromVersionString(s, true): a full name (3.9-IV0, unstable ones too), or a release
 * (3.9) for its newest production version.
 */
export function parseMetadataVersion(s: string): MetadataVersion {
  const all = metadataVersions();
  const found = all.find((m) => m.version === s) ?? all.filter((m) => production(m) && m.version.split('-')[0] === s).at(-1);
  if (!found) throw new Error(`Unknown metadata.version '${s}'. Supported metadata.version are: ${all.map((m) => m.version).join(', ')}`);
  return found;
}

export interface ProductionFeature {
  name: string;
  /** Each level's first metadata.version (its bootstrapMetadataVersion), level 1 first. */
  since: string[];
  /** Level -> features it requires (FeatureVersion.dependencies). */
  requires?: Record<number, Record<string, number>>;
}

/** Feature.PRODUCTION_FEATURES in Kafka's order (version-mapping prints them so). */
export const PRODUCTION_FEATURES: readonly ProductionFeature[] = [
  { name: 'kraft.version', since: ['3.9-IV0'] },
  { name: 'transaction.version', since: ['4.0-IV2', '4.0-IV2'] },
  { name: 'group.version', since: ['4.0-IV0'] },
  { name: 'eligible.leader.replicas.version', since: ['4.1-IV0'], requires: { 1: { 'metadata.version': 23 } } },
  { name: 'share.version', since: ['4.2-IV0'] },
  { name: 'streams.version', since: ['4.2-IV1'] },
];

/**
 * Feature.defaultLevel(metadataVersion): the highest level whose first metadata.version is at or
 * below it. transaction.version's level 1 and 2 start together; 2 is the default.
 */
export function defaultLevel(feature: ProductionFeature, mv: MetadataVersion): number {
  let level = 0;
  feature.since.forEach((v, i) => {
    if (parseMetadataVersion(v).level <= mv.level) level = i + 1;
  });
  return level;
}

/** Feature.fromFeatureLevel(level, true).dependencies(); throws Kafka's message for an unknown level. */
export function dependencies(feature: ProductionFeature, level: number): Record<string, number> {
  if (level < 0 || level > feature.since.length) throw new Error(`No feature:${feature.name} with feature level ${level}`);
  return feature.requires?.[level] ?? {};
}
