import { createHash } from 'node:crypto';
import { compileRegex, positiveInt } from '../../cli/parse-helpers.js';
import { defineOptions } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { parseTimerDuration } from '../../util/duration.js';
import { parseRename, type RenamePolicy } from './rename.js';
import { parseSides, type SideSpec, type SidesOptions } from './sides.js';

export interface MirrorOptions extends SidesOptions {
  topics: RegExp;
  topicsText: string;
  exclude?: RegExp;
  rename: RenamePolicy;
  group: string;
  syncConfigs: boolean;
  untilCaughtUp: boolean;
  /** Adds header `ktool.mirror.source` = "TOPIC/PARTITION/OFFSET" of the source record. */
  provenance: boolean;
  /** Where the group starts when it has no committed offset. */
  start: 'earliest' | 'latest';
  /** Stop after this long without a record (also ends --until-caught-up early). */
  idleTimeoutMs?: number;
  /** Bytes per produce request (records of several partitions). */
  batchBytes: number;
  maxInFlight: number;
  compression: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';
  replicationFactor?: number;
  commitIntervalMs: number;
  verbose: boolean;
}

/** Selection options shared by mirror, verify and deploy. */
export const SELECTION_OPTIONS = defineOptions([
  { flags: '--topics <regex>', description: 'source topics to mirror (whole-name regular expression)' },
  { flags: '--exclude <regex>', description: 'leave out the topics matching this' },
  { flags: '--rename <pattern>', description: "target topic names, e.g. 'src.{topic}' (default: the same names)" },
]);

export interface TopicSelection {
  topics: RegExp;
  topicsText: string;
  exclude?: RegExp;
  excludeText?: string;
  rename: RenamePolicy;
}

export function parseSelection(f: Record<string, unknown>): TopicSelection {
  if (!f.topics) throw new UsageError('--topics REGEX is required', "e.g. --topics 'orders|payments' or --topics '.*'");
  return {
    topics: compileRegex(String(f.topics), '--topics'),
    topicsText: String(f.topics),
    exclude: f.exclude ? compileRegex(String(f.exclude), '--exclude') : undefined,
    excludeText: f.exclude ? String(f.exclude) : undefined,
    rename: parseRename(f.rename as string | undefined),
  };
}

/**
 * The default group: one per source/target cluster pair and topic naming, so a restart resumes
 * where the last run stopped, and a run with another --rename (another copy) has positions of
 * its own instead of sharing partitions and offsets with the first.
 */
export function defaultGroup(from: SideSpec, to: SideSpec, rename?: string): string {
  const label = (s: SideSpec) => s.profile ?? (s.bootstrap ? s.bootstrap : `config:${s.config}`);
  const a = label(from);
  const b = label(to);
  const naming = rename ? `.rename-${createHash('sha256').update(rename).digest('hex').slice(0, 8)}` : '';
  const readable = `${a}-${b}`.replace(/[^a-zA-Z0-9._-]+/g, '_');
  if (readable.length <= 60 && from.profile && to.profile) return `ktool-mirror.${from.profile}.${to.profile}${naming}`;
  return `ktool-mirror.${createHash('sha256').update(`${a}\n${b}`).digest('hex').slice(0, 12)}${naming}`;
}

/**
 * --batch-bytes by default, and the source fetches' size (mirror.ts): what is read and not yet
 * acknowledged stays small, so the records die young (one scavenge, not promoted) and memory is
 * bounded by these, not by the topic. With 4 MiB requests and fetches, a 2M-record copy peaked at
 * 230-300 MB RSS; with these ~160 MB, for the same CPU time (bench/memory.sh).
 */
export const DEFAULT_BATCH_BYTES = 512 << 10;
export const MIRROR_FETCH_BYTES = 256 << 10;

const COMPRESSIONS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

/** `ktool mirror`'s flags (mirror.ts types them from its spec) -> options. */
export function parse(args: string[], f: Record<string, unknown>): MirrorOptions {
  if (args.length) throw new UsageError(`unexpected argument "${args[0]}"`, 'topics are chosen with --topics REGEX');
  const sides = parseSides(f);
  const selection = parseSelection(f);
  const compression = String(f.compression ?? 'none');
  if (!(COMPRESSIONS as readonly string[]).includes(compression))
    throw new UsageError(`--compression must be one of ${COMPRESSIONS.join(', ')}`);
  const start = String(f.start ?? 'earliest');
  if (start !== 'earliest' && start !== 'latest') throw new UsageError('--start must be earliest or latest');
  return {
    ...sides,
    ...selection,
    group: (f.group as string | undefined) ?? defaultGroup(sides.from, sides.to, selection.rename.pattern),
    syncConfigs: Boolean(f.syncConfigs),
    untilCaughtUp: Boolean(f.untilCaughtUp),
    provenance: Boolean(f.provenance),
    start,
    idleTimeoutMs: f.idleTimeout !== undefined ? parseTimerDuration(String(f.idleTimeout), '--idle-timeout') : undefined,
    batchBytes: positiveInt(f.batchBytes, '--batch-bytes', { min: 1024 }) ?? DEFAULT_BATCH_BYTES,
    maxInFlight: positiveInt(f.maxInFlight, '--max-in-flight', { max: 5 }) ?? 4,
    compression: compression as MirrorOptions['compression'],
    replicationFactor: positiveInt(f.replicationFactor, '--replication-factor', { max: 32767 }),
    verbose: Boolean(f.verbose),
    commitIntervalMs: f.commitInterval !== undefined ? parseTimerDuration(String(f.commitInterval), '--commit-interval') : 1_000,
  };
}
