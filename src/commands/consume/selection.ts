import { parsePartitionList, parseTopicSelection, type PartitionSelection } from '../../cli/topic-partitions.js';
import { UsageError } from '../../errors.js';

/** Which topics consume reads, and which of their partitions. */
export interface ConsumeSelection {
  topics: string[];
  /** -p/--partition (or -P/--partitions): these partitions of every topic read. */
  partitions?: PartitionSelection;
  /** TOPIC:PARTITIONS arguments: these partitions of that topic. */
  topicPartitions?: Record<string, PartitionSelection>;
}

const strings = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/**
 * TOPIC[:PARTITIONS] arguments (and --topic), -p/--partition and -P/--partitions: one spelling for
 * partitions as in every command (src/cli/topic-partitions.ts). kafka-console-consumer's
 * `--partition N` is -p's long form.
 */
export function parseSelection(args: string[], f: { topic?: string[]; partition?: string[]; partitions?: string[] }): ConsumeSelection {
  const specs = [...args, ...strings(f.topic)].map((a) => parseTopicSelection(a));
  const pattern = specs.find((s) => s.regex);
  if (pattern)
    throw new UsageError(
      `"${pattern.topic}" is a pattern, not a topic name`,
      `read every matching topic with --include '${pattern.topic}'`,
    );
  const topics = [...new Set(specs.map((s) => s.topic))];
  const flag = [...strings(f.partition), ...strings(f.partitions)].join(',');
  const partitions = flag ? parsePartitionList(flag, `-p/--partition "${flag}"`) : undefined;

  const topicPartitions: Record<string, PartitionSelection> = {};
  const whole = new Set(specs.filter((s) => !s.partitions).map((s) => s.topic));
  for (const s of specs) {
    if (!s.partitions) continue;
    if (partitions) throw new UsageError(`give the partitions of ${s.topic} once: as TOPIC:PARTITIONS or with -p, not both`);
    if (whole.has(s.topic)) continue; // `t t:1` reads all of t
    const had = topicPartitions[s.topic];
    const from = Math.min(s.from ?? Infinity, had?.from ?? Infinity);
    topicPartitions[s.topic] = {
      partitions: [...new Set([...(had?.partitions ?? []), ...s.partitions])].sort((a, b) => a - b),
      ...(from < Infinity ? { from } : {}),
    };
  }
  return { topics, ...(partitions ? { partitions } : {}), ...(Object.keys(topicPartitions).length ? { topicPartitions } : {}) };
}
