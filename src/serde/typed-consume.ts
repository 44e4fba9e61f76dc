/**
 * consume: records in the Confluent wire format decoded with their schemas. A schema id is asked of
 * the registry once (prepare(), before a batch is formatted); a record whose id is unknown, whose
 * bytes do not decode, or whose schema cannot be fetched right now (the registry down) is shown
 * raw with a warning naming it: never dropped, and the stream goes on. An id that could not be
 * fetched is asked again after a pause, so records decode again once the registry is back.
 */
import type { ConsumedRecord } from '../kafka/consumer-types.js';
import type { SchemaCodec, TypedFormat } from './codec-types.js';
import type { TypedSide } from './envelope.js';
import { CodecCache } from './schemas.js';
import type { SchemaLookup } from './lookup.js';
import { HEADER_BYTES, schemaIdOf } from './wire.js';

export const CONSUME_FORMATS = ['auto', 'avro', 'protobuf', 'json-schema', 'raw'] as const;
export type ConsumeFormat = (typeof CONSUME_FORMATS)[number];

const RETRY_MS = 1000;
const MAX_WARNINGS = 20;

type IdState = { codec: SchemaCodec } | { missing: string } | { unreachable: string; retryAt: number };

export class RecordDecoder {
  private readonly cache: CodecCache;
  private readonly ids = new Map<number, IdState>();
  private warnings = 0;
  /** Records (sides) shown raw that a schema was meant for. */
  rawCount = 0;

  constructor(
    lookup: SchemaLookup,
    private readonly formats: { key: ConsumeFormat; value: ConsumeFormat },
    private readonly warn: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.cache = new CodecCache(lookup);
  }

  /** Fetches the schemas of the ids in these records not known yet (or due for another try). */
  async prepare(records: ConsumedRecord[]): Promise<void> {
    let wanted: Set<number> | undefined;
    const now = this.now();
    for (const r of records) {
      for (const side of ['key', 'value'] as const) {
        if (this.formats[side] === 'raw') continue;
        const id = schemaIdOf(r[side]);
        if (id === undefined) continue;
        const state = this.ids.get(id);
        if (state === undefined || ('retryAt' in state && state.retryAt <= now)) (wanted ??= new Set()).add(id);
      }
    }
    if (!wanted) return;
    await Promise.all(
      [...wanted].map(async (id) => {
        try {
          this.ids.set(id, { codec: await this.cache.get(id) });
        } catch (error) {
          const code = (error as { exitCode?: number }).exitCode;
          const message = (error as Error).message;
          // Not found (3) or a schema that does not compile (2) stays so; anything else is asked again.
          if (code === 3 || code === 2) this.ids.set(id, { missing: message });
          else this.ids.set(id, { unreachable: message, retryAt: this.now() + RETRY_MS });
        }
      }),
    );
  }

  /** The decoded side, or undefined to show it as it is (not framed, or a warning said why). */
  decode(r: ConsumedRecord, side: 'key' | 'value'): TypedSide | undefined {
    const format = this.formats[side];
    if (format === 'raw') return undefined;
    const bytes = r[side];
    const id = schemaIdOf(bytes);
    if (id === undefined) {
      if (format !== 'auto' && bytes !== null)
        this.rawWarning(r, side, `not in the schema registry's wire format (--${side}-format ${format})`);
      return undefined;
    }
    const state = this.ids.get(id);
    if (state === undefined) return undefined;
    if (!('codec' in state)) {
      const why = 'missing' in state ? state.missing : `the schema registry is unavailable: ${state.unreachable}`;
      this.rawWarning(r, side, `schema id ${id}: ${why}`);
      return undefined;
    }
    const { codec } = state;
    if (format !== 'auto' && codec.format !== format) {
      this.rawWarning(r, side, `schema id ${id} is ${codec.format}, not ${format as TypedFormat}`);
      return undefined;
    }
    try {
      const decoded = codec.decode(bytes!.subarray(HEADER_BYTES));
      return { value: decoded.value, format: codec.format, schemaId: id, exact: decoded.exact };
    } catch (error) {
      this.rawWarning(r, side, `does not decode with schema id ${id} (${codec.format}): ${(error as Error).message}`);
      return undefined;
    }
  }

  private rawWarning(r: ConsumedRecord, side: 'key' | 'value', why: string): void {
    this.rawCount++;
    this.warnings++;
    if (this.warnings <= MAX_WARNINGS) this.warn(`${r.topic}[${r.partition}]@${r.offset}: ${side} shown raw: ${why}`);
    else if (this.warnings === MAX_WARNINGS + 1) this.warn('more records shown raw; the count is given at the end');
  }

  /** The closing line when warnings were cut short. */
  summary(): string | undefined {
    return this.warnings > MAX_WARNINGS ? `${this.rawCount} keys or values shown raw (not decoded)` : undefined;
  }
}
