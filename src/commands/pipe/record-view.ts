/**
 * What an expression sees: one record as the envelope `consume --json` prints (src/serde/envelope.ts),
 * built lazily. A field is decoded the first time an expression reads it, so `--where 'partition === 0'`
 * never parses a value: on 1M records of 100 bytes, JSON.parse of every value alone costs about as
 * much as the whole copy.
 */
import { envelopeHeaders, type Envelope, type EnvelopeHeaders } from '../../serde/envelope.js';
import { isUtf8 } from '../../serde/serde.js';
import type { ConsumedRecord } from '../../kafka/consumer-types.js';

const UNSET: unique symbol = Symbol('unset');

/**
 * A key or value for expressions: null, the parsed JSON when the bytes are a JSON object, array,
 * number, boolean or null that reads back as the same bytes (as `--value-encoding json` embeds
 * them), else the UTF-8 text, else (not UTF-8) the bytes as a Buffer. A JSON string stays text,
 * quotes included, as in the envelope.
 */
export function decodeSide(bytes: Buffer | null): unknown {
  if (bytes === null) return null;
  const first = bytes.length ? bytes[0] : 0;
  // { [ - 0-9 t f n: the first byte of every JSON text but a string.
  if (
    first === 0x7b ||
    first === 0x5b ||
    first === 0x2d ||
    (first >= 0x30 && first <= 0x39) ||
    first === 0x74 ||
    first === 0x66 ||
    first === 0x6e
  ) {
    const text = bytes.toString('utf8');
    try {
      const parsed: unknown = JSON.parse(text);
      // Objects and arrays are taken as they parse; a scalar only when it prints back the same ("1.0" stays text).
      if (typeof parsed === 'object' || String(parsed) === text) return parsed;
    } catch {
      // not JSON: text below
    }
    return text;
  }
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes;
}

export class RecordView {
  private k: unknown = UNSET;
  private v: unknown = UNSET;
  private h: EnvelopeHeaders | typeof UNSET = UNSET;

  constructor(readonly record: ConsumedRecord) {}

  get topic(): string {
    return this.record.topic;
  }
  get partition(): number {
    return this.record.partition;
  }
  get offset(): number {
    return this.record.offset;
  }
  get timestamp(): number {
    return this.record.timestamp;
  }
  get timestampType(): string {
    return this.record.timestampType;
  }
  get key(): unknown {
    if (this.k === UNSET) this.k = decodeSide(this.record.key);
    return this.k;
  }
  get value(): unknown {
    if (this.v === UNSET) this.v = decodeSide(this.record.value);
    return this.v;
  }
  get headers(): EnvelopeHeaders {
    if (this.h === UNSET) this.h = envelopeHeaders(this.record.headers).headers;
    return this.h;
  }
  /** The raw bytes (null for a null key or a tombstone). */
  get keyBytes(): Buffer | null {
    return this.record.key;
  }
  get valueBytes(): Buffer | null {
    return this.record.value;
  }
  /** `--map r` or `JSON.stringify(r)`: the envelope's fields. */
  toJSON(): Envelope {
    const { topic, partition, offset, timestamp, key, value, headers } = this;
    return { topic, partition, offset, timestamp, timestampType: this.record.timestampType, key, value, headers };
  }
}
