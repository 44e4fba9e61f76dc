/**
 * The body of the line encoder's worker thread (line-encoder.ts): plain input lines -> record
 * batches' records, as LineRecordsBuilder and appendLines do on the main thread, so that a bulk
 * `produce` encodes on a second core while the main thread reads, stamps and sends. The worker runs
 * this function from its source text (a bundle or a single executable has no file to start a
 * worker from): workerSource() is the text of the three functions below, which use nothing from
 * outside them (no imports, no other module-level helpers) but each other.
 */
import type { MessagePort } from 'node:worker_threads';

export interface LineEncoderData {
  /** Every record's key as written in a record: its varint length and bytes (0x01: null). */
  fixedKey: Uint8Array;
  /** Every record's headers as written in a record: the count, then each header. */
  fixedHeaders: Uint8Array;
  /** Bytes kept free in front of the records for the batch header. */
  headroom: number;
  /** A batch goes out once its records hold this many bytes (a line that would pass it starts the next). */
  batchBytes: number;
  /** A batch not full goes out this long after its first record. */
  lingerMs: number;
}

/** Main thread -> worker. */
export type LineEncoderCommand =
  | { type: 'chunk'; bytes: Uint8Array }
  /** The end of an input: an unended last line counts (the batch stays open for the next input's lines). */
  | { type: 'eof' }
  /** The end of reading: the batch being filled goes out; an unended line (reading was stopped) is not one. */
  | { type: 'end' }
  /** A batch's buffer, acknowledged: written into again. */
  | { type: 'reuse'; buffer: ArrayBuffer };

/** Worker -> main thread. */
export type LineEncoderMessage =
  | { type: 'ready' }
  /** Records in buffer[headroom, end), the buffer transferred. */
  | { type: 'batch'; buffer: ArrayBuffer; end: number; count: number; first: number; max: number }
  /** The chunk was encoded: its buffer, given back (transferred) to carry another chunk. */
  | { type: 'chunk-done'; buffer: ArrayBuffer }
  | { type: 'ended' };

/** Sends a batch: the records in buffer[headroom, end), the buffer transferred. */
type EmitBatch = (m: Extract<LineEncoderMessage, { type: 'batch' }>) => void;

/**
 * Records of one batch written into an ArrayBuffer of their own (transferable), as
 * LineRecordsBuilder writes them: every record with the same key and headers, the line its value.
 */
