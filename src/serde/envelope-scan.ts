/**
 * `produce --input json`'s fast path: the common envelope read straight from the line's bytes, its
 * key, value and header values left in place as byte ranges (no JSON.parse, no string and no
 * Buffer per field). It takes only what it can read exactly as JSON.parse + fromEnvelope
 * (envelope-input.ts) would: anything else (an unknown or repeated field, an encoding other than
 * text/base64/hex, a schema id, headerEncoding, a number that is not a plain integer, bytes that
 * are not UTF-8, a JSON error) makes scan() return false, and the caller takes the general path,
 * which gives the same bytes or the error message with its wording.
 */
import { isUtf8 } from 'node:buffer';
import type { HeaderSpans } from '../kafka/producer-types.js';
import { Bail, BAIL, JsonCursor } from './json-cursor.js';
import { isBase64 } from './serde.js';

/** One envelope as byte ranges; a null buffer is a null key or value. Reused from line to line. */
export interface ScannedEnvelope {
  /** The "topic" string's range in the line; -1: none. */
  topicStart: number;
  topicEnd: number;
  /** -1: none. */
  partition: number;
  timestamp: number | undefined;
  key: Buffer | null;
  keyStart: number;
  keyEnd: number;
  value: Buffer | null;
  valueStart: number;
  valueEnd: number;
  /** The envelope's headers are added after the `count` already there (-H headers). */
  headers: HeaderSpans;
}

export const emptyScan = (): ScannedEnvelope => ({
  topicStart: -1,
  topicEnd: -1,
  partition: -1,
  timestamp: undefined,
  key: null,
  keyStart: 0,
  keyEnd: 0,
  value: null,
  valueStart: 0,
  valueEnd: 0,
  headers: { count: 0, bufs: [], starts: [], ends: [] },
});

const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = 0x7b;
const CLOSE = 0x7d;

/** Field bits (a repeated field: the general path, as JSON.parse keeps the last one). */
const FIELDS: Record<string, number> = {
  topic: 1,
  partition: 2,
  offset: 4,
  timestamp: 8,
  timestampType: 16,
  key: 32,
  keyEncoding: 64,
  keySchemaId: 128,
  keyBytes: 256,
  value: 512,
  valueEncoding: 1024,
  valueSchemaId: 2048,
  valueBytes: 4096,
  headers: 8192,
  headerEncoding: 16384,
  encoding: 32768,
};
/** Each field name by its length, first and second-to-last bytes (which tell them apart), as bytes and its bit. */
const nameKey = (b: Buffer, start: number, end: number) => ((end - start) << 16) | (b[start] << 8) | b[end - 2];
const NAMES = new Map<number, { name: Buffer; bit: number }>();
for (const [name, bit] of Object.entries(FIELDS)) NAMES.set(nameKey(Buffer.from(name), 0, name.length), { name: Buffer.from(name), bit });
const CREATE_TIME = Buffer.from('CreateTime');
const LOG_APPEND_TIME = Buffer.from('LogAppendTime');

function equals(b: Buffer, start: number, end: number, name: Buffer): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (b[start + i] !== name[i]) return false;
  return true;
}

/** The bit of the field named b[start, end); 0: not an envelope field. */
function fieldBit(b: Buffer, start: number, end: number): number {
  if (end - start < 2) return 0;
  const known = NAMES.get(nameKey(b, start, end));
  return known && equals(b, start, end, known.name) ? known.bit : 0;
}

/** Fields that are fine only as null here. */
const NULL_ONLY = 128 | 256 | 2048 | 4096 | 16384;
type SideEncoding = 'text' | 'base64' | 'hex';

export class EnvelopeScanner extends JsonCursor {
  private keyEnc: SideEncoding | undefined;
  private valueEnc: SideEncoding | undefined;
  private legacyEnc: SideEncoding | undefined;

  /** Reads the envelope on line[0, end) into out; false when the general path must read it. */
  scan(line: Buffer, out: ScannedEnvelope): boolean {
    this.start(line);
    this.keyEnc = this.valueEnc = this.legacyEnc = undefined;
    out.topicStart = out.partition = -1;
    out.timestamp = undefined;
    out.key = out.value = null;
    const headers0 = out.headers.count;
    try {
      const seen = this.fields(out);
      this.ws();
      if (this.i !== this.n || !(seen & FIELDS.value)) throw BAIL;
      if (this.high & 0x80 && !isUtf8(line)) throw BAIL;
      this.decodeSide(out, 'key', this.keyEnc ?? this.legacyEnc);
      this.decodeSide(out, 'value', this.valueEnc ?? this.legacyEnc);
      return true;
    } catch (error) {
      out.headers.count = headers0;
      if (error instanceof Bail || error instanceof SyntaxError) return false;
      throw error;
    }
  }

  /** The object's fields; returns the bits of those seen. */
  private fields(out: ScannedEnvelope): number {
    this.ws();
    this.expect(OPEN);
    this.ws();
    let seen = 0;
    if (this.b[this.i] === CLOSE) {
      this.i++;
      return seen;
    }
    for (;;) {
      this.string();
      if (this.sBuf !== this.b) throw BAIL;
      const bit = fieldBit(this.b, this.sStart, this.sEnd);
      if (bit === 0 || seen & bit) throw BAIL;
      seen |= bit;
      this.ws();
      this.expect(COLON);
      this.ws();
      this.field(bit, out);
      this.ws();
      const c = this.b[this.i++];
      if (c === CLOSE) return seen;
      if (c !== COMMA) throw BAIL;
      this.ws();
    }
  }

