import { UsageError } from '../errors.js';
import { REGEX_CHARS } from './parse-helpers.js';

/** Partitions a spec names: a list, plus every partition from `from` up when it ends in `N-`. */
export interface PartitionSelection {
  /** undefined: every partition. */
  partitions?: number[];
  from?: number;
}

/** One `TOPIC[:PARTITIONS]`; `regex` when TOPIC has characters no topic name can have (a pattern). */
export interface TopicSelection extends PartitionSelection {
  topic: string;
  regex: boolean;
}

export const PARTITIONS_HINT = 'partitions are N, N,M, N-M (N to M) or N- (N and up), e.g. orders:0,2';

/** Far more than any topic has; keeps `0-999999999` from allocating a billion numbers. */
const MAX_PARTITION = 1_000_000;

/**
 * A partition list, the same wherever one is taken (TOPIC:PARTITIONS and consume/offsets -p):
 * `0`, `0,2`, `0-3` (0 to 3), `3-` (3 and up). With exclusiveUpper (kafka-get-offsets.sh
 * --topic-partitions) `0-3` means 0 to 2, as GetOffsetShell reads it.
 */
export function parsePartitionList(spec: string, what: string, { exclusiveUpper = false } = {}): PartitionSelection {
  const partitions = new Set<number>();
  let from: number | undefined;
  for (const part of spec.split(',')) {
    const m = /^(\d+)(?:-(\d*))?$/.exec(part.trim());
    const bad = (why: string) => new UsageError(`invalid ${what}: ${why}`, PARTITIONS_HINT);
    if (!m) throw bad(`"${part}" is not a partition`);
    const low = Number(m[1]);
    if (low > MAX_PARTITION || Number(m[2] || 0) > MAX_PARTITION) throw bad(`no topic has partition ${Math.max(low, Number(m[2] || 0))}`);
    if (m[2] === undefined) partitions.add(low);
    else if (m[2] === '') from = Math.min(low, from ?? low);
    else {
      const high = Number(m[2]) - (exclusiveUpper ? 1 : 0);
      if (high < low) throw bad(`range "${part}" ends before it starts`);
      for (let p = low; p <= high; p++) partitions.add(p);
    }
  }
  return { partitions: [...partitions].sort((a, b) => a - b), ...(from !== undefined ? { from } : {}) };
}

/**
 * `orders`, `orders:0`, `orders:0,2`, `orders:0-3`, `orders:1-`; and, where a command takes
 * patterns (offsets, as kafka-get-offsets.sh), `'orders\..*':0`. Topic names cannot hold a colon,
 * so the last one always starts the partitions.
 */
export function parseTopicSelection(text: string, { exclusiveUpper = false, what = 'TOPIC[:PARTITIONS]' } = {}): TopicSelection {
  const colon = text.lastIndexOf(':');
  const topic = colon < 0 ? text : text.slice(0, colon);
  const spec = colon < 0 ? undefined : text.slice(colon + 1);
  if (!topic)
    throw new UsageError(`invalid ${what} "${text}": no topic before the colon`, 'write TOPIC or TOPIC:PARTITIONS, e.g. orders:0');
  const selection: TopicSelection = { topic, regex: REGEX_CHARS.test(topic) };
  if (spec === undefined || spec === '') return selection;
  return { ...selection, ...parsePartitionList(spec, `${what} "${text}"`, { exclusiveUpper }) };
}

/** Partitions of a topic with `count` partitions that a selection names (an open range `N-` runs to the end). */
export function selectPartitions(selection: PartitionSelection, count: number): number[] {
  const all = Array.from({ length: count }, (_, i) => i);
  if (!selection.partitions) return all;
  const { from } = selection;
  return all.filter((p) => selection.partitions!.includes(p) || (from !== undefined && p >= from));
}

/**
 * A TOPIC[:PARTITIONS] for commands that need a name and an exact list (groups, lag): no pattern
 * and no open range.
 */
export function parseExactTopicPartitions(text: string, what: string): { topic: string; partitions?: number[] } {
  const s = parseTopicSelection(text, { what });
  if (s.regex)
    throw new UsageError(`invalid ${what} "${text}": a topic name, not a pattern`, 'write TOPIC or TOPIC:PARTITIONS, e.g. orders:0,2');
  if (s.from !== undefined)
    throw new UsageError(
      `invalid ${what} "${text}": an open range (${s.from}-) is not taken here`,
      'list the partitions: orders:3,4,5 or orders:3-5',
    );
  return s.partitions ? { topic: s.topic, partitions: s.partitions } : { topic: s.topic };
}

/** The partitions a selection names that a topic of `count` partitions does not have. */
export function missingPartitions(selection: PartitionSelection, count: number): number[] {
  return (selection.partitions ?? []).filter((p) => p >= count);
}

/**
 * Splits a comma-separated list of TOPIC[:PARTITIONS] (lag --topic a,b:0,1,c): after a
 * TOPIC:PARTITIONS, numbers and ranges go on naming its partitions.
 */
export function splitTopicList(text: string): string[] {
  const out: string[] = [];
  for (const piece of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const last = out[out.length - 1];
    if (last?.includes(':') && /^\d+(-\d*)?$/.test(piece)) out[out.length - 1] = `${last},${piece}`;
    else out.push(piece);
  }
  return out;
}
