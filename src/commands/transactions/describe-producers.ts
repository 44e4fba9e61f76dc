import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { positiveInt } from '../../cli/parse-helpers.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import type { ProducerState } from '../../kafka/transactions-admin-types.js';
import type { TopicPartition } from '../../kafka/types.js';
import { topicPartition } from './partition-arg.js';

export const spec = defineCommand({
  command: 'describe-producers [partition]',
  description: "active producers of a partition (its leader's state, or a replica's): epoch, sequence, open transaction",
  arguments: [{ name: '[partition]', description: 'TOPIC:PARTITION (or --topic and --partition)' }],
  groups: ['connection', 'output', 'base'],
  options: [
    { flags: '--topic <topic>', description: 'the topic (kafka-transactions.sh spelling)' },
    { flags: '--partition <n>', description: 'the partition (kafka-transactions.sh spelling)' },
    { flags: '--broker-id <id>', description: 'ask this replica instead of the leader' },
  ],
  examples: ['ktool transactions describe-producers orders:0', 'ktool transactions describe-producers orders:0 --broker-id 2 --json'],
});

export interface DescribeProducersOptions extends TopicPartition {
  brokerId?: number;
}

/**
 * `transactions describe-producers --json`: `{topic, partition, producers: [{producerId, producerEpoch,
 * lastSequence, lastTimestamp (ms), coordinatorEpoch (-1: no marker yet), txnStartOffset (null: none open)}]}`.
 */
export interface DescribeProducersResult extends TopicPartition {
  producers: ProducerState[];
}

export function parse(args: string[], flags: Flags<typeof spec>): DescribeProducersOptions {
  const brokerId = positiveInt(flags.brokerId, '--broker-id', { min: 0 });
  return { ...topicPartition(args[0], flags.topic, flags.partition), ...(brokerId === undefined ? {} : { brokerId }) };
}

export async function run(options: DescribeProducersOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).transactions();
  const tp = { topic: options.topic, partition: options.partition };
  const states = await api.describeProducers([tp], options.brokerId);
  const producers = [...states.values()].flat();
  const data: DescribeProducersResult = { ...tp, producers };
  const rows = producers.map((p) => [
    p.producerId.toString(),
    p.producerEpoch,
    p.coordinatorEpoch,
    p.lastSequence,
    new Date(p.lastTimestamp).toISOString(),
    p.txnStartOffset === null ? '' : p.txnStartOffset.toString(),
  ]);
  const head = ['PRODUCER-ID', 'EPOCH', 'COORDINATOR-EPOCH', 'LAST-SEQUENCE', 'LAST-TIMESTAMP', 'TXN-START-OFFSET'];
  return {
    data,
    view: rows.length ? [{ head, rows, numeric: [0, 1, 2, 3, 5] }] : [{ lines: [`No active producers on ${tp.topic}-${tp.partition}`] }],
  };
}
