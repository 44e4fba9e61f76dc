import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { abortFilter } from '../../src/kafka/abort-filter.js';
import { toConsumedRecords, type FetchedBatch } from '../../src/kafka/decode.js';
import type { ConsumedRecord } from '../../src/kafka/consumer-types.js';
import { consoleFormatter, parseConsoleProps } from '../../src/commands/consume/console-format.js';
import { compileFormat } from '../../src/commands/consume/format.js';
import { parseTime } from '../../src/cli/time-spec.js';
import { parseOffsetSpec } from '../../src/commands/consume/offset-spec.js';
import { parse, type spec } from '../../src/commands/consume/consume.js';
import type { Flags } from '../../src/cli/spec.js';
import { jsonLineFormatter } from '../../src/commands/consume/json-line.js';
import { toEnvelope } from '../../src/serde/envelope.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('offset specs (rpk syntax + console-consumer words)', () => {
  it.each([
    ['start', { start: { kind: 'start' } }],
    ['earliest', { start: { kind: 'start' } }],
    ['end', { start: { kind: 'end' } }],
    ['latest', { start: { kind: 'end' } }],
    ['42', { start: { kind: 'offset', offset: 42n } }],
    ['-10', { start: { kind: 'fromEnd', delta: 10n } }],
    ['+5', { start: { kind: 'fromStart', delta: 5n } }],
    ['10:20', { start: { kind: 'offset', offset: 10n }, end: { kind: 'offset', offset: 20n } }],
    [':20', { start: { kind: 'start' }, end: { kind: 'offset', offset: 20n } }],
    ['10:', { start: { kind: 'offset', offset: 10n } }],
    ['-3:end', { start: { kind: 'fromEnd', delta: 3n }, end: { kind: 'end' } }],
    ['@1700000000000', { start: { kind: 'time', ms: 1700000000000 } }],
    ['@2026-01-01T00:00:00Z', { start: { kind: 'time', ms: Date.parse('2026-01-01T00:00:00Z') } }],
    ['@2026-01-01', { start: { kind: 'time', ms: Date.parse('2026-01-01T00:00:00Z') } }],
    ['@-1h', { start: { kind: 'time', ms: NOW - 3_600_000 } }],
    ['@-1h:end', { start: { kind: 'time', ms: NOW - 3_600_000 }, end: { kind: 'end' } }],
    [
      '@2026-01-01T10:00:00Z:@2026-01-01T11:30:00Z',
      { start: { kind: 'time', ms: Date.parse('2026-01-01T10:00:00Z') }, end: { kind: 'time', ms: Date.parse('2026-01-01T11:30:00Z') } },
    ],
    ['@-2h:@-1h', { start: { kind: 'time', ms: NOW - 7_200_000 }, end: { kind: 'time', ms: NOW - 3_600_000 } }],
  ])('%s', (text, expected) => expect(parseOffsetSpec(text, NOW)).toEqual(expected));

  it.each(['', 'soon', '1:2:3', '20:10', '5:-1', '@yesterday', '@-1x'])('rejects %j', (text) => {
    expect(() => parseOffsetSpec(text, NOW)).toThrow();
  });

  it('relative times are relative to the injected clock', () => expect(parseTime('+30m', { what: '-o', now: NOW })).toBe(NOW + 1_800_000));
});

