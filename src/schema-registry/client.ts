/**
 * A Confluent Schema Registry REST client (Confluent Platform, Confluent Cloud, Apicurio's
 * /apis/ccompat/v7, Karapace), on node:http/https.
 *
 * For the serde side and commands: `const registry = await ctx.schemaRegistry()` gives a
 * `SchemaRegistry` (src/schema-registry/types.ts):
 *
 *   registry.getSchemaById(id)                  -> { schema, schemaType ('AVRO' when absent), references }  (cached)
 *   registry.getSubjectVersion(subject, 'latest' | n) -> { subject, id, version, schema, schemaType, references }
 *   registry.lookupSchema(subject, { schema, schemaType, references }) -> the SubjectVersion, or undefined
 *   registry.register(subject, { schema, schemaType, references }) -> id
 *   registry.listSubjects / listVersions / deleteSubject / deleteVersion / get|setCompatibility / get|setMode
 *   registry.checkCompatibility(subject, schema, 'latest' | 'all' | n) -> { isCompatible, messages }
 *
 * Errors are ktool's typed errors (src/schema-registry/errors.ts): unreachable -> exit 4 in one
 * line, 401/403 -> exit 4, unknown subject/version/id -> exit 3, incompatible -> exit 6 with reasons.
 * Unit tests use test/helpers/fake-schema-registry.ts, which implements the same interface.
 */
import { resolveSecret } from '../config/secrets.js';
import { UsageError } from '../errors.js';
import { readUserFile } from '../util/read-user-file.js';
import { registryError, RegistryCode } from './errors.js';
import { createTransport, type Transport } from './http.js';
import type {
  CompatibilityLevel,
  CompatibilityResult,
  RegisteredSchema,
  RegistryMode,
  SchemaInput,
  SchemaRegistry,
  SchemaRegistrySettings,
  SchemaType,
  SubjectVersion,
} from './types.js';

