/**
 * The records ProducerPerformance sends: --record-size random capital letters (Java draws each byte
 * anew; here each record is a slice of a 4 MiB pool of random letters at a random offset: the same
 * bytes per record and the same compressibility, since a batch's slices rarely overlap, without a
 * random draw per byte), a random piece of --payload-file (split at --payload-delimiter, a Java
 * regex, as ProducerPerformance's java.util.Scanner.useDelimiter splits it), or --payload-monotonic's
 * record number as text.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export type PayloadSpec = { kind: 'size'; size: number } | { kind: 'file'; path: string; delimiter: string } | { kind: 'monotonic' };

export interface Payloads {
  /** The value of record number i: bytes [start, end) of buf (valid until the next call). */
  next(i: number): { buf: Buffer; start: number; end: number };
  /** What the original prints while reading the file (ProducerPerformance.readPayloadFile). */
  readonly notes: string[];
}

const POOL_BYTES = 4 << 20;

/**
 * The file is missing or empty, or holds no piece: `message` is the original's, `notes` what it
 * printed before it gave up, `plain` what ktool's own spelling says.
 */
export class PayloadFileError extends Error {
  constructor(
    message: string,
    readonly notes: string[] = [],
    readonly plain = message,
  ) {
    super(message);
  }
}

export async function openPayloads(spec: PayloadSpec, random: () => number = Math.random): Promise<Payloads> {
  if (spec.kind === 'size') return sized(spec.size, random);
  if (spec.kind === 'monotonic') {
    return {
      notes: [],
      next(i) {
        const buf = Buffer.from(String(i));
        return { buf, start: 0, end: buf.length };
      },
    };
  }
  return fromFile(spec.path, spec.delimiter, random);
}

function sized(size: number, random: () => number): Payloads {
  const pool = Buffer.allocUnsafe(POOL_BYTES + size);
  for (let j = 0; j < pool.length; j++) pool[j] = 65 + Math.floor(random() * 26);
  return {
    notes: [],
    next() {
      const start = Math.floor(random() * POOL_BYTES);
      return { buf: pool, start, end: start + size };
    },
  };
}

async function fromFile(path: string, delimiter: string, random: () => number): Promise<Payloads> {
  const absolute = resolve(path);
  const notes = [`Reading payloads from: ${absolute}`];
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch {
    text = '';
  }
  if (text === '') throw new PayloadFileError('File does not exist or empty file provided.', notes);
  const pieces = splitPayloads(text, delimiter).map((p) => Buffer.from(p, 'utf8'));
  notes.push(`Number of records read: ${pieces.length}`);
  // ProducerPerformance goes on with no payload and fails on its first record (a file of delimiters only).
  if (pieces.length === 0) {
    throw new PayloadFileError(
      'No payload file, record size or payload-monotonic option provided.',
      notes,
      'no piece between the delimiters',
    );
  }
  return {
    notes,
    next() {
      const buf = pieces[Math.floor(random() * pieces.length)];
      return { buf, start: 0, end: buf.length };
    },
  };
}

/**
 * java.util.Scanner's tokens with useDelimiter(d), as ProducerPerformance reads the file: before
 * each token one match of d where the scan stands is skipped, the token runs to the next match (a
 * zero-width match where the token starts does not end it), and input that ends right after a
 * skipped delimiter has no token. So "a;;b;" is [a, "", b], ";;" is [""] and ";" is [].
 */
export function splitPayloads(text: string, delimiter: string): string[] {
  let sticky: RegExp;
  let global: RegExp;
  try {
    sticky = new RegExp(delimiter, 'uy');
    global = new RegExp(delimiter, 'ug');
  } catch (error) {
    throw new PayloadFileError(`--payload-delimiter: ${(error as Error).message}`);
  }
  const tokens: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    sticky.lastIndex = pos;
    const skipped = sticky.exec(text);
    if (skipped) pos += skipped[0].length;
    if (pos >= text.length) break;
    global.lastIndex = pos;
    let next = global.exec(text);
    if (next && next.index === pos && next[0].length === 0) {
      global.lastIndex = pos + 1;
      next = global.exec(text);
    }
    const end = next ? next.index : text.length;
    tokens.push(text.slice(pos, end));
    pos = end;
  }
  return tokens;
}
