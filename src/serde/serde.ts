import { UsageError } from '../errors.js';

/**
 * Key and value encoding, one interface for produce and consume. Schema Registry formats (Avro,
 * Protobuf, JSON Schema) will be further implementations of Serde, chosen by name like these.
 */
export interface Serde {
  readonly name: string;
  /** Text from the user (a line, a JSON field) -> bytes on the wire. */
  encode(text: string): Buffer;
  /** Bytes from the wire -> text for output. */
  decode(bytes: Buffer): string;
}

export const ENCODINGS = ['text', 'json', 'base64', 'hex'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const text: Serde = { name: 'text', encode: (s) => Buffer.from(s, 'utf8'), decode: (b) => b.toString('utf8') };

/** JSON text: checked, then sent as written (re-serialising would round integers past 2^53 and respace the text). */
const json: Serde = {
  name: 'json',
  encode(s) {
    try {
      JSON.parse(s);
    } catch (error) {
      throw new UsageError(`not valid JSON: ${(error as Error).message}`);
    }
    return Buffer.from(s, 'utf8');
  },
  decode: (b) => b.toString('utf8'),
};

const base64: Serde = {
  name: 'base64',
  encode(s) {
    if (!isBase64(s.trim())) throw new UsageError('not valid base64');
    return Buffer.from(s.trim(), 'base64');
  },
  decode: (b) => b.toString('base64'),
};

/**
 * Standard or URL-safe base64, padded or not. A length of 4n+1 characters is never valid (Node would
 * drop the last one silently: "a" decoded to nothing).
 */
export function isBase64(s: string): boolean {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s)) return false;
  const padded = s.endsWith('=');
  return padded ? s.length % 4 === 0 : s.length % 4 !== 1;
}

const hex: Serde = {
  name: 'hex',
  encode(s) {
    const t = s.trim();
    if (!/^([0-9a-fA-F]{2})*$/.test(t)) throw new UsageError('not valid hex (pairs of 0-9a-f)');
    return Buffer.from(t, 'hex');
  },
  decode: (b) => b.toString('hex'),
};

const SERDES: Record<Encoding, Serde> = { text, json, base64, hex };

export function serdeFor(name: string, flag: string): Serde {
  if (!(ENCODINGS as readonly string[]).includes(name))
    throw new UsageError(`${flag}: unknown encoding "${name}"`, `use one of ${ENCODINGS.join(', ')}`);
  return SERDES[name as Encoding];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * True when the bytes are valid UTF-8 (so text output is lossless). ASCII, the common case, is
 * checked inline; node:buffer's isUtf8 is avoided because on a slice it scans the whole backing
 * ArrayBuffer (measured: 1M 100-byte values from 1 MB fetch buffers took 150 s instead of 1).
 */
export function isUtf8(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) {
      try {
        strictUtf8.decode(bytes);
        return true;
      } catch {
        return false;
      }
    }
  }
  return true;
}
