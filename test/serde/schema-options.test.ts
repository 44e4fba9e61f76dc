import { describe, expect, it } from 'vitest';
import { schemaSidesOf } from '../../src/commands/produce/schema-options.js';
import { subjectOf } from '../../src/serde/typed-produce.js';

describe('produce --value-format and the schema flags', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['nothing typed', {}, {}],
    ['avro from the subject', { valueFormat: 'avro' }, { value: { format: 'avro', strategy: 'topic', register: false } }],
    [
      'a file, registered, record strategy',
      { valueFormat: 'AVRO', valueSchema: 'o.avsc', register: true, subjectStrategy: 'record' },
      { value: { format: 'avro', file: 'o.avsc', strategy: 'record', register: true } },
    ],
    [
      'an id',
      { valueFormat: 'protobuf', valueSchemaId: '12', valueMessage: 'Refund' },
      { value: { format: 'protobuf', id: 12, message: 'Refund', strategy: 'topic', register: false } },
    ],
    ['json is --value-encoding json', { valueFormat: 'json' }, { valueEncoding: 'json' }],
    ['string and bytes', { keyFormat: 'string', valueFormat: 'bytes' }, { keyEncoding: 'text', valueEncoding: 'base64' }],
    [
      'a typed key',
      { keyFormat: 'json-schema', keySubject: 'k' },
      { key: { format: 'json-schema', subject: 'k', strategy: 'topic', register: false } },
    ],
  ])('%s', (_, flags, expected) => expect(schemaSidesOf(flags)).toEqual(expected));

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an unknown format', { valueFormat: 'thrift' }, /--value-format: unknown format "thrift"/],
    ['a schema flag without a format', { valueSchema: 'o.avsc' }, /--value-schema needs --value-format avro\|protobuf\|json-schema/],
    ['file and id', { valueFormat: 'avro', valueSchema: 'f', valueSchemaId: '1' }, /not both/],
    ['a bad id', { valueFormat: 'avro', valueSchemaId: 'x' }, /--value-schema-id must be a schema id/],
    ['--value-message on avro', { valueFormat: 'avro', valueMessage: 'M' }, /applies only to --value-format protobuf/],
    ['a schema for json', { valueFormat: 'json', valueSchemaId: '1' }, /applies only to --value-format avro, protobuf or json-schema/],
    ['format and encoding', { valueFormat: 'avro', valueEncoding: 'base64' }, /give --value-format or --value-encoding, not both/],
    ['--register without a file', { valueFormat: 'avro', register: true }, /--register registers the schema of --value-schema FILE/],
    ['an unknown strategy', { valueFormat: 'avro', subjectStrategy: 'x' }, /--subject-strategy: unknown strategy "x"/],
  ])('%s', (_, flags, message) => expect(() => schemaSidesOf(flags)).toThrow(message));

  it('subjects by strategy', () => {
    const avro = '{"type":"record","name":"Order","namespace":"shop","fields":[]}';
    const choice = { format: 'avro' as const, register: false };
    expect(subjectOf('orders', 'value', { ...choice, strategy: 'topic' }, avro)).toBe('orders-value');
    expect(subjectOf('orders', 'key', { ...choice, strategy: 'topic' }, undefined)).toBe('orders-key');
    expect(subjectOf('orders', 'value', { ...choice, strategy: 'record' }, avro)).toBe('shop.Order');
    expect(subjectOf('orders', 'value', { ...choice, strategy: 'topic-record' }, avro)).toBe('orders-shop.Order');
    const proto = 'syntax = "proto3";\npackage shop;\nmessage Order {}\nmessage Refund {}\n';
    expect(subjectOf('t', 'value', { format: 'protobuf', register: false, strategy: 'record', message: 'Refund' }, proto)).toBe(
      'shop.Refund',
    );
    expect(() => subjectOf('t', 'value', { ...choice, strategy: 'record' }, undefined)).toThrow(/needs the schema file/);
  });
});
