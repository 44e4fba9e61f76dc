import { describe, expect, it } from 'vitest';
import { envelopeHeaders, fromEnvelope, toEnvelope, type EnvelopeRecord } from '../../src/serde/envelope.js';

const b = (s: string) => Buffer.from(s, 'utf8');
const str = (x: Buffer | null) => (x === null ? null : x.toString('utf8'));
const BIN = Buffer.from([0xff, 0x00, 0x80]);
/** toEnvelope -> JSON text -> fromEnvelope, as `consume --json | produce --input json` does. */
const roundTrip = (r: EnvelopeRecord, options = {}) => fromEnvelope(JSON.parse(JSON.stringify(toEnvelope(r, options))));

describe('envelope output: one fixed shape', () => {
  it('plain text: no encoding fields, headers an object', () => {
    const env = toEnvelope({
      topic: 't',
      partition: 1,
      offset: 5n,
      timestamp: 1700000000000n,
      timestampType: 'CreateTime',
      key: b('k'),
      value: b('v'),
      headers: new Map([[b('h'), b('1')]]),
    });
    expect(JSON.stringify(env)).toBe(
      '{"topic":"t","partition":1,"offset":5,"timestamp":1700000000000,"timestampType":"CreateTime",' +
        '"key":"k","value":"v","headers":{"h":"1"}}',
    );
  });

  it('headers are always an object: a repeated name maps to its values in order, a null value is null', () => {
    const env = toEnvelope({
      key: null,
      value: b('v'),
      headers: [
        [b('a'), b('1')],
        [b('n'), null],
        [b('a'), b('2')],
        [b('a'), null],
      ],
    });
    expect(JSON.stringify(env.headers)).toBe('{"a":["1","2",null],"n":null}');
    expect(env.headerEncoding).toBeUndefined();
    expect(JSON.stringify(toEnvelope({ key: null, value: null }).headers)).toBe('{}');
  });

  it('each side has its own encoding: a binary key does not turn a text value into base64', () => {
    const env = toEnvelope({ key: BIN, value: b('text') });
    expect(JSON.stringify(env)).toBe(`{"key":"${BIN.toString('base64')}","keyEncoding":"base64","value":"text","headers":{}}`);
    const env2 = toEnvelope({ key: b('k'), value: BIN });
    expect(env2).toMatchObject({ key: 'k', value: BIN.toString('base64'), valueEncoding: 'base64' });
    expect(env2.keyEncoding).toBeUndefined();
  });

  it('--key-encoding / --value-encoding base64|hex|json act on their own side only', () => {
    expect(toEnvelope({ key: b('k'), value: b('v') }, { valueEncoding: 'hex' })).toMatchObject({
      key: 'k',
      value: '76',
      valueEncoding: 'hex',
    });
    expect(toEnvelope({ key: b('k'), value: b('v') }, { keyEncoding: 'base64' })).toMatchObject({
      key: 'aw==',
      keyEncoding: 'base64',
      value: 'v',
    });
    expect(toEnvelope({ key: null, value: null }, { keyEncoding: 'base64', valueEncoding: 'hex' })).toEqual({
      key: null,
      value: null,
      headers: {},
    });
    expect(toEnvelope({ value: b('{"a":1}') }, { valueEncoding: 'json' })).toMatchObject({ value: { a: 1 }, valueEncoding: 'json' });
    expect(toEnvelope({ key: b('[1]'), value: null }, { keyEncoding: 'json' })).toMatchObject({ key: [1], keyEncoding: 'json' });
    // Not embedded when re-serialising would change the bytes, or when it is a JSON string.
    for (const text of ['{ "a": 1 }', '"s"', 'plain']) {
      const env = toEnvelope({ value: b(text) }, { valueEncoding: 'json' });
      expect(env.value).toBe(text);
      expect(env.valueEncoding).toBeUndefined();
    }
  });

  it('binary header values: base64, named in headerEncoding (every value of that name)', () => {
    const h = envelopeHeaders([
      [b('bin'), Buffer.from([0xc3])],
      [b('bin'), b('ok')],
      [b('txt'), b('x')],
      [b('bin'), null],
    ]);
    expect(JSON.stringify(h)).toBe('{"headers":{"bin":["ww==","b2s=",null],"txt":"x"},"headerEncoding":{"bin":"base64"}}');
  });

  it('a header named __proto__ is an ordinary name', () => {
    const env = toEnvelope({ value: b('v'), headers: [[b('__proto__'), b('x')]] });
    expect(JSON.stringify(env.headers)).toBe('{"__proto__":"x"}');
    expect(roundTrip({ value: b('v'), headers: [[b('__proto__'), b('x')]] }).headers.map(([k, v]) => [k.toString(), str(v)])).toEqual([
      ['__proto__', 'x'],
    ]);
  });
});

