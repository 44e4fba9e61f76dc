import { OperationError } from '../errors.js';
import { kafkaErrorId } from './errors.js';

const roundUp = (bytes: number): number => Math.ceil((bytes + 1024) / 1024) * 1024;

/**
 * A batch of one record refused as too large: that record can never be written to the topic as it
 * is (a larger batch was split until this one was alone). Names the topic, the partition, the
 * record's size and, when the producer could read it, the topic's limit.
 */
export class RecordTooLargeError extends OperationError {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly batchBytes: number,
    cause: unknown,
    readonly limit?: number,
  ) {
    const code = kafkaErrorId(cause) ?? 'MESSAGE_TOO_LARGE';
    const accepts = limit !== undefined ? `max.message.bytes=${limit}` : "the topic's max.message.bytes";
    super(
      `a record too large for topic ${topic} (partition ${partition}): ${batchBytes} bytes as a batch of its own, ` +
        `more than ${accepts} (${code})`,
      {
        hint:
          `send smaller records, or raise the limit (ktool configs alter --topic ${topic} --add-config ` +
          `max.message.bytes=${roundUp(batchBytes)})`,
        kafkaCode: code,
        cause,
      },
    );
  }
}
