import type { ConsumedRecord } from './consumer-types.js';
import type { BatchHeader } from './abort-filter.js';

/** The client library's decoded record batch (protocol/records.ts), as much of it as we read. */
export interface FetchedBatch extends BatchHeader {
  firstTimestamp: bigint;
  maxTimestamp: bigint;
  records: { offsetDelta: number; timestampDelta: bigint; key: Buffer | null; value: Buffer | null; headers: [Buffer | null, Buffer | null][] }[];
}

const CONTROL = 0x20;
const LOG_APPEND_TIME = 0x08;

/**
 * The slow path for brokers without Fetch v17: the client library's decoded batches -> records from `from` (inclusive) to `end` (exclusive), and the next offset to fetch
 * (after the last batch, even when its records were filtered or were control markers).
 */
export function toConsumedRecords(topic: string, partition: number, batches: FetchedBatch[], from: number, end: number | undefined, keep?: (b: BatchHeader, abortMarker: boolean) => boolean): { records: ConsumedRecord[]; nextOffset: number } {
  const records: ConsumedRecord[] = [];
  let nextOffset = from;
  for (const batch of batches) {
    const last = Number(batch.firstOffset) + batch.lastOffsetDelta;
    if (last + 1 > nextOffset) nextOffset = last + 1;
    const isControl = (batch.attributes & CONTROL) !== 0;
    const abortMarker = isControl && batch.records[0]?.key !== null && batch.records[0]?.key?.length === 4 && batch.records[0].key.readInt16BE(2) === 0;
    if (keep ? !keep(batch, abortMarker) : isControl) continue;
    const logAppend = (batch.attributes & LOG_APPEND_TIME) !== 0;
    for (const r of batch.records) {
      const offset = Number(batch.firstOffset) + r.offsetDelta;
      if (offset < from) continue;
      if (end !== undefined && offset >= end) break;
      records.push({
        topic,
        partition,
        offset,
        timestamp: Number(logAppend ? batch.maxTimestamp : batch.firstTimestamp + r.timestampDelta),
        timestampType: logAppend ? 'LogAppendTime' : 'CreateTime',
        key: r.key,
        value: r.value,
        headers: r.headers.filter((h): h is [Buffer, Buffer | null] => h[0] !== null),
      });
    }
  }
  if (end !== undefined && nextOffset > end) nextOffset = end;
  return { records, nextOffset };
}
