/** The offset arithmetic of `groups reset-offsets`, as kafka-consumer-groups.sh does it. Pure. */
import { parseTimeArg } from '../../cli/time-spec.js';
import { parseExactTopicPartitions } from '../../cli/topic-partitions.js';
import { UsageError } from '../../errors.js';

export type Strategy =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'current' }
  | { kind: 'offset'; offset: number }
  | { kind: 'shift'; by: number }
  | { kind: 'datetime'; timestamp: number }
  | { kind: 'duration'; ms: number }
  /** `lines`: the plan already read (kafka-consumer-groups.sh's reading of the file, src/dropin/reset-plan-csv.ts). */
  | { kind: 'file'; path: string; lines?: PlanLine[] };

export interface PartitionFacts {
  current: number | null;
  logStart: number;
  logEnd: number;
  /** First offset with a timestamp >= the datetime asked for; null when there is none. */
  byTime?: number | null;
  /** From the reset plan file. */
  planned?: number;
}

export interface Target {
  offset: number;
  /** Set when the wanted offset was outside the log and was moved to its edge. */
  clamped?: { wanted: number; to: 'log start' | 'log end' };
}

/** Kafka's checkOffsetRange: below the log start -> start, above the end -> end. */
export function clamp(wanted: number, f: PartitionFacts): Target {
  if (wanted > f.logEnd) return { offset: f.logEnd, clamped: { wanted, to: 'log end' } };
  if (wanted < f.logStart) return { offset: f.logStart, clamped: { wanted, to: 'log start' } };
  return { offset: wanted };
}

export function target(strategy: Strategy, f: PartitionFacts, where: string): Target {
  switch (strategy.kind) {
    case 'earliest':
      return { offset: f.logStart };
    case 'latest':
      return { offset: f.logEnd };
    case 'current':
      // Kafka: partitions without a committed offset go to the log end.
      return { offset: f.current ?? f.logEnd };
    case 'offset':
      return clamp(strategy.offset, f);
    case 'shift':
      if (f.current === null)
        throw new UsageError(
          `cannot shift ${where}: the group has no committed offset there`,
          'use --to-earliest/--to-latest/--to-offset for it first',
        );
      return clamp(f.current + strategy.by, f);
    case 'datetime':
    case 'duration':
      // Kafka: no record at or after the time -> the log end.
      return { offset: f.byTime ?? f.logEnd };
    case 'file':
      return clamp(f.planned!, f);
  }
}

/**
 * --to-datetime: kafka-consumer-groups.sh's `YYYY-MM-DDTHH:mm:SS.sss` (UTC unless a zone is given:
 * Z, +hh, +hhmm, +hh:mm; seconds and milliseconds may be left out), or any time in ktool's one
 * syntax (src/cli/time-spec.ts): epoch ms, a date, relative like -1h.
 */
export function parseDatetime(text: string, now = Date.now()): number {
  return parseTimeArg(text, {
    what: '--to-datetime',
    now,
    alternatives: 'use YYYY-MM-DDTHH:mm:SS.sss, optionally with a zone: 2026-01-31T08:00:00.000+01:00 (UTC when none); ',
  });
}

export interface PlanLine {
  group?: string;
  topic: string;
  partition: number;
  offset: number;
}

/** The reset plan CSV (what --export prints): `topic,partition,offset` or `group,topic,partition,offset`. */
export function parsePlanCsv(text: string, file: string): PlanLine[] {
  const out: PlanLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const cells = line.split(',').map((c) => c.trim());
    const bad = () => new UsageError(`${file}:${i + 1}: expected topic,partition,offset or group,topic,partition,offset, got "${line}"`);
    if (cells.length !== 3 && cells.length !== 4) throw bad();
    const [group, topic, partition, offset] = cells.length === 4 ? cells : [undefined, ...cells];
    // Number() of 99999999999999999999 is not that offset: beyond 2^53 (or int32 for a partition) is refused.
    if (
      !topic ||
      !/^\d+$/.test(partition!) ||
      !/^\d+$/.test(offset!) ||
      Number(partition) > 2 ** 31 - 1 ||
      !Number.isSafeInteger(Number(offset))
    )
      throw bad();
    out.push({ ...(group !== undefined ? { group } : {}), topic, partition: Number(partition), offset: Number(offset) });
  });
  return out;
}

export function formatPlanCsv(rows: { group: string; topic: string; partition: number; offset: number }[]): string {
  const multi = new Set(rows.map((r) => r.group)).size > 1;
  return rows.map((r) => `${multi ? `${r.group},` : ''}${r.topic},${r.partition},${r.offset}\n`).join('');
}

/** `orders` or `orders:0,2` (kafka-consumer-groups.sh --topic); ranges as everywhere: `orders:0-3`. */
export function parseTopicArg(text: string): { topic: string; partitions?: number[] } {
  return parseExactTopicPartitions(text, '--topic');
}
