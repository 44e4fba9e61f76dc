import type { ConsumedRecord } from './consumer-types.js';
import { NO_HEADERS, type KeepBatch } from './record-batch-decode.js';
import { isAbortMarker, isControl, isLogAppendTime, type BatchHeader } from './record-batch.js';

/** The client library's decoded record batch (protocol/records.ts), as much of it as we read. */
export interface FetchedBatch extends BatchHeader {
  partitionLeaderEpoch?: number;
  firstTimestamp: bigint;
  maxTimestamp: bigint;
  records: {
    offsetDelta: number;
    timestampDelta: bigint;
    key: Buffer | null;
    value: Buffer | null;
    headers: [Buffer | null, Buffer | null][];
  }[];
}

/**
 * The client library's decoded batches (group reading, and brokers without Fetch v17) -> records
 * from `from` (inclusive) to `end` (exclusive), and the next offset to fetch (after the last
 * batch, even when its records were filtered or were control markers).
 */
export function toConsumedRecords(
  topic: string,
  partition: number,
  batches: FetchedBatch[],
  from: number,
  end: number | undefined,
  keep?: KeepBatch,
): { records: ConsumedRecord[]; nextOffset: number } {
  const records: ConsumedRecord[] = [];
  let nextOffset = from;
  for (const batch of batches) {
    const first = Number(batch.firstOffset);
    const last = first + batch.lastOffsetDelta;
    if (last + 1 > nextOffset) nextOffset = last + 1;
    const control = isControl(batch.attributes);
    if (keep ? !keep(batch, control && isAbortMarker(batch.records[0]?.key)) : control) continue;
    const logAppend = isLogAppendTime(batch.attributes);
    const firstTimestamp = Number(batch.firstTimestamp);
    const maxTimestamp = Number(batch.maxTimestamp);
    for (const r of batch.records) {
      const offset = first + r.offsetDelta;
      if (offset < from) continue;
      if (end !== undefined && offset >= end) break;
      records.push({
        topic,
        partition,
        offset,
        timestamp: logAppend ? maxTimestamp : firstTimestamp + Number(r.timestampDelta),
        timestampType: logAppend ? 'LogAppendTime' : 'CreateTime',
        key: r.key,
        value: r.value,
        headers: r.headers.length === 0 ? NO_HEADERS : r.headers.filter((h): h is [Buffer, Buffer | null] => h[0] !== null),
      });
    }
  }
  if (end !== undefined && nextOffset > end) nextOffset = end;
  return { records, nextOffset };
}
