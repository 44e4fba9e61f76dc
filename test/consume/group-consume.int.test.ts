import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, testEnv, uniqueName } from '../helpers/cli.js';
import { pollUntil } from '../helpers/poll.js';
import { KTOOL_BIN, spawnKtool } from '../helpers/spawn-ktool.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];
const lines = (s: string) => s.split('\n').filter(Boolean);

async function topic(partitions: number, ...config: string[]): Promise<string> {
  const name = uniqueName('gconsume');
  const r = await runCli(['topics', 'create', name, '-p', String(partitions), ...config.flatMap((c) => ['-c', c])]);
  expect(r.code, r.stderr).toBe(0);
  created.push(name);
  return name;
}

async function produce(t: string, values: string[]) {
  const r = await runCli(['produce', t], { stdin: values.map((v) => `${v}\n`).join('') });
  expect(r.code, r.stderr).toBe(0);
}

/** The group's committed offsets, summed over partitions. */
async function committed(group: string): Promise<number> {
  const r = await runCli(['groups', 'describe', group, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout)[0].offsets as { currentOffset: number | null }[]).reduce((n, o) => n + (o.currentOffset ?? 0), 0);
}

/** A `ktool consume` left running, its output collected. */
function follow(args: string[]): { child: ChildProcess; out: () => string; err: () => string; exit: Promise<number | null> } {
  const child = spawn(KTOOL_BIN, ['consume', ...args], { env: testEnv() as NodeJS.ProcessEnv });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (err += c));
  const exit = new Promise<number | null>((r) => child.on('close', r));
  return { child, out: () => out, err: () => err, exit };
}

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

describe('consume -g against a real broker', () => {
  it('Ctrl-C commits everything that was written, then exits 130', async () => {
    const t = await topic(3);
    const values = Array.from({ length: 3000 }, (_, i) => `c-${i}`);
    await produce(t, values);
    const group = uniqueName('ctrlc');
    const c = follow([t, '-g', group, '-o', 'start']);
    await pollUntil(() => lines(c.out()).length === values.length, { what: 'every record written' });
    c.child.kill('SIGINT');
    expect(await c.exit).toBe(130);
    expect(c.err()).not.toMatch(/error/i);
    expect(await committed(group)).toBe(values.length);
  });

  it('| head: exits 0 at once and commits no record it did not write', async () => {
    const t = await topic(2);
    const values = Array.from({ length: 60_000 }, (_, i) => `h-${String(i).padStart(6, '0')}-${'y'.repeat(80)}`);
    await produce(t, values);
    const group = uniqueName('head');
    const piped = await spawnKtool([], {
      shell: `{ "$KTOOL" consume ${t} -g ${group} -o start; echo "ktool exit $?" >&2; } | head -3`,
      timeoutMs: 20_000,
    });
    expect(lines(piped.stdout)).toEqual(values.slice(0, 3).map(() => expect.stringMatching(/^h-\d{6}-y+$/)));
    expect(piped.stderr).toBe('ktool exit 0\n');
    expect(piped.ms).toBeLessThan(15_000);
    const first = await committed(group);
    // Written means handed to the pipe whole: what a pipe buffer and head's read took (~1,500
    // lines of 91 bytes), not what was read from Kafka (a fetch alone is ~11,000 of them).
    expect(first).toBeLessThan(2_000);
    // The rest comes to the next member, exactly once across the two runs' commits.
    const rest = await runCli(['consume', t, '-g', group, '-o', 'start', '-e']);
    expect(rest.code, rest.stderr).toBe(0);
    expect(lines(rest.stdout)).toHaveLength(values.length - first);
    expect(await committed(group)).toBe(values.length);
  });

  it('a second member joining and the first leaving: every record is delivered, no errors', async () => {
    const t = await topic(4);
    const group = uniqueName('rebalance');
    const batch = (from: number) => Array.from({ length: 2000 }, (_, i) => `r-${from + i}`);
    await produce(t, batch(0));
    const a = follow([t, '-g', group, '-o', 'start']);
    await pollUntil(() => lines(a.out()).length >= 2000, { what: 'the first member reading' });
    const b = follow([t, '-g', group, '-o', 'start']);
    await produce(t, batch(2000));
    await pollUntil(() => new Set([...lines(a.out()), ...lines(b.out())]).size >= 4000, {
      what: 'both batches read by the two members',
      timeoutMs: 30_000,
    });
    a.child.kill('SIGINT');
    expect(await a.exit).toBe(130);
    await produce(t, batch(4000));
    await pollUntil(() => new Set([...lines(a.out()), ...lines(b.out())]).size >= 6000, {
      what: 'the last batch read by the member left',
      timeoutMs: 30_000,
    });
    b.child.kill('SIGINT');
    expect(await b.exit).toBe(130);
    const all = new Set([...lines(a.out()), ...lines(b.out())]);
    expect([...batch(0), ...batch(2000), ...batch(4000)].filter((v) => !all.has(v))).toEqual([]);
    expect(a.err() + b.err()).not.toMatch(/error/i);
    expect(await committed(group)).toBe(6000);
  });

  it('LogAppendTime topics: the broker time and type, with or without a group, as kcat prints them', async () => {
    const t = await topic(1, 'message.timestamp.type=LogAppendTime');
    const before = Date.now();
    await produce(t, ['a', 'b']);
    const kcat = await spawnKtool([], { shell: `kcat -C -e -q -b ${bootstrap()} -t ${t} -f '%T\\n'` });
    const brokerTimes = lines(kcat.stdout).map(Number);
    expect(brokerTimes).toHaveLength(2);
    for (const args of [[], ['-g', uniqueName('lat')]]) {
      const r = await runCli(['consume', t, '-o', 'start', '-e', '--json', ...args]);
      expect(r.code, r.stderr).toBe(0);
      const got = lines(r.stdout).map((l) => JSON.parse(l));
      expect(got.map((e) => e.timestampType)).toEqual(['LogAppendTime', 'LogAppendTime']);
      expect(got.map((e) => e.timestamp)).toEqual(brokerTimes);
      expect(got[0].timestamp).toBeGreaterThanOrEqual(before - 5_000);
    }
  });

  it('-e on a topic written in transactions stops at its end marker (no hang) and commits past it: lag 0', async () => {
    const t = await topic(1);
    await produce(t, ['a', 'b', 'c']);
    const tx = await runCli(['produce', t, '--transactional-id', uniqueName('tx')], { stdin: 'd\ne\n' });
    expect(tx.code, tx.stderr).toBe(0);
    const group = uniqueName('txend');
    // Offsets 0-4 are records, 5 the commit marker: the end offset is 6 and no record has offset 5.
    const r = await spawnKtool(['consume', t, '-g', group, '-e'], { timeoutMs: 20_000 });
    expect(r.signal, 'killed after 20 s').toBeNull();
    expect({ code: r.code, out: lines(r.stdout) }).toEqual({ code: 0, out: ['a', 'b', 'c', 'd', 'e'] });
    expect(await committed(group)).toBe(6);
    // Nothing left: a second run ends at once with no records.
    const again = await spawnKtool(['consume', t, '-g', group, '-e'], { timeoutMs: 20_000 });
    expect({ code: again.code, out: again.stdout }).toEqual({ code: 0, out: '' });
  });
});
