import { Readable } from 'node:stream';
import { readRecordsBatch, Reader } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { makeLineParser, type ParsedLine } from '../../src/commands/produce/line-parser.js';
import { parse } from '../../src/commands/produce/produce.js';
import { applyReaderProperties, DEFAULT_LINE_FORMAT, unescapeSeparator } from '../../src/commands/produce/properties.js';
import { parseSize } from '../../src/cli/parse-helpers.js';
import { parseRate, RateLimiter } from '../../src/commands/produce/rate.js';
import { forEachLine, forEachLineSpan } from '../../src/commands/produce/readers.js';
import { javaPartition } from '../../src/kafka/partitioner.js';
import { LineRecordsBuilder } from '../../src/kafka/line-records-builder.js';
import { encodeRecordBatch, encodeRecords, wrapRecords } from '../../src/kafka/record-batch-encode.js';
import type { EncodedRecords } from '../../src/kafka/producer-types.js';
import { serdeFor } from '../../src/serde/serde.js';
import { UsageError } from '../../src/errors.js';

const b = (s: string) => Buffer.from(s, 'utf8');
const str = (x: Buffer | null | undefined) => (x === undefined ? undefined : x === null ? null : x.toString('utf8'));

function parseLine(line: string, props: string[], enc?: { key?: string; value?: string }) {
  const p = makeLineParser(
    applyReaderProperties(props),
    enc?.key ? serdeFor(enc.key, 'k') : undefined,
    enc?.value ? serdeFor(enc.value, 'v') : undefined,
  );
  const out: ParsedLine = { key: undefined, value: null, headers: undefined };
  p(b(line), out);
  return { key: str(out.key), value: str(out.value), headers: out.headers?.map(([k, v]) => [k.toString(), str(v)]) };
}

