import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { refuseInternalTopics } from '../../cli/internal-topics.js';
import { positiveInt } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import { topicsNotFound } from '../../kafka/not-found.js';

export const spec = defineCommand({
  command: 'alter <topic>',
  description:
    'increase the partition count of a topic, or change its replication factor (by reassignment); ' +
    'internal topics refused without --allow-internal-topics',
  groups: ['connection', 'output', 'base', 'allow-internal-topics'],
  options: [
    { flags: '-p, --partitions <n>', description: 'the new total number of partitions (as create takes it)' },
    { flags: '--if-exists', description: 'no error when the topic does not exist (as describe and delete)' },
    {
      flags: '-r, --replication-factor <n>',
      description:
        'the new replication factor: replicas added (on racks the partition is not on yet, then the least loaded brokers) ' +
        'or removed (the preferred leader and in-sync replicas kept) by a partition reassignment',
    },
    { flags: '--wait', description: 'with -r: wait until the new replicas are in sync (and the throttle removed)' },
    {
      flags: '--throttle <bytes/s>',
      description: 'with -r: limit the replication the change causes (removed by --wait or reassign --verify)',
    },
    { flags: '--dry-run', description: 'validate on the broker without changing (-r: show the plan only)' },
    // create's -c, so it gets a pointer to the command that does that rather than "unknown option".
    { flags: '-c, --config <key=value>', description: 'see configs alter', repeatable: true, hidden: true },
  ],
  examples: [
    'ktool topics alter orders -p 12',
    'ktool topics alter orders --partitions 12 --dry-run',
    'ktool topics alter orders --replication-factor 3 --wait',
    'ktool topics alter orders -r 2 --dry-run        # the plan: which replicas go',
  ],
});

export interface AlterOptions {
  topic: string;
  /** The new partition count, or undefined when only the replication factor changes. */
  partitions?: number;
  replicationFactor?: number;
  wait: boolean;
  throttle?: number;
  dryRun: boolean;
  ifExists: boolean;
}

export function parse(args: string[], flags: Flags<typeof spec>): AlterOptions {
  if (args.length !== 1) throw new UsageError('topics alter takes exactly one topic');
  const configs = flags.config as string[] | undefined;
  if (configs?.length)
    throw new UsageError(
      'topics alter changes the partition count only; topic configs are changed with configs alter',
      `ktool configs alter --topic ${args[0]} --add-config '${configs.join(',')}'`,
    );
  const partitions = positiveInt(flags.partitions, '--partitions');
  const replicationFactor = positiveInt(flags.replicationFactor, '--replication-factor');
  if (partitions === undefined && replicationFactor === undefined)
    throw new UsageError(
      'topics alter needs --partitions N or --replication-factor N',
      'to change configs use `ktool configs alter --topic T`',
    );
  if (partitions !== undefined && replicationFactor !== undefined)
    throw new UsageError('change the partition count and the replication factor one after the other (two topics alter)');
  if (replicationFactor === undefined && (flags.wait || flags.throttle !== undefined))
    throw new UsageError('--wait and --throttle go with --replication-factor');
  const throttle = flags.throttle === undefined ? undefined : positiveInt(flags.throttle, '--throttle');
  // More partitions break an internal topic: __consumer_offsets maps groups to partitions by hash,
  // a Streams changelog must match its input's partition count.
  refuseInternalTopics(
    args,
    Boolean(flags.allowInternalTopics),
    replicationFactor === undefined ? 'change the partition count of' : 'change the replication factor of',
  );
  return {
    topic: args[0],
    partitions,
    replicationFactor,
    wait: Boolean(flags.wait),
    throttle,
    dryRun: Boolean(flags.dryRun),
    ifExists: Boolean(flags.ifExists),
  };
}

/**
 * `topics alter --json`: {name, partitionsBefore, partitionsAfter, dryRun}; {name, exists: false, dryRun} with --if-exists;
 * with -r: {name, replicationFactorBefore, replicationFactorAfter, dryRun, started, complete, partitions: [{partition, current, target}]}.
 */
export async function run(options: AlterOptions, ctx: Context): Promise<CommandResult> {
  const admin = await (await ctx.kafka()).admin();
  // A replication factor change is planned from the replicas every broker agrees on, not from one broker's lagging view.
  const { topics } = await admin.describeTopics([options.topic], { agreed: options.replicationFactor !== undefined });
  if (topics.length === 0) {
    if (!options.ifExists) throw topicsNotFound([options.topic]);
    ctx.warn(`not found (ignored with --if-exists): ${options.topic}`);
    return { data: { name: options.topic, exists: false, dryRun: options.dryRun }, view: [] };
  }
  if (options.replicationFactor !== undefined) {
    const { changeReplicationFactor } = await import('./replication-factor.js');
    return changeReplicationFactor(options as AlterOptions & { replicationFactor: number }, topics[0], ctx);
  }
  const partitions = options.partitions!;
  const before = topics[0].partitions.length;
  if (partitions < before) {
    throw new UsageError(
      `topic ${options.topic} has ${before} partitions; Kafka cannot reduce the partition count`,
      'create a new topic with fewer partitions and copy the data (ktool mirror)',
    );
  }
  if (partitions === before) {
    throw new UsageError(`topic ${options.topic} already has ${before} partitions`);
  }
  await admin.createPartitions(options.topic, partitions, { validateOnly: options.dryRun });
  const data = { name: options.topic, partitionsBefore: before, partitionsAfter: partitions, dryRun: options.dryRun };
  return {
    data,
    view: [{ lines: [`${options.dryRun ? 'Valid (dry run): ' : ''}${options.topic}: partitions ${before} -> ${partitions}`] }],
  };
}
