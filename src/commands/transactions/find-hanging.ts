import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { positiveInt } from '../../cli/parse-helpers.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { findHanging, type HangingScope, type OpenTransaction } from './hanging.js';

export const spec = defineCommand({
  command: 'find-hanging [topic]',
  description: 'transactions left open on partitions that their coordinator will never end (they hold read_committed consumers back)',
  arguments: [{ name: '[topic]', description: 'search this topic (or --topic); else every partition with a replica on --broker-id' }],
  groups: ['connection', 'output', 'base'],
  options: [
    { flags: '--broker-id <id>', description: 'search the partitions this broker has a replica of' },
    { flags: '--topic <topic>', description: 'search this topic (kafka-transactions.sh spelling)' },
    { flags: '--partition <n>', description: 'only this partition of the topic' },
    {
      flags: '--max-transaction-timeout <minutes>',
      description: "transactions open for less than this are not hanging yet: the brokers' transaction.max.timeout.ms",
      default: '15',
    },
  ],
  notes:
    'A transaction is hanging when a partition has had it open for longer than --max-transaction-timeout and its ' +
    "transactional id's coordinator does not list that partition (no marker will ever come). Abort one with " +
    '`ktool transactions abort TOPIC:PARTITION --start-offset N`. Exit 0 whether or not any is found; --json for scripts.',
  examples: ['ktool transactions find-hanging --broker-id 1', 'ktool transactions find-hanging orders --max-transaction-timeout 5 --json'],
});

export type FindHangingOptions = HangingScope;

/**
 * `transactions find-hanging --json`: `[{topic, partition, producer: {producerId, producerEpoch,
 * coordinatorEpoch, lastSequence, lastTimestamp, txnStartOffset}, durationMinutes}]`, by topic and partition.
 */
export type FindHangingResult = (OpenTransaction & { durationMinutes: number })[];

export function parse(args: string[], flags: Flags<typeof spec>): FindHangingOptions {
  const topic = args[0] ?? flags.topic;
  const brokerId = positiveInt(flags.brokerId, '--broker-id', { min: 0 });
  const partition = positiveInt(flags.partition, '--partition', { min: 0 });
  return {
    ...(topic === undefined ? {} : { topic }),
    ...(brokerId === undefined ? {} : { brokerId }),
    ...(partition === undefined ? {} : { partition }),
    maxTimeoutMinutes: positiveInt(flags.maxTransactionTimeout ?? '15', '--max-transaction-timeout', { min: 0 })!,
  };
}

export async function run(options: FindHangingOptions, ctx: Context): Promise<CommandResult> {
  const clients = await ctx.kafka();
  const now = ctx.io.now();
  const found = await findHanging(await clients.admin(), await clients.transactions(), options, now);
  const data: FindHangingResult = found
    .map((t) => ({ ...t, durationMinutes: Math.floor((now - t.producer.lastTimestamp) / 60_000) }))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const rows = data.map((t) => [
    t.topic,
    t.partition,
    t.producer.producerId.toString(),
    t.producer.producerEpoch,
    t.producer.coordinatorEpoch,
    t.producer.txnStartOffset?.toString(),
    new Date(t.producer.lastTimestamp).toISOString(),
    t.durationMinutes,
  ]);
  const head = ['TOPIC', 'PARTITION', 'PRODUCER-ID', 'EPOCH', 'COORDINATOR-EPOCH', 'START-OFFSET', 'LAST-TIMESTAMP', 'MINUTES'];
  return { data, view: rows.length ? [{ head, rows, numeric: [1, 2, 3, 4, 5, 7] }] : [{ lines: ['No hanging transactions'] }] };
}
