/**
 * kcat 1.7's spellings through the command tree (issue 14): what each maps to, and the ones refused
 * with a line naming them. Behaviour against kcat itself is compared in test/dropin (cases-kcat.ts).
 */
import { describe, expect, it } from 'vitest';
import { compileKcatFormat, kcatJsonFormat, parseDelimiter, yajlString } from '../../src/commands/consume/kcat-format.js';
import { kcatOffsets, parseKcatProperties } from '../../src/commands/consume/kcat.js';
import type { ConsumedRecord } from '../../src/kafka/consumer-types.js';
import { kcatPartition, messages, splitMessage, type KcatInput } from '../../src/commands/produce/kcat.js';
import { parseArgs } from '../helpers/parse-args.js';

const B = ['-b', 'localhost:9092'];

describe('kcat consumer spellings', () => {
  it.each<[string[], Record<string, unknown>]>([
    [['-C', '-t', 't', '-e'], { topics: ['t'], exitAtEnd: true, offsetText: 'beginning', isolation: 'read_committed' }],
    [['-C', '-t', 't', '-c', '5'], { maxMessages: 5, offset: { start: { kind: 'start' } } }],
    [['-t', 't', '-o', 'end', '-e'], { offset: { start: { kind: 'end' } } }],
    [['-t', 't', '-o', '-3'], { offset: { start: { kind: 'fromEnd', delta: 3n } } }],
    [['-t', 't', '-o', '7'], { offset: { start: { kind: 'offset', offset: 7n } } }],
    [['-t', 't', '-o', 's@1000'], { offset: { start: { kind: 'time', ms: 1000 } } }],
    [['-t', 't', '-o', 's@1000', '-o', 'e@2000'], { offset: { start: { kind: 'time', ms: 1000 } }, stopAtMs: 2000 }],
    [['-t', 't', '-o', 'e@2000', '-e'], { offset: { start: { kind: 'start' } }, stopAtMs: 2000, exitAtEnd: true }],
    [['-t', 't', '-p', '2'], { partitions: { partitions: [2] } }],
    [['-G', 'g', 't1', 't2'], { topics: ['t1', 't2'], group: 'g', offset: { start: { kind: 'end' } } }],
    [['-G', 'g', 't', '-X', 'auto.offset.reset=earliest'], { group: 'g', offset: { start: { kind: 'start' } } }],
    [['-G', 'g', 't', '-o', 'stored'], { group: 'g', offsetText: 'stored' }],
    [['-t', 't', '-o', 'stored', '-X', 'group.id=g'], { group: 'g' }],
    [
      ['-t', 't', '-X', 'isolation.level=read_uncommitted', '-X', 'fetch.max.bytes=2000000'],
      { isolation: 'read_uncommitted', fetchMaxBytes: 2_000_000 },
    ],
    [['-t', 't', '-J'], { output: expect.objectContaining({ kind: 'kcat', json: true, delimiter: Buffer.from('\n') }) }],
    [
      ['-t', 't', '-K', '\\t', '-D', '\\x1e', '-Z'],
      { output: expect.objectContaining({ keyDelimiter: Buffer.from('\t'), delimiter: Buffer.from([0x1e]), nullEmpty: true }) },
    ],
    [
      ['-t', 't', '-f', '%k %s\\n'],
      { output: expect.objectContaining({ kind: 'kcat', template: '%k %s\\n' }), keyFormat: 'raw', valueFormat: 'raw' },
    ],
    // Twice in ktool's own spelling: the last wins (a script's -o start, then --offset N).
    [['t', '-o', '1', '--offset', '2'], { offset: { start: { kind: 'offset', offset: 2n } } }],
    // -q and -u alone keep ktool's own spelling (new records, values).
    [['t', '-q', '-u'], { offsetText: 'end', output: { kind: 'values' } }],
  ])('consume %j', async (args, wanted) => {
    const r = await parseArgs(['consume', ...args, ...B]);
    expect(r.stderr).toBe('');
    expect(r.options).toMatchObject(wanted);
  });

  it.each<[string[], RegExp]>([
    [['-C', '-e'], /-t <topic> missing/],
    [['-t', 't', '-o', 'stored'], /-o stored needs a group/],
    [['-G', 'g', 't', '-o', 'beginning'], /with -G: not supported/],
    [['-G', 'g', 't', '-o', 's@5'], /timestamps can't be used with -G/],
    [['-t', 't', '-o', 'x@5'], /kcat offsets are/],
    [['-t', 't', '-o', 's@abc'], /milliseconds/],
    [['-t', 't', '-X', 'security.protocol=SSL'], /-X security.protocol: not supported/],
    [['-t', 't', '-X', 'fetch.max.bytes=65536'], /message.max.bytes/],
    [['-t', 't', '-X', 'nothing'], /-X expects property=value/],
    [['-t', 't', '-J', '-f', '%s'], /-J with -f/],
    [['-t', 't', '--json'], /--json cannot be combined with kcat's flags/],
    [['-t', 't', '-f', '%x'], /unsupported formatter %x/],
    [['-t', 't', '-D', '\\xZZ'], /expects a hex number/],
    [['-t', 't', '-L'], /unknown option '-L'/],
    [['-t', 't', '-s', 'avro'], /unknown option '-s'/],
    [['-t', 't', '-O'], /unknown option '-O'/],
  ])('consume %j is refused', async (args, message) => {
    const r = await parseArgs(['consume', ...args, ...B]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('kcat producer spellings', () => {
  it.each<[string[], Record<string, unknown>]>([
    [
      ['-P', '-t', 't'],
      { topic: 't', files: [], quiet: true, kcat: expect.objectContaining({ wholeFiles: false, partitioner: 'consistent_random' }) },
    ],
    [['-P', '-t', 't', 'a.txt', 'b.txt'], { files: ['a.txt', 'b.txt'], kcat: expect.objectContaining({ wholeFiles: true }) }],
    [['-t', 't', '-l', 'a.txt'], { files: ['a.txt'], kcat: expect.objectContaining({ wholeFiles: false }) }],
    [
      ['-P', '-t', 't', '-K', ':', '-k', 'fixed', '-Z'],
      { kcat: expect.objectContaining({ keyDelimiter: Buffer.from(':'), fixedKey: Buffer.from('fixed'), nullEmpty: true }) },
    ],
    [
      ['-P', '-t', 't', '-D', ';', '-c', '3', '-T'],
      { kcat: expect.objectContaining({ delimiter: Buffer.from(';'), count: 3, tee: true }) },
    ],
    [['-P', '-t', 't', '-p', '2'], { kcat: expect.objectContaining({ partition: 2 }) }],
    [['-P', '-t', 't', '-p', '-1'], { kcat: expect.not.objectContaining({ partition: expect.anything() }) }],
    [['-P', '-t', 't', '-z', 'zstd'], { producer: expect.objectContaining({ compression: 'zstd' }) }],
    [['-P', '-t', 't', '-X', 'compression.codec=lz4'], { producer: expect.objectContaining({ compression: 'lz4' }) }],
    [['-P', '-t', 't', '-X', 'partitioner=murmur2_random'], { kcat: expect.objectContaining({ partitioner: 'murmur2_random' }) }],
    [['-P', '-t', 't', '-X', 'transactional.id=x'], { producer: expect.objectContaining({ transactionalId: 'x' }) }],
    [
      ['-P', '-t', 't', '-H', 'a=1', '-H', 'n'],
      {
        kcat: expect.objectContaining({
          headers: [
            [Buffer.from('a'), Buffer.from('1')],
            [Buffer.from('n'), null],
          ],
        }),
      },
    ],
    // Without a kcat-only flag, produce keeps its own spelling: TOPIC, lines, a summary.
    [['t', '-K', ':'], { topic: 't', quiet: false, line: expect.objectContaining({ keySeparator: ':' }) }],
  ])('produce %j', async (args, wanted) => {
    const r = await parseArgs(['produce', ...args, ...B]);
    expect(r.stderr).toBe('');
    expect(r.options).toMatchObject(wanted);
  });

  it.each<[string[], RegExp]>([
    [['-P', 'topic'], /-t <topic> missing/],
    [['-P', '-t', 't', '-D', ''], /-D must not be empty/],
    [['-P', '-t', 't', '-l', 'a', 'b'], /Only one file allowed for line mode/],
    [['-P', '-t', 't', '-z', 'brotli'], /-z: unknown value "brotli"/],
    [['-P', '-t', 't', '-X', 'partitioner=fnv1a'], /-X partitioner: unknown value/],
    [['-P', '-t', 't', '-X', 'socket.timeout.ms=1'], /-X socket.timeout.ms: unsupported producer setting/],
    [['-P', '-t', 't', '-H', '=v'], /Expected -H "name=value.." or -H "name"/],
    [['-P', '-t', 't', '--input', 'json'], /--input cannot be combined with kcat's flags/],
    [['-P', '-t', 't', '-f', 'x.txt'], /--file .* cannot be combined/],
    [['-P', '-t', 't', '-E'], /unknown option '-E'/],
  ])('produce %j is refused', async (args, message) => {
    const r = await parseArgs(['produce', ...args, ...B]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

const record = (over: Partial<ConsumedRecord> = {}): ConsumedRecord => ({
  topic: 't',
  partition: 1,
  offset: 5,
  timestamp: 1000,
  timestampType: 'CreateTime',
  key: Buffer.from('k'),
  value: Buffer.from('v'),
  headers: [],
  ...over,
});

function render(format: (r: ConsumedRecord, out: { put(c: Buffer | string): void }) => void, r: ConsumedRecord): Buffer {
  const parts: Buffer[] = [];
  format(r, { put: (c) => parts.push(Buffer.from(c)) });
  return Buffer.concat(parts);
}

describe("kcat's output", () => {
  it.each<[string, boolean, Partial<ConsumedRecord>, string]>([
    ['%t %p %o %k %s %S %K %T\\n', false, {}, 't 1 5 k v 1 1 1000\n'],
    ['[%k][%s] %S %K', false, { key: null, value: null }, '[][] -1 -1'],
    ['[%k][%s] %S %K', true, { key: Buffer.alloc(0), value: null }, '[NULL][NULL] -1 0'],
    [
      '%h',
      false,
      {
        headers: [
          [Buffer.from('a'), Buffer.from('1')],
          [Buffer.from('n'), null],
          [Buffer.from('e'), Buffer.alloc(0)],
        ],
      },
      'a=1,n=NULL,e=',
    ],
    // \101 is decimal (C's strtoul base 0: 0NN octal, 0xNN hex), as kcat reads it.
    ['%%\\x41\\101\\0101\\q\\t', false, {}, '%AeAq\t'],
  ])('-f %s (-Z %s)', (template, nullEmpty, over, wanted) => {
    expect(render(compileKcatFormat(template, nullEmpty), record(over)).toString('latin1')).toBe(wanted);
  });

  it('%R is the payload length as a big-endian int32', () => {
    expect([...render(compileKcatFormat('%R', false), record({ value: null }))]).toEqual([255, 255, 255, 255]);
  });

  it('-J: the fields in kcat 1.7 order, headers only when there are some, yajl escapes', () => {
    const json = kcatJsonFormat(Buffer.from('\n'), () => 3);
    expect(render(json, record({ headers: [[Buffer.from('h'), null]], key: null, value: Buffer.from('a"\u0001') })).toString()).toBe(
      '{"topic":"t","partition":1,"offset":5,"tstype":"create","ts":1000,"broker":3,' +
        '"headers":["h",null],"key":null,"payload":"a\\"\\u0001"}\n',
    );
    expect(yajlString(Buffer.from('\u001f'))).toBe('"\\u001F"');
  });

  it.each([
    ['\\n', [10]],
    ['\\t;', [9, 59]],
    ['\\x1e\\x41;B', [0x1e, 0x41, 0x3b, 0x42]],
    // Every hex digit is taken, the low byte kept (strtoul & 0xff).
    ['\\x41B', [0x1b]],
    ['::', [58, 58]],
  ])('-D/-K %s', (text, bytes) => expect([...parseDelimiter(text, '-D')]).toEqual(bytes));

  it.each<[string[], string]>([
    [[], 'beginning'],
    [['end', 'beginning'], 'start'],
    [['stored'], 'start'],
    [['-0'], 'end'],
    [['+4'], 'offset'],
  ])('-o %j', (values, kind) => {
    expect(kcatOffsets(values).spec.start.kind).toBe(kind === 'beginning' ? 'start' : kind);
  });

  it('-X maps librdkafka names', () => {
    expect(parseKcatProperties(['auto.offset.reset=smallest', 'group.id=g'])).toEqual({ reset: 'start', groupId: 'g' });
    expect(parseKcatProperties(['topic.auto.offset.reset=largest'])).toEqual({ reset: 'end' });
  });
});

describe("kcat's input and placement", () => {
  const input = (over: Partial<KcatInput> = {}): KcatInput => ({
    wholeFiles: false,
    delimiter: Buffer.from('\n'),
    nullEmpty: false,
    tee: false,
    partitioner: 'consistent_random',
    headers: [],
    ...over,
  });
  const split = (line: string, over: Partial<KcatInput>) => {
    const { key, value } = splitMessage(Buffer.from(line), input(over));
    return [key?.toString() ?? null, value?.toString() ?? null];
  };

  it.each<[string, Partial<KcatInput>, (string | null)[]]>([
    ['k:v:w', { keyDelimiter: Buffer.from(':') }, ['k', 'v:w']],
    ['nokey', { keyDelimiter: Buffer.from(':') }, [null, 'nokey']],
    ['nokey', { keyDelimiter: Buffer.from(':'), fixedKey: Buffer.from('f') }, ['f', 'nokey']],
    [':v', { keyDelimiter: Buffer.from(':') }, ['', 'v']],
    [':v', { keyDelimiter: Buffer.from(':'), nullEmpty: true }, [null, 'v']],
    ['k:', { keyDelimiter: Buffer.from(':'), nullEmpty: true }, ['k', null]],
    ['k::v', { keyDelimiter: Buffer.from('::') }, ['k', 'v']],
  ])('%s with %j', (line, over, wanted) => expect(split(line, over)).toEqual(wanted));

  it('messages: split on the delimiter across chunks, nothing stripped, the last without one', async () => {
    async function* chunks() {
      yield Buffer.from('a\r\nb;');
      yield Buffer.from(';c;;');
      yield Buffer.from('d');
    }
    const out: string[] = [];
    for await (const m of messages(chunks(), Buffer.from(';;'))) out.push(m.toString());
    expect(out).toEqual(['a\r\nb', 'c', 'd']);
  });

  it.each<[string, string | null, number]>([
    ['consistent_random', 'k1', 1],
    ['consistent_random', 'k2', 0],
    ['consistent', 'k3', 2],
    ['consistent', null, 0],
    ['murmur2_random', 'k1', 7],
    ['murmur2', null, 7],
  ])('%s places %s on partition %i of 3', (partitioner, key, wanted) => {
    const javaHash = () => 7;
    expect(kcatPartition(partitioner as KcatInput['partitioner'], key === null ? null : Buffer.from(key), 3, javaHash, () => 0.99)).toBe(
      wanted,
    );
  });

  it('consistent_random: an empty or null key goes to a random partition', () => {
    expect(
      kcatPartition(
        'consistent_random',
        Buffer.alloc(0),
        3,
        () => 7,
        () => 0.5,
      ),
    ).toBe(1);
    expect(
      kcatPartition(
        'murmur2_random',
        null,
        4,
        () => 7,
        () => 0.5,
      ),
    ).toBe(2);
  });
});