describe('envelope round trip: lossless', () => {
  it.each<[string, EnvelopeRecord, object?]>([
    ['text', { key: b('k'), value: b('v é'), headers: [[b('h'), b('1')]] }],
    ['null key, tombstone', { key: null, value: null }],
    ['binary key, text value', { key: BIN, value: b('text') }],
    ['text key, binary value', { key: b('k'), value: BIN }],
    [
      'repeated and null headers',
      {
        key: null,
        value: b('v'),
        headers: [
          [b('a'), b('1')],
          [b('a'), null],
          [b('a'), b('3')],
          [b('n'), null],
        ],
      },
    ],
    [
      'binary headers, repeated',
      {
        key: null,
        value: b('v'),
        headers: [
          [b('bin'), Buffer.from([0xff])],
          [b('bin'), b('text')],
          [b('t'), b('x')],
        ],
      },
    ],
    ['empty key and value', { key: b(''), value: b('') }],
    ['hex value', { key: b('k'), value: BIN }, { valueEncoding: 'hex' }],
    ['embedded JSON', { key: b('{"id":1}'), value: b('[1,{"b":null}]') }, { keyEncoding: 'json', valueEncoding: 'json' }],
  ])('%s', (_, record, options) => {
    const back = roundTrip(record, options);
    expect(back.key).toEqual(record.key ?? null);
    expect(back.value).toEqual(record.value ?? null);
    // Values of one name keep their order; names come in the order they first occur.
    const pairs = (record.headers ?? []) as [Buffer, Buffer | null][];
    const names = [...new Set(pairs.map(([k]) => k.toString()))];
    expect(back.headers).toEqual(names.flatMap((n) => pairs.filter(([k]) => k.toString() === n)));
  });

  it('topic, partition and timestamp come back', () => {
    const back = roundTrip({
      topic: 't',
      partition: 3,
      offset: 9n,
      timestamp: 1700000000123n,
      timestampType: 'LogAppendTime',
      key: null,
      value: b('v'),
    });
    expect(back).toMatchObject({ topic: 't', partition: 3, timestamp: 1700000000123 });
  });
});

describe('envelope input: older ktool output still reads', () => {
  it('one "encoding" for key and value; array-of-pairs headers with {"base64"} values', () => {
    const back = fromEnvelope({
      key: 'aw==',
      value: BIN.toString('base64'),
      encoding: 'base64',
      headers: [
        ['a', '1'],
        ['a', { base64: '/w==' }],
        ['n', null],
      ],
    });
    expect(str(back.key)).toBe('k');
    expect(back.value).toEqual(BIN);
    expect(back.headers).toEqual([
      [b('a'), b('1')],
      [b('a'), Buffer.from([0xff])],
      [b('n'), null],
    ]);
  });
  it('embedded JSON values without valueEncoding', () => {
    expect(str(fromEnvelope({ value: { a: [1, 2] } }).value)).toBe('{"a":[1,2]}');
    expect(str(fromEnvelope({ value: 7 }).value)).toBe('7');
  });
  it('a side-specific encoding wins over "encoding"', () => {
    const back = fromEnvelope({ key: 'k', keyEncoding: 'text', value: '/w==', encoding: 'base64' });
    expect(str(back.key)).toBe('k');
    expect(back.value).toEqual(Buffer.from([0xff]));
  });
  it('header values: numbers and booleans as their text', () => {
    expect(fromEnvelope({ value: 'v', headers: { n: 3, ok: true } }).headers.map(([k, v]) => [k.toString(), str(v)])).toEqual([
      ['n', '3'],
      ['ok', 'true'],
    ]);
  });
});

