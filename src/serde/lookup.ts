/**
 * The schema registry a command uses, when one is configured. Until the connection option
 * (--schema-registry, a profile field) is on main, it is the KTOOL_SCHEMA_REGISTRY environment variable.
 */
import type { SchemaLookup } from './registry-types.js';

export async function schemaLookupFor(env: Record<string, string | undefined>): Promise<SchemaLookup | undefined> {
  const url = env.KTOOL_SCHEMA_REGISTRY;
  if (!url) return undefined;
  const { httpLookup } = await import('./http-lookup.js');
  return httpLookup(url);
}
