/** The schema registry a command uses for its codecs, when one is configured (--schema-registry, env, profile). */
import type { Context } from '../cli/context.js';
import type { SchemaRegistry } from '../schema-registry/types.js';

/** What the codecs ask of a registry. */
export type SchemaLookup = Pick<SchemaRegistry, 'getSchemaById' | 'getSubjectVersion' | 'lookupSchema' | 'register'>;

export async function schemaLookupFor(ctx: Pick<Context, 'schemaRegistrySettings' | 'schemaRegistry'>): Promise<SchemaLookup | undefined> {
  if (!(await ctx.schemaRegistrySettings())) return undefined;
  return ctx.schemaRegistry();
}
