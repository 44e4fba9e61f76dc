import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { committedValues, exited, running, startKtool, writtenCount } from '../helpers/eos.js';
import { pollUntil } from '../helpers/poll.js';

/**
 * stats -g against the broker, through bin/ktool: processes killed with SIGKILL mid-run and
 * restarted (half the input before the kill, half after, so the restarted or remaining processes
 * must restore the killed one's windows from the changelog); OUT read with read_committed (kcat, an
 * independent reader) holds exactly the final rows the same stats gives without -g over the same
 * input (-e), but for the last window, which an application's stream time never closes.
 */
const created: string[] = [];
const N = 120_000;
const KEYS = 200;
/** Produced before the kill; the rest after. Not on a window boundary: a window is open across the kill. */
const HALF = 60_500;
// Stamped within the last hours (a broker deletes records stamped more than 7 days back); a multiple of 10 s.
const T0 = Math.floor((Date.now() - 3 * 3600_000) / 10_000) * 10_000;
const STATS = ['--by', 'key', '--tumbling', '10s', '--count', '--sum', '.value.x', '--avg', '.value.x', '--emit', 'final'];
/** Records are 10 ms apart: the last window starts here, and the last 200 records (every key, so every partition) are in it. */
const LAST_WINDOW = T0 + Math.floor(((N - 1) * 10) / 10_000) * 10_000;

afterAll(async () => {
  for (const c of running) c.kill('SIGKILL');
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists', '--allow-internal-topics']);
});

function records(from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++)
    s += JSON.stringify({ key: `k${i % KEYS}`, value: JSON.stringify({ x: i % 97 }), timestamp: T0 + i * 10 }) + '\n';
  return s;
}

async function produce(topic: string, from: number, to: number): Promise<void> {
  expect((await runCli(['produce', topic, '--input', 'json', '-q'], { stdin: records(from, to) })).code).toBe(0);
}

async function topics(): Promise<[string, string, string]> {
  const app = uniqueName('stats-app');
  const [src, dst] = [`${app}-in`, uniqueName('stats-app-out')];
  for (const t of [src, dst]) {
    expect((await runCli(['topics', 'create', t, '-p', '3'])).code).toBe(0);
    created.push(t);
  }
  created.push(`${app}-stats-store-changelog`);
  await produce(src, 0, HALF);
  return [src, dst, app];
}

const start = (src: string, dst: string, app: string) => startKtool(['stats', src, ...STATS, '-g', app, '--to', dst]);

/** What an uninterrupted run gives: stats without -g over the whole input, every window but the last (still open in an application). */
async function expected(src: string): Promise<string[]> {
  const r = await runCli(['stats', src, '-o', 'start', '-e', ...STATS, '--json']);
  expect(r.code).toBe(0);
  const rows = r.stdout.split('\n').filter(Boolean);
  expect(rows.length).toBe(KEYS * (LAST_WINDOW / 10_000 - T0 / 10_000 + 1));
  return rows.filter((line) => (JSON.parse(line) as { windowStart: number }).windowStart < LAST_WINDOW).sort();
}

async function expectSameAsUninterrupted(src: string, dst: string, want: string[]): Promise<void> {
  const got = committedValues(dst).sort();
  const seen = new Set<string>();
  const twice = got.filter((v) => seen.size === seen.add(v).size);
  expect(twice.slice(0, 3), `${twice.length} rows written more than once`).toEqual([]);
  expect(got.length).toBe(want.length);
  expect(got).toEqual(want);
}

describe('ktool stats -g: exactly once across kill -9', () => {
  it('one process killed with SIGKILL and started again after more input: OUT (read_committed) == an uninterrupted run', async () => {
    const [src, dst, app] = await topics();
    const first = start(src, dst, app);
    await pollUntil(() => writtenCount(dst) > 0, { timeoutMs: 90_000, intervalMs: 500, what: 'the first rows' });
    first.kill('SIGKILL');
    await exited(first);
    await produce(src, HALF, N);
    const want = await expected(src);
    expect(committedValues(dst).length).toBeLessThan(want.length);
    const second = start(src, dst, app);
    await pollUntil(() => committedValues(dst).length >= want.length, { timeoutMs: 180_000, intervalMs: 500, what: 'every row committed' });
    second.kill('SIGINT');
    await exited(second);
    expect(second.exitCode).toBe(130);
    await expectSameAsUninterrupted(src, dst, want);
    // The changelog is an internal topic by Kafka Streams' rule: APP- prefix, -changelog suffix.
    const list = await runCli(['topics', 'list', '--json']);
    expect(list.stdout).toContain(`"${app}-stats-store-changelog"`);
  }, 360_000);

  it('three processes share the partitions; one killed with SIGKILL: the other two finish, OUT == an uninterrupted run', async () => {
    const [src, dst, app] = await topics();
    const procs = [start(src, dst, app), start(src, dst, app), start(src, dst, app)];
    await pollUntil(() => writtenCount(dst) > 0, { timeoutMs: 90_000, intervalMs: 500, what: 'the first rows' });
    procs[1].kill('SIGKILL');
    await exited(procs[1]);
    // The second half arrives after the kill: the two left take the killed one's partitions and windows over.
    await produce(src, HALF, N);
    const want = await expected(src);
    await pollUntil(() => committedValues(dst).length >= want.length, { timeoutMs: 240_000, intervalMs: 500, what: 'every row committed' });
    for (const p of [procs[0], procs[2]]) p.kill('SIGINT');
    await Promise.all([exited(procs[0]), exited(procs[2])]);
    await expectSameAsUninterrupted(src, dst, want);
  }, 420_000);

  it('--until-caught-up: exits 0 once caught up, committed; two such runs over the two halves == an uninterrupted run', async () => {
    const [src, dst, app] = await topics();
    const once = () => runCli(['stats', src, ...STATS, '-g', app, '--to', dst, '--until-caught-up']);
    const first = await once();
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(new RegExp(`^${HALF} records read, \\d+ rows written to ${dst}`, 'm'));
    await produce(src, HALF, N);
    const second = await once();
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(new RegExp(`^${N - HALF} records read`, 'm'));
    await expectSameAsUninterrupted(src, dst, await expected(src));
  }, 240_000);
});
