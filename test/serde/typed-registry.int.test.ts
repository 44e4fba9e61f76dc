/**
 * Typed produce and consume against the real registry (Apicurio's Confluent API from the suite's
 * `local start --schema-registry`, or KTOOL_TEST_SCHEMA_REGISTRY) and the real broker: the plain
 * formats (json, string, bytes) for keys and values, a value encoded with `--value-schema-id N`
 * (its 5-byte header read back with kcat), the record and topic-record subject strategies, a typed
 * Avro key, and `schemas register --reference NAME=SUBJECT@latest` (a Protobuf import). Each test
 * has its own topics and subjects (an Avro namespace of its own for the record strategy) and
 * removes them, subjects permanently.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';

const url = process.env.KTOOL_TEST_SCHEMA_REGISTRY ?? '';
const dir = mkdtempSync(join(tmpdir(), 'ktool-typed-int-'));
const topics: string[] = [];
/** Subjects in registration order; removed in reverse (a referencing subject before the one it references). */
const subjects: string[] = [];

afterAll(async () => {
  if (topics.length) await runCli(['topics', 'delete', '--yes', ...topics]);
  for (const s of [...subjects].reverse()) await cli(['schemas', 'delete', s, '--permanent', '--yes']);
  rmSync(dir, { recursive: true, force: true });
});

