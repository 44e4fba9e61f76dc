import { OperationError } from '../errors.js';
import { errorForKafkaCode } from '../kafka/code-errors.js';
import type { AdminApi } from '../kafka/types.js';

/**
 * Creates a store's changelog topic when it is missing, as Kafka Streams does at start: compacted
 * (the latest value of each key is the state; a window store's also deleted after a retention), with the input's partition count (changelog
 * partition P holds input partition P's state) and the broker's default replication factor.
 * Several processes starting at once may race to create it: TOPIC_ALREADY_EXISTS is fine. An
 * existing one with another partition count is refused (the input grew: the state would be split
 * differently), as Streams refuses it.
 */
export async function ensureChangelog(
  admin: AdminApi,
  topic: string,
  partitions: number,
  app: string,
  configs: Record<string, string> = { 'cleanup.policy': 'compact' },
): Promise<'created' | 'exists'> {
  const { topics } = await admin.describeTopics([topic]);
  if (topics.length) {
    const have = topics[0].partitions.length;
    if (have !== partitions)
      throw new OperationError(`changelog ${topic} has ${have} partitions, the input has ${partitions}`, {
        hint: `the input's partition count changed since ${app} started: start it over with ktool stats reset ${app} --execute`,
      });
    return 'exists';
  }
  const [result] = await admin.createTopics([{ name: topic, partitions, configs }], {
    validateOnly: false,
  });
  if (!result.ok && result.errorCode !== 'TOPIC_ALREADY_EXISTS')
    throw errorForKafkaCode(result.errorCode ?? 'UNKNOWN_SERVER_ERROR', `cannot create changelog ${topic}: ${result.error}`);
  return result.ok ? 'created' : 'exists';
}
