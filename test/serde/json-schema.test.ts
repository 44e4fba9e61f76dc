import { describe, expect, it } from 'vitest';
import { FieldError } from '../../src/serde/field-error.js';
import { jsonSchemaCodec } from '../../src/serde/json-schema.js';

const SCHEMA = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Order',
  type: 'object',
  properties: {
    id: { type: 'string' },
    items: { type: 'array', items: { type: 'object', properties: { price: { type: 'number' } }, required: ['price'] } },
  },
  required: ['id'],
  additionalProperties: false,
});

describe('JSON Schema codec', () => {
  const c = jsonSchemaCodec({ schema: SCHEMA, references: [] });

  it('validates before encoding and writes compact JSON text', () => {
    expect(c.encode({ id: 'a', items: [{ price: 1 }] }).toString()).toBe('{"id":"a","items":[{"price":1}]}');
    const errorOf = (v: unknown) => {
      try {
        c.encode(v);
      } catch (e) {
        expect(e).toBeInstanceOf(FieldError);
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(errorOf({ id: 'a', items: [{ price: 1 }, { price: 1 }, { price: 'abc' }] })).toBe('.items[2].price: expected number, got "abc"');
    expect(errorOf({})).toBe("must have required property 'id'");
    expect(errorOf({ id: 'a', x: 1 })).toBe('must NOT have additional properties (x)');
  });

  it('decodes without validating; text that JSON.stringify would not write again is not exact', () => {
    expect(c.decode(Buffer.from('{"id":"a"}'))).toEqual({ value: { id: 'a' }, exact: true });
    expect(c.decode(Buffer.from('{"id": "a", "extra": 1}'))).toEqual({ value: { id: 'a', extra: 1 }, exact: false });
    expect(JSON.stringify(c.decode(Buffer.from('{"n":12345678901234567890}')).value)).toBe('{"n":12345678901234567890}');
  });

  it('draft 2020-12 schemas and references', () => {
    const ref = JSON.stringify({ $id: 'money.json', type: 'object', properties: { cents: { type: 'integer' } } });
    const main = JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { total: { $ref: 'money.json' } },
    });
    const codec = jsonSchemaCodec({ schema: main, references: [{ name: 'money.json', schema: ref }] });
    expect(() => codec.encode({ total: { cents: 1.5 } })).toThrow('.total.cents: expected integer, got 1.5');
  });
});
