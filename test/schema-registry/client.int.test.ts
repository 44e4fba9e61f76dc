/**
 * The REST client against the real registry the suite started (Apicurio's Confluent API, or
 * whatever KTOOL_TEST_SCHEMA_REGISTRY names): each answer as the registry gives it, and each error
 * as the typed ktool error it maps to.
 */
import { describe, expect, it } from 'vitest';
import { createSchemaRegistry } from '../../src/schema-registry/client.js';
import { IncompatibleSchemaError, RegistryCode, RegistryNotFoundError } from '../../src/schema-registry/errors.js';
import { ConnectionError, ExitCode } from '../../src/errors.js';
import { needs } from '../helpers/needs.js';
import { uniqueName } from '../helpers/cli.js';

const url = process.env.KTOOL_TEST_SCHEMA_REGISTRY ?? '';
const avro = (fields: object[]) => JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop', fields });
const V1 = avro([{ name: 'id', type: 'string' }]);
const V2 = avro([
  { name: 'id', type: 'string' },
  { name: 'amount', type: 'double', default: 0 },
]);
const BREAKING = avro([{ name: 'id', type: 'int' }]);

describe('schema registry client', needs('KTOOL_TEST_SCHEMA_REGISTRY'), () => {
  const open = () => createSchemaRegistry({ url, timeoutMs: 10_000, sources: { url: 'env', auth: 'default' } }, {});

  it('registers, looks up and reads back by id and by version; AVRO when schemaType is absent', async () => {
    const registry = await open();
    try {
      const subject = uniqueName('orders-value');
      const id = await registry.register(subject, { schema: V1 });
      expect(await registry.register(subject, { schema: V1 })).toBe(id);
      expect(await registry.getSchemaById(id)).toEqual({ schema: expect.any(String), schemaType: 'AVRO', references: [] });
      expect(JSON.parse((await registry.getSchemaById(id)).schema)).toEqual(JSON.parse(V1));
      const latest = await registry.getSubjectVersion(subject, 'latest');
      expect(latest).toMatchObject({ subject, id, version: 1, schemaType: 'AVRO', references: [] });
      expect(await registry.lookupSchema(subject, { schema: V1 })).toMatchObject({ subject, id, version: 1 });
      expect(await registry.lookupSchema(subject, { schema: V2 })).toBeUndefined();
      expect(await registry.lookupSchema(uniqueName('none'), { schema: V1 })).toBeUndefined();
      expect(await registry.listSubjects({ prefix: subject })).toEqual([subject]);
      expect(await registry.subjectVersionsOfId(id)).toContainEqual({ subject, version: 1 });
    } finally {
      registry.close();
    }
  });

  it('checks compatibility against the latest and every version, and refuses an incompatible register with exit 6', async () => {
    const registry = await open();
    try {
      const subject = uniqueName('compat-value');
      await registry.register(subject, { schema: V1 });
      await registry.register(subject, { schema: V2 });
      expect(await registry.listVersions(subject)).toEqual([1, 2]);
      expect(await registry.checkCompatibility(subject, { schema: V2 }, 'latest')).toMatchObject({ isCompatible: true });
      expect(await registry.checkCompatibility(subject, { schema: BREAKING }, 'latest')).toMatchObject({ isCompatible: false });
      const all = await registry.checkCompatibility(subject, { schema: BREAKING }, 'all');
      expect(all.isCompatible).toBe(false);
      expect(all.messages.some((m) => m.startsWith('version 1: '))).toBe(true);
      const error = await registry.register(subject, { schema: BREAKING }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IncompatibleSchemaError);
      expect((error as IncompatibleSchemaError).exitCode).toBe(ExitCode.check);
      expect((error as IncompatibleSchemaError).reasons.length).toBeGreaterThan(0);
    } finally {
      registry.close();
    }
  });

  it('maps unknown ids, subjects and versions to not found (exit 3) with the registry code', async () => {
    const registry = await open();
    try {
      const missing = uniqueName('missing');
      const byId = await registry.getSchemaById(987_654_321).catch((e: unknown) => e);
      expect(byId).toBeInstanceOf(RegistryNotFoundError);
      expect((byId as RegistryNotFoundError).registryCode).toBe(RegistryCode.schemaNotFound);
      expect((byId as RegistryNotFoundError).exitCode).toBe(ExitCode.notFound);
      const bySubject = await registry.getSubjectVersion(missing, 'latest').catch((e: unknown) => e);
      expect((bySubject as RegistryNotFoundError).registryCode).toBe(RegistryCode.subjectNotFound);
      const subject = uniqueName('versions-value');
      await registry.register(subject, { schema: V1 });
      const byVersion = await registry.getSubjectVersion(subject, 7).catch((e: unknown) => e);
      expect(byVersion).toBeInstanceOf(RegistryNotFoundError);
    } finally {
      registry.close();
    }
  });

  it('gets and sets compatibility levels and modes; soft then permanent deletes', async () => {
    const registry = await open();
    try {
      expect(await registry.getCompatibility()).toBe('BACKWARD');
      const subject = uniqueName('config-value');
      await registry.register(subject, { schema: V1 });
      expect(await registry.setCompatibility('FULL', subject)).toBe('FULL');
      expect(await registry.getCompatibility(subject)).toBe('FULL');
      expect(await registry.getMode()).toBe('READWRITE');
      expect(await registry.deleteSubject(subject)).toEqual([1]);
      expect(await registry.listSubjects({ prefix: subject })).toEqual([]);
      expect(await registry.listSubjects({ prefix: subject, deleted: true })).toEqual([subject]);
      expect(await registry.deleteSubject(subject, { permanent: true })).toEqual([1]);
      expect(await registry.listSubjects({ prefix: subject, deleted: true })).toEqual([]);
    } finally {
      registry.close();
    }
  });

  it('registers Protobuf and JSON Schema with their schemaType, and a reference', async () => {
    const registry = await open();
    try {
      const proto = 'syntax = "proto3";\npackage shop;\n\nmessage Payment {\n  string id = 1;\n}\n';
      const protoId = await registry.register(uniqueName('payments-value'), { schema: proto, schemaType: 'PROTOBUF' });
      expect((await registry.getSchemaById(protoId)).schemaType).toBe('PROTOBUF');
      const json = JSON.stringify({ type: 'object', properties: { id: { type: 'string' } } });
      const jsonId = await registry.register(uniqueName('events-value'), { schema: json, schemaType: 'JSON' });
      expect((await registry.getSchemaById(jsonId)).schemaType).toBe('JSON');
      const money = uniqueName('shop.Money');
      await registry.register(money, {
        schema: JSON.stringify({ type: 'record', name: 'Money', namespace: 'shop', fields: [{ name: 'cents', type: 'long' }] }),
      });
      const references = [{ name: 'shop.Money', subject: money, version: 1 }];
      const withRef = JSON.stringify({
        type: 'record',
        name: 'Invoice',
        namespace: 'shop',
        fields: [{ name: 'total', type: 'shop.Money' }],
      });
      const id = await registry.register(uniqueName('invoices-value'), { schema: withRef, references });
      expect((await registry.getSchemaById(id)).references).toEqual(references);
      expect(await registry.referencedBy(money, 1)).toEqual([id]);
    } finally {
      registry.close();
    }
  });

  it('an unreachable registry is a connection error (exit 4) in one line', async () => {
    const registry = await createSchemaRegistry(
      { url: 'http://127.0.0.1:1/apis/ccompat/v7', timeoutMs: 2000, sources: { url: 'flag', auth: 'default' } },
      {},
    );
    const error = await registry.listSubjects().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe('cannot reach the schema registry at http://127.0.0.1:1/apis/ccompat/v7: connection refused');
  });
});
