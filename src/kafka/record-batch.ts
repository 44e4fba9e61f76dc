import { gzipSync } from 'node:zlib';
import { compressionsAlgorithms, crc32c } from '@platformatic/kafka';
import type { ProduceRecord } from './producer-types.js';

// ---------------------------------------------------------------------------------------------
// Fast path. The library encodes every record through its own Writer (several small buffers and
// a concat per record): about 140k records/s at best. Here a whole record batch (magic v2) is
// written into one Buffer in two passes, and the Produce request (v8) goes straight to the
// library's connection for the partition leader. The library still does everything else:
// connections (TLS/SASL), metadata, InitProducerId, AddPartitionsToTxn, EndTxn.
// ---------------------------------------------------------------------------------------------

const ATTR_TRANSACTIONAL = 0x10;
const CODEC_BITS: Record<string, number> = { gzip: 1, snappy: 2, lz4: 3, zstd: 4 };

function uvarintSize(n: number): number {
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

const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
const varintSize = (n: number): number => uvarintSize(zigzag(n));

function writeUvarint(buf: Buffer, pos: number, n: number): number {
  while (n >= 0x80) {
    buf[pos++] = (n & 0x7f) | 0x80;
    n = n < 0x10000000 ? n >>> 7 : Math.floor(n / 128);
  }
  buf[pos++] = n;
  return pos;
}

const writeVarint = (buf: Buffer, pos: number, n: number): number => writeUvarint(buf, pos, zigzag(n));

function recordBodySize(r: ProduceRecord, i: number, tsDelta: number): number {
  let size = 1 + varintSize(tsDelta) + varintSize(i);
  size += r.key === null ? 1 : varintSize(r.key.length) + r.key.length;
  size += r.value === null ? 1 : varintSize(r.value.length) + r.value.length;
  const h = r.headers;
  if (!h || h.length === 0) return size + 1;
  size += varintSize(h.length);
  for (let j = 0; j < h.length; j++) {
    const [k, v] = h[j];
    size += varintSize(k.length) + k.length + (v === null ? 1 : varintSize(v.length) + v.length);
  }
  return size;
}

export interface BatchHeader {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  transactional: boolean;
  compression: string;
}

/** One record batch (magic 2) for records of one partition, in one Buffer. */
export async function encodeRecordBatch(records: ProduceRecord[], header: BatchHeader, now = Date.now()): Promise<Buffer> {
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
  let recs: Buffer = Buffer.allocUnsafe(total);
  let pos = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    pos = writeVarint(recs, pos, sizes[i]);
    recs[pos++] = 0;
    pos = writeVarint(recs, pos, (r.timestamp ?? now) - first);
    pos = writeVarint(recs, pos, i);
    if (r.key === null) recs[pos++] = 1;
    else {
      pos = writeVarint(recs, pos, r.key.length);
      pos += r.key.copy(recs, pos);
    }
    if (r.value === null) recs[pos++] = 1;
    else {
      pos = writeVarint(recs, pos, r.value.length);
      pos += r.value.copy(recs, pos);
    }
    const h = r.headers;
    if (!h || h.length === 0) recs[pos++] = 0;
    else {
      pos = writeVarint(recs, pos, h.length);
      for (let j = 0; j < h.length; j++) {
        const [k, v] = h[j];
        pos = writeVarint(recs, pos, k.length);
        pos += k.copy(recs, pos);
        if (v === null) recs[pos++] = 1;
        else {
          pos = writeVarint(recs, pos, v.length);
          pos += v.copy(recs, pos);
        }
      }
    }
  }
  let attributes = header.transactional ? ATTR_TRANSACTIONAL : 0;
  const codec = CODEC_BITS[header.compression];
  if (codec) {
    attributes |= codec;
    if (header.compression === 'gzip') recs = gzipSync(recs);
    else {
      const algorithm = (compressionsAlgorithms as unknown as Record<string, { compressSync(b: Buffer): Buffer; compress?: (b: Buffer) => Promise<Buffer> }>)[header.compression];
      recs = algorithm.compress ? await algorithm.compress(recs) : algorithm.compressSync(recs);
    }
  }
  const out = Buffer.allocUnsafe(61 + recs.length);
  out.writeBigInt64BE(0n, 0); // base offset
  out.writeInt32BE(49 + recs.length, 8); // batch length: everything after this field
  out.writeInt32BE(-1, 12); // partition leader epoch
  out[16] = 2; // magic
  out.writeInt16BE(attributes, 21);
  out.writeInt32BE(records.length - 1, 23); // last offset delta
  out.writeBigInt64BE(BigInt(first), 27);
  out.writeBigInt64BE(BigInt(maxTs), 35);
  out.writeBigInt64BE(header.producerId, 43);
  out.writeInt16BE(header.producerEpoch, 51);
  out.writeInt32BE(header.baseSequence, 53);
  out.writeInt32BE(records.length, 57);
  recs.copy(out, 61);
  out.writeUInt32BE(crc32c(out.subarray(21)) >>> 0, 17);
  return out;
}
