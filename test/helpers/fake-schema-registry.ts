/**
 * An in-memory Schema Registry behind the `SchemaRegistry` interface, for tier-2 tests
 * (`runCli(argv, { deps: { schemaRegistryFactory: fake.factory } })`). It keeps Confluent's rules
 * that the commands rely on: ids are per distinct schema (shared across subjects), versions count
 * from 1, soft deletes hide a version until a permanent delete removes it, and errors are the
 * typed errors the real client throws for the same registry answer (src/schema-registry/errors.ts).
 * Compatibility is whatever `compatible` says (default: everything is compatible).
 */
import { registryError, RegistryCode } from '../../src/schema-registry/errors.js';
import type {
  CompatibilityLevel,
  CompatibilityResult,
  RegisteredSchema,
  RegistryMode,
  SchemaInput,
  SchemaRegistry,
  SchemaRegistrySettings,
  SubjectVersion,
} from '../../src/schema-registry/types.js';

interface StoredVersion {
  version: number;
  id: number;
  deleted: boolean;
}

export interface FakeSchemaRegistry extends SchemaRegistry {
  factory: (settings: SchemaRegistrySettings) => SchemaRegistry;
  /** The settings the command resolved (to check flags, env and profile precedence). */
  settings?: SchemaRegistrySettings;
  /** Every call, as `method arg...` (to check what a command asked). */
  calls: string[];
}

export interface FakeRegistryOptions {
  url?: string;
  compatible?: (subject: string, schema: SchemaInput, against: number) => CompatibilityResult;
  /** Thrown by every call (a registry that is down, refuses credentials ...). */
  failWith?: Error;
}

const URL = 'http://fake-registry:8081';

