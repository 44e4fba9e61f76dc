/**
 * One record in, at most one record out: --where keeps it or not, --map gives the new value,
 * --key the new key; headers and the timestamp are kept. Without expressions the record passes
 * as it is (bytes untouched).
 */
import { OperationError } from '../../errors.js';
import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import type { Expression } from './expression.js';
import { RecordView } from './record-view.js';

export interface Transformed {
  key: Buffer | null;
  value: Buffer | null;
}

export interface TransformCounts {
  read: number;
  filtered: number;
  /** Records whose expression threw (--on-error skip). */
  failed: number;
}

export type OnError = 'stop' | 'skip';

/** How many failed records are named on stderr with --on-error skip; the rest are only counted. */
const NAMED_FAILURES = 5;

export class Transform {
  readonly counts: TransformCounts = { read: 0, filtered: 0, failed: 0 };

  constructor(
    private readonly e: { where?: Expression; map?: Expression; key?: Expression },
    private readonly onError: OnError,
    private readonly warn: (message: string) => void,
  ) {}

  get identity(): boolean {
    return !this.e.where && !this.e.map && !this.e.key;
  }

  /** The record to write, or null when --where dropped it or its expression failed (--on-error skip). */
  apply(record: ConsumedRecord): Transformed | null {
    this.counts.read++;
    const { where, map, key } = this.e;
    if (!where && !map && !key) return record;
    const view = new RecordView(record);
    let at: Expression | undefined;
    try {
      at = where;
      if (where && !where.evaluate(view)) {
        this.counts.filtered++;
        return null;
      }
      at = map;
      const value = map ? toBytes(map.evaluate(view), map) : record.value;
      at = key;
      const k = key ? toBytes(key.evaluate(view), key) : record.key;
      return { key: k, value };
    } catch (error) {
      return this.failed(record, at!, error);
    }
  }

  private failed(record: ConsumedRecord, e: Expression, error: unknown): null {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const where = `${record.topic} partition ${record.partition} offset ${record.offset}`;
    if (this.onError === 'stop') {
      const hint =
        error instanceof ReferenceError
          ? `an expression reads the record's fields: topic, partition, offset, timestamp, key, value, headers (e.g. value.price)`
          : 'optional chaining (value?.price) and ?? give a default; --on-error skip skips and counts such records';
      throw new OperationError(`${e.flag} '${e.source}' failed on ${where}: ${what}`, { hint });
    }
    if (++this.counts.failed <= NAMED_FAILURES) this.warn(`${e.flag} failed on ${where}, skipped: ${what}`);
    return null;
  }
}

/**
 * An expression's result as bytes: null is null (a null key, a tombstone); a string its UTF-8; a
 * Buffer or Uint8Array as it is; a bigint its digits; anything else its JSON. undefined is an
 * error (usually a misspelt field): a tombstone must be asked for with null.
 */
export function toBytes(result: unknown, e: Expression): Buffer | null {
  if (result === null) return null;
  if (typeof result === 'string') return Buffer.from(result, 'utf8');
  if (Buffer.isBuffer(result)) return result;
  if (result instanceof Uint8Array) return Buffer.from(result.buffer, result.byteOffset, result.byteLength);
  if (typeof result === 'bigint') return Buffer.from(result.toString(), 'utf8');
  if (result === undefined) throw new TypeError(`${e.flag} gave undefined (null writes a null ${e.flag === '--key' ? 'key' : 'value'})`);
  const json = JSON.stringify(result);
  if (json === undefined) throw new TypeError(`${e.flag} gave a ${typeof result}, which has no JSON form`);
  return Buffer.from(json, 'utf8');
}
