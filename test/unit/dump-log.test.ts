/**
 * ktool dump-log offline, against kafka-dump-log.sh's own output on the same files
 * (test/fixtures/dump-log/expected/*.txt were printed by Kafka 4.3.1's DumpLogSegments from the
 * repository root with these arguments): segments with headers, null keys, every codec, a committed
 * and an aborted transaction, a transaction index, a __consumer_offsets prefix (cut mid-batch: the
 * "invalid bytes" line) with its producer snapshot, __transaction_state, __share_group_state (a share group made by
 * Kafka's console share consumer), a KRaft checkpoint, and __remote_log_metadata records: remote/values.hex
 * (RemoteLogMetadataSerde.serialize of each kind, then malformed values: bad frame versions, unknown api key,
 * truncated, trailing bytes, unknown states, negative offsets, no leader epochs, a null name, varints that
 * overflow Java's int) written with `ktool produce --value-encoding hex`, a null and an empty value after them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { parseArgs } from '../helpers/parse-args.js';
import { JDouble, jsonText } from '../../src/dumplog/message-json.js';
import { remoteLogMetadataDecoder } from '../../src/dumplog/parsers.js';

const F = 'test/fixtures/dump-log';
const LOG = `${F}/00000000000000000000.log`;
const expected = (name: string) => readFileSync(`${F}/expected/${name}.txt`, 'utf8');

describe('dump-log --files: the lines of kafka-dump-log.sh', () => {
  const cases: [string, string[]][] = [
    ['shallow', ['--files', LOG]],
    ['print', ['--files', `${LOG},${F}/00000000000000000000.txnindex`, '--print-data-log']],
    ['skip', ['--files', LOG, '--print-data-log', '--skip-record-metadata']],
    ['maxbytes', ['--files', LOG, '--deep-iteration', '--max-bytes', '300']],
    ['offsets', ['--files', `${F}/offsets/00000000000000000000.log,${F}/offsets/00000000000000000063.snapshot`, '--offsets-decoder']],
    // KIP-848 member records (a null tagged nullable struct) and a producer without a last batch.
    [
      'offsets-kip848',
      ['--files', `${F}/offsets/00000000000000000110.log,${F}/offsets/00000000000000000163.snapshot`, '--offsets-decoder'],
    ],
    ['txn', ['--files', `${F}/txn/00000000000000000000.log`, '--transaction-log-decoder']],
    ['share', ['--files', `${F}/share/00000000000000000000.log`, '--share-group-state-decoder']],
    ['meta', ['--files', `${F}/meta/00000000000000017221-0000000001.checkpoint`, '--cluster-metadata-decoder']],
    ['meta-deep', ['--files', `${F}/meta/00000000000000017221-0000000001.checkpoint`, '--deep-iteration']],
    ['remote', ['--files', `${F}/remote/00000000000000000000.log`, '--remote-log-metadata-decoder']],
  ];
  for (const [name, args] of cases) {
    it(`${name}: ${args.slice(2).join(' ') || 'batches only'}`, async () => {
      const r = await runCli(['dump-log', ...args]);
      // The cut-out segment starts at 110: the original's gap report, on stderr after every file.
      const gap = `Non-consecutive offsets in ${process.cwd()}/${F}/offsets/00000000000000000110.log\n  -1 is followed by 110\n`;
      expect(r.stderr).toBe(name === 'offsets-kip848' ? gap : '');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(expected(name));
    });
  }

  it('FILE arguments with --format kafka print the same lines', async () => {
    const r = await runCli(['dump-log', LOG, '--format', 'kafka']);
    expect(r.stdout).toBe(expected('shallow'));
  });

  it('an unknown file: "Dumping" on stdout, "Ignoring unknown file" on stderr, exit 0 (as the original)', async () => {
    const r = await runCli(['dump-log', '--files', `${F}/expected/shallow.txt`]);
    expect(r.stdout).toBe(`Dumping ${F}/expected/shallow.txt\n`);
    expect(r.stderr).toBe(`Ignoring unknown file ${F}/expected/shallow.txt\n`);
    expect(r.code).toBe(0);
  });

  it("a coordinator decoder on a record without a key: the original's record metadata without a line end, then exit 1", async () => {
    const file = `${F}/remote/00000000000000000000.log`;
    const r = await runCli(['dump-log', '--files', file, '--offsets-decoder']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      expected('remote')
        .split('\n')
        .slice(0, 4)
        .join('\n')
        .replace(/ payload: .*$/, ''),
    );
    expect(r.stderr).toMatch(/Failed to decode message at offset 0 using the specified decoder \(message had a missing key\)/);
  });

  it('a missing file is exit 1 after what was printed', async () => {
    const r = await runCli(['dump-log', '--files', `${F}/nope/00000000000000000000.log`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`Dumping ${F}/nope/00000000000000000000.log\nLog starting offset: 0\n`);
    expect(r.stderr).toMatch(/^error: /);
  });
});

describe('dump-log native output', () => {
  it('--json: one object per line, the file, its batches and records with keys and payloads', async () => {
    const r = await runCli(['dump-log', LOG, '--print-data-log', '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ type: 'file', file: LOG, fileType: 'log' });
    const records = lines.filter((l) => l.type === 'record');
    expect(records).toHaveLength(20);
    expect(records[0]).toMatchObject({ offset: 0, key: 'k1', payload: 'v1', headerKeys: ['h1', 'h2'], file: LOG });
    expect(records.find((x) => x.offset === 19)).toMatchObject({ control: 'endTxnMarker: ABORT coordinatorEpoch: 2' });
    const codecs = lines.filter((l) => l.type === 'batch').map((b) => b.compression);
    expect(new Set(codecs)).toEqual(new Set(['none', 'gzip', 'snappy', 'lz4', 'zstd']));
  });

  it('a table of batches by default, of records with --print-data-log', async () => {
    const batches = await runCli(['dump-log', LOG]);
    expect(batches.stdout.split('\n')[0]).toBe(LOG);
    expect(batches.stdout).toMatch(/BASE +LAST +COUNT/);
    const records = await runCli(['dump-log', LOG, '--print-data-log']);
    expect(records.stdout).toMatch(/OFFSET +TIMESTAMP/);
    expect(records.stdout).toMatch(/a-zstd/);
  });
});

describe('dump-log arguments', () => {
  it('files from --files and arguments; --files picks the original lines', async () => {
    const r = await parseArgs(['dump-log', '--files', 'a.log,b.index', 'c.log']);
    expect(r.options).toMatchObject({ files: ['a.log', 'b.index', 'c.log'], mode: 'kafka', deep: false, printData: false });
    expect((await parseArgs(['dump-log', 'a.log'])).options).toMatchObject({ mode: 'table' });
    expect((await parseArgs(['dump-log', 'a.log', '--json'])).options).toMatchObject({ mode: 'json' });
  });

  it('a decoder implies --print-data-log, which implies --deep-iteration (as the original)', async () => {
    const r = await parseArgs(['dump-log', 'a.log', '--offsets-decoder']);
    expect(r.options).toMatchObject({ printData: true, deep: true, decoder: { kind: 'group' } });
    const k = await parseArgs(['dump-log', 'a.log', '--key-decoder-class']);
    expect(k.options).toMatchObject({ printData: true, decoder: { kind: 'classes', key: 'string', value: 'string' } });
    const l = await parseArgs(['dump-log', 'a.log', '--value-decoder-class', 'org.apache.kafka.tools.api.LongDecoder']);
    expect(l.options).toMatchObject({ decoder: { kind: 'classes', key: 'string', value: 'long' } });
  });

  it('refuses what it cannot do, in one line: no file, a Java decoder class', async () => {
    expect((await parseArgs(['dump-log'])).code).toBe(2);
    const cls = await parseArgs(['dump-log', 'a.log', '--value-decoder-class', 'com.example.MyDecoder']);
    expect(cls.code).toBe(2);
    expect(cls.stderr).toMatch(/--value-decoder-class com.example.MyDecoder: ktool has no such decoder/);
  });

  it("the decoders in the original's order: offsets, transaction log, cluster metadata, remote log metadata, share state", async () => {
    const remote = await parseArgs(['dump-log', 'a.log', '--remote-log-metadata-decoder']);
    expect(remote.options).toMatchObject({ printData: true, deep: true, decoder: { kind: 'remote' } });
    const both = await parseArgs(['dump-log', 'a.log', '--share-group-state-decoder', '--remote-log-metadata-decoder']);
    expect(both.options).toMatchObject({ decoder: { kind: 'remote' } });
    const metadata = await parseArgs(['dump-log', 'a.log', '--remote-log-metadata-decoder', '--cluster-metadata-decoder']);
    expect(metadata.options).toMatchObject({ decoder: { kind: 'metadata' } });
  });
});

describe("Kafka's JSON converters' text", () => {
  it('Jackson escapes (upper-case \\u00XX) and Java doubles', () => {
    expect(jsonText({ a: 'x\u0001y\n', b: new JDouble(1000), c: new JDouble(1e7), d: 5n, e: Buffer.from('hi') })).toBe(
      '{"a":"x\\u0001y\\n","b":1000.0,"c":1.0E7,"d":5,"e":"aGk="}',
    );
  });
});

describe('--remote-log-metadata-decoder', () => {
  // Kafka 4.3.1's DumpLogSegments printed these for the same values (RemoteLogMetadataSerde.deserialize(value).toString()).
  const parse = (hex: string | null, offset = 7) =>
    remoteLogMetadataDecoder({ offset, key: null, value: hex === null ? null : Buffer.from(hex, 'hex') });

  it('a partition delete record: the object as Java prints it, no key', () => {
    const hex = '010200076f72646572731234567890abcdef0fedcba9876543210000000300000000010000018bcfe57b880000';
    expect(parse(hex)).toEqual({
      value:
        'RemotePartitionDeleteMetadata{topicPartition=EjRWeJCrze8P7cuph2VDIQ:orders-3, state=DELETE_PARTITION_MARKED, ' +
        'eventTimestampMs=1700000005000, brokerId=1}',
    });
  });

  it("read as Kafka's generated read(): Java int varints (five bytes wrap), a known tagged field read in place", () => {
    // The name's length as 81 80 80 80 10: 1 + (0x10 << 28), which Java's int wraps to 1, an empty name.
    const wrapped = '01020081808080101234567890abcdef0fedcba9876543210000000300000000010000018bcfe57b880000';
    expect(parse(wrapped).value).toBe(
      'RemotePartitionDeleteMetadata{topicPartition=EjRWeJCrze8P7cuph2VDIQ:-3, state=DELETE_PARTITION_MARKED, ' +
        'eventTimestampMs=1700000005000, brokerId=1}',
    );
    // TxnIndexEmpty (tag 0) with a size of 3: one byte read, two left over.
    const segment = readFileSync(`${F}/remote/values.hex`, 'utf8').split('\n')[0];
    expect(parse(`${segment.slice(0, -2)}010003010909`).value).toBe('Error at offset 7, skipping. Found 2 byte(s) of garbage after 0');
  });

  it("what does not read: the original's error line with the record's offset", () => {
    expect(parse('0109', 3).value).toBe('Error at offset 3, skipping. Error while reading version');
    expect(parse('010900').value).toBe(
      'Error at offset 7, skipping. org.apache.kafka.common.errors.UnsupportedVersionException: Unknown metadata id 9',
    );
    expect(parse('01ffff0300').value).toBe('Error at offset 7, skipping. Value for type was too large.');
    // Five varint bytes wrap Java's int: -1 as the frame version.
    expect(parse('ffffffff0f').value).toMatch(/unknown frame version -1\(only frame version 1 is supported\)$/);
    expect(parse('').value).toBe('Error at offset 7, skipping. Error while reading frame version');
    expect(parse(null).value).toMatch(/^Error at offset 7, skipping\. Cannot invoke "java\.nio\.ByteBuffer\.remaining\(\)"/);
  });
});
