import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { compressionsAlgorithms, crc32c as libraryCrc32c, type CompressionAlgorithmSpecification } from '@platformatic/kafka';
import type { EncodedRecords, ProduceRecord } from './producer-types.js';
import * as L from './record-batch.js';
import type { BatchWriteHeader } from './record-batch.js';

// ---------------------------------------------------------------------------------------------
// Fast path. The library encodes every record through its own Writer (several small buffers and
// a concat per record): about 140k records/s at best. Here a whole record batch (magic v2) is
// written into one Buffer in two passes, and the Produce request (v8) goes straight to the
// library's connection for the partition leader. The library still does everything else:
// connections (TLS/SASL), metadata, InitProducerId, AddPartitionsToTxn, EndTxn.
// ---------------------------------------------------------------------------------------------

/**
 * The native CRC's packages, first choice first. On glibc Linux x64 its binding package directly:
 * the front package first works out glibc or musl (it reads /usr/bin/ldd), 2-3 ms against 1 ms, in
 * every produce's start-up. A binding that does not load here (musl) falls through to the front package.
 */
const NATIVE_CRC = [...(process.platform === 'linux' && process.arch === 'x64' ? ['@node-rs/crc32-linux-x64-gnu'] : []), '@node-rs/crc32'];

/**
 * CRC-32C of a batch. The client's optional native CRC (@node-rs/crc32) is called directly: the
 * client wraps it in `new Uint8Array(data)`, a copy of every batch (100 MB per million records).
 */
export const crc32c: (data: Buffer) => number = (() => {
  for (const id of NATIVE_CRC) {
    try {
      // Inside the try: the standalone executable's script has no import.meta.url (and no package to load).
      const native = (createRequire(import.meta.url)(id) as { crc32c: (data: Uint8Array) => number }).crc32c;
      if (native(Buffer.from('123456789')) === 0xe3069283) return native;
    } catch {
      // not installed (it is optional), or not for this platform: the next, then the client's own implementation
    }
  }
  return libraryCrc32c as (data: Buffer) => number;
})();

export function uvarintSize(n: number): number {
  if (n < 0x80) return 1;
  if (n < 0x4000) return 2;
  if (n < 0x200000) return 3;
  if (n < 0x10000000) return 4;
  let size = 5;
  n = Math.floor(n / 0x800000000);
  while (n > 0) {
    size++;
    n = Math.floor(n / 0x80);
  }
  return size;
}

export const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
export const varintSize = (n: number): number => uvarintSize(zigzag(n));

export function writeUvarint(buf: Buffer, pos: number, n: number): number {
  while (n >= 0x80) {
    buf[pos++] = (n & 0x7f) | 0x80;
    n = n < 0x10000000 ? n >>> 7 : Math.floor(n / 128);
  }
  buf[pos++] = n;
  return pos;
}

export const writeVarint = (buf: Buffer, pos: number, n: number): number => writeUvarint(buf, pos, zigzag(n));

function recordBodySize(r: ProduceRecord, i: number, tsDelta: number): number {
  let size = 1 + varintSize(tsDelta) + varintSize(i);
  size += r.key === null ? 1 : varintSize(r.key.length) + r.key.length;
  size += r.value === null ? 1 : varintSize(r.value.length) + r.value.length;
  return size + headersSize(r.headers);
}

/** One record batch (magic 2) for records of one partition, in one Buffer. */
export async function encodeRecordBatch(records: ProduceRecord[], header: BatchWriteHeader, now = Date.now()): Promise<Buffer> {
  return wrapRecords(encodeRecords(records, now), header);
}

export function encodeRecords(records: ProduceRecord[], now = Date.now()): EncodedRecords {
  const first = records[0].timestamp ?? now;
  let maxTs = first;
  let total = 0;
  const sizes = new Array<number>(records.length);
  for (let i = 0; i < records.length; i++) {
    const ts = records[i].timestamp ?? now;
    if (ts > maxTs) maxTs = ts;
    const body = recordBodySize(records[i], i, ts - first);
    sizes[i] = body;
    total += uvarintSize(zigzag(body)) + body;
  }
  // Room for the batch header in front: wrapRecords() writes it in place, no copy of the records.
  const headroom: Buffer = Buffer.allocUnsafe(L.RECORDS + total);
  const recs = headroom.subarray(L.RECORDS);
  let pos = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    pos = writeVarint(recs, pos, sizes[i]);
    recs[pos++] = 0;
    pos = writeVarint(recs, pos, (r.timestamp ?? now) - first);
    pos = writeVarint(recs, pos, i);
    pos = writeBytes(recs, pos, r.key);
    pos = writeBytes(recs, pos, r.value);
    pos = writeHeaders(recs, pos, r.headers);
  }
  return { body: recs, headroom, count: records.length, firstTimestamp: first, maxTimestamp: maxTs };
}

