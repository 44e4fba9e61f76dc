/**
 * ktool dump-log offline, against kafka-dump-log.sh's own output on the same files
 * (test/fixtures/dump-log/expected/*.txt were printed by Kafka 4.3.1's DumpLogSegments from the
 * repository root with these arguments): segments with headers, null keys, every codec, a committed
 * and an aborted transaction, a transaction index, a __consumer_offsets prefix (cut mid-batch: the
 * "invalid bytes" line) with its producer snapshot, __transaction_state, __share_group_state (a share group made by
 * Kafka's console share consumer), a KRaft checkpoint.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { parseArgs } from '../helpers/parse-args.js';
import { JDouble, jsonText } from '../../src/dumplog/message-json.js';

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

  it('refuses what it cannot do, in one line: no file, a Java decoder class, --remote-log-metadata-decoder', async () => {
    expect((await parseArgs(['dump-log'])).code).toBe(2);
    const cls = await parseArgs(['dump-log', 'a.log', '--value-decoder-class', 'com.example.MyDecoder']);
    expect(cls.code).toBe(2);
    expect(cls.stderr).toMatch(/--value-decoder-class com.example.MyDecoder: ktool has no such decoder/);
    const remote = await parseArgs(['dump-log', 'a.log', '--remote-log-metadata-decoder']);
    expect(remote.code).toBe(2);
    expect(remote.stderr).toMatch(/--remote-log-metadata-decoder is not supported/);
  });
});

describe("Kafka's JSON converters' text", () => {
  it('Jackson escapes (upper-case \\u00XX) and Java doubles', () => {
    expect(jsonText({ a: 'x\u0001y\n', b: new JDouble(1000), c: new JDouble(1e7), d: 5n, e: Buffer.from('hi') })).toBe(
      '{"a":"x\\u0001y\\n","b":1000.0,"c":1.0E7,"d":5,"e":"aGk="}',
    );
  });
});
