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
export async function forEachLine(chunks: AsyncIterable<Buffer | string>, onLine: (line: Buffer, lineNo: number) => void | Promise<void>, afterChunk?: () => void): Promise<number> {
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
      const p = onLine(trimCr(line), ++lineNo);
      if (p) await p;
      start = nl + 1;
      nl = chunk.indexOf(NL, start);
    }
    while (nl !== -1) {
      const end = nl > start && chunk[nl - 1] === CR ? nl - 1 : nl;
      const p = onLine(chunk.subarray(start, end), ++lineNo);
      if (p) await p;
      start = nl + 1;
      nl = chunk.indexOf(NL, start);
    }
    if (start < chunk.length) carry = chunk.subarray(start);
    afterChunk?.();
  }
  if (carry && carry.length > 0) {
    const p = onLine(trimCr(carry), ++lineNo);
    if (p) await p;
  }
  return lineNo;
}

function trimCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === CR ? line.subarray(0, line.length - 1) : line;
}

/** The whole stream as one buffer (--input whole). */
export async function readWhole(chunks: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
  return Buffer.concat(parts);
}