export function writeBytes(buf: Buffer, pos: number, b: Buffer | null): number {
  if (b === null) {
    buf[pos] = 1; // varint -1: null
    return pos + 1;
  }
  pos = writeVarint(buf, pos, b.length);
  return pos + b.copy(buf, pos);
}

export function headersSize(h: [Buffer, Buffer | null][] | undefined): number {
  if (!h || h.length === 0) return 1;
  let size = varintSize(h.length);
  for (const [k, v] of h) size += varintSize(k.length) + k.length + (v === null ? 1 : varintSize(v.length) + v.length);
  return size;
}

export function writeHeaders(buf: Buffer, pos: number, h: [Buffer, Buffer | null][] | undefined): number {
  if (!h || h.length === 0) {
    buf[pos] = 0;
    return pos + 1;
  }
  pos = writeVarint(buf, pos, h.length);
  for (const [k, v] of h) pos = writeBytes(buf, writeBytes(buf, pos, k), v);
  return pos;
}

/** Bytes of a record batch before its records (magic 2). */
const BATCH_HEADER = L.RECORDS;

/** Compresses the records when asked and puts the batch header (with its CRC) in front. */
export async function wrapRecords(records: EncodedRecords, header: BatchWriteHeader): Promise<Buffer> {
  let recs = records.body;
  const attributes = L.writeAttributes(header);
  if (L.codecOf(attributes)) {
    if (header.compression === 'gzip') recs = gzipSync(recs);
    else {
      const algorithm: CompressionAlgorithmSpecification = compressionsAlgorithms[header.compression];
      recs = algorithm.compress ? await algorithm.compress(recs) : algorithm.compressSync(recs);
    }
  }
  // Uncompressed records built with room in front (LineRecordsBuilder) get the header in place.
  const inPlace = recs === records.body && records.headroom !== undefined;
  const out = inPlace ? records.headroom! : Buffer.allocUnsafe(BATCH_HEADER + recs.length);
  out.writeBigInt64BE(0n, L.BASE_OFFSET);
  out.writeInt32BE(BATCH_HEADER - L.LENGTH_FIELD_END + recs.length, L.BATCH_LENGTH);
  out.writeInt32BE(-1, L.PARTITION_LEADER_EPOCH);
  out[L.MAGIC] = 2;
  out.writeInt16BE(attributes, L.ATTRIBUTES);
  out.writeInt32BE(records.count - 1, L.LAST_OFFSET_DELTA);
  out.writeBigInt64BE(BigInt(records.firstTimestamp), L.BASE_TIMESTAMP);
  out.writeBigInt64BE(BigInt(records.maxTimestamp), L.MAX_TIMESTAMP);
  out.writeBigInt64BE(header.producerId, L.PRODUCER_ID);
  out.writeInt16BE(header.producerEpoch, L.PRODUCER_EPOCH);
  out.writeInt32BE(header.baseSequence, L.BASE_SEQUENCE);
  out.writeInt32BE(records.count, L.RECORD_COUNT);
  if (!inPlace) recs.copy(out, BATCH_HEADER);
  out.writeUInt32BE(crc32c(out.subarray(L.ATTRIBUTES)) >>> 0, L.CRC);
  return out;
}

/**
 * Gives the batch another producer epoch and base sequence, in place, and its CRC again (an
 * idempotent producer's epoch bump numbers a partition's unacknowledged batches from 0). Nothing
 * is written when it already has them.
 */
export function restampBatch(batch: Buffer, epoch: number, sequence: number): void {
  if (batch.readInt16BE(L.PRODUCER_EPOCH) === epoch && batch.readInt32BE(L.BASE_SEQUENCE) === sequence) return;
  batch.writeInt16BE(epoch, L.PRODUCER_EPOCH);
  batch.writeInt32BE(sequence, L.BASE_SEQUENCE);
  batch.writeUInt32BE(crc32c(batch.subarray(L.ATTRIBUTES)) >>> 0, L.CRC);
}
