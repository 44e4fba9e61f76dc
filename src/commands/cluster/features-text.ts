/**
 * kafka-features.sh's lines (FeatureCommand 4.3.1), shared by the drop-in and `ktool cluster
 * features` where its plain output is the original's: the describe line per feature and the
 * per-feature result lines of an update.
 */
import type { FeatureSet, FeatureUpdate, FeatureUpdateResult } from '../../kafka/cluster-types.js';
import { metadataVersionOfLevel } from './feature-levels.js';

/** FeatureCommand.levelToString: metadata.version's name for its level. */
export function levelToString(feature: string, level: number): string {
  if (feature !== 'metadata.version') return String(level);
  return metadataVersionOfLevel(level)?.version ?? `UNKNOWN ${level}`;
}

/** Java's String.compareTo order (UTF-16 code units), as TreeMap and sorted() use. */
export const javaOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface FeatureRow {
  feature: string;
  supportedMin: number;
  supportedMax: number;
  /** The finalized max level; 0 when the feature is not finalized. */
  finalized: number;
}

/** Every feature the broker supports, by name, with its finalized level (0 when none). */
export function featureRows(set: FeatureSet): FeatureRow[] {
  return set.supported
    .map((s) => ({
      feature: s.name,
      supportedMin: s.minVersion,
      supportedMax: s.maxVersion,
      finalized: set.finalized.find((f) => f.name === s.name)?.maxVersionLevel ?? 0,
    }))
    .sort((a, b) => javaOrder(a.feature, b.feature));
}

export function describeLines(set: FeatureSet): string {
  const epoch = set.finalizedEpoch < 0 ? '-' : String(set.finalizedEpoch);
  return featureRows(set)
    .map(
      (r) =>
        `Feature: ${r.feature.padEnd(40)}  SupportedMinVersion: ${levelToString(r.feature, r.supportedMin).padEnd(15)}  ` +
        `SupportedMaxVersion: ${levelToString(r.feature, r.supportedMax).padEnd(15)}  ` +
        `FinalizedVersionLevel: ${levelToString(r.feature, r.finalized).padEnd(15)}  Epoch: ${epoch}\n`,
    )
    .join('');
}

/** FeatureCommand.parseNameAndLevel: `name=level`, both trimmed, the level a Java short. */
export function parseNameAndLevel(input: string): [string, number] {
  const eq = input.indexOf('=');
  if (eq < 0) throw new Error(`Can't parse feature=level string ${input}: equals sign not found.`);
  const name = input.slice(0, eq).trim();
  const level = input.slice(eq + 1).trim();
  if (!/^[+-]?\d+$/.test(level) || Number(level) < -32768 || Number(level) > 32767)
    throw new Error(`Can't parse feature=level string ${input}: unable to parse ${level} as a short.`);
  return [name, Number(level)];
}

/** FeatureCommand.update's lines, by feature name, and how many failed. */
export function updateLines(
  op: 'upgrade' | 'downgrade' | 'disable',
  updates: readonly FeatureUpdate[],
  results: readonly FeatureUpdateResult[],
  dryRun: boolean,
): { text: string; failures: number } {
  let failures = 0;
  const lines = [...results]
    .sort((a, b) => javaOrder(a.feature, b.feature))
    .map((r) => {
      const level = updates.find((u) => u.feature === r.feature)?.maxVersionLevel;
      if (r.error) {
        failures++;
        const what = op === 'disable' ? `disable ${r.feature}` : `${op} ${r.feature} to ${level}`;
        return `${dryRun ? 'Can not' : 'Could not'} ${what}. ${r.error.message}`;
      }
      return `${r.feature}${dryRun ? ' can be ' : ' was '}${op === 'disable' ? 'disabled.' : `${op}d to ${level}.`}`;
    });
  return { text: lines.map((l) => `${l}\n`).join(''), failures };
}
