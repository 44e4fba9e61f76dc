import { confirmDestructive } from '../../cli/confirm.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { YES } from '../../cli/common-options.js';
import { positiveInt } from '../../cli/parse-helpers.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { NotFoundError, UsageError } from '../../errors.js';
import type { AbortSpec } from '../../kafka/transactions-admin-types.js';
import type { TopicPartition } from '../../kafka/types.js';
import { abortSpecAt } from './hanging.js';
import { topicPartition } from './partition-arg.js';

export const spec = defineCommand({
  command: 'abort [partition]',
  description: 'abort a hanging transaction on a partition (writes its abort marker; needs ClusterAction); asks on a terminal',
  arguments: [{ name: '[partition]', description: 'TOPIC:PARTITION (or --topic and --partition)' }],
  groups: ['connection', 'output', 'base'],
  options: [
    { flags: '--topic <topic>', description: 'the topic (kafka-transactions.sh spelling)' },
    { flags: '--partition <n>', description: 'the partition (kafka-transactions.sh spelling)' },
    { flags: '--start-offset <offset>', description: 'the transaction that starts at this offset (find-hanging shows it)' },
    { flags: '--producer-id <id>', description: 'or name the producer: its id ...' },
    { flags: '--producer-epoch <n>', description: '... its epoch ...' },
    { flags: '--coordinator-epoch <n>', description: '... and the coordinator epoch (-1 is taken as 0)' },
    ...YES,
  ],
  examples: [
    'ktool transactions find-hanging orders && ktool transactions abort orders:3 --start-offset 1042 --yes',
    'ktool transactions abort orders:3 --producer-id 4001 --producer-epoch 0 --coordinator-epoch 5 --yes',
  ],
});

export type AbortOptions = TopicPartition & {
  yes: boolean;
} & ({ startOffset: bigint } | { producerId: bigint; producerEpoch: number; coordinatorEpoch: number });

/** `transactions abort --json`: the abort marker written, `{topic, partition, producerId, producerEpoch, coordinatorEpoch}`. */
export type AbortResult = AbortSpec;

const whole = (v: string | undefined, flag: string, min = 0): bigint | undefined => {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v) || BigInt(v) < BigInt(min)) throw new UsageError(`${flag} must be a whole number from ${min}, got "${v}"`);
  return BigInt(v);
};

export function parse(args: string[], flags: Flags<typeof spec>): AbortOptions {
  const tp = topicPartition(args[0], flags.topic, flags.partition);
  const yes = Boolean(flags.yes);
  const startOffset = whole(flags.startOffset, '--start-offset');
  const producerId = whole(flags.producerId, '--producer-id');
  if (startOffset !== undefined) {
    if (producerId !== undefined) throw new UsageError('give --start-offset or --producer-id, not both');
    return { ...tp, yes, startOffset };
  }
  if (producerId === undefined)
    throw new UsageError(
      'name the transaction: --start-offset N, or --producer-id, --producer-epoch and --coordinator-epoch',
      'ktool transactions find-hanging shows them',
    );
  const producerEpoch = positiveInt(flags.producerEpoch, '--producer-epoch', { min: 0, max: 32767 });
  if (producerEpoch === undefined) throw new UsageError('--producer-id needs --producer-epoch');
  const coordinatorEpoch = whole(flags.coordinatorEpoch, '--coordinator-epoch', -1);
  if (coordinatorEpoch === undefined) throw new UsageError('--producer-id needs --coordinator-epoch');
  return { ...tp, yes, producerId, producerEpoch, coordinatorEpoch: Math.max(0, Number(coordinatorEpoch)) };
}

export async function run(options: AbortOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).transactions();
  const tp = { topic: options.topic, partition: options.partition };
  let spec: AbortSpec | undefined;
  if ('startOffset' in options) {
    spec = await abortSpecAt(api, tp, options.startOffset);
    if (!spec)
      throw new NotFoundError(
        `no open transaction starts at offset ${options.startOffset} of ${tp.topic}-${tp.partition}`,
        `ktool transactions describe-producers ${tp.topic}:${tp.partition} shows the open ones`,
      );
  } else spec = { ...tp, producerId: options.producerId, producerEpoch: options.producerEpoch, coordinatorEpoch: options.coordinatorEpoch };
  await confirmDestructive(ctx.io, {
    action: `abort the transaction of producer ${spec.producerId} (epoch ${spec.producerEpoch}) on ${tp.topic}-${tp.partition}`,
    yes: options.yes,
  });
  await api.abortTransaction(spec);
  return {
    data: spec,
    view: [{ lines: [`Aborted the transaction of producer ${spec.producerId} on ${tp.topic}-${tp.partition}`] }],
  };
}
