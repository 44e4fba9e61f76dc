import type { EncodedRecords, LineRecords } from './producer-types.js';
import { FIXED_CAP, IN_CAP, LAYOUT, lineEncoder, LinesStop, type LineEncoder } from './line-records-wasm.js';
import * as L from './record-batch.js';
import { headersSize, uvarintSize, varintSize, writeBytes, writeHeaders, writeUvarint, zigzag } from './record-batch-encode.js';

const NL = 0x0a;
const CR = 0x0d;

/** Bytes of a record batch before its records (magic 2). */
const BATCH_HEADER = L.RECORDS;
/** Enough for the batches in flight plus one being filled. */
const MAX_FREE_BUFFERS = 8;

/** A copy of a few bytes (a null key, no headers: one byte each) without Buffer.copy's call cost. */
function copyFew(src: Buffer, dst: Buffer, pos: number): number {
  for (let i = 0; i < src.length; i++) dst[pos++] = src[i];
  return pos;
}

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
        this.stamp(timestamp);
        this.reserve(this.pos, written);
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

  /** Room for `bytes` more after the first `used`: the buffer doubles (those copied) when short. */
  private reserve(used: number, bytes: number): void {
    if (used + bytes <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.buf.length, used + bytes));
    this.buf.copy(grown, 0, 0, used);
    this.buf = grown;
  }

  /** Writes record number this.n (value src[start, end), zigzagged timestamp delta) at pos; returns its end. */
  private write(pos: number, src: Buffer, start: number, end: number, delta: number): number {
    const length = end - start;
    const body =
      1 + uvarintSize(delta) + uvarintSize(this.n * 2) + this.fixed.length + uvarintSize(length * 2) + length + this.fixedHeaders.length;
    this.reserve(pos, uvarintSize(body * 2) + body);
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
