/**
 * A minimal Schema Registry client for the codecs (GET and POST with fetch) until the registry
 * client (src/schema-registry/client.ts) is on main; then schemaLookupFor uses that one.
 * The URL includes its base path (Apicurio: http://host:port/apis/ccompat/v7).
 */
import { ConnectionError, KtoolError, NotFoundError, OperationError } from '../errors.js';
import type { RegistrySchema, SchemaLookup, SubjectVersion } from './registry-types.js';

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

export function httpLookup(url: string, timeoutMs = 10_000): SchemaLookup {
  const base = url.replace(/\/+$/, '');
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: { accept: CONTENT_TYPE, ...(body ? { 'content-type': CONTENT_TYPE } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ConnectionError(`cannot reach the schema registry at ${base}: ${(error as Error).cause ?? (error as Error).message}`);
    }
    const text = await res.text();
    let json: { message?: string; error_code?: number } | undefined;
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      json = undefined;
    }
    if (res.ok) return json as T;
    const message = `schema registry: ${json?.message ?? `HTTP ${res.status}`}`;
    if (res.status === 404) throw new NotFoundError(message);
    if (res.status >= 500) throw new ConnectionError(message);
    throw new OperationError(message);
  };
  const enc = encodeURIComponent;
  return {
    getSchemaById: (id) => call<RegistrySchema>('GET', `/schemas/ids/${id}`),
    getSubjectVersion: (subject, version) => call<SubjectVersion>('GET', `/subjects/${enc(subject)}/versions/${version}`),
    lookupSchema: (subject, schema) => call<SubjectVersion>('POST', `/subjects/${enc(subject)}`, schema),
    register: (subject, schema) => call<{ id: number }>('POST', `/subjects/${enc(subject)}/versions`, schema),
  };
}

/** True for an error that says the registry could not be asked (as opposed to an answer). */
export const isUnreachable = (error: unknown): boolean => error instanceof ConnectionError || !(error instanceof KtoolError);
