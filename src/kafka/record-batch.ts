/**
 * The record batch (magic 2) layout, the one place that knows it: where each header field sits,
 * what the attribute bits mean and how a control batch says "abort". The encoder
 * (record-batch-encode.ts), the decoder (record-batch-decode.ts), read_committed filtering
 * (abort-filter.ts) and lag's timestamp reader (groups-timestamps.ts) all read it from here.
 * No runtime imports: the decoder's start-up cost stays nil.
 *
 *   baseOffset int64 | batchLength int32 | partitionLeaderEpoch int32 | magic int8 | crc uint32 |
 *   attributes int16 | lastOffsetDelta int32 | baseTimestamp int64 | maxTimestamp int64 |
 *   producerId int64 | producerEpoch int16 | baseSequence int32 | recordCount int32 | records...
 */
import type { Compression } from './producer-types.js';

/** Byte offsets of the header fields from the start of a batch. */
export const BASE_OFFSET = 0;
export const BATCH_LENGTH = 8;
/** The batch length counts the bytes after its own field. */
export const LENGTH_FIELD_END = 12;
export const PARTITION_LEADER_EPOCH = 12;
export const MAGIC = 16;
export const CRC = 17;
/** The CRC-32C covers everything from here to the end of the batch. */
export const ATTRIBUTES = 21;
export const LAST_OFFSET_DELTA = 23;
export const BASE_TIMESTAMP = 27;
export const MAX_TIMESTAMP = 35;
export const PRODUCER_ID = 43;
export const PRODUCER_EPOCH = 51;
export const BASE_SEQUENCE = 53;
export const RECORD_COUNT = 57;
/** Header size: the first record starts here. */
export const RECORDS = 61;

/** Attribute bits. */
export const COMPRESSION_MASK = 0x07;
export const LOG_APPEND_TIME = 0x08;
export const TRANSACTIONAL = 0x10;
export const CONTROL = 0x20;

/** Compression codec -> its attribute bits (none: 0). */
export const CODEC_BITS: Readonly<Record<string, number>> = { gzip: 1, snappy: 2, lz4: 3, zstd: 4 };

/** The header fields read_committed filtering needs, as a decoder reads them. */
export interface BatchHeader {
  firstOffset: bigint;
  lastOffsetDelta: number;
  producerId: bigint;
  attributes: number;
}

/** What a producer puts in a batch header it writes. */
export interface BatchWriteHeader {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  transactional: boolean;
  compression: Compression;
}

export const isControl = (attributes: number): boolean => (attributes & CONTROL) !== 0;
export const isTransactional = (attributes: number): boolean => (attributes & TRANSACTIONAL) !== 0;
export const isLogAppendTime = (attributes: number): boolean => (attributes & LOG_APPEND_TIME) !== 0;
export const codecOf = (attributes: number): number => attributes & COMPRESSION_MASK;

/** The attributes a producer writes: the codec's bits, plus the transactional bit. */
export function writeAttributes(header: Pick<BatchWriteHeader, 'transactional' | 'compression'>): number {
  return (header.transactional ? TRANSACTIONAL : 0) | (CODEC_BITS[header.compression] ?? 0);
}

/**
 * A control record's key is version int16 then type int16: 0 ABORT, 1 COMMIT. As Java's
 * ControlRecordType, a key of at least 4 bytes (later versions may append fields).
 */
export function isAbortMarker(key: Buffer | null | undefined): boolean {
  return key != null && key.length >= 4 && key.readInt16BE(2) === 0;
}

/**
 * The key of the first record of a control batch's (uncompressed) records, read from its bytes:
 * length, attributes, timestamp delta, offset delta, then the key.
 */
export function firstRecordKey(records: Buffer): Buffer | null {
  const at = { pos: 0 };
  readVarint(records, at); // record length
  at.pos++; // record attributes
  readVarint(records, at); // timestamp delta
  readVarint(records, at); // offset delta
  const length = readVarint(records, at);
  return length < 0 ? null : records.subarray(at.pos, at.pos + length);
}

/** A zig-zag varint at `at.pos`, which moves past it; RangeError when the bytes end first. */
export function readVarint(buf: Buffer, at: { pos: number }): number {
  let shift = 0;
  let result = 0;
  let byte: number;
  do {
    if (at.pos >= buf.length) throw new RangeError('truncated varint');
    byte = buf[at.pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
}
