import { describe, expect, it } from 'vitest';
import { FieldError } from '../../src/serde/field-error.js';
import { protobufCodec } from '../../src/serde/protobuf.js';
import { decodeMessageIndexes, encodeMessageIndexes } from '../../src/serde/wire.js';

const SHOP = `syntax = "proto3";
package shop;
import "google/protobuf/timestamp.proto";
import "google/protobuf/wrappers.proto";
import "money.proto";

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
  oneof pay { string card = 10; string iban = 11; }
  message Item { string sku = 1; double price = 2; }
  enum Status { NEW = 0; PAID = 1; }
}

message Refund {
  string order_id = 1;
  Order.Item item = 2;
}
`;
const MONEY = 'syntax = "proto3";\npackage shared;\nmessage Money { string currency = 1; int64 cents = 2; }\n';

const codec = (message?: string) => protobufCodec({ schema: SHOP, references: [{ name: 'money.proto', schema: MONEY }] }, message);

describe('Protobuf codec', () => {
  it('writes the message-index array as Confluent does: 0 for the first message, else zig-zag count and indexes', () => {
    expect(encodeMessageIndexes([0]).toString('hex')).toBe('00');
    expect(encodeMessageIndexes([1]).toString('hex')).toBe('0202');
    expect(encodeMessageIndexes([0, 1]).toString('hex')).toBe('040002');
    expect(decodeMessageIndexes(Buffer.from('00', 'hex'), 0)).toEqual({ indexes: [0], next: 1 });
    expect(decodeMessageIndexes(Buffer.from('040002ff', 'hex'), 0)).toEqual({ indexes: [0, 1], next: 3 });
  });

  it('encodes the canonical JSON mapping and decodes to it: camelCase names, int64 strings, well-known types, references', () => {
    const c = codec();
    const value = {
      orderId: 'o-1',
      big: '9007199254740993',
      items: [{ sku: 'a', price: 1.5 }],
      tags: { x: 1 },
      at: '2024-05-31T13:45:10.123Z',
      note: 'gift',
      status: 'PAID',
      blob: 'AAE=',
      total: { currency: 'EUR', cents: '1250' },
      card: '4111',
    };
    const bytes = c.encode(value);
    expect(bytes[0]).toBe(0);
    expect(c.decode(bytes)).toEqual({ value, exact: true });
    // The original field names are read too.
    expect(c.decode(c.encode({ order_id: 'o-2' })).value).toEqual({ orderId: 'o-2' });
  });

  it('encodes another message of the file with its index path and decodes it by that path', () => {
    const c = codec('Refund');
    const bytes = c.encode({ orderId: 'r', item: { sku: 's', price: 2 } });
    expect(bytes.subarray(0, 2).toString('hex')).toBe('0202');
    expect(codec().decode(bytes).value).toEqual({ orderId: 'r', item: { sku: 's', price: 2 } });
    expect(() => codec('Nope')).toThrow('no message Nope in the schema (it has shop.Order, shop.Order.Item, shop.Refund)');
    // A nested message: [0, 0].
    expect(codec('Order.Item').encode({ sku: 'x' }).subarray(0, 3).toString('hex')).toBe('040000');
  });

  it('names the field path of a value that does not fit', () => {
    const errorOf = (v: unknown) => {
      try {
        codec().encode(v);
      } catch (e) {
        expect(e).toBeInstanceOf(FieldError);
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(errorOf({ items: [{ sku: 'a' }, { sku: 'b', price: 'abc' }] })).toBe('.items[1].price: expected double, got "abc"');
    expect(errorOf({ big: 'x' })).toBe('.big: expected int64, got "x"');
    expect(errorOf({ status: 'LOST' })).toBe('.status: expected one of NEW, PAID (enum shop.Order.Status), got "LOST"');
    expect(errorOf({ at: 'yesterday' })).toMatch(/^\.at: expected a timestamp/);
    expect(errorOf({ card: '1', iban: '2' })).toBe('.iban: oneof pay takes one field, got card and iban');
    expect(errorOf({ nope: 1 })).toMatch(/^\.nope: unknown field \(message shop\.Order has orderId, big/);
    expect(errorOf({ tags: { x: 'y' } })).toBe('.tags.x: expected int32, got "y"');
  });

  it('an import that is neither a reference nor a google/protobuf file is an error', () => {
    expect(() => protobufCodec({ schema: SHOP, references: [] })).toThrow(/imports money\.proto/);
  });
});
