import type { Context } from '../../cli/context.js';
import { UsageError } from '../../errors.js';
import type { ConsumeFormat } from '../../serde/typed-consume.js';
import type { ConsumeOptions } from './options.js';

/** The schema registry decoder: with a registry set, unless both sides are raw; a forced format needs one. */
export async function decoderFor(o: ConsumeOptions, ctx: Context) {
  const typed = (f: ConsumeFormat) => f !== 'auto' && f !== 'raw';
  if (o.keyFormat === 'raw' && o.valueFormat === 'raw') return undefined;
  const { schemaLookupFor } = await import('../../serde/lookup.js');
  const lookup = await schemaLookupFor(ctx);
  if (!lookup) {
    if (typed(o.keyFormat) || typed(o.valueFormat))
      throw new UsageError(
        `--${typed(o.valueFormat) ? 'value' : 'key'}-format ${typed(o.valueFormat) ? o.valueFormat : o.keyFormat} needs a schema registry`,
        'pass --schema-registry URL (its base path included) or set KTOOL_SCHEMA_REGISTRY',
      );
    return undefined;
  }
  const { RecordDecoder } = await import('../../serde/typed-consume.js');
  return new RecordDecoder(lookup, { key: o.keyFormat, value: o.valueFormat }, (m) => ctx.warn(m));
}
