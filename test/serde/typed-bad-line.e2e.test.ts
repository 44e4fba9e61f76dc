/**
 * A line that does not fit its schema (issue 12): `line 17: .items[2].price: expected double, got "abc"`
 * for Avro, Protobuf and JSON Schema; the 16 lines before it are sent and counted in the summary,
 * nothing from it on is sent, and nothing half-encoded reaches the topic (every record there decodes).
 * From a file the message names it; with --input json the path starts at the envelope's field.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const env = { KTOOL_SCHEMA_REGISTRY: process.env.KTOOL_TEST_SCHEMA_REGISTRY };
const dir = mkdtempSync(join(tmpdir(), 'ktool-bad-line-'));
const topics: string[] = [];

const AVRO = {
  type: 'record',
  name: 'Order',
  namespace: 'badline',
  fields: [
    { name: 'id', type: 'int' },
    {
      name: 'items',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'Item',
          fields: [
            { name: 'sku', type: 'string' },
            { name: 'price', type: 'double' },
          ],
        },
      },
    },
  ],
};
const PROTO = `syntax = "proto3";
package badline;
message Order {
  int32 id = 1;
  repeated Item items = 2;
}
message Item {
  string sku = 1;
  double price = 2;
}
`;
const JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    items: {
      type: 'array',
      items: { type: 'object', properties: { sku: { type: 'string' }, price: { type: 'number' } }, required: ['sku', 'price'] },
    },
  },
  required: ['id', 'items'],
};

const item = (sku: string, price: unknown) => ({ sku, price });
const order = (id: number) => ({ id, items: [item('a', 1.5), item('b', 2), item('c', id + 0.25)] });
/** Lines 1-16 fit, line 17 has "abc" as .items[2].price, lines 18-20 fit. */
const INPUT = [
  ...Array.from({ length: 16 }, (_, i) => order(i + 1)),
  { id: 17, items: [item('a', 1), item('b', 2), item('c', 'abc')] },
  ...Array.from({ length: 3 }, (_, i) => order(i + 18)),
];
const lines = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join('\n') + '\n';

async function newTopic(): Promise<string> {
  const topic = uniqueName('badline');
  expect((await spawnKtool(['topics', 'create', topic], { env })).code).toBe(0);
  topics.push(topic);
  return topic;
}

/** Every record of the topic, decoded: none may come back raw (no warning), ids 1..16 in order. */
async function expectFirst16(topic: string, encoding: string): Promise<void> {
  const r = await spawnKtool(['consume', topic, '-e', '--json'], { env });
  expect(r.stderr).toBe('');
  const envelopes = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { value: { id: number }; valueEncoding: string });
  expect(envelopes.map((e) => e.valueEncoding)).toEqual(Array(16).fill(encoding));
  expect(envelopes.map((e) => e.value.id)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
}

beforeAll(() => {
  writeFileSync(join(dir, 'order.avsc'), JSON.stringify(AVRO));
  writeFileSync(join(dir, 'order.proto'), PROTO);
  writeFileSync(join(dir, 'order.json'), JSON.stringify(JSON_SCHEMA));
});
afterAll(async () => {
  if (topics.length) await spawnKtool(['topics', 'delete', '--yes', ...topics], { env });
  rmSync(dir, { recursive: true, force: true });
});

describe('produce: a line that does not fit the schema', needs('KTOOL_TEST_BOOTSTRAP', 'KTOOL_TEST_SCHEMA_REGISTRY'), () => {
  const cases = [
    { format: 'avro', file: 'order.avsc', reason: 'expected double, got "abc"' },
    { format: 'protobuf', file: 'order.proto', reason: 'expected double, got "abc"' },
    { format: 'json-schema', file: 'order.json', reason: 'expected number, got "abc"' },
  ];
  for (const { format, file, reason } of cases) {
    it(`${format}: "line 17: .items[2].price: ${reason}", the 16 lines before sent and summed up, nothing after`, async () => {
      const topic = await newTopic();
      const args = ['produce', topic, '--value-format', format, '--value-schema', join(dir, file), '--register'];
      const r = await spawnKtool(args, { env, stdin: lines(INPUT) });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const stderr = r.stderr.trimEnd().split('\n');
      expect(stderr[0]).toMatch(new RegExp(`^16 records sent to topic ${topic}, 0 failed \\(`));
      expect(stderr.slice(1)).toEqual([
        `error: line 17: .items[2].price: ${reason}`,
        'hint: nothing from that line on was sent; --on-error skip skips bad lines',
      ]);
      await expectFirst16(topic, format);
    });
  }

  it('from a file the message names it; --json puts the count and the error in the summary', async () => {
    const topic = await newTopic();
    const input = join(dir, 'orders.json');
    writeFileSync(input, lines(INPUT));
    const args = ['produce', topic, '--value-format', 'avro', '--value-schema', join(dir, 'order.avsc'), '--register'];
    const r = await spawnKtool([...args, '--file', input, '--json'], { env });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      sent: 16,
      failed: 0,
      skipped: 0,
      error: `${input} line 17: .items[2].price: expected double, got "abc"`,
    });
    expect(r.stderr.trimEnd().split('\n')[0]).toBe(`error: ${input} line 17: .items[2].price: expected double, got "abc"`);
    await expectFirst16(topic, 'avro');
  });

  it('--input json: the path starts at the envelope field; --on-error skip sends the others', async () => {
    const topic = await newTopic();
    const envelopes = lines(INPUT.map((value) => ({ value })));
    const args = ['produce', topic, '--input', 'json', '--value-format', 'avro', '--value-schema', join(dir, 'order.avsc'), '--register'];
    const r = await spawnKtool(args, { env, stdin: envelopes });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: line 17: .value.items[2].price: expected double, got "abc"\n');
    await expectFirst16(topic, 'avro');
    const skipped = await spawnKtool([...args, '--on-error', 'skip'], { env, stdin: envelopes });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(
      /^warning: line 17: \.value\.items\[2\]\.price: expected double, got "abc" \(skipped\)\n19 records sent/,
    );
  });
});