  private field(bit: number, out: ScannedEnvelope): void {
    if (this.null()) return;
    if (bit & NULL_ONLY) throw BAIL;
    switch (bit) {
      case FIELDS.topic:
        this.string();
        if (this.sBuf !== this.b || this.sEnd === this.sStart) throw BAIL;
        out.topicStart = this.sStart;
        out.topicEnd = this.sEnd;
        return;
      case FIELDS.partition:
        out.partition = this.integer(false, 10);
        if (out.partition > 2 ** 31 - 1) throw BAIL;
        return;
      case FIELDS.offset:
        this.integer(true, 15);
        return;
      case FIELDS.timestamp:
        out.timestamp = this.integer(true, 15);
        return;
      case FIELDS.timestampType: {
        this.string();
        if (!equals(this.sBuf, this.sStart, this.sEnd, CREATE_TIME) && !equals(this.sBuf, this.sStart, this.sEnd, LOG_APPEND_TIME))
          throw BAIL;
        return;
      }
      case FIELDS.key:
      case FIELDS.value:
        this.string();
        if (bit === FIELDS.key) this.setSide(out, 'key', this.sBuf, this.sStart, this.sEnd);
        else this.setSide(out, 'value', this.sBuf, this.sStart, this.sEnd);
        return;
      case FIELDS.headers:
        this.headers(out.headers);
        return;
      default:
        this.encoding(bit);
    }
  }

  /** keyEncoding, valueEncoding, encoding: text, base64 or hex here. */
  private encoding(bit: number): void {
    this.string();
    const e = this.sBuf.toString('latin1', this.sStart, this.sEnd);
    if (e !== 'text' && e !== 'base64' && e !== 'hex') throw BAIL;
    if (bit === FIELDS.keyEncoding) this.keyEnc = e;
    else if (bit === FIELDS.valueEncoding) this.valueEnc = e;
    else this.legacyEnc = e;
  }

  /** A key or value in base64 or hex: decoded (a bad one: the general path, which names it). */
  private decodeSide(out: ScannedEnvelope, side: 'key' | 'value', encoding: SideEncoding | undefined): void {
    const buf = side === 'key' ? out.key : out.value;
    if (buf === null || encoding === undefined || encoding === 'text') return;
    const s = buf.toString('latin1', side === 'key' ? out.keyStart : out.valueStart, side === 'key' ? out.keyEnd : out.valueEnd);
    if (encoding === 'base64' ? !isBase64(s) : !/^([0-9a-fA-F]{2})*$/.test(s)) throw BAIL;
    const bytes = Buffer.from(s, encoding);
    this.setSide(out, side, bytes, 0, bytes.length);
  }

  private setSide(out: ScannedEnvelope, side: 'key' | 'value', buf: Buffer, start: number, end: number): void {
    if (side === 'key') {
      out.key = buf;
      out.keyStart = start;
      out.keyEnd = end;
    } else {
      out.value = buf;
      out.valueStart = start;
      out.valueEnd = end;
    }
  }

  /** {"name": "value" | null | ["value" | null, ...], ...}: each value a header, in order. */
  private headers(h: HeaderSpans): void {
    this.expect(OPEN);
    this.ws();
    const first = h.count;
    if (this.b[this.i] === CLOSE) {
      this.i++;
      return;
    }
    for (;;) {
      this.string();
      const nameBuf = this.sBuf;
      const nameStart = this.sStart;
      const nameEnd = this.sEnd;
      // An index-like name comes first in JSON.parse's object; a repeated one keeps its first place.
      const c = nameBuf[nameStart];
      if ((c >= 0x30 && c <= 0x39) || this.repeated(h, first, nameBuf, nameStart, nameEnd)) throw BAIL;
      this.ws();
      this.expect(COLON);
      this.ws();
      if (this.b[this.i] !== 0x5b) this.header(h, nameBuf, nameStart, nameEnd);
      else {
        this.i++;
        this.ws();
        if (this.b[this.i] === 0x5d) this.i++;
        else
          for (;;) {
            this.header(h, nameBuf, nameStart, nameEnd);
            this.ws();
            const d = this.b[this.i++];
            if (d === 0x5d) break;
            if (d !== COMMA) throw BAIL;
            this.ws();
          }
      }
      this.ws();
      const d = this.b[this.i++];
      if (d === CLOSE) return;
      if (d !== COMMA) throw BAIL;
      this.ws();
    }
  }

  private repeated(h: HeaderSpans, first: number, buf: Buffer, start: number, end: number): boolean {
    for (let j = 2 * first; j < 2 * h.count; j += 2) {
      if (h.ends[j] - h.starts[j] === end - start && h.bufs[j].compare(buf, start, end, h.starts[j], h.ends[j]) === 0) return true;
    }
    return false;
  }

  /** One header: the name's range and a string or null value. */
  private header(h: HeaderSpans, nameBuf: Buffer, nameStart: number, nameEnd: number): void {
    const j = 2 * h.count;
    h.bufs[j] = nameBuf;
    h.starts[j] = nameStart;
    h.ends[j] = nameEnd;
    if (this.null()) {
      h.bufs[j + 1] = nameBuf;
      h.starts[j + 1] = h.ends[j + 1] = -1;
    } else {
      this.string();
      h.bufs[j + 1] = this.sBuf;
      h.starts[j + 1] = this.sStart;
      h.ends[j + 1] = this.sEnd;
    }
    h.count++;
  }
}
