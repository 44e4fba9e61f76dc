/**
 * Input readers. Lines are cut out of the chunks without copying (subarray), except a line that
 * spans two chunks. A trailing "\r" is removed, as Java's readLine does.
 */
import { closeSync, createReadStream, fstatSync } from 'node:fs';
import { addAbortSignal, type Readable } from 'node:stream';
import { openUserFile } from '../../util/read-user-file.js';
import { fdChunks } from './fd-chunks.js';
import { pipeChunks } from './pipe-chunks.js';

/** Where a line is, as messages say it: `line 17` on stdin, `orders.json line 17` in a file. */
export function lineAt(source: Source, lineNo: number): string {
  return source.name === 'stdin' ? `line ${lineNo}` : `${source.name} line ${lineNo}`;
}

export interface Source {
  /** "stdin" or the file name, for messages. */
  name: string;
  /**
   * The input's chunks; they end with an AbortError when the signal aborts. With `reuse`, every
   * chunk may be the same buffer, overwritten by the next read.
   */
  open(signal: AbortSignal, reuse: boolean): AsyncIterable<Buffer | string>;
}

/**
 * stdin: read from its descriptor when it is a regular file (`< file`); a pipe into one buffer read
 * again (pipe-chunks.ts) when the consumer copies what it keeps; otherwise (a terminal, tests'
 * streams) through the stream. fs.read of a pipe would block a thread until data comes, and Node's
 * exit waits for it: Ctrl-C would hang on an idle producer upstream.
 */
export function stdinSource(stdin: () => Readable, fd: number | undefined): Source {
  return {
    name: 'stdin',
    open: (signal, reuse) => {
      const kind = fd === undefined ? undefined : kindOf(fd);
      if (kind === 'file') return fdChunks(fd!, { reuse, signal });
      if (kind === 'pipe' && reuse) return pipeChunks(fd!, signal);
      return abortable(stdin(), signal);
    },
  };
}

function kindOf(fd: number): 'file' | 'pipe' | undefined {
  try {
    const stats = fstatSync(fd);
    return stats.isFile() ? 'file' : stats.isFIFO() || stats.isSocket() ? 'pipe' : undefined;
  } catch {
    return undefined;
  }
}

/** --file PATH: a regular file read from its descriptor; anything else (`--file <(cmd)`: a pipe) as a stream. */
export function fileSource(path: string): Source {
  const fd = openUserFile(path, '--file');
  const stats = fstatSync(fd);
  return {
    name: path,
    open(signal, reuse) {
      if (!stats.isFile()) return abortable(createReadStream(path, { fd, highWaterMark: 256 * 1024 }), signal);
      return (async function* () {
        try {
          yield* fdChunks(fd, { reuse, signal });
        } finally {
          closeSync(fd);
        }
      })();
    },
  };
}

/** The stream, destroyed when the signal aborts (the for-await over it then ends with an AbortError). */
function abortable(stream: Readable, signal: AbortSignal): Readable {
  return addAbortSignal(signal, stream);
}

const NL = 0x0a;
const CR = 0x0d;

/**
 * Calls onLine for each line of the chunks. onLine may return a promise (back-pressure: the next
 * line waits for it). Returns the number of lines. A last line without "\n" counts as a line.
 */
export function forEachLine(
  chunks: AsyncIterable<Buffer | string>,
  onLine: (line: Buffer, lineNo: number) => void | Promise<void>,
  afterChunk?: () => void,
): Promise<number> {
  return forEachLineSpan(chunks, (buf, start, end, lineNo) => onLine(buf.subarray(start, end), lineNo), afterChunk);
}

/**
 * forEachLine without a Buffer per line: each line is buf[start, end), "\r\n" already cut to the
 * line. For callers that copy the bytes straight on (plain-line produce).
 */
export async function forEachLineSpan(
  chunks: AsyncIterable<Buffer | string>,
  onLine: (buf: Buffer, start: number, end: number, lineNo: number) => void | Promise<void>,
  afterChunk?: () => void,
): Promise<number> {
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
    // A copy: the next chunk may be read into the same buffer.
    if (start < chunk.length) carry = Buffer.from(chunk.subarray(start));
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
