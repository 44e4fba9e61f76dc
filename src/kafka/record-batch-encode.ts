import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { compressionsAlgorithms, crc32c as libraryCrc32c, type CompressionAlgorithmSpecification } from '@platformatic/kafka';
import type { EncodedRecords, LineRecords, ProduceRecord } from './producer-types.js';
import * as L from './record-batch.js';
import { FIXED_CAP, IN_CAP, LAYOUT, lineEncoder, LinesStop, type LineEncoder } from './line-records-wasm.js';
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
export const varintSize = (n: number): number => uvarintSize(zigzag(n));

function writeUvarint(buf: Buffer, pos: number, n: number): number {
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

function writeBytes(buf: Buffer, pos: number, b: Buffer | null): number {
  if (b === null) {
    buf[pos] = 1; // varint -1: null
    return pos + 1;
  }
  pos = writeVarint(buf, pos, b.length);
  return pos + b.copy(buf, pos);
}

function headersSize(h: [Buffer, Buffer | null][] | undefined): number {
  if (!h || h.length === 0) return 1;
  let size = varintSize(h.length);
  for (const [k, v] of h) size += varintSize(k.length) + k.length + (v === null ? 1 : varintSize(v.length) + v.length);
  return size;
}

function writeHeaders(buf: Buffer, pos: number, h: [Buffer, Buffer | null][] | undefined): number {
  if (!h || h.length === 0) {
    buf[pos] = 0;
    return pos + 1;
  }
  pos = writeVarint(buf, pos, h.length);
  for (const [k, v] of h) pos = writeBytes(buf, writeBytes(buf, pos, k), v);
  return pos;
}

/** A copy of a few bytes (a null key, no headers: one byte each) without Buffer.copy's call cost. */
function copyFew(src: Buffer, dst: Buffer, pos: number): number {
  for (let i = 0; i < src.length; i++) dst[pos++] = src[i];
  return pos;
}

const NL = 0x0a;
const CR = 0x0d;

/** Bytes of a record batch before its records (magic 2). */
const BATCH_HEADER = L.RECORDS;
/** Enough for the batches in flight plus one being filled. */
const MAX_FREE_BUFFERS = 8;

/**
 * Records built one input line at a time, straight from the input chunk: no Buffer or record
 * object per line (`produce` with plain lines, its common case, twice as fast). Every record has
 * the same key and headers; each line is the value.
 */
export class LineRecordsBuilder implements LineRecords {
  private buf: Buffer;
  /** Where the next record goes; the first BATCH_HEADER bytes are kept for the batch header. */
  private pos: number;
  private n = 0;
  private first = 0;
  private max = 0;
  private readonly fixed: Buffer;
  private readonly fixedHeaders: Buffer;
  /** Buffers of sent batches, written again rather than allocated: fresh memory costs page faults and GC. */
  private readonly free: Buffer[] = [];

  constructor(
    key: Buffer | null,
    headers: [Buffer, Buffer | null][] | undefined,
    private readonly capacity: number,
    /** Lines in JavaScript only (the tests' reference for the WebAssembly loop). */
    private readonly jsOnly = false,
  ) {
    this.fixed = Buffer.allocUnsafe(key === null ? 1 : varintSize(key.length) + key.length);
    writeBytes(this.fixed, 0, key);
    this.fixedHeaders = Buffer.allocUnsafe(headersSize(headers));
    writeHeaders(this.fixedHeaders, 0, headers);
    this.buf = Buffer.allocUnsafe(BATCH_HEADER + capacity);
    this.pos = BATCH_HEADER;
  }

  get count(): number {
    return this.n;
  }

  get bytes(): number {
    return this.pos - BATCH_HEADER;
  }

  /** Appends the record whose value is src[start, end). */
  append(src: Buffer, start: number, end: number, timestamp: number): void {
    this.stamp(timestamp);
    this.pos = this.write(this.pos, src, start, end, zigzag(timestamp - this.first));
    this.n++;
  }

  /**
   * See LineRecords.appendLines: the input's hot loop, one call per chunk, the timestamp delta
   * worked out once. In WebAssembly (line-records-wasm.ts) a window of the input at a time; a line
   * longer than a window, in JavaScript.
   */
  appendLines(src: Buffer, start: number, end: number, timestamp: number, limit: number, out: { full: boolean }): number {
    out.full = false;
    const wasm = this.encoder(end - start);
    if (wasm === null) return this.appendLinesJs(src, start, end, timestamp, limit, out);
    const deltaLen = writeUvarint(wasm.memory, LAYOUT.DELTA, this.n === 0 ? 0 : zigzag(timestamp - this.first)) - LAYOUT.DELTA;
    const fixedLen = this.fixed.length;
    const headersLen = this.fixedHeaders.length;
    while (start < end) {
      const window = Math.min(end - start, IN_CAP);
      src.copy(wasm.memory, LAYOUT.IN, start, start + window);
      const stop = wasm.lines(window, this.n, this.pos - BATCH_HEADER, Math.min(limit, 0x7fffffff), deltaLen, fixedLen, headersLen);
      const [consumed, written, count] = wasm.results;
      if (count > 0) {
        this.stamp(timestamp, this.n === 0);
        this.reserve(written);
        wasm.memory.copy(this.buf, this.pos, LAYOUT.OUT, LAYOUT.OUT + written);
        this.pos += written;
        this.n += count;
        start += consumed;
      }
      if (stop === LinesStop.Full) {
        out.full = true;
        break;
      }
      if (count > 0 && (stop === LinesStop.OutFull || window === IN_CAP)) continue;
      if (stop === LinesStop.NoLine && window < IN_CAP) break;
      // A line longer than a window (or than OUT): on its own, in JavaScript.
      const nl = src.indexOf(NL, start);
      if (nl === -1 || nl >= end) break;
      start = this.appendLinesJs(src, start, nl + 1, timestamp, limit, out);
      if (out.full) break;
    }
    return start;
  }

  /**
   * The WebAssembly encoder with this builder's key and headers in place; null without one, before
   * input large enough to make it, or for keys and headers too long for it.
   */
  private encoder(inputBytes: number): LineEncoder | null {
    const wasm = this.jsOnly ? null : lineEncoder(inputBytes);
    if (wasm === null || this.fixed.length + this.fixedHeaders.length > FIXED_CAP) return null;
    if (wasm.fixedOwner !== this) {
      this.fixed.copy(wasm.memory, LAYOUT.FIXED);
      this.fixedHeaders.copy(wasm.memory, LAYOUT.FIXED + this.fixed.length);
      wasm.fixedOwner = this;
    }
    return wasm;
  }

  /** appendLines in JavaScript. */
  private appendLinesJs(src: Buffer, start: number, end: number, timestamp: number, limit: number, out: { full: boolean }): number {
    let nl = src.indexOf(NL, start);
    if (nl === -1 || nl >= end) return start;
    const before = this.n;
    const delta = before === 0 ? 0 : zigzag(timestamp - this.first);
    let pos = this.pos;
    while (nl !== -1 && nl < end) {
      const stop = nl > start && src[nl - 1] === CR ? nl - 1 : nl;
      if (this.n > 0 && pos - BATCH_HEADER + (stop - start) > limit) {
        out.full = true;
        break;
      }
      pos = this.write(pos, src, start, stop, delta);
      this.n++;
      start = nl + 1;
      if (pos - BATCH_HEADER >= limit) {
        out.full = true;
        break;
      }
      nl = src.indexOf(NL, start);
    }
    this.pos = pos;
    if (this.n > before) this.stamp(timestamp, before === 0);
    return start;
  }

  /** Takes a record's timestamp into the batch's first and max (wasEmpty: it is the batch's first record). */
  private stamp(timestamp: number, wasEmpty = this.n === 0): void {
    if (wasEmpty) this.first = this.max = timestamp;
    else if (timestamp > this.max) this.max = timestamp;
  }

  /** Room for `bytes` more at pos: the buffer doubles (copied) when short. */
  private reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.pos + bytes));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  /** Writes record number this.n (value src[start, end), zigzagged timestamp delta) at pos; returns its end. */
  private write(pos: number, src: Buffer, start: number, end: number, delta: number): number {
    const length = end - start;
    const body =
      1 + uvarintSize(delta) + uvarintSize(this.n * 2) + this.fixed.length + uvarintSize(length * 2) + length + this.fixedHeaders.length;
    this.pos = pos;
    this.reserve(uvarintSize(body * 2) + body);
    const buf = this.buf;
    pos = writeUvarint(buf, pos, body * 2);
    buf[pos++] = 0;
    pos = writeUvarint(buf, pos, delta);
    pos = writeUvarint(buf, pos, this.n * 2);
    pos = copyFew(this.fixed, buf, pos);
    pos = writeUvarint(buf, pos, length * 2);
    pos += src.copy(buf, pos, start, end);
    return copyFew(this.fixedHeaders, buf, pos);
  }

  /** The records so far; the builder starts empty again. */
  take(): EncodedRecords {
    const buf = this.buf;
    const taken = {
      body: buf.subarray(BATCH_HEADER, this.pos),
      headroom: buf.subarray(0, this.pos),
      count: this.n,
      firstTimestamp: this.first,
      maxTimestamp: this.max,
      release: () => {
        if (this.free.length < MAX_FREE_BUFFERS) this.free.push(buf);
      },
    };
    this.buf = this.free.pop() ?? Buffer.allocUnsafe(BATCH_HEADER + this.capacity);
    this.pos = BATCH_HEADER;
    this.n = 0;
    return taken;
  }
}

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
