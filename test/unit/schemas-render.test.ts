/** Tier 2 for `ktool schemas`: each verb run in-process against the fake registry; stdout, stderr and exit codes exactly. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { fakeSchemaRegistry, type FakeSchemaRegistry } from '../helpers/fake-schema-registry.js';

const dir = mkdtempSync(join(tmpdir(), 'ktool-schemas-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const V1 = '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}';
const V2 = '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"n","type":"int","default":0}]}';
const env = { KTOOL_CONFIG: join(dir, 'config.yaml'), KTOOL_SCHEMA_REGISTRY: 'http://sr:8081', KTOOL_BROKERS: undefined };

let fake: FakeSchemaRegistry;
const cli = (argv: string[], o: { tty?: boolean; stdin?: string; env?: Record<string, string | undefined> } = {}) =>
  runCli(argv, { ...o, env: { ...env, ...o.env }, deps: { schemaRegistryFactory: fake.factory } });

beforeEach(async () => {
  fake = fakeSchemaRegistry({
    compatible: (_s, schema) =>
      schema.schema.includes('"long"')
        ? { isCompatible: false, messages: ['field id: type changed from string to long'] }
        : { isCompatible: true, messages: [] },
  });
  await fake.register('orders-value', { schema: V1 });
  await fake.register('orders-value', { schema: V2 });
  await fake.register('payments-value', { schema: 'syntax = "proto3";\nmessage P { string id = 1; }\n', schemaType: 'PROTOBUF' });
});

describe('schemas list / versions / get', () => {
  it('list: a table, plain; json with deleted marks', async () => {
    expect(await cli(['schemas', 'list'])).toEqual({ code: 0, stderr: '', stdout: 'SUBJECT\norders-value\npayments-value\n' });
    await fake.deleteSubject('payments-value');
    expect(JSON.parse((await cli(['schemas', 'list', '--deleted', '--json'])).stdout)).toEqual([
      { subject: 'orders-value', deleted: false },
      { subject: 'payments-value', deleted: true },
    ]);
    expect(fake.settings).toMatchObject({ url: 'http://sr:8081', sources: { url: 'env' } });
  });

  it('versions: version, id, type', async () => {
    expect((await cli(['schemas', 'versions', 'orders-value'])).stdout).toBe('VERSION  ID  TYPE\n      1   1  AVRO\n      2   2  AVRO\n');
  });

  it('get: the facts, then the schema pretty-printed; --schema-only the text as stored; --id with its users', async () => {
    const r = await cli(['schemas', 'get', 'orders-value@1']);
    expect(r.stdout).toBe(
      'subject:    orders-value\nversion:    1\nid:         1\ntype:       AVRO\n\n' +
        '{\n  "type": "record",\n  "name": "Order",\n  "fields": [\n    {\n      "name": "id",\n      "type": "string"\n    }\n  ]\n}\n',
    );
    expect((await cli(['schemas', 'get', 'orders-value', '--schema-only'])).stdout).toBe(`${V2}\n`);
    expect(JSON.parse((await cli(['schemas', 'get', '--id', '3', '--json'])).stdout)).toEqual({
      id: 3,
      schemaType: 'PROTOBUF',
      references: [],
      schema: 'syntax = "proto3";\nmessage P { string id = 1; }\n',
      usedBy: [{ subject: 'payments-value', version: 1 }],
    });
  });

  it('unknown subject, version, id: exit 3 in one line', async () => {
    expect(await cli(['schemas', 'get', 'nope'])).toEqual({
      code: 3,
      stdout: '',
      stderr: "error: subject nope not found (Subject 'nope' not found)\n",
    });
    expect((await cli(['schemas', 'get', 'orders-value@9'])).stderr).toBe(
      'error: version 9 of subject orders-value not found (Version 9 not found)\n',
    );
    expect((await cli(['schemas', 'get', '--id', '99'])).code).toBe(3);
  });
});

describe('schemas register / check', () => {
  it('register: new version, then the same schema again', async () => {
    const f = file('v3.avsc', V2.replace('"default":0', '"default":1'));
    expect(await cli(['schemas', 'register', 'orders-value', f])).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Registered: orders-value version 3, schema id 4 (AVRO)\n',
    });
    expect(JSON.parse((await cli(['schemas', 'register', 'orders-value', f, '--json'])).stdout)).toEqual({
      subject: 'orders-value',
      id: 4,
      version: 3,
      schemaType: 'AVRO',
      new: false,
    });
  });

  it('register an incompatible schema: exit 6 with the reasons; a file that is not JSON: exit 2 before any request', async () => {
    const bad = file('bad.avsc', V1.replace('"string"', '"long"'));
    expect(await cli(['schemas', 'register', 'orders-value', bad])).toEqual({
      code: 6,
      stdout: '',
      stderr:
        'error: schema is incompatible with subject orders-value: field id: type changed from string to long\n' +
        "hint: the subject's compatibility level decides (ktool schemas config SUBJECT)\n",
    });
    fake.calls.length = 0;
    const r = await cli(['schemas', 'register', 'orders-value', file('broken.avsc', '{"type": ')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*broken\.avsc: not valid JSON, so not an Avro schema/);
    expect(fake.calls).toEqual([]);
  });

  it('check: compatible exit 0; incompatible exit 6 listing reasons, per version with --all', async () => {
    expect(await cli(['schemas', 'check', 'orders-value', file('ok.avsc', V2)])).toEqual({
      code: 0,
      stderr: '',
      stdout: 'compatible with orders-value\n',
    });
    const bad = file('bad2.avsc', V1.replace('"string"', '"long"'));
    expect(await cli(['schemas', 'check', 'orders-value', bad, '--all'])).toEqual({
      code: 6,
      stderr: '',
      stdout:
        'INCOMPATIBLE with every version of orders-value\n' +
        '  version 1: field id: type changed from string to long\n  version 2: field id: type changed from string to long\n',
    });
    expect(JSON.parse((await cli(['schemas', 'check', 'orders-value', bad, '--json'])).stdout)).toEqual({
      subject: 'orders-value',
      against: 'latest',
      compatible: false,
      messages: ['field id: type changed from string to long'],
    });
  });
});

describe('schemas config / mode / diff / delete', () => {
  it('config: global, a subject following the global level, set', async () => {
    expect((await cli(['schemas', 'config'])).stdout).toBe('global: BACKWARD\n');
    expect((await cli(['schemas', 'config', 'orders-value'])).stdout).toBe('orders-value: BACKWARD (global)\n');
    expect((await cli(['schemas', 'config', 'orders-value', '--compatibility', 'FULL'])).stdout).toBe('set: orders-value: FULL\n');
    expect(JSON.parse((await cli(['schemas', 'config', 'orders-value', '--json'])).stdout)).toEqual({
      subject: 'orders-value',
      compatibility: 'FULL',
      source: 'subject',
    });
    expect((await cli(['schemas', 'mode'])).stdout).toBe('global: READWRITE\n');
  });

  it('diff: a unified diff of the pretty-printed versions; identical versions say so', async () => {
    const r = await cli(['schemas', 'diff', 'orders-value', '1', '2', '-U', '1']);
    expect(r.stdout).toBe(
      '--- orders-value version 1 (id 1)\n+++ orders-value version 2 (id 2)\n@@ -7,2 +7,7 @@\n' +
        '       "type": "string"\n+    },\n+    {\n+      "name": "n",\n+      "type": "int",\n+      "default": 0\n     }\n',
    );
    expect((await cli(['schemas', 'diff', 'orders-value', '2', 'latest'])).stdout).toBe(
      'orders-value versions 2 and 2 are identical (id 2)\n',
    );
  });

  it('delete: off a terminal needs --yes (exit 2, nothing deleted); on one asks; --permanent soft-deletes first', async () => {
    const offTty = await cli(['schemas', 'delete', 'orders-value']);
    expect(offTty.code).toBe(2);
    expect(offTty.stderr.split('\n')[0]).toBe(
      'error: delete subject orders-value (versions 1, 2): needs confirmation and standard input is not a terminal',
    );
    expect(await fake.listVersions('orders-value')).toEqual([1, 2]);
    const no = await cli(['schemas', 'delete', 'orders-value@1'], { tty: true, stdin: 'n\n' });
    expect(no.code).toBe(1);
    const yes = await cli(['schemas', 'delete', 'orders-value@1'], { tty: true, stdin: 'y\n' });
    expect(yes.stdout).toBe('Deleted (soft) version 1 of subject orders-value: version(s) 1\n');
    expect(await fake.listVersions('orders-value')).toEqual([2]);
    const hard = await cli(['schemas', 'delete', 'orders-value', '--permanent', '--yes', '--json']);
    expect(JSON.parse(hard.stdout)).toEqual({ subject: 'orders-value', versions: [1, 2], permanent: true });
    expect(await fake.listSubjects({ deleted: true })).toEqual(['payments-value']);
  });
});

describe('schemas without a usable registry', () => {
  it('none configured: exit 2 naming the ways to set one', async () => {
    const r = await cli(['schemas', 'list'], { env: { KTOOL_SCHEMA_REGISTRY: undefined } });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: no schema registry configured\nhint: pass --schema-registry URL, set KTOOL_SCHEMA_REGISTRY, schema.registry.url in ' +
        '--command-config, or a profile with one (ktool local start --schema-registry makes one)\n',
    });
  });

  it('unreachable: exit 4, one line (and the hint)', async () => {
    fake = fakeSchemaRegistry({ failWith: new ConnectionError('cannot reach the schema registry at http://sr:8081: connection refused') });
    const r = await cli(['schemas', 'list']);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('error: cannot reach the schema registry at http://sr:8081: connection refused\n');
  });
});