// KTOOL_TIMEOUT: the shared registry is a JVM on a loaded machine; more than the default 10 s for an answer.
const cli = (argv: string[], stdin?: string) => runCli(argv, { env: { KTOOL_SCHEMA_REGISTRY: url, KTOOL_TIMEOUT: '60s' }, stdin });
async function ok(argv: string[], stdin?: string) {
  const r = await cli(argv, stdin);
  expect(r.code, `ktool ${argv.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
async function topic(prefix: string): Promise<string> {
  const t = uniqueName(prefix);
  await ok(['topics', 'create', t]);
  topics.push(t);
  return t;
}
/** GET on the registry's REST API: [status, body]. */
async function rest(path: string): Promise<[number, unknown]> {
  const res = await fetch(`${url}${path}`);
  return [res.status, await res.json()];
}
const latestId = async (subject: string) =>
  ((await rest(`/subjects/${encodeURIComponent(subject)}/versions/latest`))[1] as { id: number }).id;

type Envelope = Record<string, unknown> & { key: unknown; value: unknown };

/** The topic's records as `consume --json` envelopes, read again until `n` are there (60 s deadline). */
async function envelopes(t: string, n: number, extra: string[] = []): Promise<Envelope[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await ok(['consume', t, '-e', '--json', ...extra]);
    const rows = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Envelope);
    if (rows.length >= n || Date.now() > deadline) {
      expect(rows).toHaveLength(n);
      return rows;
    }
    await sleep(500);
  }
}

/** Key and value bytes of every record, as the broker has them (kcat, not ktool). */
function rawRecords(t: string, n: number): { key: Buffer; value: Buffer }[] {
  const out = execFileSync(
    'kcat',
    ['-C', '-e', '-q', '-b', process.env.KTOOL_TEST_BOOTSTRAP!, '-t', t, '-c', String(n), '-f', '%K|%k|%S|%s|'],
    { timeout: 60_000, maxBuffer: 16 << 20 },
  );
  // %K and %S print the key and value lengths (-1 for null), each field then ends with a |.
  let at = 0;
  const take = () => {
    const bar = out.indexOf('|', at);
    const len = Math.max(0, Number(out.subarray(at, bar).toString('latin1')));
    const bytes = out.subarray(bar + 1, bar + 1 + len);
    at = bar + 2 + len;
    return bytes;
  };
  const records: { key: Buffer; value: Buffer }[] = [];
  while (at < out.length) records.push({ key: take(), value: take() });
  return records;
}

/** Avro binary of a string (zigzag varint length, then UTF-8) and of a small int. */
const avroString = (s: string) => Buffer.concat([Buffer.from([Buffer.byteLength(s) * 2]), Buffer.from(s)]);
const avroInt = (n: number) => Buffer.from([n * 2]);
const header = (id: number) => Buffer.from([0, id >>> 24, (id >>> 16) & 255, (id >>> 8) & 255, id & 255]);

describe('typed produce and consume through the schema registry', needs('KTOOL_TEST_BOOTSTRAP', 'KTOOL_TEST_SCHEMA_REGISTRY'), () => {
  it('--value-format/--key-format json, string and bytes: sent as written, read back byte for byte', { timeout: 240_000 }, async () => {
    const t = await topic('typed-plain');
    const json = '{"n": 12345678901234567891, "tags": ["a", null], "ok": true}';
    await ok(['produce', t, '-K', '\t', '--key-format', 'string', '--value-format', 'json', '-q'], `k-1\t${json}\n`);
    await ok(['produce', t, '-K', '\t', '--key-format', 'json', '--value-format', 'string', '-q'], '{"id": 7}\tplain text ☃\n');
    await ok(['produce', t, '-K', '\t', '--key-format', 'bytes', '--value-format', 'bytes', '-q'], 'AAH/\taGVsbG8AAf8=\n');
    // Lines the format refuses: exit 1 with the line and the side, nothing sent.
    const badJson = await cli(['produce', t, '--value-format', 'json'], '{"a":1\n');
    expect(badJson.code).toBe(1);
    expect(badJson.stderr).toMatch(/^error: line 1: value: not valid JSON/m);
    const badKey = await cli(['produce', t, '-K', '\t', '--key-format', 'bytes'], 'a\tv\n');
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toMatch(/^error: line 1: key: not valid base64/m);

    const expected = [
      { key: Buffer.from('k-1'), value: Buffer.from(json) },
      { key: Buffer.from('{"id": 7}'), value: Buffer.from('plain text ☃') },
      { key: Buffer.from([0, 1, 255]), value: Buffer.from([...Buffer.from('hello'), 0, 1, 255]) },
    ];
    const hex = await envelopes(t, 3, ['--key-encoding', 'hex', '--value-encoding', 'hex']);
    expect(hex.map((e) => [e.key, e.value])).toEqual(expected.map((e) => [e.key.toString('hex'), e.value.toString('hex')]));
    expect(rawRecords(t, 3)).toEqual(expected);
    // The default output: text as text, the JSON value as written, bytes that are not UTF-8 in base64.
    const shown = await envelopes(t, 3);
    expect(shown[0]).toMatchObject({ key: 'k-1', value: json });
    expect(shown[1]).toMatchObject({ key: '{"id": 7}', value: 'plain text ☃' });
    expect(shown[2]).toMatchObject({ key: 'AAH/', keyEncoding: 'base64', value: 'aGVsbG8AAf8=', valueEncoding: 'base64' });
    expect(shown.some((e) => 'valueSchemaId' in e || 'keySchemaId' in e)).toBe(false);
  });

  it(
    '--value-schema-id N: the records carry that id in their 5-byte header, no subject is used or made',
    { timeout: 240_000 },
    async () => {
      const t = await topic('typed-by-id');
      const subject = uniqueName('typed-by-id-schema');
      const schema = JSON.stringify({
        type: 'record',
        name: 'Reading',
        namespace: 'typed.int',
        fields: [
          { name: 'sensor', type: 'string' },
          { name: 'level', type: 'int' },
        ],
      });
      const reg = JSON.parse((await ok(['schemas', 'register', subject, file('reading.avsc', schema), '--json'])).stdout) as { id: number };
      subjects.push(subject);
      const values = ['{"sensor":"s-1","level":7}', '{"sensor":"ünï","level":-3}'];
      const sent = await ok(['produce', t, '--value-format', 'avro', '--value-schema-id', String(reg.id), '--json'], values.join('\n'));
      expect(JSON.parse(sent.stdout)).toMatchObject({ sent: 2, failed: 0 });

      const raw = rawRecords(t, 2);
      expect(raw.map((r) => r.value)).toEqual([
        Buffer.concat([header(reg.id), avroString('s-1'), avroInt(7)]),
        Buffer.concat([header(reg.id), avroString('ünï'), Buffer.from([5])]),
      ]);
      expect(raw[0].value.readUInt32BE(1)).toBe(reg.id);
      const rawByKtool = await envelopes(t, 2, ['--value-format', 'raw', '--value-encoding', 'hex']);
      expect(rawByKtool.map((e) => e.value)).toEqual(raw.map((r) => r.value.toString('hex')));
      const decoded = await envelopes(t, 2);
      expect(decoded.map((e) => [e.value, e.valueEncoding, e.valueSchemaId])).toEqual(values.map((v) => [JSON.parse(v), 'avro', reg.id]));
      // Encoding by id asked for no subject: TOPIC-value was neither looked up into existence nor registered.
      expect((await rest(`/subjects/${t}-value/versions`))[0]).toBe(404);
      // An id that is not there: exit 3 before anything is sent.
      const unknown = await cli(['produce', t, '--value-format', 'avro', '--value-schema-id', '2147480000'], values[0]);
      expect(unknown.code).toBe(3);
    },
  );

  it(
    '--subject-strategy record and topic-record: registered with --register, then looked up without it',
    { timeout: 240_000 },
    async () => {
      const t = await topic('typed-strategy');
      const ns = `typed_${uniqueName('ns').replace(/-/g, '_')}`;
      const record = (name: string) => JSON.stringify({ type: 'record', name, namespace: ns, fields: [{ name: 'id', type: 'string' }] });
      const order = file('strategy-order.avsc', record('Order'));
      const refund = file('strategy-refund.avsc', record('Refund'));
      const produce = (strategy: string, schema: string, value: string, ...more: string[]) =>
        cli(['produce', t, '--value-format', 'avro', '--value-schema', schema, '--subject-strategy', strategy, '-q', ...more], value);

      // record: the subject is the record's full name.
      const recordSubject = `${ns}.Order`;
      const notYet = await produce('record', order, '{"id":"r-0"}');
      expect(notYet.code).toBe(2);
      expect(notYet.stderr).toContain(`error: the schema in ${order} is not registered under subject ${recordSubject}`);
      expect((await produce('record', order, '{"id":"r-1"}', '--register')).code).toBe(0);
      subjects.push(recordSubject);
      expect((await rest(`/subjects/${recordSubject}/versions`))[1]).toEqual([1]);
      expect((await produce('record', order, '{"id":"r-2"}')).code).toBe(0);

      // topic-record: TOPIC-<full name>; two record types in one topic, each under its own subject.
      const orderSubject = `${t}-${ns}.Order`;
      const refundSubject = `${t}-${ns}.Refund`;
      expect((await produce('topic-record', refund, '{"id":"f-0"}')).stderr).toContain(`not registered under subject ${refundSubject}`);
      expect((await produce('topic-record', order, '{"id":"t-1"}', '--register')).code).toBe(0);
      subjects.push(orderSubject);
      expect((await produce('topic-record', refund, '{"id":"f-1"}', '--register')).code).toBe(0);
      subjects.push(refundSubject);
      expect((await produce('topic-record', order, '{"id":"t-2"}')).code).toBe(0);
      expect((await produce('topic-record', refund, '{"id":"f-2"}')).code).toBe(0);
      for (const s of [orderSubject, refundSubject]) expect((await rest(`/subjects/${s}/versions`))[1]).toEqual([1]);
      // Nothing went to the default TopicNameStrategy subject.
      expect((await rest(`/subjects/${t}-value/versions`))[0]).toBe(404);

      const ids = { order: await latestId(recordSubject), topicOrder: await latestId(orderSubject), refund: await latestId(refundSubject) };
      const rows = await envelopes(t, 6);
      expect(rows.map((e) => [e.value, e.valueSchemaId])).toEqual([
        [{ id: 'r-1' }, ids.order],
        [{ id: 'r-2' }, ids.order],
        [{ id: 't-1' }, ids.topicOrder],
        [{ id: 'f-1' }, ids.refund],
        [{ id: 't-2' }, ids.topicOrder],
        [{ id: 'f-2' }, ids.refund],
      ]);
    },
  );

  it('an Avro key: --key-format avro with TOPIC-key, decoded on consume with keySchemaId', { timeout: 240_000 }, async () => {
    const t = await topic('typed-key');
    const keySchema = file(
      'key.avsc',
      JSON.stringify({
        type: 'record',
        name: 'OrderKey',
        namespace: 'typed.int',
        fields: [
          { name: 'shop', type: 'string' },
          { name: 'n', type: 'long' },
        ],
      }),
    );
    const valueSchema = file(
      'value.avsc',
      JSON.stringify({ type: 'record', name: 'OrderValue', namespace: 'typed.int', fields: [{ name: 'total', type: 'double' }] }),
    );
    const typed = ['-K', '\t', '--key-format', 'avro', '--value-format', 'avro', '-q'];
    await ok(
      ['produce', t, ...typed, '--key-schema', keySchema, '--value-schema', valueSchema, '--register'],
      '{"shop":"s1","n":1}\t{"total":9.5}\n',
    );
    subjects.push(`${t}-key`, `${t}-value`);
    // The subjects' latest versions, no files: TOPIC-key and TOPIC-value.
    await ok(['produce', t, ...typed], '{"shop":"s2","n":12345678901}\t{"total":0.25}\n');
    // A typed key beside a plain value.
    await ok(['produce', t, '-K', '\t', '--key-format', 'avro', '-q'], '{"shop":"s3","n":-1}\tplain\n');
    const [keyId, valueId] = [await latestId(`${t}-key`), await latestId(`${t}-value`)];
    expect(((await rest(`/subjects/${t}-key/versions/latest`))[1] as { schema: string }).schema).toContain('OrderKey');

    const rows = await envelopes(t, 3);
    expect(rows[0]).toMatchObject({
      key: { shop: 's1', n: 1 },
      keyEncoding: 'avro',
      keySchemaId: keyId,
      value: { total: 9.5 },
      valueSchemaId: valueId,
    });
    expect(rows[1]).toMatchObject({ key: { shop: 's2', n: 12345678901 }, keySchemaId: keyId, value: { total: 0.25 } });
    expect(rows[2]).toMatchObject({ key: { shop: 's3', n: -1 }, keySchemaId: keyId, value: 'plain' });
    expect(rows[2].valueSchemaId).toBeUndefined();
    const raw = rawRecords(t, 3);
    for (const r of raw) expect(r.key.subarray(0, 5)).toEqual(header(keyId));
    // Templates print the decoded key as JSON too.
    const shown = await ok(['consume', t, '-e', '-f', '%k|%v\n']);
    expect(shown.stdout.split('\n')[0]).toBe('{"shop":"s1","n":1}|{"total":9.5}');
  });

  it(
    'schemas register --reference NAME=SUBJECT@latest: stored as the current version number; the import resolves',
    { timeout: 240_000 },
    async () => {
      const prefix = uniqueName('typed-ref');
      const money = `${prefix}-money`;
      const t = await topic(`${prefix}-orders`);
      const moneyV1 = 'syntax = "proto3";\npackage shared;\n\nmessage Money {\n  string currency = 1;\n}\n';
      const moneyV2 = 'syntax = "proto3";\npackage shared;\n\nmessage Money {\n  string currency = 1;\n  int64 cents = 2;\n}\n';
      const shop =
        'syntax = "proto3";\npackage shop;\n\nimport "money.proto";\n\nmessage Order {\n  string id = 1;\n  shared.Money total = 2;\n}\n';
      await ok(['schemas', 'register', money, file('money1.proto', moneyV1)]);
      subjects.push(money);
      await ok(['schemas', 'register', money, file('money2.proto', moneyV2)]);
      const shopFile = file('shop.proto', shop);

      // An unknown referenced subject: exit 3, nothing registered.
      const missing = await cli(['schemas', 'register', `${t}-value`, shopFile, '--reference', `money.proto=${prefix}-nope@latest`]);
      expect(missing.code).toBe(3);
      expect(missing.stderr).toContain(`subject ${prefix}-nope not found`);
      expect((await rest(`/subjects/${t}-value/versions`))[0]).toBe(404);

      const reg = await ok(['schemas', 'register', `${t}-value`, shopFile, '--reference', `money.proto=${money}@latest`, '--json']);
      subjects.push(`${t}-value`);
      expect(JSON.parse(reg.stdout)).toMatchObject({ subject: `${t}-value`, version: 1, schemaType: 'PROTOBUF', new: true });
      expect((await rest(`/subjects/${t}-value/versions/1`))[1]).toMatchObject({
        references: [{ name: 'money.proto', subject: money, version: 2 }],
      });
      const got = JSON.parse((await ok(['schemas', 'get', `${t}-value`, '--json'])).stdout);
      expect(got.references).toEqual([{ name: 'money.proto', subject: money, version: 2 }]);
      // Registering the same schema again with the number it resolved to: the same version, not a new one.
      const again = await ok(['schemas', 'register', `${t}-value`, shopFile, '--reference', `money.proto=${money}@2`, '--json']);
      expect(JSON.parse(again.stdout)).toMatchObject({ version: 1, id: JSON.parse(reg.stdout).id, new: false });

      // The import resolves through the reference: a message using Money (v2's cents included) round-trips.
      const value = '{"id":"o-1","total":{"currency":"EUR","cents":"250"}}';
      await ok(['produce', t, '--value-format', 'protobuf', '-q'], value);
      const [row] = await envelopes(t, 1);
      expect(row).toMatchObject({ value: JSON.parse(value), valueEncoding: 'protobuf', valueSchemaId: JSON.parse(reg.stdout).id });
    },
  );
});
