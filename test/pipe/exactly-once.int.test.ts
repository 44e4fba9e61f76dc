import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { committedValues, exited, firstEnded, running, startKtool, writtenCount } from '../helpers/eos.js';
import { pollUntil } from '../helpers/poll.js';

/**
 * pipe -g against the broker, through bin/ktool: processes killed with SIGKILL mid-run, restarted;
 * OUT read with read_committed (kcat, an independent reader) holds each input record's result
 * exactly once.
 */
const created: string[] = [];
const N = 300_000;

afterAll(async () => {
  for (const c of running) c.kill('SIGKILL');
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

async function topics(count = N): Promise<[string, string, string]> {
  const app = uniqueName('eos-app');
  const [src, dst] = [`${app}-input`, uniqueName('eos-out')];
  for (const t of [src, dst]) {
    expect((await runCli(['topics', 'create', t, '-p', '3'])).code).toBe(0);
    created.push(t);
  }
  await produceRange(src, 0, count);
  return [src, dst, app];
}

/** Values `from` .. `from + count - 1` into `topic`, one record each. */
async function produceRange(topic: string, from: number, count: number): Promise<void> {
  const lines = Array.from({ length: count }, (_, i) => String(from + i)).join('\n') + '\n';
  expect((await runCli(['produce', topic, '-q'], { stdin: lines })).code).toBe(0);
}

const start = (src: string, dst: string, app: string) => startKtool(['pipe', src, dst, '-g', app, '--map', 'value + "!"']);

function expectExactlyOnce(values: string[]): void {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1);
  expect(twice.slice(0, 5), `${twice.length} values written more than once`).toEqual([]);
  expect(values.length).toBe(N);
  expect(new Set(values)).toEqual(new Set(Array.from({ length: N }, (_, i) => `${i}!`)));
}

describe('ktool pipe -g: exactly once across kill -9', () => {
  it('one process killed with SIGKILL mid-run and started again: each record once in OUT (read_committed)', async () => {
    // Half the input before the kill, half after: the first process cannot have finished everything
    // however fast it runs, so the second always has committed work to skip and new work to do.
    const [src, dst, app] = await topics(N / 2);
    const first = start(src, dst, app);
    await pollUntil(() => writtenCount(dst) > 0, { timeoutMs: 60_000, intervalMs: 250, what: 'the first output' });
    first.kill('SIGKILL');
    await exited(first);
    expect(committedValues(dst).length).toBeLessThan(N);
    await produceRange(src, N / 2, N / 2);
    const second = start(src, dst, app);
    await pollUntil(() => firstEnded([second]) !== undefined || committedValues(dst).length >= N, {
      timeoutMs: 120_000,
      intervalMs: 250,
      what: 'every record committed',
    });
    expect(firstEnded([second])).toBeUndefined();
    second.kill('SIGINT');
    await exited(second);
    expect(second.exitCode).toBe(130);
    expectExactlyOnce(committedValues(dst));
  }, 240_000);

  it('three processes share the partitions; one killed with SIGKILL mid-input: the other two finish, each record once', async () => {
    const [src, dst, app] = await topics(N / 2);
    const procs = [start(src, dst, app), start(src, dst, app), start(src, dst, app)];
    await pollUntil(() => writtenCount(dst) > 0, { timeoutMs: 60_000, intervalMs: 250, what: 'the first output' });
    procs[1].kill('SIGKILL');
    await exited(procs[1]);
    // The second half arrives after the kill: the two left take the killed one's partitions over.
    await produceRange(src, N / 2, N / 2);
    // The killed member's partitions go to the others once its session (10 s) ends, and its open
    // transaction is aborted after --transaction-timeout (10 s): seconds, not minutes. A member that
    // never took them over (a generation read with the partitions of the one before) stalled here.
    const survivors = [procs[0], procs[2]];
    await pollUntil(() => firstEnded(survivors) !== undefined || committedValues(dst).length >= N, {
      timeoutMs: 180_000,
      intervalMs: 250,
      what: 'every record committed',
    });
    expect(firstEnded(survivors)).toBeUndefined();
    for (const p of survivors) p.kill('SIGINT');
    await Promise.all([exited(procs[0]), exited(procs[2])]);
    expectExactlyOnce(committedValues(dst));
  }, 300_000);
});