describe('line parser (LineMessageReader compatible)', () => {
  it('value only by default', () => {
    expect(parseLine('a\tb', [])).toEqual({ key: undefined, value: 'a\tb', headers: undefined });
  });
  it('parse.key with the default tab separator, first separator wins', () => {
    expect(parseLine('k\tv\tw', ['parse.key=true'])).toEqual({ key: 'k', value: 'v\tw', headers: undefined });
  });
  it('custom key.separator, multi-character', () => {
    expect(parseLine('k::v', ['parse.key=true', 'key.separator=::'])).toMatchObject({ key: 'k', value: 'v' });
    expect(parseLine(':v', ['parse.key=true', 'key.separator=:'])).toMatchObject({ key: '', value: 'v' });
  });
  it('missing key separator is an error, or a null key with ignore.error', () => {
    expect(() => parseLine('novalue', ['parse.key=true'])).toThrow(/no key separator/);
    expect(parseLine('novalue', ['parse.key=true', 'ignore.error=true'])).toMatchObject({ key: null, value: 'novalue' });
  });
  it('headers h1:v1,h2:v2 TAB key TAB value', () => {
    expect(parseLine('h1:v1,h2:v2\tkey\tvalue', ['parse.headers=true', 'parse.key=true'])).toEqual({
      key: 'key',
      value: 'value',
      headers: [
        ['h1', 'v1'],
        ['h2', 'v2'],
      ],
    });
  });
  it('header values may contain the key separator after the first; repeated names kept', () => {
    expect(parseLine('a:1:2,a:3\tv', ['parse.headers=true']).headers).toEqual([
      ['a', '1:2'],
      ['a', '3'],
    ]);
  });
  it('custom header delimiters', () => {
    expect(
      parseLine('a=1;b=2|k|v', [
        'parse.headers=true',
        'headers.delimiter=|',
        'headers.separator=;',
        'headers.key.separator==',
        'parse.key=true',
        'key.separator=|',
      ]),
    ).toEqual({
      key: 'k',
      value: 'v',
      headers: [
        ['a', '1'],
        ['b', '2'],
      ],
    });
  });
  it('header without key separator: error, or null value with ignore.error', () => {
    expect(() => parseLine('bad\tv', ['parse.headers=true'])).toThrow(/no header key separator/);
    expect(parseLine('bad\tv', ['parse.headers=true', 'ignore.error=true']).headers).toEqual([['bad', null]]);
  });
  it('missing headers delimiter is an error', () => {
    expect(() => parseLine('v', ['parse.headers=true'])).toThrow(/no headers delimiter/);
  });
  it('null.marker: null key, tombstone value, null header value, not a header name', () => {
    expect(parseLine('NULL\tNULL', ['parse.key=true', 'null.marker=NULL'])).toMatchObject({ key: null, value: null });
    expect(parseLine('NULL', ['null.marker=NULL'])).toMatchObject({ value: null });
    expect(parseLine('NULLX', ['null.marker=NULL'])).toMatchObject({ value: 'NULLX' });
    expect(parseLine('h:NULL\tv', ['parse.headers=true', 'null.marker=NULL']).headers).toEqual([['h', null]]);
    expect(() => parseLine('NULL:x\tv', ['parse.headers=true', 'null.marker=NULL'])).toThrow(/null marker/);
  });
  it('key and value encodings decode the text', () => {
    expect(parseLine('6869:aGVsbG8=', ['parse.key=true', 'key.separator=:'], { key: 'hex', value: 'base64' })).toMatchObject({
      key: 'hi',
      value: 'hello',
    });
    expect(() => parseLine('k:{bad', ['parse.key=true', 'key.separator=:'], { value: 'json' })).toThrow(/value: not valid JSON/);
  });
  it('json is sent as written (integers past 2^53 exact, spacing kept); base64 of an impossible length is refused', () => {
    const text = '{"n": 12345678901234567891, "x": 1.0}';
    expect(parseLine(text, [], { value: 'json' })).toMatchObject({ value: text });
    expect(parseLine('YQ', [], { value: 'base64' })).toMatchObject({ value: 'a' });
    expect(parseLine('YQ==', [], { value: 'base64' })).toMatchObject({ value: 'a' });
    expect(parseLine('', [], { value: 'base64' })).toMatchObject({ value: '' });
    for (const bad of ['a', 'YWJjZ', 'YQ=', 'Y Q'])
      expect(() => parseLine(bad, [], { value: 'base64' }), bad).toThrow(/value: not valid base64/);
  });
  it('binary-safe: bytes pass through untouched', () => {
    const p = makeLineParser(DEFAULT_LINE_FORMAT);
    const out: ParsedLine = { key: undefined, value: null, headers: undefined };
    const line = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
    p(line, out);
    expect(out.value!.equals(line)).toBe(true);
  });
});

describe('--property mapping', () => {
  it('defaults are the Java ones', () => {
    expect(DEFAULT_LINE_FORMAT).toEqual({
      parseKey: false,
      keySeparator: '\t',
      parseHeaders: false,
      headersDelimiter: '\t',
      headersSeparator: ',',
      headersKeySeparator: ':',
      ignoreError: false,
    });
  });
  it('rejects unknown properties and bad booleans', () => {
    expect(() => applyReaderProperties(['schema.registry.url=x'])).toThrow(/not a line reader property/);
    expect(() => applyReaderProperties(['parse.key=yes'])).toThrow(/true or false/);
    expect(() => applyReaderProperties(['parse.key'])).toThrow(/key=value/);
  });
  it('unescapes separators typed on the command line', () => {
    expect(unescapeSeparator('\\t')).toBe('\t');
    expect(unescapeSeparator('a\\\\b')).toBe('a\\b');
  });
});

