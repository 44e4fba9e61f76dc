import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import type { LogDirDescription } from '../../kafka/cluster-types.js';

export const spec = defineCommand({
  command: 'log-dirs [topics...]',
  description: 'size on disk per broker, log dir, topic and partition (kafka-log-dirs.sh)',
  groups: ['connection', 'output', 'base'],
  options: [
    { flags: '--topic <topic>', description: 'only this topic, repeatable', repeatable: true },
    { flags: '--topic-list <a,b>', description: 'only these topics (kafka-log-dirs.sh spelling)', repeatable: true },
    { flags: '--describe', description: 'accepted for kafka-log-dirs.sh compatibility; does nothing' },
  ],
  examples: ['ktool cluster log-dirs', 'ktool cluster log-dirs orders --format wide'],
});

export interface LogDirsOptions {
  topics: string[];
}

/**
 * `cluster log-dirs --json`: one element per broker and log directory, with the volume's total and
 * usable bytes (-1 if unknown), an error name for an offline dir, and every partition replica in it
 * (size in bytes on disk, offsetLag behind the leader, isFuture for a replica being moved).
 */
export type LogDirsResult = LogDirDescription[];

const strings = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

export function parse(args: string[], flags: Flags<typeof spec>): LogDirsOptions {
  // --topic-list a,b is LogDirsCommand's spelling.
  const topics = [...args, ...strings(flags.topic), ...strings(flags.topicList).flatMap((l) => l.split(','))]
    .map((t) => t.trim())
    .filter(Boolean);
  return { topics: [...new Set(topics)] };
}

export async function run(options: LogDirsOptions, ctx: Context): Promise<CommandResult> {
  const clients = await ctx.kafka();
  if (options.topics.length) {
    const { missing } = await (await clients.admin()).describeTopics(options.topics);
    if (missing.length) throw topicsNotFound(missing);
  }
  const api = await clients.cluster();
  const data = await api.describeLogDirs(options.topics.length ? options.topics : null);
  const human = (n: number) =>
    n < 0
      ? ''
      : n < 1024
        ? `${n} B`
        : n < 1024 ** 2
          ? `${(n / 1024).toFixed(1)} KiB`
          : n < 1024 ** 3
            ? `${(n / 1024 ** 2).toFixed(1)} MiB`
            : `${(n / 1024 ** 3).toFixed(1)} GiB`;
  const dirs = {
    head: ['BROKER', 'LOG-DIR', 'ERROR', 'PARTITIONS', 'SIZE', 'TOTAL', 'USABLE'],
    rows: data.map((d) => [
      d.broker,
      d.logDir,
      d.error ?? '',
      d.partitions.length,
      human(d.partitions.reduce((n, p) => n + p.size, 0)),
      human(d.totalBytes),
      human(d.usableBytes),
    ]),
    numeric: [0, 3, 4, 5, 6],
  };
  const parts = {
    head: ['BROKER', 'TOPIC', 'PARTITION', 'SIZE', 'BYTES', 'OFFSET-LAG', 'FUTURE', 'LOG-DIR'],
    rows: data.flatMap((d) =>
      d.partitions.map((p) => [d.broker, p.topic, p.partition, human(p.size), p.size, p.offsetLag, p.isFuture ? 'yes' : '', d.logDir]),
    ),
    numeric: [0, 2, 3, 4, 5],
    wideOnly: [4, 6, 7],
  };
  return { data, view: [dirs, parts] };
}
