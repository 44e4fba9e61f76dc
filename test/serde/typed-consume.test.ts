import { describe, expect, it } from 'vitest';
import { ConnectionError, NotFoundError } from '../../src/errors.js';
import type { ConsumedRecord } from '../../src/kafka/consumer-types.js';
import { avroCodec } from '../../src/serde/avro.js';
import type { SchemaLookup } from '../../src/serde/lookup.js';
import { RecordDecoder } from '../../src/serde/typed-consume.js';
import { frame } from '../../src/serde/wire.js';

const SCHEMA = '{"type":"record","name":"R","fields":[{"name":"n","type":"int"}]}';
const payload = avroCodec({ schema: SCHEMA, references: [] }).encode({ n: 7 });

function fakeLookup() {
  const state = { down: false, asked: 0 };
  const lookup = {
    getSchemaById: async (id: number) => {
      state.asked++;
      if (state.down) throw new ConnectionError('cannot reach the schema registry: connection refused');
      if (id !== 1) throw new NotFoundError(`Schema ${id} not found.`);
      return { schema: SCHEMA, schemaType: 'AVRO' as const, references: [] };
    },
  } as unknown as SchemaLookup;
  return { lookup, state };
}

const record = (offset: number, value: Buffer | null, key: Buffer | null = null): ConsumedRecord => ({
  topic: 't',
  partition: 0,
  offset,
  timestamp: 0,
  timestampType: 'CreateTime',
  key,
  value,
  headers: [],
});

describe('RecordDecoder', () => {
  it('decodes framed values, asking the registry once per id; plain values are left alone', async () => {
    const { lookup, state } = fakeLookup();
    const warnings: string[] = [];
    const d = new RecordDecoder(lookup, { key: 'auto', value: 'auto' }, (m) => warnings.push(m));
    const records = [record(0, frame(1, payload)), record(1, frame(1, payload)), record(2, Buffer.from('plain'))];
    await d.prepare(records);
    expect(records.map((r) => d.decode(r, 'value'))).toEqual([
      { value: { n: 7 }, format: 'avro', schemaId: 1, exact: true },
      { value: { n: 7 }, format: 'avro', schemaId: 1, exact: true },
      undefined,
    ]);
    expect(state.asked).toBe(1);
    expect(warnings).toEqual([]);
  });

  it('an unknown id or undecodable bytes: raw with a warning naming the record, and the next records still decode', async () => {
    const { lookup } = fakeLookup();
    const warnings: string[] = [];
    const d = new RecordDecoder(lookup, { key: 'auto', value: 'auto' }, (m) => warnings.push(m));
    const records = [record(5, frame(9, payload)), record(6, frame(1, Buffer.from([0xff]))), record(7, frame(1, payload))];
    await d.prepare(records);
    expect(records.map((r) => d.decode(r, 'value')?.value)).toEqual([undefined, undefined, { n: 7 }]);
    expect(warnings[0]).toBe('t[0]@5: value shown raw: schema id 9: Schema 9 not found.');
    expect(warnings[1]).toMatch(/^t\[0\]@6: value shown raw: does not decode with schema id 1 \(avro\)/);
  });

  it('the registry down: raw with warnings; asked again after a pause, records decode once it is back', async () => {
    const { lookup, state } = fakeLookup();
    const warnings: string[] = [];
    let now = 0;
    const d = new RecordDecoder(
      lookup,
      { key: 'auto', value: 'auto' },
      (m) => warnings.push(m),
      () => now,
    );
    state.down = true;
    const first = [record(0, frame(1, payload))];
    await d.prepare(first);
    expect(d.decode(first[0], 'value')).toBeUndefined();
    expect(warnings[0]).toMatch(/^t\[0\]@0: value shown raw: schema id 1: the schema registry is unavailable: cannot reach/);
    state.down = false;
    // Within the pause the registry is not asked again.
    await d.prepare([record(1, frame(1, payload))]);
    expect(state.asked).toBe(1);
    now += 1000;
    const later = [record(2, frame(1, payload))];
    await d.prepare(later);
    expect(d.decode(later[0], 'value')?.value).toEqual({ n: 7 });
  });

  it('keys and values independently; a forced format refuses another; raw leaves a side alone', async () => {
    const { lookup } = fakeLookup();
    const warnings: string[] = [];
    const d = new RecordDecoder(lookup, { key: 'raw', value: 'protobuf' }, (m) => warnings.push(m));
    const r = record(3, frame(1, payload), frame(1, payload));
    await d.prepare([r]);
    expect(d.decode(r, 'key')).toBeUndefined();
    expect(d.decode(r, 'value')).toBeUndefined();
    expect(warnings).toEqual(['t[0]@3: value shown raw: schema id 1 is avro, not protobuf']);
    const both = new RecordDecoder(lookup, { key: 'auto', value: 'auto' }, () => undefined);
    await both.prepare([r]);
    expect(both.decode(r, 'key')?.value).toEqual({ n: 7 });
  });

  it('after 20 warnings one line says more follow, and the summary counts them', async () => {
    const { lookup } = fakeLookup();
    const warnings: string[] = [];
    const d = new RecordDecoder(lookup, { key: 'auto', value: 'auto' }, (m) => warnings.push(m));
    const records = Array.from({ length: 30 }, (_, i) => record(i, frame(9, payload)));
    await d.prepare(records);
    for (const r of records) d.decode(r, 'value');
    expect(warnings).toHaveLength(21);
    expect(d.summary()).toBe('30 keys or values shown raw (not decoded)');
  });
});

describe('envelope input keeps large integers exact', () => {
  it('an embedded JSON value with an integer past 2^53 is sent as it was written', async () => {
    const { fromEnvelope } = await import('../../src/serde/envelope-input.js');
    const { parseJsonExact } = await import('../../src/serde/field-error.js');
    const line = '{"value":{"id":12345678901234567890,"x":1.5},"valueEncoding":"json"}';
    expect(fromEnvelope(parseJsonExact(line)).value!.toString()).toBe('{"id":12345678901234567890,"x":1.5}');
  });
});
