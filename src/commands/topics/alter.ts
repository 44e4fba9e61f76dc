import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { refuseInternalTopics } from '../../cli/internal-topics.js';
import { positiveInt } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import { topicsNotFound } from '../../kafka/not-found.js';

export const spec = defineCommand({
  command: 'alter <topic>',
  description: 'increase the partition count of a topic (internal topics refused without --allow-internal-topics)',
  groups: ['connection', 'output', 'base', 'allow-internal-topics'],
  options: [
    { flags: '-p, --partitions <n>', description: 'the new total number of partitions (as create takes it)' },
    { flags: '--if-exists', description: 'no error when the topic does not exist (as describe and delete)' },
    { flags: '--dry-run', description: 'validate on the broker without changing' },
    // create's -c and -r, so they get a pointer to the command that does that rather than "unknown option".
    { flags: '-c, --config <key=value>', description: 'see configs alter', repeatable: true, hidden: true },
    { flags: '-r, --replication-factor <n>', description: 'see the reassign hint', hidden: true },
  ],
  examples: ['ktool topics alter orders -p 12', 'ktool topics alter orders --partitions 12 --dry-run'],
});

export interface AlterOptions {
  topic: string;
  partitions: number;
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
  if (flags.replicationFactor !== undefined)
    throw new UsageError(
      'topics alter cannot change the replication factor',
      'Kafka changes it by reassigning partitions: kafka-reassign-partitions.sh',
    );
  const partitions = positiveInt(flags.partitions, '--partitions');
  if (partitions === undefined)
    throw new UsageError('topics alter needs --partitions N', 'to change configs use `ktool configs alter --topic T`');
  // More partitions break an internal topic: __consumer_offsets maps groups to partitions by hash,
  // a Streams changelog must match its input's partition count.
  refuseInternalTopics(args, Boolean(flags.allowInternalTopics), 'change the partition count of');
  return { topic: args[0], partitions, dryRun: Boolean(flags.dryRun), ifExists: Boolean(flags.ifExists) };
}

/** `topics alter --json`: {name, partitionsBefore, partitionsAfter, dryRun}; {name, exists: false, dryRun} with --if-exists. */
export async function run(options: AlterOptions, ctx: Context): Promise<CommandResult> {
  const admin = await (await ctx.kafka()).admin();
  const { topics } = await admin.describeTopics([options.topic]);
  if (topics.length === 0) {
    if (!options.ifExists) throw topicsNotFound([options.topic]);
    ctx.warn(`not found (ignored with --if-exists): ${options.topic}`);
    return { data: { name: options.topic, exists: false, dryRun: options.dryRun }, view: [] };
  }
  const before = topics[0].partitions.length;
  if (options.partitions < before) {
    throw new UsageError(
      `topic ${options.topic} has ${before} partitions; Kafka cannot reduce the partition count`,
      'create a new topic with fewer partitions and copy the data (ktool mirror)',
    );
  }
  if (options.partitions === before) {
    throw new UsageError(`topic ${options.topic} already has ${before} partitions`);
  }
  await admin.createPartitions(options.topic, options.partitions, { validateOnly: options.dryRun });
  const data = { name: options.topic, partitionsBefore: before, partitionsAfter: options.partitions, dryRun: options.dryRun };
  return {
    data,
    view: [{ lines: [`${options.dryRun ? 'Valid (dry run): ' : ''}${options.topic}: partitions ${before} -> ${options.partitions}`] }],
  };
}
