/** ktool's view of DeleteRecords (kafka-delete-records.sh). */
import type { TopicPartition } from './types.js';

export interface DeleteRecordsRequest extends TopicPartition {
  /** Delete every record below this offset; -1n means up to the high watermark. */
  offset: bigint;
}

export interface DeleteRecordsOutcome extends TopicPartition {
  /** The partition's new log start offset, when the deletion succeeded. */
  lowWatermark?: bigint;
  /** Kafka's error name (OFFSET_OUT_OF_RANGE, ...) and the broker's message, when it failed. */
  errorCode?: string;
  error?: string;
}

export interface RecordsApi {
  /** Sends each partition's request to its leader; per-partition failures are reported, not thrown. */
  deleteRecords(requests: DeleteRecordsRequest[]): Promise<DeleteRecordsOutcome[]>;
}
