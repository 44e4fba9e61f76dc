import { positiveInt } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import type { TopicPartition } from '../../kafka/types.js';

/** TOPIC:PARTITION as an argument, or kafka-transactions.sh's --topic T --partition P. */
export function topicPartition(arg: string | undefined, topic: string | undefined, partition: string | undefined): TopicPartition {
  if (arg !== undefined) {
    const cut = arg.lastIndexOf(':');
    if (cut <= 0 || !/^\d+$/.test(arg.slice(cut + 1)))
      throw new UsageError(`expected TOPIC:PARTITION, got "${arg}"`, 'e.g. orders:0, or --topic orders --partition 0');
    if (topic !== undefined || partition !== undefined) throw new UsageError('give TOPIC:PARTITION or --topic/--partition, not both');
    return { topic: arg.slice(0, cut), partition: Number(arg.slice(cut + 1)) };
  }
  if (topic === undefined || partition === undefined)
    throw new UsageError(
      'name the partition: TOPIC:PARTITION, or --topic T --partition P',
      'e.g. ktool transactions describe-producers orders:0',
    );
  return { topic, partition: positiveInt(partition, '--partition', { min: 0 })! };
}