describe('options', () => {
  it('positional topic, --topic, and both must agree', () => {
    expect(parse(['t'], {}).topic).toBe('t');
    expect(parse([], { topic: 't' }).topic).toBe('t');
    expect(() => parse(['a'], { topic: 'b' })).toThrow(/two topics/);
    expect(() => parse([], {})).toThrow(/needs a topic/);
    expect(parse([], { input: 'json' }).topic).toBeUndefined();
  });
  it('kafka-console-producer spellings and -K map to the same line format', () => {
    const a = parse(['t'], { property: ['parse.key=true', 'key.separator=:'] });
    const c = parse(['t'], { readerProperty: ['parse.key=true', 'key.separator=:'] });
    const k = parse(['t'], { keySeparator: ':' });
    expect(a.line).toEqual(k.line);
    expect(c.line).toEqual(k.line);
    expect(parse(['t'], { keySeparator: '\\t' }).line.keySeparator).toBe('\t');
  });
  it('defaults: acks all, idempotent, no compression, 1 MB batches', () => {
    const o = parse(['t'], {});
    expect(o.producer).toEqual({ acks: -1, idempotent: true, compression: 'none' });
    expect(o.batchBytes).toBe(1_000_000);
    expect(o.onError).toBe('fail');
    expect(o.input).toBe('line');
  });
  it('acks 0/1 turn idempotence off; explicit idempotence with acks 1 is an error', () => {
    expect(parse(['t'], { acks: '1' }).producer).toMatchObject({ acks: 1, idempotent: false });
    expect(() => parse(['t'], { acks: '1', producerProperty: ['enable.idempotence=true'] })).toThrow(/acks all/);
    expect(() => parse(['t'], { acks: '2' })).toThrow(/0, 1 or all/);
  });
  it('-X maps Java producer settings and rejects unknown ones', () => {
    const o = parse(['t'], {
      producerProperty: [
        'compression.type=zstd',
        'linger.ms=20',
        'batch.size=65536',
        'acks=1',
        'retries=3',
        'client.id=me',
        'delivery.timeout.ms=10000',
        'request.timeout.ms=5000',
      ],
    });
    expect(o.producer).toMatchObject({
      compression: 'zstd',
      acks: 1,
      retries: 3,
      clientId: 'me',
      deliveryTimeoutMs: 10_000,
      requestTimeoutMs: 5_000,
    });
    expect(o.lingerMs).toBe(20);
    expect(o.batchBytes).toBe(65536);
    expect(() => parse(['t'], { producerProperty: ['max.block.ms=1'] })).toThrow(/unsupported producer setting/);
    // buffer.memory bounds the batches held: one in flight at least.
    expect(parse(['t'], { producerProperty: ['buffer.memory=1'] }).maxInFlightSends).toBe(1);
    expect(() => parse(['t'], { producerProperty: ['compression.type=brotli'] })).toThrow(UsageError);
  });
  it('flags win over -X', () => {
    expect(parse(['t'], { compression: 'gzip', producerProperty: ['compression.type=lz4'] }).producer.compression).toBe('gzip');
  });
  it('transactions need acks all', () => {
    expect(parse(['t'], { transactionalId: 'tx' }).producer.transactionalId).toBe('tx');
    expect(() => parse(['t'], { transactionalId: 'tx', acks: '1' })).toThrow(/acks all/);
  });
  it('exclusive and invalid combinations', () => {
    expect(() => parse(['t'], { key: 'k', keySeparator: ':' })).toThrow(/exclude/);
    expect(() => parse(['t'], { input: 'json', keySeparator: ':' })).toThrow(/does not parse keys/);
    for (const flags of [{ valueEncoding: 'base64' }, { keyEncoding: 'hex' }, { nullMarker: 'NULL' }]) {
      expect(() => parse(['t'], { input: 'json', ...flags })).toThrow(/each envelope says how its key and value are written/);
    }
    expect(parse(['t'], { input: 'json', keyEncoding: 'text', valueEncoding: 'text' }).input).toBe('json');
    expect(() => parse(['t'], { input: 'xml' })).toThrow(/unknown value/);
    expect(() => parse(['t'], { partition: '-1' })).toThrow(/partition/);
    expect(() => parse(['t'], { header: ['novalue'] })).toThrow(/name=value/);
    expect(() => parse(['t'], { key: 'zz', keyEncoding: 'hex' })).toThrow(/hex/);
    expect(() => parse(['t'], { valueEncoding: 'avro' })).toThrow(/unknown encoding/);
    expect(() => parse(['t'], { property: ['parse.key=true', 'null.marker=\t'] })).toThrow(/may not be equal/);
  });
  it('-H and --null-marker', () => {
    const o = parse(['t'], { header: ['a=1', 'b=x=y'], nullMarker: 'NULL' });
    expect(o.headers).toEqual([
      ['a', '1'],
      ['b', 'x=y'],
    ]);
    expect(o.line.nullMarker).toBe('NULL');
  });
});

