import { describe, expect, it } from 'vitest';
import { avroCodec } from '../../src/serde/avro.js';
import { FieldError, parseJsonExact } from '../../src/serde/field-error.js';

const ORDER = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'qty', type: 'int' },
    { name: 'big', type: 'long', default: 0 },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] }, default: 'NEW' },
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
      default: [],
    },
    { name: 'tags', type: { type: 'map', values: 'int' }, default: {} },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 }, default: '\u0000' },
    { name: 'day', type: { type: 'int', logicalType: 'date' }, default: 0 },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' }, default: 0 },
    { name: 'atMicros', type: { type: 'long', logicalType: 'timestamp-micros' }, default: 0 },
    { name: 'time', type: { type: 'int', logicalType: 'time-millis' }, default: 0 },
    { name: 'uuid', type: { type: 'string', logicalType: 'uuid' }, default: '' },
    { name: 'choice', type: ['null', 'int', 'string', 'Item'], default: null },
    { name: 'raw', type: 'bytes', default: '' },
  ],
});

const codec = () => avroCodec({ schema: ORDER, references: [] });
const roundTrip = (value: unknown) => {
  const c = codec();
  const bytes = c.encode(value);
  return { bytes, decoded: c.decode(bytes) };
};
const errorOf = (value: unknown): string => {
  try {
    codec().encode(value);
  } catch (e) {
    expect(e).toBeInstanceOf(FieldError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('Avro codec', () => {
  it('encodes the smallest record with defaults and decodes it to the Avro JSON encoding', () => {
    const { bytes, decoded } = roundTrip({ id: 'o-1', qty: 2 });
    expect(bytes.subarray(0, 6).toString('hex')).toBe('066f2d310400');
    expect(decoded.exact).toBe(true);
    expect(decoded.value).toEqual({
      id: 'o-1',
      qty: 2,
      big: 0,
      note: null,
      status: 'NEW',
      items: [],
      tags: {},
      amount: '0.00',
      day: '1970-01-01',
      at: '1970-01-01T00:00:00.000Z',
      atMicros: '1970-01-01T00:00:00.000000Z',
      time: '00:00:00.000',
      uuid: '',
      choice: null,
      raw: '',
    });
  });

  it('reads logical types, unions, arrays, maps and bytes in their JSON forms and writes them back the same', () => {
    const value = {
      id: 'o-2',
      qty: -5,
      big: 9007199254740993n,
      note: { string: 'gift' },
      status: 'PAID',
      items: [{ sku: 'a', price: 1.5 }],
      tags: { x: 1, 'odd key': 2 },
      amount: '-1234.50',
      day: '2024-05-31',
      at: '2024-05-31T13:45:10.123Z',
      atMicros: '2024-05-31T13:45:10.123456Z',
      time: '13:45:10.123',
      uuid: '7a0c4c3e-0000-4000-8000-000000000000',
      choice: { 'shop.Item': { sku: 'b', price: 2 } },
      raw: '\u0000\u00ff',
    };
    const { decoded } = roundTrip(value);
    expect(decoded.exact).toBe(true);
    const json = JSON.stringify(decoded.value);
    expect(json).toContain('"big":9007199254740993');
    expect(JSON.parse(json).amount).toBe('-1234.50');
    expect(parseJsonExact(json)).toEqual({ ...value, amount: '-1234.50' });
    // What consume prints, produce reads back to the same bytes.
    const c = codec();
    expect(c.encode(parseJsonExact(json)).equals(c.encode(value))).toBe(true);
  });

  it('takes a plain union value when exactly one branch fits', () => {
    expect(roundTrip({ id: 'a', qty: 1, note: 'plain' }).decoded.value).toMatchObject({ note: { string: 'plain' } });
    expect(roundTrip({ id: 'a', qty: 1, choice: 'x' }).decoded.value).toMatchObject({ choice: { string: 'x' } });
    expect(roundTrip({ id: 'a', qty: 1, choice: { sku: 's', price: 1 } }).decoded.value).toMatchObject({
      choice: { 'shop.Item': { sku: 's', price: 1 } },
    });
    expect(roundTrip({ id: 'a', qty: 1, choice: { Item: { sku: 's', price: 1 } } }).decoded.exact).toBe(true);
  });

  it('names the field path and what was wrong', () => {
    expect(
      errorOf({
        id: 'a',
        qty: 1,
        items: [
          { sku: 'a', price: 1 },
          { sku: 'b', price: 1 },
          { sku: 'c', price: 'abc' },
        ],
      }),
    ).toBe('.items[2].price: expected double, got "abc"');
    expect(errorOf({ id: 'a' })).toBe('.qty: missing (record shop.Order needs it; it has no default)');
    expect(errorOf({ id: 'a', qty: 1, qyt: 2 })).toMatch(/^\.qyt: unknown field \(record shop\.Order has id, qty/);
    expect(errorOf({ id: 'a', qty: 2 ** 31 })).toBe('.qty: expected int, got 2147483648');
    expect(errorOf({ id: 'a', qty: 1, status: 'LOST' })).toBe('.status: expected one of NEW, PAID (enum shop.Status), got "LOST"');
    expect(errorOf({ id: 'a', qty: 1, tags: { 'odd key': 'x' } })).toBe('.tags["odd key"]: expected int, got "x"');
    expect(errorOf({ id: 'a', qty: 1, note: 5 })).toMatch(/^\.note: expected a value of \[null, string\]/);
    expect(errorOf({ id: 'a', qty: 1, note: { string: 5 } })).toBe('.note{string}: expected a string, got 5');
    expect(errorOf({ id: 'a', qty: 1, amount: '1.234' })).toBe('.amount: 1.234 has more than 2 digits after the point (decimal scale 2)');
    expect(errorOf({ id: 'a', qty: 1, at: 'yesterday' })).toMatch(/^\.at: expected a timestamp/);
    expect(errorOf({ id: 'a', qty: 1, raw: '\u0100' })).toMatch(/^\.raw: bytes are a string of code points 0-255/);
    expect(errorOf('x')).toBe('expected an object (record shop.Order), got "x"');
  });

  it('refuses an ambiguous plain union value', () => {
    const c = avroCodec({ schema: '["null","int","long"]', references: [] });
    expect(() => c.encode(5)).toThrow('5 fits both int and long: write {"int": ...}');
    expect(c.decode(c.encode({ long: 5 })).value).toEqual({ long: 5 });
  });

  it('resolves named types from references', () => {
    const money = JSON.stringify({ type: 'record', name: 'Money', namespace: 'shop', fields: [{ name: 'cents', type: 'long' }] });
    const pay = JSON.stringify({ type: 'record', name: 'Pay', namespace: 'shop', fields: [{ name: 'm', type: 'shop.Money' }] });
    const c = avroCodec({ schema: pay, references: [{ name: 'shop.Money', schema: money }] });
    expect(c.decode(c.encode({ m: { cents: 5 } })).value).toEqual({ m: { cents: 5 } });
  });

  it('reports non-canonical bytes (a blocked array) as not exact, and trailing bytes as an error', () => {
    const c = avroCodec({ schema: '{"type":"array","items":"int"}', references: [] });
    // Two blocks of one item each (Java's blocking encoder style): 02 02 02 04 00 -> [1, 2].
    const d = c.decode(Buffer.from([2, 2, 2, 4, 0]));
    expect(d).toEqual({ value: [1, 2], exact: false });
    expect(() => c.decode(Buffer.from([0, 0]))).toThrow('1 bytes after the Avro data');
  });

  it('keeps NaN and infinities as strings', () => {
    const c = avroCodec({ schema: '"double"', references: [] });
    expect(c.decode(c.encode('NaN')).value).toBe('NaN');
    expect(c.decode(c.encode('-Infinity')).value).toBe('-Infinity');
  });
});