describe('envelope input: strict', () => {
  it.each<[string, unknown, RegExp]>([
    [
      'unknown fields, with the known ones and a guess',
      { k: 'a', v: '1' },
      new RegExp(
        String.raw`^unknown fields "k", "v" in the JSON envelope \(known: topic, partition, offset, timestamp, ` +
          String.raw`timestampType, key, keyEncoding, keySchemaId, keyBytes, value, valueEncoding, valueSchemaId, valueBytes, ` +
          String.raw`headers, headerEncoding, encoding\); did you ` +
          String.raw`mean "key", "value"\?$`,
      ),
    ],
    [
      'one unknown field',
      { key: 'a', value: '1', header: { a: '1' } },
      /^unknown field "header" in the JSON envelope .*did you mean "headers"\?$/,
    ],
    ['no value', { key: 'a' }, /no "value" field \(a tombstone is "value": null\)/],
    ['not an object', [1], /expected a JSON object \(one envelope per line\), got an array/],
    ['a string line', 'text', /got a string/],
    ['null', null, /got null/],
    [
      'a number key',
      { key: 5, value: 'v' },
      /"key" must be a string or null \(set "keyEncoding": "json" to send its JSON text\), got a number/,
    ],
    [
      'an object value with base64',
      { value: { a: 1 }, valueEncoding: 'base64' },
      /"value" must be a string or null with "valueEncoding": "base64", got an object/,
    ],
    ['an object value with text', { value: { a: 1 }, valueEncoding: 'text' }, /"value" must be a string or null/],
    ['an unknown encoding', { value: 'x', encoding: 'rot13' }, /"encoding" must be/],
    [
      'an unknown valueEncoding',
      { value: 'x', valueEncoding: 'utf16' },
      /"valueEncoding" must be "base64", "hex", "json", "text", "avro", "protobuf" or "json-schema", got "utf16"/,
    ],
    ['bad base64', { value: '***', valueEncoding: 'base64' }, /"value" is not valid base64/],
    ['bad hex key', { key: 'xyz', keyEncoding: 'hex', value: null }, /"key" is not valid hex/],
    ['bad timestamp', { value: 'x', timestamp: 'soon' }, /timestamp/],
    ['bad pair', { value: 'x', headers: [['a']] }, /pair/],
    ['headers a string', { value: 'x', headers: 'a=1' }, /"headers" must be an object/],
    ['a header value an object', { value: 'x', headers: { a: { b: 1 } } }, /header "a": a value must be a string or null/],
    ['nested header arrays', { value: 'x', headers: { a: [['1']] } }, /nested array/],
    ['bad header base64', { value: 'x', headers: { a: '***' }, headerEncoding: { a: 'base64' } }, /header "a" is not valid base64/],
    [
      'headerEncoding for a missing header',
      { value: 'x', headers: {}, headerEncoding: { a: 'base64' } },
      /names header "a", which is not in "headers"/,
    ],
    ['headerEncoding not an object', { value: 'x', headers: {}, headerEncoding: 'base64' }, /"headerEncoding" must be an object/],
    ['negative partition', { value: 'x', partition: -1 }, /partition/],
    ['empty topic', { value: 'x', topic: '' }, /topic/],
    ['offset not an integer', { value: 'x', offset: 'first' }, /"offset" must be an integer/],
    ['unknown timestampType', { value: 'x', timestampType: 'Now' }, /timestampType/],
  ])('%s', (_, json, message) => expect(() => fromEnvelope(json)).toThrow(message));

  it('headerEncoding decodes every value of that name', () => {
    const back = fromEnvelope({ value: 'x', headers: { a: ['/w==', null], t: 'x' }, headerEncoding: { a: 'base64' } });
    expect(back.headers).toEqual([
      [b('a'), Buffer.from([0xff])],
      [b('a'), null],
      [b('t'), b('x')],
    ]);
  });
});
