/**
 * The perf tools' flags against the broker, read back with `ktool consume --json`: --payload-file's
 * pieces are the records written (both spellings), --print-metrics' table follows the lines,
 * kafka-consumer-perf-test.sh's --group commits what it read with --fetch-size fetches, and
 * kafka-e2e-latency.sh's records carry their keys and headers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'ktool-perf-flags-'));

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes']);
});

async function topic(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  expect((await runCli(['topics', 'create', name])).code).toBe(0);
  created.push(name);
  return name;
}

interface Consumed {
  key: string | null;
  value: string | null;
  headers: Record<string, string | null>;
}

async function records(t: string): Promise<Consumed[]> {
  const r = await runCli(['consume', t, '--from-beginning', '-e', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Consumed);
}

describe('perf produce --payload-file', needs('KTOOL_TEST_BOOTSTRAP'), () => {
  // Pieces at the delimiter `\|`: a newline inside a piece stays, the trailing delimiter ends the last one.
  const file = join(dir, 'payloads.txt');
  writeFileSync(file, 'alpha|beta\ngamma|');
  const pieces = ['alpha', 'beta\ngamma'];

  it("kafka-producer-perf-test.sh's spelling: its lines, the pieces are the records, then --print-metrics' table", async () => {
    const t = await topic('perfpay');
    const r = await runCli([
      ...['perf', 'produce', '--topic', t, '--num-records', '200', '--throughput', '-1', '--bootstrap-server', bootstrap()],
      ...['--payload-file', file, '--payload-delimiter', '\\|', '--print-metrics'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([`Reading payloads from: ${file}`, 'Number of records read: 2']);
    expect(lines[2]).toMatch(/^200 records sent, /);
    // The metrics table: a blank line, the header, `name : value` padded to the longest name.
    expect(lines[3]).toBe('');
    expect(lines[4]).toMatch(/^Metric Name +Value$/);
    expect(lines).toContainEqual(expect.stringMatching(/^producer-metrics:record-send-total:\{client-id=ktool\} +: 200\.000$/));
    expect(lines).toContainEqual(expect.stringMatching(/^producer-metrics:record-error-total:\{client-id=ktool\} +: 0\.000$/));
    const values = (await records(t)).map((x) => x.value);
    expect(values).toHaveLength(200);
    expect(values.every((v) => pieces.includes(v!))).toBe(true);
    // 200 random picks of 2: both are there (all 200 the same has odds of 2^-199).
    expect(new Set(values).size).toBe(2);
  });

  it("ktool's spelling: the same pieces; a missing file refused (the original's spelling: its message, exit 1)", async () => {
    const t = await topic('perfpayn');
    const r = await runCli(['perf', 'produce', t, '-n', '100', '--payload-file', file, '--payload-delimiter', '\\|', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(new Set((await records(t)).map((x) => x.value))).toEqual(new Set(pieces));
    const missing = await runCli([
      ...['perf', 'produce', '--topic', t, '--num-records', '1', '--throughput', '-1', '--bootstrap-server', bootstrap()],
      ...['--payload-file', join(dir, 'none.txt')],
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe(`Reading payloads from: ${join(dir, 'none.txt')}\n`);
    expect(missing.stderr).toContain('java.lang.IllegalArgumentException: File does not exist or empty file provided.');
    // ktool's spelling: the flag's fault, exit 2, the file named.
    const native = await runCli(['perf', 'produce', t, '-n', '1', '--payload-file', join(dir, 'none.txt')]);
    expect(native.code).toBe(2);
    expect(native.stderr).toContain(`--payload-file ${join(dir, 'none.txt')}: File does not exist or empty file provided.`);
  });
});

describe('perf consume --group --fetch-size --print-metrics', needs('KTOOL_TEST_BOOTSTRAP'), () => {
  it("kafka-consumer-perf-test.sh's spelling: every record read in small fetches, the group's offsets committed, the table", async () => {
    const t = await topic('perfcf');
    expect((await runCli(['perf', 'produce', t, '-n', '500', '-s', '40', '--acks', '1'])).code).toBe(0);
    const group = uniqueName('perfcfg');
    const r = await runCli([
      ...['perf', 'consume', '--bootstrap-server', bootstrap(), '--topic', t, '--num-records', '500'],
      ...['--group', group, '--fetch-size', '1000', '--print-metrics', '--hide-header'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0].split(', ')[4]).toBe('500');
    expect(lines).toContainEqual(
      expect.stringMatching(/^consumer-fetch-manager-metrics:records-consumed-total:\{client-id=ktool\} +: 500\.000$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^consumer-fetch-manager-metrics:bytes-consumed-total:\{client-id=ktool\} +: 20000\.000$/),
    );
    const d = await runCli(['groups', 'describe', group, '--offsets', '--json']);
    expect(d.code, d.stderr).toBe(0);
    const offsets = (JSON.parse(d.stdout) as { offsets: { topic: string; currentOffset: number }[] }[])[0].offsets;
    expect(offsets.filter((o) => o.topic === t).map((o) => o.currentOffset)).toEqual([500]);
    await runCli(['groups', 'delete', group, '--yes']);
  });
});

describe('perf e2e keys and headers', needs('KTOOL_TEST_BOOTSTRAP'), () => {
  it("kafka-e2e-latency.sh's spelling: each record carries its key and headers (java.util.Random(0)'s letters)", async () => {
    const t = await topic('perfe2k');
    const r = await runCli([
      ...['perf', 'e2e', '--bootstrap-server', bootstrap(), '--topic', t, '--num-records', '3', '--producer-acks', 'all'],
      ...[
        '--record-size',
        '2',
        '--record-key-size',
        '3',
        '--num-headers',
        '2',
        '--record-header-key-size',
        '1',
        '--record-header-size',
        '-1',
      ],
    ]);
    expect(r.code, r.stderr).toBe(0);
    // Draws per record: key, value, then each header's key (values null): S S X V | N J H P | D Q D X.
    expect(await records(t)).toMatchObject([
      { key: 'SSS', value: 'SS', headers: { X: null, V: null } },
      { key: 'NNN', value: 'JJ', headers: { H: null, P: null } },
      { key: 'DDD', value: 'QQ', headers: { D: null, X: null } },
    ]);
  });

  it('no --record-key-size: an empty key, as the original sends; ktool spelling: no key', async () => {
    const [a, b] = [await topic('perfe2e'), await topic('perfe2n')];
    const dropin = ['perf', 'e2e', '--bootstrap-server', bootstrap(), '--topic', a, '--num-records', '2', '--producer-acks', '1'];
    expect((await runCli([...dropin, '--record-size', '1'])).code).toBe(0);
    expect((await records(a)).map((x) => x.key)).toEqual(['', '']);
    expect((await runCli(['perf', 'e2e', b, '-n', '2', '-s', '1', '--json'])).code).toBe(0);
    expect((await records(b)).map((x) => x.key)).toEqual([null, null]);
  });
});
