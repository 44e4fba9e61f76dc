/**
 * Record batches of a log segment file (.log, a KRaft .checkpoint) read offline, as Kafka's
 * FileLogInputStream walks them: a batch is read when its whole length is in the file (or in the
 * --max-bytes slice), CRC-32C checked, and its records decoded (decompressed with the client
 * library's codecs) only when asked. Magic 2 only: Kafka 4 writes nothing else.
 */
import { decompress } from './fast-fetch.js';
import * as L from './record-batch.js';
import { crc32c } from './record-batch-encode.js';

/** A batch's header fields, as kafka-dump-log.sh prints them. */
export interface LogBatch {
  position: number;
  size: number;
  baseOffset: number;
  lastOffset: number;
  count: number;
  baseSequence: number;
  lastSequence: number;
  producerId: number;
  producerEpoch: number;
  partitionLeaderEpoch: number;
  magic: number;
  crc: number;
  isValid: boolean;
  codec: number;
  transactional: boolean;
  control: boolean;
  logAppendTime: boolean;
  baseTimestamp: number;
  maxTimestamp: number;
  /** Set when the batch carries a delete horizon (attribute bit 6): its base timestamp. */
  deleteHorizonMs?: number;
  /** The bytes after the header (still compressed). */
  body: Buffer;
}

export interface LogRecord {
  offset: number;
  timestamp: number;
  sequence: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: [string, Buffer | null][];
}

export const CODEC_NAMES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
const DELETE_HORIZON = 0x40;
/** Kafka's HEADER_SIZE_UP_TO_MAGIC and LegacyRecord.RECORD_OVERHEAD_V0. */
const UP_TO_MAGIC = 17;
const MIN_SIZE = 14;

export class CorruptRecordError extends Error {}

/** Kafka's DefaultRecordBatch.incrementSequence: sequences wrap at Integer.MAX_VALUE. */
export function incrementSequence(sequence: number, increment: number): number {
  if (sequence > 2147483647 - increment) return increment - (2147483647 - sequence) - 1;
  return sequence + increment;
}

/** The batches of `data` (a file, or its first --max-bytes), in order; stops where a whole batch no longer fits. */
export function* logBatches(data: Buffer, file: string): Generator<LogBatch> {
  let at = 0;
  const end = data.length;
  while (at < end - UP_TO_MAGIC) {
    const size = data.readInt32BE(at + L.BATCH_LENGTH);
    if (size < MIN_SIZE)
      throw new CorruptRecordError(`Found record size ${size} smaller than minimum record overhead (${MIN_SIZE}) in file ${file}.`);
    if (at > end - L.LENGTH_FIELD_END - size) return;
    const magic = data.readInt8(at + L.MAGIC);
    if (magic !== 2) throw new CorruptRecordError(`a batch of magic ${magic} at position ${at} of ${file}: only magic 2 is read`);
    const total = L.LENGTH_FIELD_END + size;
    yield batchAt(data.subarray(at, at + total), at);
    at += total;
  }
}

function batchAt(b: Buffer, position: number): LogBatch {
  const attributes = b.length >= L.RECORDS ? b.readInt16BE(L.ATTRIBUTES) : 0;
  const baseOffset = Number(b.readBigInt64BE(L.BASE_OFFSET));
  const lastOffsetDelta = b.readInt32BE(L.LAST_OFFSET_DELTA);
  const baseSequence = b.readInt32BE(L.BASE_SEQUENCE);
  const crc = b.readUInt32BE(L.CRC);
  const baseTimestamp = Number(b.readBigInt64BE(L.BASE_TIMESTAMP));
  return {
    position,
    size: b.length,
    baseOffset,
    lastOffset: baseOffset + lastOffsetDelta,
    count: b.readInt32BE(L.RECORD_COUNT),
    baseSequence,
    lastSequence: baseSequence === -1 ? -1 : incrementSequence(baseSequence, lastOffsetDelta),
    producerId: Number(b.readBigInt64BE(L.PRODUCER_ID)),
    producerEpoch: b.readInt16BE(L.PRODUCER_EPOCH),
    partitionLeaderEpoch: b.readInt32BE(L.PARTITION_LEADER_EPOCH),
    magic: b.readInt8(L.MAGIC),
    crc,
    isValid: b.length >= L.RECORDS && crc32c(b.subarray(L.ATTRIBUTES)) >>> 0 === crc,
    codec: L.codecOf(attributes),
    transactional: L.isTransactional(attributes),
    control: L.isControl(attributes),
    logAppendTime: L.isLogAppendTime(attributes),
    baseTimestamp,
    maxTimestamp: Number(b.readBigInt64BE(L.MAX_TIMESTAMP)),
    deleteHorizonMs: attributes & DELETE_HORIZON ? baseTimestamp : undefined,
    body: b.subarray(L.RECORDS),
  };
}

/** The records of a batch, decompressed. */
export function batchRecords(batch: LogBatch): LogRecord[] {
  if (batch.codec > 4) throw new CorruptRecordError(`Unknown compression type id: ${batch.codec}`);
  const body = batch.codec ? decompress(batch.codec, batch.body) : batch.body;
  const at = { pos: 0 };
  const bytes = (): Buffer | null => {
    const n = L.readVarint(body, at);
    if (n < 0) return null;
    const out = body.subarray(at.pos, at.pos + n);
    at.pos += n;
    return out;
  };
  const records: LogRecord[] = [];
  for (let i = 0; i < batch.count; i++) {
    const length = L.readVarint(body, at);
    const end = at.pos + length;
    at.pos++; // attributes
    const timestampDelta = L.readVarint(body, at);
    const offsetDelta = L.readVarint(body, at);
    const key = bytes();
    const value = bytes();
    const headerCount = L.readVarint(body, at);
    const headers: [string, Buffer | null][] = [];
    for (let h = 0; h < headerCount; h++) {
      const name = (bytes() ?? Buffer.alloc(0)).toString('utf8');
      headers.push([name, bytes()]);
    }
    if (at.pos !== end) throw new CorruptRecordError(`Invalid record size: expected to read ${length} bytes in record payload`);
    records.push({
      offset: batch.baseOffset + offsetDelta,
      timestamp: batch.logAppendTime ? batch.maxTimestamp : batch.baseTimestamp + timestampDelta,
      sequence: batch.baseSequence === -1 ? -1 : incrementSequence(batch.baseSequence, offsetDelta),
      key,
      value,
      headers,
    });
  }
  return records;
}