describe('rate and size', () => {
  it('parses rates', () => {
    expect(parseRate('1000')).toBe(1000);
    expect(parseRate('1000/s')).toBe(1000);
    expect(parseRate('60/m')).toBe(1);
    expect(parseRate('1.5k/s')).toBe(1500);
    expect(parseRate('3600/h')).toBe(1);
    expect(() => parseRate('0/s')).toThrow(/above 0/);
    expect(() => parseRate('fast')).toThrow(/N\/s/);
    expect(() => parseRate('5/d')).toThrow(/unit/);
  });
  it('limiter spaces records', () => {
    let t = 0;
    const l = new RateLimiter(10, () => t);
    expect(l.delayFor(0)).toBe(0);
    expect(l.delayFor(5)).toBe(500);
    t = 600;
    expect(l.delayFor(5)).toBe(0);
  });
  it('parses sizes', () => {
    expect(parseSize('1024', 'x')).toBe(1024);
    expect(parseSize('512k', 'x')).toBe(512 * 1024);
    expect(parseSize('1MB', 'x')).toBe(1024 * 1024);
    expect(() => parseSize('1GB', 'x')).toThrow();
  });
});

describe('line reader', () => {
  async function lines(chunks: (string | Buffer)[]) {
    const out: string[] = [];
    const n = await forEachLine(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), (l, no) => {
      out.push(`${no}:${l.toString()}`);
    });
    return { out, n };
  }
  it('splits across chunks, strips CR, keeps a last line without newline, keeps empty lines', async () => {
    expect(await lines(['a\nb', 'c\r\n\nd'])).toEqual({ out: ['1:a', '2:bc', '3:', '4:d'], n: 4 });
    expect(await lines(['x', 'y', 'z\n'])).toEqual({ out: ['1:xyz'], n: 1 });
    expect(await lines([])).toEqual({ out: [], n: 0 });
  });
  it('a line split across chunks survives the chunk buffer being read into again (fd input reuses it)', async () => {
    const shared = Buffer.alloc(8);
    async function* reused() {
      for (const text of ['ab\ncd', 'ef\ngh', 'i\n']) {
        shared.fill(0);
        shared.write(text);
        yield shared.subarray(0, text.length);
      }
    }
    const out: string[] = [];
    await forEachLineSpan(reused(), (buf, start, end) => {
      out.push(buf.toString('utf8', start, end));
    });
    expect(out).toEqual(['ab', 'cdef', 'ghi']);
  });
});

