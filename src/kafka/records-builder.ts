/**
 * Records of one partition appended one at a time from byte ranges of the input (produce --input
 * json, parsed lines): no Buffer or record object per record, and the record batch's bytes are
 * written once, with room in front for the batch header (wrapRecords() puts it in place).
 */
import type { EncodedRecords, HeaderSpans, RecordsBuilder } from './producer-types.js';
import { varintSize, writeVarint } from './record-batch-encode.js';
import { RECORDS as BATCH_HEADER } from './record-batch.js';

/** A builder's first buffer; it grows by doubling (a batch is at most about --batch-size). */
const INITIAL_BYTES = 64 << 10;
/** Enough for the batches in flight plus the ones being filled. */
const MAX_POOLED = 16;

/** Buffers of acknowledged batches, written again rather than allocated: fresh memory costs page faults and GC. */
export class BufferPool {
  private readonly free: Buffer[] = [];

  get(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafe(BATCH_HEADER + INITIAL_BYTES);
  }

  put(buf: Buffer): void {
    if (this.free.length < MAX_POOLED) this.free.push(buf);
  }
}

/** src[start, end) into dst at pos; short ranges byte by byte (Buffer.copy's call costs more than a few bytes). */
function copyRange(src: Buffer, start: number, end: number, dst: Buffer, pos: number): number {
  if (end - start > 16) return pos + src.copy(dst, pos, start, end);
  for (let i = start; i < end; i++) dst[pos++] = src[i];
  return pos;
}

/** The size of a length-prefixed byte range; -1 as start: null (one byte, varint -1). */
const bytesSize = (start: number, end: number): number => (start < 0 ? 1 : varintSize(end - start) + end - start);

function writeRange(buf: Buffer, pos: number, src: Buffer | null, start: number, end: number): number {
  if (src === null || start < 0) {
    buf[pos] = 1; // varint -1: null
    return pos + 1;
  }
  return copyRange(src, start, end, buf, writeVarint(buf, pos, end - start));
}

function headersSize(h: HeaderSpans): number {
  let size = varintSize(h.count);
  const { starts, ends } = h;
  for (let i = 0; i < 2 * h.count; i++) size += bytesSize(starts[i], ends[i]);
  return size;
}

/** One partition's records (magic 2 record format), from byte ranges. */
export class PartitionRecordsBuilder implements RecordsBuilder {
  private buf: Buffer | undefined;
  /** Where the next record goes; the first BATCH_HEADER bytes are kept for the batch header. */
  private pos = BATCH_HEADER;
  private n = 0;
  private first = 0;
  private max = 0;

  constructor(private readonly pool: BufferPool) {}

  get count(): number {
    return this.n;
  }

  get bytes(): number {
    return this.pos - BATCH_HEADER;
  }

  /**
   * Appends one record: key src[keyStart, keyEnd) and value likewise (a null buffer: null), its
   * headers, and its timestamp (milliseconds since the epoch).
   */
  append(
    timestamp: number,
    key: Buffer | null,
    keyStart: number,
    keyEnd: number,
    value: Buffer | null,
    valueStart: number,
    valueEnd: number,
    headers: HeaderSpans,
  ): void {
    if (this.n === 0) this.first = this.max = timestamp;
    else if (timestamp > this.max) this.max = timestamp;
    const delta = timestamp - this.first;
    const body =
      1 +
      varintSize(delta) +
      varintSize(this.n) +
      (key === null ? 1 : bytesSize(keyStart, keyEnd)) +
      (value === null ? 1 : bytesSize(valueStart, valueEnd)) +
      headersSize(headers);
    const buf = this.room(varintSize(body) + body);
    let pos = writeVarint(buf, this.pos, body);
    buf[pos++] = 0;
    pos = writeVarint(buf, pos, delta);
    pos = writeVarint(buf, pos, this.n);
    pos = writeRange(buf, pos, key, keyStart, keyEnd);
    pos = writeRange(buf, pos, value, valueStart, valueEnd);
    pos = writeVarint(buf, pos, headers.count);
    const { bufs, starts, ends } = headers;
    for (let i = 0; i < 2 * headers.count; i++) pos = writeRange(buf, pos, bufs[i], starts[i], ends[i]);
    this.pos = pos;
    this.n++;
  }

  /** The buffer, with room for `need` more bytes. */
  private room(need: number): Buffer {
    let buf = (this.buf ??= this.pool.get());
    if (this.pos + need > buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * buf.length, this.pos + need));
      buf.copy(grown, 0, 0, this.pos);
      this.buf = buf = grown;
    }
    return buf;
  }

  /** The records so far; the builder starts empty again. */
  take(): EncodedRecords {
    const buf = this.buf ?? this.pool.get();
    const taken: EncodedRecords = {
      body: buf.subarray(BATCH_HEADER, this.pos),
      headroom: buf.subarray(0, this.pos),
      count: this.n,
      firstTimestamp: this.first,
      maxTimestamp: this.max,
      release: () => this.pool.put(buf),
    };
    this.buf = undefined;
    this.pos = BATCH_HEADER;
    this.n = 0;
    return taken;
  }
}