export function fakeSchemaRegistry(options: FakeRegistryOptions = {}): FakeSchemaRegistry {
  const url = options.url ?? URL;
  const schemas: RegisteredSchema[] = [];
  const subjects = new Map<string, StoredVersion[]>();
  const compat = new Map<string, CompatibilityLevel>([['', 'BACKWARD']]);
  const modes = new Map<string, RegistryMode>([['', 'READWRITE']]);
  const calls: string[] = [];
  const fail = (status: number, code: number, message: string, what: string): never => {
    throw registryError(status, { error_code: code, message }, what, url);
  };
  const guard = (call: string) => {
    calls.push(call);
    if (options.failWith) throw options.failWith;
  };
  const idOf = (input: SchemaInput) => {
    const schema = { schema: input.schema, schemaType: input.schemaType ?? 'AVRO', references: input.references ?? [] };
    const key = JSON.stringify(schema);
    const found = schemas.findIndex((s) => JSON.stringify(s) === key);
    if (found >= 0) return found + 1;
    schemas.push(schema);
    return schemas.length;
  };
  const versionsOf = (subject: string, deleted = false) => {
    const all = subjects.get(subject)?.filter((v) => deleted || !v.deleted);
    if (!all?.length) fail(404, RegistryCode.subjectNotFound, `Subject '${subject}' not found.`, `subject ${subject}`);
    return all!;
  };
  const pick = (subject: string, version: number | 'latest', deleted = false): StoredVersion => {
    const all = versionsOf(subject, deleted);
    const found = version === 'latest' ? all[all.length - 1] : all.find((v) => v.version === version);
    if (!found) fail(404, RegistryCode.versionNotFound, `Version ${version} not found.`, `version ${version} of subject ${subject}`);
    return found!;
  };
  const full = (subject: string, v: StoredVersion): SubjectVersion => ({ subject, id: v.id, version: v.version, ...schemas[v.id - 1] });
  const check = (subject: string, schema: SchemaInput, against: number) =>
    options.compatible?.(subject, schema, against) ?? { isCompatible: true, messages: [] };

  const registry: FakeSchemaRegistry = {
    url,
    calls,
    factory(settings) {
      registry.settings = settings;
      return registry;
    },
    async getSchemaById(id) {
      guard(`getSchemaById ${id}`);
      return schemas[id - 1] ?? fail(404, RegistryCode.schemaNotFound, `Schema ${id} not found.`, `schema id ${id}`);
    },
    async subjectVersionsOfId(id) {
      guard(`subjectVersionsOfId ${id}`);
      if (!schemas[id - 1]) fail(404, RegistryCode.schemaNotFound, `Schema ${id} not found.`, `schema id ${id}`);
      return [...subjects].flatMap(([subject, vs]) =>
        vs.filter((v) => v.id === id && !v.deleted).map((v) => ({ subject, version: v.version })),
      );
    },
    async getSubjectVersion(subject, version, o = {}) {
      guard(`getSubjectVersion ${subject} ${version}`);
      return full(subject, pick(subject, version, o.deleted));
    },
    async lookupSchema(subject, schema, o = {}) {
      guard(`lookupSchema ${subject}`);
      const key = JSON.stringify({ schema: schema.schema, schemaType: schema.schemaType ?? 'AVRO', references: schema.references ?? [] });
      const v = subjects.get(subject)?.find((s) => (o.deleted || !s.deleted) && JSON.stringify(schemas[s.id - 1]) === key);
      return v && full(subject, v);
    },
    async register(subject, schema) {
      guard(`register ${subject}`);
      const existing = await registry.lookupSchema(subject, schema);
      if (existing) return existing.id;
      const live = subjects.get(subject)?.filter((v) => !v.deleted) ?? [];
      if (live.length) {
        const result = check(subject, schema, live[live.length - 1].version);
        if (!result.isCompatible) fail(409, RegistryCode.incompatible, result.messages.join('\n') || 'incompatible', `subject ${subject}`);
      }
      const id = idOf(schema);
      const all = subjects.get(subject) ?? [];
      all.push({ version: (all[all.length - 1]?.version ?? 0) + 1, id, deleted: false });
      subjects.set(subject, all);
      return id;
    },
    async listSubjects(o = {}) {
      guard('listSubjects');
      return [...subjects]
        .filter(([name, vs]) => vs.length && (o.deleted || vs.some((v) => !v.deleted)) && (!o.prefix || name.startsWith(o.prefix)))
        .map(([name]) => name)
        .sort();
    },
    async listVersions(subject, o = {}) {
      guard(`listVersions ${subject}`);
      return versionsOf(subject, o.deleted).map((v) => v.version);
    },
    async referencedBy(subject, version) {
      guard(`referencedBy ${subject} ${version}`);
      pick(subject, version);
      return schemas.flatMap((s, i) => (s.references.some((r) => r.subject === subject && r.version === version) ? [i + 1] : []));
    },
    async deleteSubject(subject, o = {}) {
      guard(`deleteSubject ${subject}${o.permanent ? ' permanent' : ''}`);
      const all = versionsOf(subject, true);
      if (o.permanent) {
        if (all.some((v) => !v.deleted))
          fail(404, RegistryCode.subjectNotSoftDeleted, `Subject '${subject}' was not deleted first.`, `subject ${subject}`);
        subjects.delete(subject);
        return all.map((v) => v.version);
      }
      const live = all.filter((v) => !v.deleted);
      if (!live.length) fail(404, RegistryCode.subjectSoftDeleted, `Subject '${subject}' was soft deleted.`, `subject ${subject}`);
      for (const v of live) v.deleted = true;
      return live.map((v) => v.version);
    },
    async deleteVersion(subject, version, o = {}) {
      guard(`deleteVersion ${subject} ${version}${o.permanent ? ' permanent' : ''}`);
      const v = pick(subject, version, o.permanent);
      if (o.permanent) {
        subjects.set(
          subject,
          versionsOf(subject, true).filter((x) => x !== v),
        );
      } else v.deleted = true;
      return v.version;
    },
    async getCompatibility(subject) {
      guard(`getCompatibility ${subject ?? ''}`);
      return compat.get(subject ?? '');
    },
    async setCompatibility(level, subject) {
      guard(`setCompatibility ${level} ${subject ?? ''}`);
      compat.set(subject ?? '', level);
      return level;
    },
    async deleteCompatibility(subject) {
      guard(`deleteCompatibility ${subject}`);
      compat.delete(subject);
    },
    async getMode(subject) {
      guard(`getMode ${subject ?? ''}`);
      return modes.get(subject ?? '');
    },
    async setMode(mode, subject) {
      guard(`setMode ${mode} ${subject ?? ''}`);
      modes.set(subject ?? '', mode);
      return mode;
    },
    async checkCompatibility(subject, schema, against) {
      guard(`checkCompatibility ${subject} ${against}`);
      const all = versionsOf(subject);
      const targets = against === 'all' ? all : [pick(subject, against)];
      const messages: string[] = [];
      let isCompatible = true;
      for (const v of targets) {
        const r = check(subject, schema, v.version);
        if (r.isCompatible) continue;
        isCompatible = false;
        messages.push(...(against === 'all' ? r.messages.map((m) => `version ${v.version}: ${m}`) : r.messages));
      }
      return { isCompatible, messages };
    },
    async schemaTypes() {
      guard('schemaTypes');
      return ['JSON', 'PROTOBUF', 'AVRO'];
    },
    close() {},
  };
  return registry;
}
