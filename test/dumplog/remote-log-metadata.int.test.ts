/**
 * dump-log --remote-log-metadata-decoder and --cluster-metadata-decoder against Kafka 4.3.1 itself,
 * value by value: DumpLogSegments' own RemoteMetadataLogMessageParser and ClusterMetadataLogMessageParser
 * (remote-ref/RemoteLogMetadataRef.java, run by java from the test jars, no broker) and ktool's parsers
 * print the same line for each record of every kind RemoteLogMetadataSerde writes, for the records of a
 * KRaft checkpoint, and for thousands of mutations of them (bytes changed, cut, inserted, removed, varints
 * that wrap Java's int, tagged fields), plus the fixture's malformed values, a null and an empty one. The
 * mutations come from a fixed seed: the same values every run.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterMetadataParser, remoteLogMetadataDecoder, type MessageParser } from '../../src/dumplog/parsers.js';
import { batchRecords, logBatches } from '../../src/kafka/log-segment.js';
import { kafkaLibs } from '../helpers/kafka-tools.js';
import { seededRandom } from '../helpers/seeded-random.js';

const REF = join(import.meta.dirname, 'remote-ref', 'RemoteLogMetadataRef.java');

function java(args: string[], input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'java',
      ['-cp', join(kafkaLibs(), '*'), REF, ...args],
      { timeout: 120_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    );
    child.stdin!.end(input);
  });
}

const VARINTS = ['8180808010', '8080808010', 'ffffffff0f', '8080808080', '01', '00', '02050100', '01000101', '0107ffffffff0f'].map((h) =>
  Buffer.from(h, 'hex'),
);

function mutate(base: Buffer, next: () => number): Buffer {
  let b = Buffer.from(base);
  const at = (n: number) => Math.floor(next() * n);
  for (let k = 1 + at(3); k > 0; k--) {
    const op = next();
    const i = at(b.length + 1);
    if (op < 0.4 && b.length) b[Math.min(i, b.length - 1)] = [0, 1, 0x7f, 0x80, 0xff, at(256)][at(6)];
    else if (op < 0.6) b = Buffer.concat([b.subarray(0, i), VARINTS[at(VARINTS.length)], b.subarray(i + 1 + at(3))]);
    else if (op < 0.75) b = Buffer.concat([b.subarray(0, i), VARINTS[at(VARINTS.length)], b.subarray(i)]);
    else if (op < 0.85) b = b.subarray(0, at(b.length));
    else b = Buffer.concat([b.subarray(0, i), b.subarray(i + 1)]);
  }
  return b;
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'dump-log');

/** Java's lines and ktool's for `values` (hex, or 'null'); those that differ (the first 5). */
/** The hand-made values of test/fixtures/dump-log/remote/values.hex (hex, one per line). */
const remoteFixture = () =>
  readFileSync(join(FIXTURES, 'remote', 'values.hex'), 'utf8')
    .trim()
    .split('\n');

/** 3000 values (hex), each a mutation of one of `bases` (hex), the same for a seed on every run. */
function mutations(bases: string[], seed: number): string[] {
  const next = seededRandom(seed);
  const buffers = bases.map((h) => Buffer.from(h, 'hex'));
  return Array.from({ length: 3000 }, () => mutate(buffers[Math.floor(next() * buffers.length)], next).toString('hex'));
}

async function compare(parserClass: string, parser: MessageParser, values: string[]) {
  const expected = (await java([parserClass], `${values.join('\n')}\n`)).split('\n').slice(0, -1);
  expect(expected).toHaveLength(values.length);
  const ours = values.map((v) => parser({ offset: 0, key: null, value: v === 'null' ? null : Buffer.from(v, 'hex') }).value);
  const differ = values.flatMap((v, i) => (ours[i] === expected[i] ? [] : [{ value: v, kafka: expected[i], ktool: ours[i] }]));
  return { expected, differ: differ.slice(0, 5) };
}

describe('--remote-log-metadata-decoder: the same line as Kafka 4.3.1 for each value', () => {
  it('every kind of record, the fixture, and 3000 mutations of them', async () => {
    const samples = (await java(['samples'])).trim().split('\n');
    expect(samples).toHaveLength(8);
    const fixture = remoteFixture();
    const mutated = mutations([...samples, ...fixture], 4321);
    const values = [...samples, ...fixture, ...mutated, '', 'null'];
    const { expected, differ } = await compare('RemoteMetadataLogMessageParser', remoteLogMetadataDecoder, values);
    expect(differ).toEqual([]);
    // The mutations reach the objects' checks and toString(), not only the parse errors.
    expect(expected.filter((l) => l.startsWith('Remote')).length).toBeGreaterThan(300);
  }, 180_000);
});

describe('--cluster-metadata-decoder: the same line as Kafka 4.3.1 for each value', () => {
  it("a KRaft checkpoint's records, the remote fixture's values, and 3000 mutations of the records", async () => {
    const data = readFileSync(join(FIXTURES, 'meta', '00000000000000017221-0000000001.checkpoint'));
    const records = [...logBatches(data, 'checkpoint')]
      .filter((b) => !b.control)
      .flatMap((b) => batchRecords(b).map((r) => r.value!.toString('hex')));
    expect(records.length).toBeGreaterThan(100);
    const fixture = remoteFixture();
    const mutated = mutations(records, 8765);
    const values = [...records, ...fixture, ...mutated, '', 'null'];
    const { expected, differ } = await compare('ClusterMetadataLogMessageParser', clusterMetadataParser, values);
    expect(differ).toEqual([]);
    expect(expected.filter((l) => l.startsWith('{')).length).toBeGreaterThan(300);
  }, 180_000);
});
