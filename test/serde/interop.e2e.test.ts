/**
 * Interop with the reference Confluent serializers (Python confluent-kafka's AvroSerializer,
 * JSONSerializer and SchemaRegistryClient, against the registry's Confluent API): what Python
 * writes, ktool consume decodes to the same JSON; what ktool produce writes, Python decodes to the
 * same values; and where the encoding is deterministic (Avro), the records are the same bytes.
 * Needs a registry (KTOOL_TEST_SCHEMA_REGISTRY, its /apis/ccompat/v7 URL) and .venv from scripts/setup.sh.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const python = process.env.KTOOL_TEST_PYTHON ?? join(root, '.venv/bin/python');
const script = fileURLToPath(new URL('./interop.py', import.meta.url));
const bootstrap = process.env.KTOOL_TEST_BOOTSTRAP!;
const registry = process.env.KTOOL_TEST_SCHEMA_REGISTRY!;
const env = { KTOOL_SCHEMA_REGISTRY: registry };

const ORDER = {
  type: 'record',
  name: 'Order',
  namespace: 'interop',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'qty', type: 'int' },
    { name: 'big', type: 'long' },
    { name: 'price', type: 'double' },
    { name: 'ratio', type: 'float' },
    { name: 'ok', type: 'boolean' },
    { name: 'note', type: ['null', 'string'] },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID', 'SHIPPED'] } },
    {
      name: 'items',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'Item',
          fields: [
            { name: 'sku', type: 'string' },
            { name: 'n', type: 'int' },
            { name: 'sub', type: ['null', { type: 'record', name: 'Sub', fields: [{ name: 'x', type: 'double' }] }], default: null },
          ],
        },
      },
    },
    { name: 'tags', type: { type: 'map', values: 'long' } },
    { name: 'extra', type: ['null', 'Item', 'long'] },
    { name: 'blob', type: 'bytes' },
    { name: 'code', type: { type: 'fixed', name: 'Code', size: 2 } },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'atMicros', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'tod', type: { type: 'int', logicalType: 'time-millis' } },
    { name: 'todMicros', type: { type: 'long', logicalType: 'time-micros' } },
    { name: 'uid', type: { type: 'string', logicalType: 'uuid' } },
  ],
};

/** JSON lines as ktool prints them (Avro JSON encoding); integers past 2^53 stay exact as text. */
const AVRO_VALUES = [
  '{"id":"o-1","qty":3,"big":1234567890123456789,"price":12.5,"ratio":0.5,"ok":true,"note":{"string":"gift"},' +
    '"status":"PAID","items":[{"sku":"a","n":1,"sub":{"interop.Sub":{"x":1.25}}},{"sku":"b","n":2,"sub":null}],' +
    '"tags":{"x":1,"y":-2},"extra":{"interop.Item":{"sku":"c","n":3,"sub":null}},"blob":"\\u0000\\u00ffA","code":"ab",' +
    '"amount":"-1234.50","day":"2024-05-31","at":"2024-05-31T13:45:10.123Z","atMicros":"2024-05-31T13:45:10.123456Z",' +
    '"tod":"13:45:10.123","todMicros":"13:45:10.123456","uid":"7a0c4c3e-1b2c-4d5e-8f90-123456789abc"}',
  '{"id":"o-2","qty":-1,"big":-5,"price":-0.25,"ratio":3.25,"ok":false,"note":null,"status":"NEW","items":[],"tags":{},' +
    '"extra":{"long":42},"blob":"","code":"\\u0000\\u0000","amount":"0.00","day":"1970-01-01","at":"1970-01-01T00:00:00.000Z",' +
    '"atMicros":"2000-01-01T00:00:00.000001Z","tod":"00:00:00.000","todMicros":"00:00:00.000000",' +
    '"uid":"00000000-0000-0000-0000-000000000000"}',
  '{"id":"o-3","qty":2147483647,"big":-9223372036854775808,"price":1e+300,"ratio":-1.5,"ok":true,' +
    '"note":{"string":"ünïcödé ☃"},"status":"SHIPPED","items":[{"sku":"","n":-2147483648,"sub":null}],' +
    '"tags":{"k":9223372036854775807},"extra":null,"blob":"bytes","code":"zz","amount":"9999999999.99","day":"2099-12-31",' +
    '"at":"2099-12-31T23:59:59.999Z","atMicros":"1969-12-31T23:59:59.999999Z","tod":"23:59:59.999",' +
    '"todMicros":"23:59:59.999999","uid":"ffffffff-ffff-ffff-ffff-ffffffffffff"}',
];

const EVENT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Event',
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { enum: ['click', 'view'] },
    items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'integer' } } } },
    meta: { type: ['object', 'null'] },
  },
  required: ['id', 'kind'],
};
const JSON_VALUES = [
  '{"id":"e-1","kind":"click","items":[{"sku":"a","qty":1}],"meta":{"nested":{"deep":[1,2.5,"x",null,true]}}}',
  '{"id":"e-2","kind":"view","meta":null}',
  '{"id":"ünï ☃","kind":"click","items":[]}',
];