const rec = (over: Partial<ConsumedRecord> = {}): ConsumedRecord => ({
  topic: 't',
  partition: 2,
  offset: 7,
  timestamp: 1700000000000,
  timestampType: 'CreateTime',
  key: Buffer.from('k'),
  value: Buffer.from('v1'),
  headers: [
    [Buffer.from('h'), Buffer.from('x')],
    [Buffer.from('n'), null],
  ],
  ...over,
});
const render = (f: (r: ConsumedRecord, out: { put(c: Buffer | string): void }) => void, r: ConsumedRecord) => {
  const out: (Buffer | string)[] = [];
  f(r, { put: (c) => out.push(c) });
  return Buffer.concat(out.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString();
};

describe('kcat format templates', () => {
  it.each([
    ['%t/%p/%o %k=%s\\n', 't/2/7 k=v1\n'],
    ['%S %K %T\\t%%', '2 1 1700000000000\t%'],
    ['%h', 'h=x,n='],
    ['%d', '2023-11-14T22:13:20.000Z'],
    ['%v', 'v1'],
  ])('%s', (template, expected) => expect(render(compileFormat(template), rec())).toBe(expected));

  it('null key and value print empty, sizes -1 (as kcat)', () =>
    expect(render(compileFormat('[%k][%v] %K %S'), rec({ key: null, value: null }))).toBe('[][] -1 -1'));
  it('rejects unknown tokens', () => expect(() => compileFormat('%x')).toThrow(/unknown format token "%x"/));
});

describe('kafka-console-consumer formatter properties', () => {
  it('prints like DefaultMessageFormatter', () => {
    const p = parseConsoleProps([
      'print.timestamp=true',
      'print.partition=true',
      'print.offset=true',
      'print.headers=true',
      'print.key=true',
      'key.separator=|',
    ])!;
    expect(render(consoleFormatter(p), rec())).toBe('CreateTime:1700000000000|Partition:2|Offset:7|h:x,n:null|k|v1\n');
    expect(render(consoleFormatter(parseConsoleProps(['print.key=true'])!), rec({ key: null, headers: [] }))).toBe('null\tv1\n');
  });
  it('rejects unknown properties', () => expect(() => parseConsoleProps(['print.nope=true'])).toThrow(/unknown formatter property/));
});

describe('consume arguments -> options', () => {
  it('defaults: end, values, no group, read_uncommitted', () => {
    const o = parse(['t'], {}, NOW);
    expect(o).toMatchObject({
      topics: ['t'],
      offset: { start: { kind: 'end' } },
      output: { kind: 'values' },
      isolation: 'read_uncommitted',
      exitAtEnd: false,
    });
  });
  it('console-consumer spellings', () => {
    const o = parse(
      [],
      { topic: ['t'], fromBeginning: true, partition: ['1'], maxMessages: '5', formatterProperty: ['print.key=true'] },
      NOW,
    );
    expect(o).toMatchObject({
      topics: ['t'],
      offset: { start: { kind: 'start' } },
      partitions: { partitions: [1] },
      maxMessages: 5,
      output: { kind: 'console' },
    });
  });
  it.each<[Record<string, unknown>, string]>([
    [{}, 'end'],
    [{ exit: true }, 'start'],
    [{ maxMessages: '10' }, 'start'],
    [{ exit: true, offset: ['end'] }, 'end'],
    [{ maxMessages: '3', offset: ['-3'] }, '-3'],
    [{ exit: true, group: 'g' }, 'start'],
    [{ fromBeginning: true }, 'start'],
  ])('without -o, -e and -n start at the start (kcat): %j -> %s', (flags, offsetText) =>
    expect(parse(['t'], flags, NOW).offsetText).toBe(offsetText),
  );
  it.each<[Record<string, unknown>, string]>([
    [{ topic: ['t'], maxMessages: '10' }, 'end'],
    [{ topic: ['t'], maxMessages: '10', fromBeginning: true }, 'start'],
    [{ topic: ['t'], exit: true }, 'start'],
  ])('kafka-console-consumer spelling keeps its rule (new records unless --from-beginning): %j -> %s', (flags, offsetText) =>
    expect(parse([], flags, NOW).offsetText).toBe(offsetText),
  );
  it('TOPIC:PARTITIONS and -p/-P', () => {
    expect(parse(['a:1,0', 'b', 'a:3-'], {}, NOW)).toMatchObject({
      topics: ['a', 'b'],
      topicPartitions: { a: { partitions: [0, 1], from: 3 } },
    });
    expect(parse(['a', 'a:1'], {}, NOW).topicPartitions).toBeUndefined();
    expect(parse(['a', 'b'], { partition: ['0'], partitions: ['2-3'] }, NOW)).toMatchObject({
      topics: ['a', 'b'],
      partitions: { partitions: [0, 2, 3] },
    });
  });
  it.each<[string[], Flags<typeof spec>, RegExp]>([
    [[], {}, /needs a TOPIC/],
    [['t'], { fromBeginning: true, offset: ['end'] }, /either --from-beginning or -o/],
    [['t'], { group: 'g', offset: ['5'] }, /with --group, -o only takes start or end/],
    [['t'], { group: 'g', partitions: ['0'] }, /cannot be combined with --group/],
    [['t:0'], { group: 'g' }, /cannot be combined with --group/],
    [['t:0'], { partition: ['1'] }, /once: as TOPIC:PARTITIONS or with -p/],
    [['t.*'], {}, /is a pattern, not a topic name/],
    [['t'], { partition: ['x'] }, /"x" is not a partition/],
    [['t'], { template: '%v', property: ['print.key=true'] }, /cannot be combined/],
    [['t'], { format: 'yaml', property: ['print.key=true'] }, /cannot be combined/],
    [['t'], { format: 'table' }, /consume --format table: records are not printed as a table/],
    [['t'], { output: 'wide' }, /consume --format wide/],
    [['t'], { template: 'table' }, /consume -f table/],
    [['t'], { format: '%k=%v' }, /unknown output format "%k=%v"/],
    [['t'], { format: 'json', template: '%v' }, /give -f\/--template or --format\/--json, not both/],
    [['t'], { json: true, template: '%v' }, /not both/],
    [['t'], { header: ['nokey'] }, /key=value/],
    [['t'], { fetchMaxBytes: '10' }, /--fetch-max-bytes must be from 1024/],
    [['t'], { fetchMaxBytes: 'lots' }, /--fetch-max-bytes: expected a size/],
  ])('rejects %j %j', (args, flags, message) => expect(() => parse(args, flags, NOW)).toThrow(message));
  it('--json: --key-encoding and --value-encoding, each for its own side; without --json they are refused', () => {
    expect(parse(['t'], { json: true, valueEncoding: 'base64' }, NOW).output).toEqual({
      kind: 'json',
      keyEncoding: 'text',
      valueEncoding: 'base64',
    });
    expect(parse(['t'], { format: 'json', keyEncoding: 'hex' }, NOW).output).toEqual({
      kind: 'json',
      keyEncoding: 'hex',
      valueEncoding: 'text',
    });
    expect(() => parse(['t'], { valueEncoding: 'json' }, NOW)).toThrow(/--value-encoding applies only with --json/);
    expect(() => parse(['t'], { template: '%v', keyEncoding: 'hex' }, NOW)).toThrow(/--key-encoding applies only with --json/);
  });
  it('--fetch-max-bytes takes a size; 1 MiB by default', () => {
    expect(parse(['t'], {}, NOW).fetchMaxBytes).toBe(1 << 20);
    expect(parse(['t'], { fetchMaxBytes: '8MB' }, NOW).fetchMaxBytes).toBe(8 << 20);
  });
});

describe('consume --format means what it means everywhere; the template is -f/--template', () => {
  it.each<[Record<string, unknown>, unknown]>([
    [{}, { kind: 'values' }],
    [{ json: true }, { kind: 'json', keyEncoding: 'text', valueEncoding: 'text' }],
    [{ format: 'json' }, { kind: 'json', keyEncoding: 'text', valueEncoding: 'text' }],
    [{ output: 'json' }, { kind: 'json', keyEncoding: 'text', valueEncoding: 'text' }],
    [
      { format: 'yaml', valueEncoding: 'base64' },
      { kind: 'yaml', keyEncoding: 'text', valueEncoding: 'base64' },
    ],
    [
      { json: true, format: 'yaml' },
      { kind: 'json', keyEncoding: 'text', valueEncoding: 'text' },
    ],
    [{ template: '%k=%v\\n' }, { kind: 'template', template: '%k=%v\\n' }],
    [{ template: 'json' }, { kind: 'json', keyEncoding: 'text', valueEncoding: 'text' }],
    [{ template: 'yaml' }, { kind: 'yaml', keyEncoding: 'text', valueEncoding: 'text' }],
    [{ property: ['print.key=true'] }, { kind: 'console', props: expect.anything() }],
  ])('%j', (flags, output) => expect(parse(['t'], flags, NOW).output).toEqual(output));
});

describe('--json lines', () => {
  const b = (s: string) => Buffer.from(s);
  const base = { topic: 'tö"pic', partition: 2, offset: 41, timestamp: 1_700_000_000_123, timestampType: 'CreateTime' as const };
  it.each<[string, ConsumedRecord]>([
    ['text key and value', { ...base, key: b('k'), value: b('v "quoted" \\ é \n'), headers: [] }],
    ['null key, tombstone', { ...base, key: null, value: null, headers: [] }],
    [
      'headers, repeated and null',
      {
        ...base,
        timestampType: 'LogAppendTime',
        key: b('k'),
        value: b('{"a":1}'),
        headers: [
          [b('h'), b('1')],
          [b('h'), null],
        ],
      },
    ],
    [
      'unique text headers',
      {
        ...base,
        key: null,
        value: b(''),
        headers: [
          [b('a'), b('x')],
          [b('b'), b('y')],
        ],
      },
    ],
    ['binary value', { ...base, key: b('k'), value: Buffer.from([0xff, 0x00, 0xfe]), headers: [[b('bin'), Buffer.from([0xc3])]] }],
    ['plain text copied as bytes: UTF-8, DEL, no escapes', { ...base, key: b('ключ'), value: b('plain é 😀 \u007f text'), headers: [] }],
    ['a key that needs escaping, a plain value', { ...base, key: b('tab\there'), value: b('x'), headers: [] }],
    ['a plain key, a value with a control character', { ...base, key: b('k'), value: b('bell\u0007'), headers: [] }],
    ['binary key, text value', { ...base, key: Buffer.from([0x80]), value: b('v'), headers: [] }],
    [
      'binary and repeated headers, text key and value',
      {
        ...base,
        key: b('k'),
        value: b('v'),
        headers: [
          [b('bin'), Buffer.from([0xff])],
          [b('r'), b('1')],
          [b('bin'), b('t')],
          [b('r'), b('2')],
        ],
      },
    ],
    ['binary key, headers', { ...base, key: Buffer.from([0xfe]), value: b('v'), headers: [[b('h'), b('1')]] }],
  ])('%s: the same bytes as JSON.stringify(toEnvelope(record))', async (_, record) => {
    const out: string[] = [];
    jsonLineFormatter()(record, { put: (c: Buffer | string) => out.push(String(c)) });
    expect(out.join('')).toBe(JSON.stringify(toEnvelope(record)) + '\n');
    // Into the output writer, where plain records are written byte by byte.
    const { OutputWriter } = await import('../../src/commands/consume/writer.js');
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const writer = new OutputWriter(stream, 256);
    const format = jsonLineFormatter();
    for (const r of [record, { ...record, offset: 9_007_199_254_740_000, timestamp: -1, partition: 0 }, record]) format(r, writer);
    await writer.flush();
    const expected = [record, { ...record, offset: 9_007_199_254_740_000, timestamp: -1, partition: 0 }, record]
      .map((r) => JSON.stringify(toEnvelope(r)) + '\n')
      .join('');
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
  });
});

describe('record batches', () => {
  const batch = (firstOffset: bigint, n: number, over: Partial<FetchedBatch> = {}): FetchedBatch => ({
    firstOffset,
    lastOffsetDelta: n - 1,
    producerId: -1n,
    attributes: 0,
    firstTimestamp: 1000n,
    maxTimestamp: 1000n + BigInt(n),
    records: Array.from({ length: n }, (_, i) => ({
      offsetDelta: i,
      timestampDelta: BigInt(i),
      key: null,
      value: Buffer.from(`v${Number(firstOffset) + i}`),
      headers: [],
    })),
    ...over,
  });
  it('skips records before the fetch offset and stops at the end offset', () => {
    const { records, nextOffset } = toConsumedRecords('t', 0, [batch(0n, 5), batch(5n, 5)], 3, 8);
    expect(records.map((r) => r.offset)).toEqual([3, 4, 5, 6, 7]);
    expect(nextOffset).toBe(8);
  });
  it('LogAppendTime batches use the batch max timestamp', () => {
    const { records } = toConsumedRecords('t', 0, [batch(0n, 2, { attributes: 0x08 })], 0, undefined);
    expect(records.map((r) => [r.timestampType, r.timestamp])).toEqual([
      ['LogAppendTime', 1002],
      ['LogAppendTime', 1002],
    ]);
  });
  it('read_committed drops an aborted transaction until its ABORT marker, keeps committed ones', () => {
    const abortKey = Buffer.from([0, 0, 0, 0]);
    const commitKey = Buffer.from([0, 0, 0, 1]);
    const control = (offset: bigint, pid: bigint, key: Buffer): FetchedBatch => ({
      ...batch(offset, 1, { producerId: pid, attributes: 0x30 }),
      records: [{ offsetDelta: 0, timestampDelta: 0n, key, value: Buffer.alloc(6), headers: [] }],
    });
    const batches = [
      batch(0n, 2, { producerId: 7n, attributes: 0x10 }),
      control(2n, 7n, abortKey),
      batch(3n, 2, { producerId: 8n, attributes: 0x10 }),
      control(5n, 8n, commitKey),
      batch(6n, 1, { producerId: 7n, attributes: 0x10 }),
    ];
    const keep = abortFilter([{ producerId: 7n, firstOffset: 0n }]);
    const { records, nextOffset } = toConsumedRecords('t', 0, batches, 0, undefined, keep);
    expect(records.map((r) => r.offset)).toEqual([3, 4, 6]);
    expect(nextOffset).toBe(7);
  });
});

describe('fast batch decoder agrees with the client library', () => {
  it('plain, compressed, headers, null key and value, offsets from/end', async () => {
    const { createRecordsBatch, readRecordsBatches, Reader } = await import('@platformatic/kafka');
    const { decodeBatches } = await import('../../src/kafka/record-batch-decode.js');
    const { decompress } = await import('../../src/kafka/fast-fetch.js');
    const messages = Array.from({ length: 20 }, (_, i) => ({
      topic: 't',
      key: i % 3 === 0 ? undefined : Buffer.from(`k${i}`),
      value: i % 5 === 4 ? undefined : Buffer.from(`value-${i}-${'x'.repeat(i * 40)}`),
      headers: i % 2 ? new Map([[Buffer.from('h'), Buffer.from(String(i))]]) : undefined,
      timestamp: BigInt(1700000000000 + i * 1000),
    }));
    for (const compression of ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const) {
      const one = createRecordsBatch(messages.slice(0, 10) as never, { compression } as never).buffer;
      const two = createRecordsBatch(messages.slice(10) as never, { compression } as never).buffer;
      two.writeBigInt64BE(10n, 0);
      const data = Buffer.concat([one, two]);
      const out: ConsumedRecord[] = [];
      const next = decodeBatches(data, 't', 0, 3, 17, out, decompress);
      expect(next).toBe(17);
      const reference = readRecordsBatches(Reader.from(data) as never).flatMap((b: FetchedBatch) =>
        b.records.map((r) => ({
          offset: Number(b.firstOffset) + r.offsetDelta,
          timestamp: Number(b.firstTimestamp + r.timestampDelta),
          key: r.key,
          value: r.value,
          headers: r.headers,
        })),
      );
      expect(out.map(({ offset, timestamp, key, value, headers }) => ({ offset, timestamp, key, value, headers }))).toEqual(
        reference.filter((r) => r.offset >= 3 && r.offset < 17),
      );
    }
  });

  it('ignores a partial batch at the end of a response', async () => {
    const { createRecordsBatch } = await import('@platformatic/kafka');
    const { decodeBatches } = await import('../../src/kafka/record-batch-decode.js');
    const data = createRecordsBatch(
      [
        { topic: 't', value: Buffer.from('a') },
        { topic: 't', value: Buffer.from('b') },
      ] as never,
      { compression: 'none' } as never,
    ).buffer;
    const out: ConsumedRecord[] = [];
    expect(decodeBatches(data.subarray(0, data.length - 3), 't', 0, 0, undefined, out, () => Buffer.alloc(0))).toBe(0);
    expect(out).toEqual([]);
  });
});

describe('output writer', () => {
  it('keeps every byte across block growth and flushes in order', async () => {
    const { PassThrough } = await import('node:stream');
    const { OutputWriter } = await import('../../src/commands/consume/writer.js');
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const w = new OutputWriter(stream, 1024);
    const expected: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const line = `${i}:${'é'.repeat(i % 7)}\n`;
      expected.push(line);
      if (i % 2) w.put(line);
      else w.put(Buffer.from(line));
      if (i % 1000 === 999) await w.flush();
    }
    expect(await w.flush()).toBe(true);
    expect(Buffer.concat(chunks).toString()).toBe(expected.join(''));
  });
});