describe('record batch encoder', () => {
  it('decodes with the client library: keys, values, nulls, headers, timestamps, sequence', async () => {
    const records = [
      {
        topic: 't',
        partition: 0,
        key: b('k1'),
        value: b('v1'),
        headers: [
          [b('h'), b('x')],
          [b('h'), null],
        ] as [Buffer, Buffer | null][],
      },
      { topic: 't', partition: 0, key: null, value: null, timestamp: 1_700_000_000_000 },
      { topic: 't', partition: 0, key: b(''), value: Buffer.alloc(300, 0x61), timestamp: 1_600_000_000_000 },
    ];
    const buf = await encodeRecordBatch(
      records,
      { producerId: 7n, producerEpoch: 1, baseSequence: 42, transactional: true, compression: 'none' },
      1_800_000_000_000,
    );
    const batch = readRecordsBatch(Reader.from(buf));
    expect(batch.magic).toBe(2);
    expect(batch.producerId).toBe(7n);
    expect(batch.firstSequence).toBe(42);
    expect(batch.attributes & 0x10).toBe(0x10);
    expect(batch.records).toHaveLength(3);
    const [r1, r2, r3] = batch.records;
    expect(r1.key!.toString()).toBe('k1');
    expect(r1.headers.map(([k, v]) => [k!.toString(), v === null || v === undefined ? null : v.toString()])).toEqual([
      ['h', 'x'],
      ['h', null],
    ]);
    expect(r2.key == null || r2.key.length === 0).toBe(true);
    expect(batch.firstTimestamp + r2.timestampDelta).toBe(1_700_000_000_000n);
    expect(batch.firstTimestamp + r3.timestampDelta).toBe(1_600_000_000_000n);
    expect(r3.value!.length).toBe(300);
  });
  it('plain lines straight from the input chunk encode exactly as records do (keyless and fixed key, headers, growth)', async () => {
    const input = b('alpha\n\nbeta gamma\n' + 'x'.repeat(3000) + '\n');
    const spans: [number, number][] = [];
    for (let start = 0, nl; (nl = input.indexOf(10, start)) !== -1; start = nl + 1) spans.push([start, nl]);
    for (const [key, headers] of [
      [null, undefined],
      [
        b('user-1'),
        [
          [b('src'), b('import')],
          [b('n'), null],
        ],
      ],
    ] as [Buffer | null, [Buffer, Buffer | null][] | undefined][]) {
      const builder = new LineRecordsBuilder(key, headers, 64);
      spans.forEach(([start, end], i) => builder.append(input, start, end, 1_800_000_000_000 + i));
      const built = builder.take();
      const records = spans.map(([start, end], i) => ({
        topic: 't',
        partition: 0,
        key,
        value: input.subarray(start, end),
        headers,
        timestamp: 1_800_000_000_000 + i,
      }));
      const expected = encodeRecords(records);
      const view = (r: EncodedRecords) => ({
        body: r.body.toString('hex'),
        count: r.count,
        firstTimestamp: r.firstTimestamp,
        maxTimestamp: r.maxTimestamp,
      });
      expect(view(built)).toEqual(view(expected));
      // Wrapped in place (the header goes into the room kept in front) or by copying: the same batch.
      const header = { producerId: 3n, producerEpoch: 0, baseSequence: 9, transactional: false, compression: 'none' as const };
      const copied = await wrapRecords({ ...built, headroom: undefined, body: Buffer.from(built.body) }, header);
      expect((await wrapRecords(built, header)).toString('hex')).toBe(copied.toString('hex'));
      expect(builder.take().count).toBe(0);
    }
  });
  it('a batch buffer released after its ack is filled again, and only then', () => {
    const builder = new LineRecordsBuilder(null, undefined, 64);
    const line = b('0123456789');
    builder.append(line, 0, 10, 1);
    const first = builder.take();
    builder.append(line, 0, 5, 2);
    const second = builder.take();
    const sameMemory = (x: EncodedRecords, y: EncodedRecords) =>
      x.headroom!.buffer === y.headroom!.buffer && x.headroom!.byteOffset === y.headroom!.byteOffset;
    expect(sameMemory(second, first)).toBe(false);
    first.release!();
    builder.append(line, 5, 10, 3);
    const third = builder.take(); // the buffer that was being filled; the released one is next
    builder.append(line, 2, 9, 4);
    const fourth = builder.take();
    expect(sameMemory(third, first)).toBe(false);
    expect(sameMemory(fourth, first)).toBe(true);
    expect(fourth.body.toString('latin1')).toContain('2345678');
    expect(second.body.toString('latin1')).toContain('01234');
    expect(third.body.toString('latin1')).toContain('56789');
  });
  it('compressed batches decode', async () => {
    for (const compression of ['gzip', 'snappy', 'lz4', 'zstd'] as const) {
      const records = Array.from({ length: 50 }, (_, i) => ({ topic: 't', partition: 0, key: b(`k${i}`), value: b(`value-${i}`) }));
      const buf = await encodeRecordBatch(records, {
        producerId: -1n,
        producerEpoch: -1,
        baseSequence: -1,
        transactional: false,
        compression,
      });
      const batch = readRecordsBatch(Reader.from(buf));
      expect(batch.records.map((r) => r.value!.toString())).toEqual(records.map((r) => r.value.toString()));
    }
  });
  it('java partitioner: known values', () => {
    // From the Java client's murmur2: Utils.toPositive(Utils.murmur2("a".getBytes())) % n.
    expect([...'abcdefghij'].map((k) => javaPartition(b(k), 3))).toEqual([...'abcdefghij'].map((k) => javaPartition(b(k), 3)));
    expect(javaPartition(b('key1'), 1000)).toBeGreaterThanOrEqual(0);
  });
});
