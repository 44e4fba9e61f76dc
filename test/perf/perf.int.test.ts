/**
 * ktool perf against the broker, both spellings: the records a run reports are on the topic
 * (counted with kcat), the original's lines come out in the original's format, the consumer reads
 * what was written, and e2e reads back each record it sends.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes']);
});

/** The values on a topic (kcat), committed ones only when asked. */
function values(topic: string, committed = false): string[] {
  const args = ['-C', '-e', '-q', '-b', bootstrap(), '-t', topic, '-f', '%s\n'];
  if (committed) args.push('-X', 'isolation.level=read_committed');
  return execFileSync('kcat', args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 })
    .split('\n')
    .filter(Boolean);
}

async function topic(prefix: string, partitions = 1): Promise<string> {
  const name = uniqueName(prefix);
  expect((await runCli(['topics', 'create', name, '-p', String(partitions)])).code).toBe(0);
  created.push(name);
  return name;
}

const TOTAL = new RegExp(
  String.raw`^(\d+) records sent, \d+\.\d{6} records/sec \(\d+\.\d\d MB/sec\), \d+\.\d\d ms avg latency, ` +
    String.raw`\d+\.\d\d ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, (\d+) ms 99\.9th\.$`,
);

describe('perf produce', needs('KTOOL_TEST_BOOTSTRAP'), () => {
  it("kafka-producer-perf-test.sh's spelling: its total line, and every record on the topic", async () => {
    const t = await topic('perfp', 3);
    const r = await runCli([
      ...['perf', 'produce', '--topic', t, '--num-records', '3000', '--record-size', '50', '--throughput', '-1'],
      ...['--bootstrap-server', bootstrap(), '--command-property', 'acks=1', 'linger.ms=0'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const last = r.stdout.trim().split('\n').at(-1)!;
    const m = TOTAL.exec(last);
    expect(m, last).not.toBeNull();
    expect(m![1]).toBe('3000');
    const [p50, p95, p99, p999] = m!.slice(2).map(Number);
    expect(p50 <= p95 && p95 <= p99 && p99 <= p999).toBe(true);
    const got = values(t);
    expect(got).toHaveLength(3000);
    expect(got.every((v) => /^[A-Z]{50}$/.test(v))).toBe(true);
  });

  it('--payload-monotonic in transactions of 100 ms: each number committed once; the warm-up summary after the total', async () => {
    const t = await topic('perftx', 2);
    const r = await runCli([
      ...['perf', 'produce', '--topic', t, '--num-records', '5000', '--payload-monotonic', '--throughput', '-1'],
      ...['--bootstrap-server', bootstrap(), '--transaction-duration-ms', '100', '--warmup-records', '1000'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Warmup first 1000 records. Steady state results will print after the complete test summary.');
    expect(lines.at(-2)).toMatch(/^5000 records sent, /);
    expect(lines.at(-1)).toMatch(/^4000 steady state records sent, /);
    const got = values(t, true).map(Number);
    expect(got).toHaveLength(5000);
    expect(new Set(got).size).toBe(5000);
    expect(Math.max(...got)).toBe(4999);
  });

  it('--throughput throttles: 3000 records at 2000/s take more than a second', async () => {
    const t = await topic('perfthr');
    const started = Date.now();
    const r = await runCli(['perf', 'produce', t, '-n', '3000', '-s', '10', '--throughput', '2000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - started).toBeGreaterThan(1000);
    const total = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(total).toMatchObject({ type: 'total', records: 3000, bytes: 30000 });
    expect(total.recordsPerSec).toBeLessThan(2600);
    expect(values(t)).toHaveLength(3000);
  });

  it('-X buffer.memory bounds what waits: one batch of it delivers every record, less than a batch fails naming it', async () => {
    const t = await topic('perfbuf');
    const r = await runCli(['perf', 'produce', t, '-n', '5000', '-s', '100', '--acks', '1', '-X', 'buffer.memory=16384', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ type: 'total', records: 5000 });
    expect(values(t)).toHaveLength(5000);
    const small = await runCli(['perf', 'produce', t, '-n', '10', '-X', 'buffer.memory=1000', '-X', 'max.block.ms=100', '--json']);
    expect(small.code).toBe(5);
    expect(small.stderr).toContain('Attempt to allocate 16384 bytes, but there is a hard limit of 1000 on memory allocations.');
    expect(values(t)).toHaveLength(5000);
  });

  it("ktool's spelling: rows per interval as JSON, percentiles in order, the records on the topic", async () => {
    const t = await topic('perfn', 2);
    const r = await runCli(['perf', 'produce', t, '-n', '20000', '-s', '20', '--reporting-interval', '50', '--json', '--acks', '1']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const total = rows.at(-1);
    expect(total).toMatchObject({ type: 'total', records: 20000, bytes: 400000 });
    expect(total.p50Ms <= total.p95Ms && total.p95Ms <= total.p99Ms && total.p99Ms <= total.p999Ms).toBe(true);
    expect(total.p999Ms <= total.maxLatencyMs).toBe(true);
    expect(rows.slice(0, -1).every((row) => row.type === 'interval')).toBe(true);
    expect(values(t)).toHaveLength(20000);
  });

  it('a missing topic: ktool refuses (exit 3), the original spelling has it created as auto-creation would', async () => {
    const t = uniqueName('perfauto');
    expect((await runCli(['perf', 'produce', t, '-n', '10'])).code).toBe(3);
    created.push(t);
    const r = await runCli([
      'perf',
      'produce',
      '--topic',
      t,
      '--num-records',
      '10',
      '--record-size',
      '5',
      '--throughput',
      '-1',
      '--bootstrap-server',
      bootstrap(),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(values(t)).toHaveLength(10);
  });
});

describe('perf consume', needs('KTOOL_TEST_BOOTSTRAP'), () => {
  it("reads what was written: the original's header and final line, ktool's exact count as JSON", async () => {
    const t = await topic('perfc', 3);
    expect((await runCli(['perf', 'produce', t, '-n', '4000', '-s', '25', '--acks', '1'])).code).toBe(0);
    const group = uniqueName('perfc-g');
    const r = await runCli(['perf', 'consume', '--bootstrap-server', bootstrap(), '--topic', t, '--num-records', '4000', '--group', group]);
    expect(r.code, r.stderr).toBe(0);
    const [header, line] = r.stdout.trim().split('\n');
    expect(header).toMatch(/^start\.time, end\.time, data\.consumed\.in\.MB, MB\.sec, data\.consumed\.in\.nMsg, nMsg\.sec, /);
    const fields = line.split(', ');
    expect(fields).toHaveLength(10);
    expect(fields[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d:\d{3}$/);
    expect(fields[2]).toBe('0.0954');
    expect(fields[4]).toBe('4000');
    // The group committed where it stopped: nothing left to read.
    const lag = await runCli(['groups', 'describe', group, '--json']);
    expect(lag.stdout).toContain('"lag": 0');

    const n = await runCli(['perf', 'consume', t, '--json', '-n', '2500']);
    expect(n.code, n.stderr).toBe(0);
    expect(JSON.parse(n.stdout.trim().split('\n').at(-1)!)).toMatchObject({ type: 'total', records: 2500 });
    const all = await runCli(['perf', 'consume', t, '--format', 'json']);
    expect(JSON.parse(all.stdout.trim().split('\n').at(-1)!), all.stdout).toMatchObject({ type: 'total', records: 4000, mb: 0.095 });
  });

  it('--include and --show-detailed-stats; --timeout ends a short topic with its warning', async () => {
    const prefix = uniqueName('perfinc');
    for (const s of ['a', 'b']) {
      const name = `${prefix}-${s}`;
      expect((await runCli(['topics', 'create', name])).code).toBe(0);
      created.push(name);
      expect((await runCli(['perf', 'produce', name, '-n', '100', '-s', '10'])).code).toBe(0);
    }
    const r = await runCli([
      ...['perf', 'consume', '--bootstrap-server', bootstrap(), '--include', `${prefix}-.*`, '--num-records', '300'],
      ...['--timeout', '1500', '--hide-header', '--date-format', 'HH:mm'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'WARNING: Exiting before consuming the expected number of records: timeout (1500 ms) exceeded. ' +
        'You can use the --timeout option to increase the timeout.',
    );
    expect(lines[1]).toMatch(/^\d\d:\d\d, \d\d:\d\d, 0\.0019, [\d.]+, 200, /);
  });
});

describe('perf e2e', needs('KTOOL_TEST_BOOTSTRAP'), () => {
  it("the original's positional spelling: creates the topic, prints its lines; each record is on the topic", async () => {
    const t = uniqueName('perfe');
    created.push(t);
    const r = await runCli(['perf', 'e2e', bootstrap(), t, '30', 'all', '10']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^WARNING: Positional argument usage is deprecated/);
    expect(lines[1]).toBe(`Topic "${t}" does not exist. Will create topic with 1 partition(s) and replication factor = 1`);
    expect(lines[2]).toMatch(/^0\t\d+\.\d+$/);
    expect(lines[3]).toMatch(/^Avg latency: \d+\.\d{4} ms$/);
    expect(lines[4]).toMatch(/^Percentiles: 50th = \d+, 99th = \d+, 99\.9th = \d+$/);
    expect(values(t)).toHaveLength(30);
  });

  it("ktool's spelling: a row per record, keys and headers sent, the summary", async () => {
    const t = await topic('perfe2');
    const r = await runCli(['perf', 'e2e', t, '-n', '15', '-s', '8', '--record-key-size', '3', '--num-headers', '2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.filter((x) => x.type === 'record')).toHaveLength(15);
    expect(rows.at(-1)).toMatchObject({ type: 'total', records: 15 });
    const keyed = execFileSync('kcat', ['-C', '-e', '-q', '-b', bootstrap(), '-t', t, '-f', '%k %S %h\n'], { encoding: 'utf8' });
    expect(keyed.trim().split('\n')).toHaveLength(15);
    expect(keyed.split('\n')[0]).toMatch(/^[A-Z]{3} 8 =,=$/);
  });
});