export function lineBatchWriter(data: LineEncoderData, emit: EmitBatch) {
  const { fixedKey, fixedHeaders, headroom, batchBytes } = data;
  const MAX_FREE = 8;
  const free: ArrayBuffer[] = [];
  let buf: Buffer | undefined;
  let pos = headroom;
  let n = 0;
  let first = 0;
  let max = 0;
  const zigzag = (v: number): number => (v >= 0 ? v * 2 : -v * 2 - 1);
  const uvarintSize = (v: number): number => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5);
  const writeVarint = (b: Buffer, p: number, v: number): number => {
    v = zigzag(v);
    while (v >= 0x80) {
      b[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[p++] = v;
    return p;
  };
  /** Room for `need` more bytes in the batch being filled. */
  const room = (need: number): Buffer => {
    if (!buf) buf = Buffer.from(free.pop() ?? new ArrayBuffer(headroom + batchBytes + (64 << 10)));
    if (pos + need > buf.length) {
      const grown = Buffer.from(new ArrayBuffer(Math.max(2 * buf.length, pos + need)));
      buf.copy(grown, 0, 0, pos);
      buf = grown;
    }
    return buf;
  };
  return {
    count: (): number => n,
    bytes: (): number => pos - headroom,
    /** Appends the record whose value is src[start, end). */
    append(src: Buffer, start: number, end: number, timestamp: number): void {
      if (n === 0) first = max = timestamp;
      else if (timestamp > max) max = timestamp;
      const length = end - start;
      const delta = timestamp - first;
      const body =
        1 +
        uvarintSize(zigzag(delta)) +
        uvarintSize(zigzag(n)) +
        fixedKey.length +
        uvarintSize(zigzag(length)) +
        length +
        fixedHeaders.length;
      const b = room(uvarintSize(zigzag(body)) + body);
      let p = writeVarint(b, pos, body);
      b[p++] = 0;
      p = writeVarint(b, p, delta);
      p = writeVarint(b, p, n);
      for (let i = 0; i < fixedKey.length; i++) b[p++] = fixedKey[i];
      p = writeVarint(b, p, length);
      p += src.copy(b, p, start, end);
      for (let i = 0; i < fixedHeaders.length; i++) b[p++] = fixedHeaders[i];
      pos = p;
      n++;
    },
    /** The batch goes out (if it has records); the next one starts empty. */
    take(): void {
      if (n === 0 || !buf) return;
      emit({ type: 'batch', buffer: buf.buffer as ArrayBuffer, end: pos, count: n, first, max });
      buf = undefined;
      pos = headroom;
      n = 0;
    },
    /** An acknowledged batch's buffer, to write into again. */
    reuse(buffer: ArrayBuffer): void {
      if (free.length < MAX_FREE && buffer.byteLength >= headroom + batchBytes) free.push(buffer);
    },
  };
}

/**
 * The input's chunks cut into lines ("\n" ends one, a "\r" before it is cut), each a record, as
 * appendLines does: a line that would take a batch with records past batchBytes starts the next
 * batch, a batch that reached it goes out, and one not full goes out lingerMs after its first line.
 */
export function lineSplitter(data: LineEncoderData, writer: ReturnType<typeof lineBatchWriter>) {
  const NL = 10;
  const CR = 13;
  const { batchBytes, lingerMs } = data;
  let carry: Buffer | undefined;
  let linger: ReturnType<typeof setTimeout> | undefined;
  /** The time of the last chunk: its records' timestamp, and the unended line's at the end. */
  let now = Date.now();
  const send = (): void => {
    if (linger) clearTimeout(linger);
    linger = undefined;
    writer.take();
  };
  /** The lines of src[start, end); returns where the unended rest starts. */
  const lines = (src: Buffer, start: number, end: number): number => {
    let nl = src.indexOf(NL, start);
    while (nl !== -1 && nl < end) {
      const stop = nl > start && src[nl - 1] === CR ? nl - 1 : nl;
      if (writer.count() > 0 && writer.bytes() + (stop - start) > batchBytes) send();
      writer.append(src, start, stop, now);
      start = nl + 1;
      if (writer.bytes() >= batchBytes) send();
      nl = src.indexOf(NL, start);
    }
    return start;
  };
  return {
    chunk(src: Buffer): void {
      now = Date.now();
      let start = 0;
      if (carry) {
        const nl = src.indexOf(NL);
        if (nl === -1) {
          carry = Buffer.concat([carry, src]);
          return;
        }
        const line = Buffer.concat([carry, src.subarray(0, nl + 1)]);
        carry = undefined;
        lines(line, 0, line.length);
        start = nl + 1;
      }
      start = lines(src, start, src.length);
      // A copy: the chunk's buffer goes back to the main thread to be read into again.
      if (start < src.length) carry = Buffer.from(src.subarray(start));
      if (writer.count() > 0 && !linger) linger = setTimeout(send, lingerMs);
    },
    /** The end of an input: a last line without "\n" counts. */
    eof(): void {
      if (carry && carry.length > 0) {
        const line = Buffer.concat([carry, Buffer.from([NL])]);
        lines(line, 0, line.length);
      }
      carry = undefined;
    },
    /** The end of reading: the batch goes out (an unended line, after a stop, is not one). */
    end(): void {
      carry = undefined;
      send();
    },
  };
}

/** The worker's main: commands in, batches out. */
export function encodeLinesInWorker(port: MessagePort, data: LineEncoderData): void {
  const writer = lineBatchWriter(data, (m) => port.postMessage(m, [m.buffer]));
  const splitter = lineSplitter(data, writer);
  port.on('message', (m: LineEncoderCommand) => {
    if (m.type === 'chunk') {
      splitter.chunk(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.length));
      const buffer = m.bytes.buffer as ArrayBuffer;
      port.postMessage({ type: 'chunk-done', buffer } satisfies LineEncoderMessage, [buffer]);
    } else if (m.type === 'reuse') writer.reuse(m.buffer);
    else if (m.type === 'eof') splitter.eof();
    else {
      splitter.end();
      port.postMessage({ type: 'ended' } satisfies LineEncoderMessage);
    }
  });
  port.postMessage({ type: 'ready' } satisfies LineEncoderMessage);
}

/** The worker's program: the functions above by their source text, then a call of its main. */
export function workerSource(): string {
  return (
    `${lineBatchWriter.toString()}\n${lineSplitter.toString()}\n` +
    `(${encodeLinesInWorker.toString()})(require('node:worker_threads').parentPort, require('node:worker_threads').workerData);`
  );
}
