/**
 * `ktool schemas` against the real registry (Apicurio's Confluent API from the suite's
 * `local start --schema-registry`, or KTOOL_TEST_SCHEMA_REGISTRY): each verb's answer compared
 * with the registry's own REST answer for the same thing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';

const url = process.env.KTOOL_TEST_SCHEMA_REGISTRY ?? '';
const dir = mkdtempSync(join(tmpdir(), 'ktool-schemas-int-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const cli = (argv: string[]) => runCli([...argv, '--schema-registry', url]);
const rest = async (path: string) => (await fetch(`${url}${path}`)).json();
const order = (fields: object[]) => JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop', fields });
const V1 = order([{ name: 'id', type: 'string' }]);
const V2 = order([
  { name: 'id', type: 'string' },
  { name: 'amount', type: 'double', default: 0 },
]);
const BREAKING = order([{ name: 'id', type: 'int' }]);

describe('ktool schemas against the registry', needs('KTOOL_TEST_SCHEMA_REGISTRY'), () => {
  it('register, versions, get, get --id agree with the REST API; AVRO filled in where the registry leaves it out', async () => {
    const subject = uniqueName('schemas-int-value');
    const r1 = await cli(['schemas', 'register', subject, file('v1.avsc', V1), '--json']);
    expect(r1.code).toBe(0);
    const first = JSON.parse(r1.stdout);
    expect(first).toMatchObject({ subject, version: 1, schemaType: 'AVRO', new: true });
    const second = JSON.parse((await cli(['schemas', 'register', subject, file('v2.avsc', V2), '--json'])).stdout);
    expect(second).toMatchObject({ version: 2, new: true });
    expect(await rest(`/subjects/${subject}/versions`)).toEqual([1, 2]);
    const versions = JSON.parse((await cli(['schemas', 'versions', subject, '--json'])).stdout);
    expect(versions).toEqual([
      { version: 1, id: first.id, schemaType: 'AVRO', deleted: false },
      { version: 2, id: second.id, schemaType: 'AVRO', deleted: false },
    ]);
    const latest = (await rest(`/subjects/${subject}/versions/latest`)) as { id: number; schema: string };
    const got = JSON.parse((await cli(['schemas', 'get', subject, '--json'])).stdout);
    expect(got).toEqual({ subject, version: 2, id: latest.id, schemaType: 'AVRO', references: [], schema: latest.schema });
    expect((await cli(['schemas', 'get', `${subject}@1`, '--schema-only'])).stdout).toBe(
      `${((await rest(`/subjects/${subject}/versions/1`)) as { schema: string }).schema}\n`,
    );
    const byId = JSON.parse((await cli(['schemas', 'get', '--id', String(first.id), '--json'])).stdout);
    expect(byId.usedBy).toContainEqual({ subject, version: 1 });
    expect((await cli(['schemas', 'list', subject])).stdout).toBe(`SUBJECT\n${subject}\n`);
  });

  it("check and register of a breaking change: exit 6; the register names the registry's reason", async () => {
    const subject = uniqueName('schemas-int-compat-value');
    await cli(['schemas', 'register', subject, file('c1.avsc', V1)]);
    expect((await cli(['schemas', 'check', subject, file('c2.avsc', V2)])).code).toBe(0);
    const check = await cli(['schemas', 'check', subject, file('c3.avsc', BREAKING), '--all', '--json']);
    expect(check.code).toBe(6);
    expect(JSON.parse(check.stdout)).toMatchObject({ subject, against: 'all', compatible: false });
    const refused = await cli(['schemas', 'register', subject, join(dir, 'c3.avsc')]);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(new RegExp(`^error: schema is incompatible with subject ${subject}: .*INT.*STRING`));
    expect(await rest(`/subjects/${subject}/versions`)).toEqual([1]);
  });

  it('Protobuf and JSON Schema by extension/--type; config set per subject; diff; soft then permanent delete', async () => {
    const proto = uniqueName('schemas-int-proto-value');
    const p = await cli([
      'schemas',
      'register',
      proto,
      file('p.proto', 'syntax = "proto3";\npackage shop;\n\nmessage P {\n  string id = 1;\n}\n'),
      '--json',
    ]);
    expect(JSON.parse(p.stdout)).toMatchObject({ schemaType: 'PROTOBUF' });
    const json = uniqueName('schemas-int-json-value');
    const schema = JSON.stringify({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: { id: { type: 'string' } },
    });
    expect(JSON.parse((await cli(['schemas', 'register', json, file('e.json', schema), '--json'])).stdout)).toMatchObject({
      schemaType: 'JSON',
    });
    expect((await cli(['schemas', 'config', json, '--compatibility', 'FULL'])).stdout).toBe(`set: ${json}: FULL\n`);
    expect(await rest(`/config/${json}`)).toMatchObject({ compatibilityLevel: 'FULL' });

    const subject = uniqueName('schemas-int-diff-value');
    await cli(['schemas', 'register', subject, join(dir, 'v1.avsc')]);
    await cli(['schemas', 'register', subject, join(dir, 'v2.avsc')]);
    const diff = await cli(['schemas', 'diff', subject, '1', '2']);
    expect(diff.stdout).toContain('+      "name": "amount",\n');
    expect((await cli(['schemas', 'delete', `${subject}@1`, '--yes'])).code).toBe(0);
    expect(await rest(`/subjects/${subject}/versions`)).toEqual([2]);
    expect(JSON.parse((await cli(['schemas', 'delete', subject, '--permanent', '--yes', '--json'])).stdout)).toMatchObject({
      permanent: true,
    });
    expect(await rest(`/subjects?deleted=true`)).not.toContain(subject);
    expect((await cli(['schemas', 'get', subject])).code).toBe(3);
  });

  it('list PREFIX and --deleted, get @latest, a reference, global config, mode per subject, check with a reference', async () => {
    const prefix = uniqueName('schemas-int-ref');
    const money = `${prefix}.Money`;
    const pay = `${prefix}-value`;
    const moneyAvsc = JSON.stringify({ type: 'record', name: 'Money', namespace: 'shop', fields: [{ name: 'cents', type: 'long' }] });
    const payAvsc = JSON.stringify({
      type: 'record',
      name: 'Pay',
      namespace: 'shop',
      fields: [
        { name: 'id', type: 'string' },
        { name: 'amount', type: 'shop.Money' },
      ],
    });
    expect((await cli(['schemas', 'register', money, file('money.avsc', moneyAvsc), '--type', 'avro'])).code).toBe(0);
    const reg = await cli([
      'schemas',
      'register',
      pay,
      file('pay.avsc', payAvsc),
      '--type',
      'avro',
      '--reference',
      `shop.Money=${money}@1`,
    ]);
    expect(reg.code).toBe(0);
    expect(await rest(`/subjects/${pay}/versions/1`)).toMatchObject({ references: [{ name: 'shop.Money', subject: money, version: 1 }] });
    const latest = JSON.parse((await cli(['schemas', 'get', `${pay}@latest`, '--json'])).stdout);
    expect(latest).toMatchObject({ subject: pay, version: 1, references: [{ name: 'shop.Money', subject: money, version: 1 }] });
    expect((await cli(['schemas', 'get', '--id', String(latest.id), '--schema-only'])).stdout).toBe(
      `${((await rest(`/schemas/ids/${latest.id}`)) as { schema: string }).schema}\n`,
    );
    // Apicurio's compatibility endpoint does not resolve references: ktool says so and what checks instead.
    const check = await cli(['schemas', 'check', pay, join(dir, 'pay.avsc'), '--reference', `shop.Money=${money}@1`]);
    if (check.code !== 0)
      expect(check.stderr).toMatch(/hint: a schema with references: Apicurio's compatibility check does not resolve them/);

    expect((await cli(['schemas', 'list', prefix])).stdout).toBe(`SUBJECT\n${pay}\n${money}\n`);
    expect((await cli(['schemas', 'delete', pay, '--yes'])).code).toBe(0);
    expect((await cli(['schemas', 'list', prefix])).stdout).toBe(`SUBJECT\n${money}\n`);
    expect(JSON.parse((await cli(['schemas', 'list', prefix, '--deleted', '--json'])).stdout)).toEqual([
      { subject: pay, deleted: true },
      { subject: money, deleted: false },
    ]);
    expect(await rest(`/subjects?deleted=true`)).toContain(pay);

    const global = ((await rest('/config')) as { compatibilityLevel: string }).compatibilityLevel;
    expect(JSON.parse((await cli(['schemas', 'config', '--json'])).stdout)).toEqual({
      subject: null,
      compatibility: global,
      source: 'global',
    });
    expect((await cli(['schemas', 'mode', money, '--set', 'READONLY'])).code).toBe(0);
    expect(await rest(`/mode/${money}`)).toMatchObject({ mode: 'READONLY' });
    expect(JSON.parse((await cli(['schemas', 'mode', money, '--json'])).stdout)).toMatchObject({ subject: money, mode: 'READONLY' });
    expect((await cli(['schemas', 'mode', money, '--set', 'READWRITE'])).code).toBe(0);
    expect(JSON.parse((await cli(['schemas', 'mode', '--json'])).stdout)).toMatchObject({ subject: null, mode: 'READWRITE' });
  });
});