const MONEY_PROTO = `syntax = "proto3";
package shared;

message Money {
  string currency = 1;
  int64 cents = 2;
}
`;
const SHOP_PROTO = `syntax = "proto3";
package shop;

import "money.proto";
import "google/protobuf/timestamp.proto";
import "google/protobuf/wrappers.proto";

message Order {
  string order_id = 1;
  int64 big = 2;
  repeated Item items = 3;
  map<string, int32> tags = 4;
  google.protobuf.Timestamp at = 5;
  google.protobuf.StringValue note = 6;
  Status status = 7;
  bytes blob = 8;
  shared.Money total = 9;
  double ratio = 10;
  bool ok = 11;
  oneof pay {
    string card = 12;
    string iban = 13;
  }
  message Item {
    string sku = 1;
    uint32 qty = 2;
  }
  enum Status {
    NEW = 0;
    PAID = 1;
  }
}

message Refund {
  string order_id = 1;
  Order.Item item = 2;
  shared.Money amount = 3;
}
`;
/** Protobuf's canonical JSON, as MessageToDict prints it (defaults left out). */
const ORDERS = [
  '{"orderId":"o-1","big":"1234567890123456789","items":[{"sku":"a","qty":2},{"sku":"b"}],"tags":{"x":7},' +
    '"at":"2024-05-31T13:45:10.123Z","note":"gift","status":"PAID","blob":"AAH/","total":{"currency":"EUR","cents":"1250"},' +
    '"ratio":0.5,"ok":true,"card":"4111"}',
  '{"orderId":"o-2","big":"-9223372036854775808","at":"1970-01-01T00:00:00Z","note":"","iban":"DE00"}',
  '{"orderId":"ünï ☃"}',
];
const REFUNDS = ['{"orderId":"o-1","item":{"sku":"a","qty":1},"amount":{"currency":"EUR","cents":"-5"}}'];

/** Lines compared as JSON values, integers kept exact (Python prints 1e+300 where JSON.stringify prints 1e300). */
const canonical = (lines: string[]) => lines.map((l) => JSON.stringify(JSON.parse(l.replace(/(?<=[:[,])(-?\d{16,})(?=[,\]}])/g, '"$1"'))));
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

async function py(args: string[], stdin?: string): Promise<string> {
  const child = run(python, [script, ...args], { maxBuffer: 64 << 20, timeout: 90_000 });
  if (stdin !== undefined) child.child.stdin!.end(stdin);
  else child.child.stdin!.end();
  return (await child).stdout;
}

