import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { NotFoundError, OperationError, UsageError } from '../../errors.js';
import type { OffsetQuery } from '../../kafka/types.js';
import { resolvePartitions } from './resolve.js';
import { parsePartitionList, parseTopicSelection, type TopicSelection } from '../../cli/topic-partitions.js';
import { describeQuery, parseTimeSpec } from './time-query.js';

export const spec = defineCommand({
  command: 'offsets [topics...]',
  description: 'offsets of partitions at the start, the end, the newest timestamp or a time (kafka-get-offsets.sh spellings work too)',
  groups: ['connection', 'output', 'base'],
  options: [
    {
      flags: '--time <spec>',
      description:
        'earliest, latest, max-timestamp, earliest-local, latest-tiered (or -2, -1, -3, -4, -5), ' +
        'or a time: epoch ms, ISO-8601 (UTC without a zone) or relative like -1h, @ optional ' +
        '(default latest)',
    },
    { flags: '--topic <topic>', description: 'kafka-get-offsets.sh: the topic (a regex), repeatable', repeatable: true },
    {
      flags: '-p, --partition <list>',
      description: 'only these partitions of every topic named, e.g. 0,2 or 0-3 (as TOPIC:0,2), repeatable',
      repeatable: true,
    },
    { flags: '-P, --partitions <list>', description: 'same as -p (kafka-get-offsets.sh spelling, with --topic)', repeatable: true },
    {
      flags: '--topic-partitions <specs>',
      description: 'kafka-get-offsets.sh: t1:0-2,t2:1,t3 (N-M excludes M, as there)',
      repeatable: true,
    },
    { flags: '--exclude-internal-topics', description: 'leave out internal topics (__consumer_offsets, ...), even named or matched ones' },
    { flags: '--isolation <level>', description: 'read_uncommitted (default) or read_committed (latest = last stable offset)' },
  ],
  examples: [
    'ktool offsets orders                       # orders:0:1234 per partition, like kafka-get-offsets.sh',
    'ktool offsets orders:0-2 --time earliest',
    'ktool offsets orders --time 2024-05-01T00:00:00Z --json',
    'ktool offsets orders -p 0,2 --time -1h                # the first offset of the last hour',
    'kafka-get-offsets.sh spelling: ktool offsets --topic orders --partitions 0,1 --time -1',
  ],
});

export interface OffsetsOptions {
  selections: TopicSelection[];
  time: OffsetQuery;
  excludeInternal: boolean;
  isolation: 'read_uncommitted' | 'read_committed';
  /** Named only by kafka-get-offsets.sh's --topic/--topic-partitions: GetOffsetShell's exit 1 when nothing matches. */
  getOffsetsSpelling: boolean;
}

/**
 * One element of `offsets --json`, sorted by topic and partition. `offset` is null when no record
 * matches (a timestamp after the last record); `timestamp` is the record's timestamp for
 * max-timestamp and time queries, else -1.
 */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: number | null;
  timestamp: number;
}

const strings = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

export function parse(args: string[], flags: Flags<typeof spec>, now = Date.now()): OffsetsOptions {
  // TOPIC[:PARTITIONS] and kafka-get-offsets.sh's --topic T; -p/--partition (or -P/--partitions,
  // kafka-get-offsets.sh's spelling) picks the partitions of every topic named so.
  const named = [...args, ...strings(flags.topic)].map((a) => parseTopicSelection(a));
  const partitionFlag = [...strings(flags.partition), ...strings(flags.partitions)].join(',');
  const selections = partitionFlag ? named.map((s) => withPartitions(s, partitionFlag)) : named;
  if (partitionFlag && !named.length)
    throw new UsageError('-p/--partitions needs a TOPIC (or --topic)', 'e.g. ktool offsets orders -p 0,1 (or orders:0,1)');
  // kafka-get-offsets.sh: --topic-partitions t1:0-2,t2
  // GetOffsetShell reads N-M in --topic-partitions with an exclusive upper bound; keep its meaning there.
  for (const list of strings(flags.topicPartitions))
    for (const spec of list.split(',').filter(Boolean)) selections.push(parseTopicSelection(spec, { exclusiveUpper: true }));
  const isolation = flags.isolation === undefined ? 'read_uncommitted' : String(flags.isolation).replace(/-/g, '_');
  if (isolation !== 'read_uncommitted' && isolation !== 'read_committed')
    throw new UsageError(`--isolation must be read_uncommitted or read_committed, got "${String(flags.isolation)}"`);
  return {
    selections,
    time: parseTimeSpec(flags.time === undefined ? 'latest' : String(flags.time), '--time', now),
    excludeInternal: Boolean(flags.excludeInternalTopics),
    isolation,
    getOffsetsSpelling: args.length === 0 && selections.length > 0,
  };
}

function withPartitions(s: TopicSelection, list: string): TopicSelection {
  if (s.partitions) throw new UsageError(`give the partitions of ${s.topic} once: as TOPIC:PARTITIONS or with -p, not both`);
  return { ...s, ...parsePartitionList(list, `-p/--partitions "${list}"`) };
}

export async function run(options: OffsetsOptions, ctx: Context): Promise<CommandResult> {
  const admin = await (await ctx.kafka()).admin();
  const partitions = await resolvePartitions(admin, options.selections, { excludeInternal: options.excludeInternal }).catch((error) => {
    if (options.getOffsetsSpelling && error instanceof NotFoundError) return [];
    throw error;
  });
  // GetOffsetShell: a topic or partition that does not exist, or a pattern matching none, is its exit 1.
  if (options.getOffsetsSpelling && !partitions.length)
    throw new OperationError('Could not match any topic-partitions with the specified filters', {
      hint: 'ktool topics list shows the topics',
    });
  if (options.selections.length && !partitions.length) ctx.warn(`no topic matches ${options.selections.map((s) => s.topic).join(', ')}`);
  const listed = await admin.listOffsets(partitions, options.time, options.isolation);
  const byKey = new Map(listed.map((o) => [`${o.topic}:${o.partition}`, o]));
  const data: PartitionOffset[] = partitions.map(({ topic, partition }) => {
    const o = byKey.get(`${topic}:${partition}`);
    const offset = o === undefined || o.offset < 0n ? null : Number(o.offset);
    return { topic, partition, offset, timestamp: o ? Number(o.timestamp) : -1 };
  });
  // kafka-get-offsets.sh prints topic:partition:offset and leaves out partitions without an answer.
  const text = data
    .filter((d) => d.offset !== null)
    .map((d) => `${d.topic}:${d.partition}:${d.offset}\n`)
    .join('');
  const view = [
    {
      title: `Offsets at ${describeQuery(options.time)}`,
      head: ['TOPIC', 'PARTITION', 'OFFSET', 'TIMESTAMP'],
      rows: data.map((d) => [d.topic, d.partition, d.offset ?? 'none', d.timestamp >= 0 ? new Date(d.timestamp).toISOString() : '']),
      numeric: [1, 2],
    },
  ];
  return { data, text: { table: text }, view };
}