/** Resolves secrets and files of the settings (at connect time, like Kafka's) and returns the client. */
export async function createSchemaRegistry(
  settings: SchemaRegistrySettings,
  env: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<SchemaRegistry> {
  let authorization: string | undefined;
  const token = await resolveSecret(settings.token, env, 'schema registry bearer token');
  if (token) authorization = `Bearer ${token}`;
  else if (settings.username !== undefined) {
    const password = (await resolveSecret(settings.password, env, 'schema registry password')) ?? '';
    authorization = `Basic ${Buffer.from(`${settings.username}:${password}`).toString('base64')}`;
  }
  let tls: { ca?: string; cert?: string; key?: string; rejectUnauthorized?: boolean } | undefined;
  if (settings.tls) {
    const t = settings.tls;
    tls = {};
    if (t.ca) tls.ca = await pem(t.ca, 'the schema registry CA');
    if (t.cert) tls.cert = await pem(t.cert, 'the schema registry client certificate');
    if (t.key) tls.key = await pem(t.key, 'the schema registry client key');
    if (t.insecureSkipVerify) tls.rejectUnauthorized = false;
  }
  return registryClient(createTransport({ url: settings.url, authorization, tls, timeoutMs: settings.timeoutMs, signal }), settings.url);
}

async function pem(value: string, what: string): Promise<string> {
  return value.includes('-----BEGIN') ? value : readUserFile(value, what);
}

/** The API over a transport (exported for tests that serve canned answers). */
export function registryClient(transport: Transport, url: string): SchemaRegistry {
  const byId = new Map<number, Promise<RegisteredSchema>>();
  const call: Call = async <T>(method: string, path: string, what: string, body?: unknown) => {
    const answer = await transport.send(method, path, body);
    if (answer.status >= 400 || answer.status < 200) throw registryError(answer.status, answer.body, what, url);
    return answer.body as T;
  };
  const client: SchemaRegistry = {
    url,
    getSchemaById(id) {
      let cached = byId.get(id);
      if (!cached) {
        cached = call<RawSchema>('GET', `/schemas/ids/${id}`, `schema id ${id}`).then(normalizeSchema);
        byId.set(id, cached);
        // A failure is not cached: a registry back up (or the id registered since) answers next time.
        cached.catch(() => byId.delete(id));
      }
      return cached;
    },
    async subjectVersionsOfId(id) {
      return call('GET', `/schemas/ids/${id}/versions`, `schema id ${id}`);
    },
    ...subjectApi(call),
    ...configApi(call),
    async checkCompatibility(subject, schema, against) {
      return checkCompatibility(call, subject, schema, against, () => client.listVersions(subject));
    },
    async schemaTypes() {
      return call('GET', '/schemas/types', 'schema types');
    },
    close() {
      transport.close();
    },
  };
  return client;
}

const enc = encodeURIComponent;
const subjectPath = (s: string) => `/subjects/${enc(s)}`;
function query(params: Record<string, string | boolean | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => `${k}=${enc(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** A call whose error with one of `codes` (the registry's error_code) means "none" rather than an error. */
async function orNone<T>(promise: Promise<T>, codes: number[]): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    if (codes.includes((error as { registryCode?: number }).registryCode ?? 0)) return undefined;
    throw error;
  }
}

type SubjectApi = Pick<
  SchemaRegistry,
  'getSubjectVersion' | 'lookupSchema' | 'register' | 'listSubjects' | 'listVersions' | 'referencedBy' | 'deleteSubject' | 'deleteVersion'
>;

function subjectApi(call: Call): SubjectApi {
  return {
    async getSubjectVersion(subject, version, options = {}) {
      const raw = await call<RawSubjectVersion>(
        'GET',
        `${subjectPath(subject)}/versions/${version}${query({ deleted: options.deleted })}`,
        version === 'latest' ? `subject ${subject}` : `version ${version} of subject ${subject}`,
      );
      return normalizeSubjectVersion(raw, subject);
    },
    async lookupSchema(subject, schema, options = {}) {
      const raw = await orNone(
        call<RawSubjectVersion>(
          'POST',
          `${subjectPath(subject)}${query({ deleted: options.deleted })}`,
          `subject ${subject}`,
          wire(schema),
        ),
        [RegistryCode.subjectNotFound, RegistryCode.schemaNotFound],
      );
      return raw && normalizeSubjectVersion(raw, subject);
    },
    async register(subject, schema, options = {}) {
      const path = `${subjectPath(subject)}/versions${query({ normalize: options.normalize })}`;
      return (await call<{ id: number }>('POST', path, `subject ${subject}`, wire(schema))).id;
    },
    async listSubjects(options = {}) {
      const subjects = await call<string[]>(
        'GET',
        `/subjects${query({ deleted: options.deleted, subjectPrefix: options.prefix })}`,
        'subjects',
      );
      // Filtered here too: a registry that ignores subjectPrefix (older Confluent) answers every subject.
      return subjects.filter((s) => !options.prefix || s.startsWith(options.prefix)).sort();
    },
    async listVersions(subject, options = {}) {
      const versions = await call<number[]>(
        'GET',
        `${subjectPath(subject)}/versions${query({ deleted: options.deleted })}`,
        `subject ${subject}`,
      );
      return [...versions].sort((a, b) => a - b);
    },
    async referencedBy(subject, version) {
      return call('GET', `${subjectPath(subject)}/versions/${version}/referencedby`, `version ${version} of subject ${subject}`);
    },
    async deleteSubject(subject, options = {}) {
      return call('DELETE', `${subjectPath(subject)}${query({ permanent: options.permanent })}`, `subject ${subject}`);
    },
    async deleteVersion(subject, version, options = {}) {
      const path = `${subjectPath(subject)}/versions/${version}${query({ permanent: options.permanent })}`;
      return call('DELETE', path, `version ${version} of subject ${subject}`);
    },
  };
}

type ConfigApi = Pick<SchemaRegistry, 'getCompatibility' | 'setCompatibility' | 'deleteCompatibility' | 'getMode' | 'setMode'>;

function configApi(call: Call): ConfigApi {
  const configPath = (subject?: string) => (subject === undefined ? '/config' : `/config/${enc(subject)}`);
  const modePath = (subject?: string) => (subject === undefined ? '/mode' : `/mode/${enc(subject)}`);
  return {
    async getCompatibility(subject) {
      const answer = await orNone(
        call<{ compatibilityLevel?: string; compatibility?: string }>('GET', configPath(subject), configWhat(subject)),
        [RegistryCode.subjectCompatibilityNotConfigured, RegistryCode.subjectNotFound],
      );
      return (answer?.compatibilityLevel ?? answer?.compatibility) as CompatibilityLevel | undefined;
    },
    async setCompatibility(level, subject) {
      const answer = await call<{ compatibility?: string; compatibilityLevel?: string }>('PUT', configPath(subject), configWhat(subject), {
        compatibility: level,
      });
      return (answer.compatibility ?? answer.compatibilityLevel ?? level) as CompatibilityLevel;
    },
    async deleteCompatibility(subject) {
      await call('DELETE', configPath(subject), configWhat(subject));
    },
    async getMode(subject) {
      const answer = await orNone(call<{ mode?: string }>('GET', modePath(subject), modeWhat(subject)), [
        RegistryCode.subjectModeNotConfigured,
        RegistryCode.subjectNotFound,
      ]);
      return answer?.mode as RegistryMode | undefined;
    },
    async setMode(mode, subject, options = {}) {
      const answer = await call<{ mode?: string }>('PUT', `${modePath(subject)}${query({ force: options.force })}`, modeWhat(subject), {
        mode,
      });
      return (answer.mode ?? mode) as RegistryMode;
    },
  };
}

type Call = <T>(method: string, path: string, what: string, body?: unknown) => Promise<T>;

/**
 * POST /compatibility/subjects/S/versions/V?verbose=true. `all` asks each version in turn (not
 * Confluent's /versions endpoint, which answers one verdict): the reasons then name the version.
 */
async function checkCompatibility(
  call: Call,
  subject: string,
  schema: SchemaInput,
  against: number | 'latest' | 'all',
  versions: () => Promise<number[]>,
): Promise<CompatibilityResult> {
  const ask = async (version: number | 'latest') => {
    const what = version === 'latest' ? `subject ${subject}` : `version ${version} of ${subject}`;
    const answer = await call<{ is_compatible?: boolean; messages?: unknown }>(
      'POST',
      `/compatibility${subjectPath(subject)}/versions/${version}?verbose=true`,
      what,
      wire(schema),
    );
    const messages = Array.isArray(answer.messages) ? answer.messages.map(String) : [];
    return { isCompatible: answer.is_compatible === true, messages };
  };
  if (against !== 'all') return ask(against);
  const messages: string[] = [];
  let isCompatible = true;
  for (const version of await versions()) {
    const result = await ask(version);
    if (result.isCompatible) continue;
    isCompatible = false;
    messages.push(...(result.messages.length ? result.messages : ['incompatible']).map((m) => `version ${version}: ${m}`));
  }
  return { isCompatible, messages };
}

interface RawSchema {
  schema: string;
  schemaType?: string;
  references?: SchemaInput['references'];
}

interface RawSubjectVersion extends RawSchema {
  subject?: string;
  id: number;
  version: number;
}

const TYPES: readonly SchemaType[] = ['AVRO', 'PROTOBUF', 'JSON'];

function normalizeSchema(raw: RawSchema): RegisteredSchema {
  const type = (raw.schemaType ?? 'AVRO').toUpperCase() as SchemaType;
  if (!TYPES.includes(type)) throw new UsageError(`the registry returned a schema of type ${raw.schemaType}, which ktool does not know`);
  return { schema: raw.schema, schemaType: type, references: raw.references ?? [] };
}

function normalizeSubjectVersion(raw: RawSubjectVersion, subject: string): SubjectVersion {
  return { subject: raw.subject ?? subject, id: raw.id, version: raw.version, ...normalizeSchema(raw) };
}

/** The request body: schemaType left out for AVRO (registries before 5.5 refuse the field), references only when there are some. */
function wire(schema: SchemaInput): Record<string, unknown> {
  const body: Record<string, unknown> = { schema: schema.schema };
  if (schema.schemaType && schema.schemaType !== 'AVRO') body.schemaType = schema.schemaType;
  if (schema.references?.length) body.references = schema.references;
  return body;
}

const configWhat = (subject?: string) =>
  subject === undefined ? 'the global compatibility level' : `the compatibility level of ${subject}`;
const modeWhat = (subject?: string) => (subject === undefined ? 'the global mode' : `the mode of ${subject}`);
