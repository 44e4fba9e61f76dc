/**
 * The records ProducerPerformance sends: --record-size random capital letters (Java draws each byte
 * anew; here each record is a slice of a 4 MiB pool of random letters at a random offset: the same
 * bytes per record and the same compressibility, since a batch's slices rarely overlap, without a
 * random draw per byte), a random line of --payload-file (split at --payload-delimiter, a Java
 * regex as Scanner.useDelimiter takes it), or --payload-monotonic's record number as text.
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

export class PayloadFileError extends Error {}

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
  if (text === '') throw new PayloadFileError('File does not exist or empty file provided.');
  const pieces = splitPayloads(text, delimiter).map((p) => Buffer.from(p, 'utf8'));
  notes.push(`Number of messages read: ${pieces.length}`);
  if (pieces.length === 0) throw new PayloadFileError('File does not exist or empty file provided.');
  return {
    notes,
    next() {
      const buf = pieces[Math.floor(random() * pieces.length)];
      return { buf, start: 0, end: buf.length };
    },
  };
}

/** java.util.Scanner with useDelimiter(d): the tokens between matches of d, a trailing empty one left out. */
export function splitPayloads(text: string, delimiter: string): string[] {
  const pieces = text.split(new RegExp(delimiter, 'u'));
  if (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
  return pieces;
}
