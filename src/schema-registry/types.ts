/**
 * Types of the Schema Registry client, type-only (importing them loads nothing). The client is
 * src/schema-registry/client.ts; commands reach it through `ctx.schemaRegistry()`.
 */
import type { SecretSource, SettingSource } from '../config/connection.js';

/** The registry's names for the schema languages; a schema without `schemaType` is AVRO. */
export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

/** A named import of another registered schema (`import "x.proto"`, an Avro named type, a JSON `$ref`). */
export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

/** A schema as the registry stores it: the text, its language and its references. */
export interface RegisteredSchema {
  schema: string;
  schemaType: SchemaType;
  references: SchemaReference[];
}

/** What is sent to register, look up or check: the language defaults to AVRO, references to none. */
export interface SchemaInput {
  schema: string;
  schemaType?: SchemaType;
  references?: SchemaReference[];
}

/** One version of a subject. */
export interface SubjectVersion extends RegisteredSchema {
  subject: string;
  id: number;
  version: number;
}

export const COMPATIBILITY_LEVELS = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
] as const;
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

export const REGISTRY_MODES = ['READWRITE', 'READONLY', 'IMPORT'] as const;
export type RegistryMode = (typeof REGISTRY_MODES)[number];

/** A compatibility check's answer; `messages` is empty when the registry gives no reasons (Apicurio never does). */
export interface CompatibilityResult {
  isCompatible: boolean;
  messages: string[];
}

/**
 * The registry as ktool uses it (Confluent's REST API; Apicurio serves it under /apis/ccompat/v7).
 * Errors are ktool's typed errors (src/schema-registry/errors.ts): unreachable -> ConnectionError
 * (exit 4), 401/403 -> AuthenticationError (exit 4), unknown subject/version/id -> NotFoundError
 * (exit 3), an incompatible schema -> IncompatibleSchemaError (exit 6), a schema the registry
 * refuses as invalid -> UsageError (exit 2). Each carries the registry's `registryCode` (40401 ...).
 */
export interface SchemaRegistry {
  /** The base URL as shown to people: no credentials in it. */
  readonly url: string;
  /** GET /schemas/ids/N, cached for the client's life (ids are immutable). */
  getSchemaById(id: number): Promise<RegisteredSchema>;
  /** The subjects and versions that use schema id N (GET /schemas/ids/N/versions). */
  subjectVersionsOfId(id: number): Promise<{ subject: string; version: number }[]>;
  getSubjectVersion(subject: string, version: number | 'latest', options?: { deleted?: boolean }): Promise<SubjectVersion>;
  /** POST /subjects/S: the version of `subject` that holds this schema, or undefined when none does (or no such subject). */
  lookupSchema(subject: string, schema: SchemaInput, options?: { deleted?: boolean }): Promise<SubjectVersion | undefined>;
  /** POST /subjects/S/versions: the schema's id (the existing one when already registered). */
  register(subject: string, schema: SchemaInput, options?: { normalize?: boolean }): Promise<number>;
  /** Subject names, sorted; `deleted` includes soft-deleted ones; `prefix` filters. */
  listSubjects(options?: { deleted?: boolean; prefix?: string }): Promise<string[]>;
  listVersions(subject: string, options?: { deleted?: boolean }): Promise<number[]>;
  /** Ids of the schemas that reference this subject version. */
  referencedBy(subject: string, version: number): Promise<number[]>;
  /** The versions deleted. Soft unless `permanent` (which needs a soft delete first, as in Confluent). */
  deleteSubject(subject: string, options?: { permanent?: boolean }): Promise<number[]>;
  deleteVersion(subject: string, version: number | 'latest', options?: { permanent?: boolean }): Promise<number>;
  /** The global level, or the subject's own (undefined when the subject has none set). */
  getCompatibility(subject?: string): Promise<CompatibilityLevel | undefined>;
  setCompatibility(level: CompatibilityLevel, subject?: string): Promise<CompatibilityLevel>;
  /** Removes a subject's own level: it follows the global one again. */
  deleteCompatibility(subject: string): Promise<void>;
  getMode(subject?: string): Promise<RegistryMode | undefined>;
  setMode(mode: RegistryMode, subject?: string, options?: { force?: boolean }): Promise<RegistryMode>;
  /** Against one version, the latest, or every version (`all`, as a *_TRANSITIVE level does). */
  checkCompatibility(subject: string, schema: SchemaInput, against: number | 'latest' | 'all'): Promise<CompatibilityResult>;
  /** The schema languages the registry supports. */
  schemaTypes(): Promise<string[]>;
  /** Closes idle keep-alive sockets. */
  close(): void;
}

/** Where and how to reach the registry, after precedence (src/config/resolve.ts resolveSchemaRegistry). */
export interface SchemaRegistrySettings {
  /** Base URL including its path (http://host:8081, http://host:8080/apis/ccompat/v7), credentials removed. */
  url: string;
  username?: string;
  password?: SecretSource;
  /** Bearer token (Authorization: Bearer ...), instead of basic auth. */
  token?: SecretSource;
  /** PEM paths or inline PEM text. */
  tls?: { ca?: string; cert?: string; key?: string; insecureSkipVerify?: boolean };
  timeoutMs: number;
  sources: { url: SettingSource; auth: SettingSource | 'url' };
}
