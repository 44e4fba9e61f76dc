/** produce: the typed key and value sides resolved against the schema registry, and codecs by id for envelopes. */
import type { Context } from '../../cli/context.js';
import type { EnvelopeTyping } from '../../serde/envelope-input.js';
import type { ProduceOptions } from './options.js';

export interface TypedSides extends EnvelopeTyping {
  /** Loads the codecs of these schema ids (envelopes that name one); throws when the registry cannot give one. */
  load(ids: number[]): Promise<void>;
}

export async function typedSides(options: ProduceOptions, ctx: Context): Promise<TypedSides> {
  const [{ schemaLookupFor }, { resolveSide }, { CodecCache }] = await Promise.all([
    import('../../serde/lookup.js'),
    import('../../serde/typed-produce.js'),
    import('../../serde/schemas.js'),
  ]);
  const lookup = await schemaLookupFor(ctx);
  const cache = lookup ? new CodecCache(lookup) : undefined;
  const sides: TypedSides = {
    byId: (id) => cache?.cached(id),
    load: async (ids) => {
      if (cache) for (const id of ids) if (!cache.cached(id)) await cache.get(id);
    },
  };
  if (options.keySchema) sides.key = await resolveSide('key', options.keySchema, options.topic, lookup);
  if (options.valueSchema) sides.value = await resolveSide('value', options.valueSchema, options.topic, lookup);
  return sides;
}
