/**
 * Input readers. Lines are cut out of the chunks the stream delivers without copying (subarray),
 * except a line that spans two chunks. A trailing "\r" is removed, as Java's readLine does.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { addAbortSignal, type Readable } from 'node:stream';
import { NotFoundError, UsageError } from '../../errors.js';

export interface Source {
  /** "stdin" or the file name, for messages. */
  name: string;
  open(): Readable;
}

export function stdinSource(stdin: Readable): Source {
  return { name: 'stdin', open: () => stdin };
}

export async function fileSource(path: string): Promise<Source> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new UsageError(`--file ${path} is a directory`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new NotFoundError(`cannot read --file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { name: path, open: () => createReadStream(path, { highWaterMark: 256 * 1024 }) };
}

/** The stream, destroyed when the signal aborts (the for-await over it then ends with an AbortError). */
export function abortable(stream: Readable, signal: AbortSignal): Readable {
  return signal ? addAbortSignal(signal, stream) : stream;
}

const NL = 0x0a;
const CR = 0x0d;

/**
 * Calls onLine for each line of the chunks. onLine may return a promise (back-pressure: the next
 * line waits for it). Returns the number of lines. A last line without "\n" counts as a line.
 */
export function forEachLine(chunks: AsyncIterable<Buffer | string>, onLine: (line: Buffer, lineNo: number) => void | Promise<void>, afterChunk?: () => void): Promise<number> {
  return forEachLineSpan(chunks, (buf, start, end, lineNo) => onLine(buf.subarray(start, end), lineNo), afterChunk);
}

/**
 * forEachLine without a Buffer per line: each line is buf[start, end), "\r\n" already cut to the
 * line. For callers that copy the bytes straight on (plain-line produce).
 */
export async function forEachLineSpan(chunks: AsyncIterable<Buffer | string>, onLine: (buf: Buffer, start: number, end: number, lineNo: number) => void | Promise<void>, afterChunk?: () => void): Promise<number> {
  let carry: Buffer | undefined;
  let lineNo = 0;
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let start = 0;
    let nl = chunk.indexOf(NL);
    if (carry) {
      if (nl === -1) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      const line = Buffer.concat([carry, chunk.subarray(0, nl)]);
      carry = undefined;
      const p = onLine(line, 0, withoutCr(line, 0, line.length), ++lineNo);
      if (p) await p;
      start = nl + 1;
      nl = chunk.indexOf(NL, start);
    }
    while (nl !== -1) {
      const p = onLine(chunk, start, withoutCr(chunk, start, nl), ++lineNo);
      if (p) await p;
      start = nl + 1;
      nl = chunk.indexOf(NL, start);
    }
    if (start < chunk.length) carry = chunk.subarray(start);
    afterChunk?.();
  }
  if (carry && carry.length > 0) {
    const p = onLine(carry, 0, withoutCr(carry, 0, carry.length), ++lineNo);
    if (p) await p;
  }
  return lineNo;
}

/** The end of the line without a trailing "\r", as Java's readLine removes it. */
function withoutCr(buf: Buffer, start: number, end: number): number {
  return end > start && buf[end - 1] === CR ? end - 1 : end;
}

/** The whole stream as one buffer (--input whole). */
export async function readWhole(chunks: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
  return Buffer.concat(parts);
}
