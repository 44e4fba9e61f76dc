import { REGEX_CHARS } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import type { OffsetQuery } from '../../kafka/types.js';

/** One `TOPIC[:PARTITIONS]` argument. `partitions` undefined means all; `regex` when TOPIC is a pattern. */
export interface TopicSelection {
  topic: string;
  regex: boolean;
  partitions?: number[];
  /** `N-`: every partition from N up (besides `partitions`). */
  from?: number;
}

/**
 * `orders`, `orders:0`, `orders:0,2`, `orders:0-3` (0 to 3), `orders:1-` (1 and up) and, as in
 * kafka-get-offsets.sh, a regular expression for the topic: `'orders\..*':0`. With exclusiveUpper
 * (kafka-get-offsets.sh --topic-partitions) `0-3` means 0 to 2, as GetOffsetShell reads it.
 */
export function parseTopicSelection(text: string, { exclusiveUpper = false } = {}): TopicSelection {
  const colon = text.lastIndexOf(':');
  const topic = colon < 0 ? text : text.slice(0, colon);
  const spec = colon < 0 ? undefined : text.slice(colon + 1);
  if (!topic) throw new UsageError(`missing topic in "${text}"`, 'write TOPIC or TOPIC:PARTITION, e.g. orders:0');
  const selection: TopicSelection = { topic, regex: REGEX_CHARS.test(topic) };
  if (spec === undefined || spec === '') return selection;
  const partitions = new Set<number>();
  for (const part of spec.split(',')) {
    const m = /^(\d+)(?:-(\d*))?$/.exec(part.trim());
    if (!m) throw new UsageError(`bad partition "${part}" in "${text}"`, 'partitions are N, N,M, N-M or N- (N and up)');
    const from = Number(m[1]);
    if (m[2] === undefined) partitions.add(from);
    else if (m[2] === '') selection.from = Math.min(from, selection.from ?? from);
    else {
      const to = Number(m[2]) - (exclusiveUpper ? 1 : 0);
      if (to < from) throw new UsageError(`bad partition range "${part}" in "${text}": ${to} < ${from}`);
      for (let p = from; p <= to; p++) partitions.add(p);
    }
  }
  selection.partitions = [...partitions].sort((a, b) => a - b);
  return selection;
}

/** Partitions of a topic with `count` partitions that a selection names (an open range `N-` runs to the end). */
export function selectPartitions(selection: TopicSelection, count: number): number[] {
  const all = Array.from({ length: count }, (_, i) => i);
  if (!selection.partitions) return all;
  const { from } = selection;
  return all.filter((p) => selection.partitions!.includes(p) || (from !== undefined && p >= from));
}

/** kafka-get-offsets.sh `--time` values and ktool's names for them. */
const NAMED: Record<string, OffsetQuery> = {
  earliest: 'earliest',
  '-2': 'earliest',
  latest: 'latest',
  '-1': 'latest',
  'max-timestamp': 'max-timestamp',
  '-3': 'max-timestamp',
  'earliest-local': { timestamp: -4 },
  '-4': { timestamp: -4 },
  'latest-tiered': { timestamp: -5 },
  '-5': { timestamp: -5 },
};

/**
 * A time spec: earliest|latest|max-timestamp|earliest-local|latest-tiered (or -2/-1/-3/-4/-5 as
 * kafka-get-offsets.sh), epoch milliseconds, or an ISO-8601 date/time (`2024-05-01`,
 * `2024-05-01T10:00:00Z`; without a zone it is UTC).
 */
export function parseTimeSpec(text: string, flag = '--time'): OffsetQuery {
  const t = text.trim().toLowerCase();
  if (Object.hasOwn(NAMED, t)) return NAMED[t];
  if (/^\d+$/.test(t)) return { timestamp: Number(t) };
  const ms = parseIsoTime(text.trim());
  if (ms !== undefined) return { timestamp: ms };
  throw new UsageError(`${flag}: cannot read "${text}" as a time`, 'use earliest, latest, max-timestamp, epoch milliseconds or an ISO time like 2024-05-01T10:00:00Z');
}

export function parseIsoTime(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls over 2024-02-31; refuse dates that do not exist.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  return ms;
}

/** How a query is shown to people. */
export function describeQuery(q: OffsetQuery): string {
  return typeof q === 'string' ? q : q.timestamp === -4 ? 'earliest-local' : q.timestamp === -5 ? 'latest-tiered' : new Date(q.timestamp).toISOString();
}
