import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { OperationError, UsageError } from '../../errors.js';
import type { ElectionType } from '../../kafka/partitions-types.js';
import type { TopicPartition } from '../../kafka/types.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import { electLeaders, readElectionFile } from './elect.js';
import { compareTp, PlanError, tpName } from './plan.js';

export const spec = defineCommand({
  command: 'elect-leaders',
  description: 'move leadership back to the preferred replicas, or elect an out-of-sync one (kafka-leader-election.sh)',
  arguments: [{ name: '[topics...]', description: 'topics (all their partitions) or topic:0,1 (some); none with --all-topic-partitions' }],
  groups: ['connection', 'output', 'base', 'yes'],
  options: [
    { flags: '--preferred', description: "elect each partition's preferred (first) replica where it is in sync and not leading" },
    { flags: '--unclean', description: 'elect any live replica of a partition without a leader (may lose records: asks first)' },
    { flags: '--election-type <type>', description: "PREFERRED or UNCLEAN (the script's spelling of the two flags above)" },
    { flags: '--topic <topic>', description: "the script's spelling: one topic, with --partition" },
    { flags: '--partition <n>', description: 'with --topic' },
    { flags: '--all-topic-partitions', description: 'every partition the election type applies to' },
    { flags: '--path-to-json-file <file>', description: '{"partitions":[{"topic":"t","partition":0}]}' },
  ],
  examples: [
    'ktool partitions elect-leaders --preferred --all-topic-partitions',
    'ktool partitions elect-leaders --preferred orders payments:0,3',
    'ktool partitions elect-leaders --unclean orders:2 --yes',
    'ktool partitions elect-leaders --election-type PREFERRED --topic orders --partition 0 --json',
  ],
});

export interface ElectOptions {
  type: ElectionType;
  /** Whole topics or some partitions; none with --all. */
  targets: { topic: string; partitions?: number[] }[];
  file?: string;
  all: boolean;
  yes: boolean;
}

function electionType(flags: Flags<typeof spec>): ElectionType {
  const given = [flags.preferred && 'PREFERRED', flags.unclean && 'UNCLEAN', flags.electionType?.toUpperCase()].filter(Boolean);
  const types = [...new Set(given)];
  if (types.length !== 1) throw new UsageError('give one election type: --preferred, --unclean or --election-type PREFERRED|UNCLEAN');
  if (types[0] !== 'PREFERRED' && types[0] !== 'UNCLEAN')
    throw new UsageError(`--election-type is PREFERRED or UNCLEAN, not ${flags.electionType}`);
  return types[0];
}

function partitionList(text: string, what: string): number[] {
  return text.split(',').map((p) => {
    if (!/^\d+$/.test(p)) throw new UsageError(`${what}: not a partition number: ${p}`);
    return Number(p);
  });
}

export function parse(args: string[], flags: Flags<typeof spec>): ElectOptions {
  const type = electionType(flags);
  const targets = args.map((a) => {
    const cut = a.lastIndexOf(':');
    return cut > 0 ? { topic: a.slice(0, cut), partitions: partitionList(a.slice(cut + 1), a) } : { topic: a };
  });
  if (flags.topic !== undefined) {
    if (flags.partition === undefined) throw new UsageError('--topic needs --partition N (or name the topic alone: all its partitions)');
    targets.push({ topic: flags.topic, partitions: partitionList(flags.partition, '--partition') });
  } else if (flags.partition !== undefined) throw new UsageError('--partition goes with --topic');
  const all = Boolean(flags.allTopicPartitions);
  const sources = [targets.length > 0, all, flags.pathToJsonFile !== undefined].filter(Boolean).length;
  if (sources !== 1)
    throw new UsageError('name the partitions one way: topics, --topic/--partition, --all-topic-partitions or --path-to-json-file');
  return { type, targets, file: flags.pathToJsonFile, all, yes: Boolean(flags.yes) };
}

async function partitionsOf(o: ElectOptions, ctx: Context): Promise<TopicPartition[] | null> {
  if (o.all) return null;
  if (o.file) {
    try {
      return await readElectionFile(o.file);
    } catch (error) {
      if (error instanceof PlanError) throw new UsageError(`${o.file}: ${error.message}`);
      throw error;
    }
  }
  const whole = o.targets.filter((t) => !t.partitions).map((t) => t.topic);
  const admin = await (await ctx.kafka()).admin();
  const { topics, missing } = whole.length ? await admin.describeTopics(whole) : { topics: [], missing: [] };
  if (missing.length) throw topicsNotFound(missing);
  return [
    ...topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition }))),
    ...o.targets.flatMap((t) => (t.partitions ?? []).map((partition) => ({ topic: t.topic, partition }))),
  ];
}

/** `--json`: {type, elected: [t-0...], notNeeded: [...], failed: [{partition, error, message}]}; exit 1 when one failed. */
export async function run(o: ElectOptions, ctx: Context): Promise<CommandResult> {
  const partitions = await partitionsOf(o, ctx);
  if (o.type === 'UNCLEAN') {
    const { confirmDestructive } = await import('../../cli/confirm.js');
    await confirmDestructive(ctx.io, {
      action:
        `elect out-of-sync leaders for ${partitions ? partitions.length + ' partition(s)' : 'every leaderless partition'} ` +
        '(records may be lost)',
      items: partitions?.map(tpName),
      yes: o.yes,
    });
  }
  const r = await electLeaders(ctx, o.type, partitions);
  const rows = [
    ...r.elected.map((p) => ({ ...p, result: 'elected', message: '' })),
    ...r.notNeeded.map((p) => ({ ...p, result: 'not needed', message: '' })),
    ...r.failed.map((p) => ({ ...p, result: 'failed', message: `${p.error}: ${p.message}` })),
  ].sort(compareTp);
  const data = {
    type: r.type,
    elected: r.elected.sort(compareTp).map(tpName),
    notNeeded: r.notNeeded.sort(compareTp).map(tpName),
    failed: r.failed.sort(compareTp).map((f) => ({ partition: tpName(f), error: f.error, message: f.message })),
  };
  const result: CommandResult = {
    data,
    view: rows.length
      ? [
          {
            head: ['TOPIC', 'PARTITION', 'RESULT', 'ERROR'],
            rows: rows.map((x) => [x.topic, x.partition, x.result, x.message]),
            numeric: [1],
          },
        ]
      : [{ lines: ['No partition needed an election.'] }],
  };
  if (r.failed.length) return { ...result, exitCode: 1, error: new OperationError(`${r.failed.length} leader election(s) failed`) };
  return result;
}