async function ktool(args: string[], stdin?: string) {
  const r = await spawnKtool(args, { env, stdin, timeoutMs: 60_000 });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

describe(
  'schema registry interop with Python confluent-kafka',
  { ...needs('KTOOL_TEST_BOOTSTRAP', 'KTOOL_TEST_SCHEMA_REGISTRY'), timeout: 240_000 },
  () => {
    let dir: string;
    const topics: string[] = [];
    const topic = async () => {
      const t = uniqueName('interop');
      await ktool(['topics', 'create', t]);
      topics.push(t);
      return t;
    };

    beforeAll(() => {
      if (!existsSync(python)) throw new Error(`${python} is missing: run scripts/setup.sh (it makes .venv with confluent-kafka)`);
      dir = mkdtempSync(join(tmpdir(), 'ktool-interop-'));
    });
    afterAll(async () => {
      if (topics.length) await spawnKtool(['topics', 'delete', '--yes', ...topics], { env });
    });

    it('Avro: records, nested records, unions, enums, arrays, maps, fixed, bytes and logical types, both ways, same bytes', async () => {
      const schemaFile = join(dir, 'order.avsc');
      writeFileSync(schemaFile, JSON.stringify(ORDER));
      const fromPython = await topic();
      const fromKtool = await topic();
      await py(['produce', 'avro', bootstrap, registry, fromPython, schemaFile], AVRO_VALUES.join('\n') + '\n');
      // Python registered the schema under <topic>-value; ktool decodes what it wrote.
      const decoded = await ktool(['consume', fromPython, '-e']);
      expect(canonical(lines(decoded.stdout))).toEqual(canonical(AVRO_VALUES));
      // ktool writes the same values with the subject's latest schema: the same bytes as Python's serializer.
      await ktool(['produce', fromKtool, '--value-format', 'avro', '--value-subject', `${fromPython}-value`, '-q'], AVRO_VALUES.join('\n'));
      const [a, b] = await Promise.all([py(['raw', bootstrap, fromPython, '3']), py(['raw', bootstrap, fromKtool, '3'])]);
      expect(lines(b)).toEqual(lines(a));
      expect(lines(a)).toHaveLength(3);
      // And Python's AvroDeserializer reads ktool's records back to the same values.
      const back = await py(['consume', 'avro', bootstrap, registry, fromKtool, '3', schemaFile]);
      expect(canonical(lines(back))).toEqual(canonical(AVRO_VALUES));
    });

    it('Avro: consume --json | produce --input json copies the records byte for byte', async () => {
      const schemaFile = join(dir, 'order2.avsc');
      writeFileSync(schemaFile, JSON.stringify(ORDER));
      const source = await topic();
      const copy = await topic();
      await py(['produce', 'avro', bootstrap, registry, source, schemaFile], AVRO_VALUES.join('\n') + '\n');
      const json = await ktool(['consume', source, '-e', '--json']);
      const first = JSON.parse(lines(json.stdout)[0]) as Record<string, unknown>;
      expect(first.valueEncoding).toBe('avro');
      expect(typeof first.valueSchemaId).toBe('number');
      expect(first.valueBytes).toBeUndefined();
      await ktool(['produce', '--input', 'json', copy, '-q'], json.stdout);
      const [a, b] = await Promise.all([py(['raw', bootstrap, source, '3']), py(['raw', bootstrap, copy, '3'])]);
      expect(lines(b)).toEqual(lines(a));
    });

    it('JSON Schema: Python JSONSerializer records decode to the same JSON, ktool records validate and decode in Python', async () => {
      const schemaFile = join(dir, 'event.json');
      writeFileSync(schemaFile, JSON.stringify(EVENT_SCHEMA));
      const fromPython = await topic();
      const fromKtool = await topic();
      await py(['produce', 'json-schema', bootstrap, registry, fromPython, schemaFile], JSON_VALUES.join('\n') + '\n');
      const decoded = await ktool(['consume', fromPython, '-e']);
      expect(canonical(lines(decoded.stdout))).toEqual(canonical(JSON_VALUES));
      // Python writes compact JSON (orjson, or json.dumps without spaces), as JSON.stringify: no bytes kept beside the value.
      const envelopes = lines((await ktool(['consume', fromPython, '-e', '--json'])).stdout).map((l) => JSON.parse(l));
      expect(envelopes[0]).toMatchObject({ valueEncoding: 'json-schema', value: JSON.parse(JSON_VALUES[0]) });
      expect(envelopes[0].valueBytes).toBeUndefined();
      await ktool(
        ['produce', fromKtool, '--value-format', 'json-schema', '--value-subject', `${fromPython}-value`, '-q'],
        JSON_VALUES.join('\n'),
      );
      const n = String(JSON_VALUES.length);
      const [a, b] = await Promise.all([py(['raw', bootstrap, fromPython, n]), py(['raw', bootstrap, fromKtool, n])]);
      expect(lines(b)).toEqual(lines(a));
      const back = await py(['consume', 'json-schema', bootstrap, registry, fromKtool, String(JSON_VALUES.length), schemaFile]);
      expect(canonical(lines(back))).toEqual(canonical(JSON_VALUES));
      // A value the schema refuses is not sent: the line and the field path say why.
      const bad = await spawnKtool(['produce', fromKtool, '--value-format', 'json-schema', '--value-subject', `${fromPython}-value`], {
        env,
        stdin: '{"id":"e-9","kind":"click","items":[{"sku":"a","qty":1},{"sku":"b","qty":"two"}]}\n',
      });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('line 1: .items[1].qty: expected integer, got "two"');
    });

    it('Protobuf: nested messages, two messages in one file, an import by reference, well-known types; both ways, same bytes', async () => {
      const protoDir = mkdtempSync(join(dir, 'proto-'));
      writeFileSync(join(protoDir, 'money.proto'), MONEY_PROTO);
      writeFileSync(join(protoDir, 'shop.proto'), SHOP_PROTO);
      const fromPython = await topic();
      const fromKtool = await topic();
      const refunds = await topic();
      const subject = `${fromPython}-value`;
      // Python registers shop.proto and, by reference, money.proto (as base64 file descriptors, which Apicurio keeps).
      await py(['produce', 'protobuf', bootstrap, registry, fromPython, protoDir, 'shop', 'Order'], ORDERS.join('\n') + '\n');
      await py(['produce', 'protobuf', bootstrap, registry, fromPython, protoDir, 'shop', 'Refund'], REFUNDS.join('\n') + '\n');
      // Both messages decode, each by its message index ([0] is written as 0, Refund as [1]).
      const decoded = await ktool(['consume', fromPython, '-e']);
      expect(canonical(lines(decoded.stdout))).toEqual(canonical([...ORDERS, ...REFUNDS]));
      await ktool(['produce', fromKtool, '--value-format', 'protobuf', '--value-subject', subject, '-q'], ORDERS.join('\n'));
      await ktool(
        ['produce', refunds, '--value-format', 'protobuf', '--value-subject', subject, '--value-message', 'Refund', '-q'],
        REFUNDS.join('\n'),
      );
      const all = String(ORDERS.length + REFUNDS.length);
      const [a, b, c] = await Promise.all([
        py(['raw', bootstrap, fromPython, all]),
        py(['raw', bootstrap, fromKtool, String(ORDERS.length)]),
        py(['raw', bootstrap, refunds, String(REFUNDS.length)]),
      ]);
      expect([...lines(b), ...lines(c)]).toEqual(lines(a));
      const back = await py(['consume', 'protobuf', bootstrap, registry, fromKtool, String(ORDERS.length), protoDir, 'shop', 'Order']);
      expect(canonical(lines(back))).toEqual(canonical(ORDERS));
    });
  },
);
