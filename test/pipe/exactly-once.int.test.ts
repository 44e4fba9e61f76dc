import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, testEnv, uniqueName } from '../helpers/cli.js';
import { KTOOL_BIN } from '../helpers/spawn-ktool.js';

/**
 * pipe -g against the broker, through bin/ktool: processes killed with SIGKILL mid-run, restarted;
 * OUT read with read_committed (kcat, an independent reader) holds each input record's result
 * exactly once.
 */
const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];
const running = new Set<ChildProcess>();
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

function start(src: string, dst: string, app: string): ChildProcess {
  const child = spawn(KTOOL_BIN, ['pipe', src, dst, '-g', app, '--map', 'value + "!"'], {
    env: testEnv() as NodeJS.ProcessEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

/** Values in OUT as read_committed sees them. */
function committed(t: string): string[] {
  const out = execFileSync('kcat', ['-C', '-e', '-q', '-b', bootstrap(), '-t', t, '-X', 'isolation.level=read_committed', '-f', '%s\n'], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 << 20,
  });
  return out.split('\n').filter(Boolean);
}

/** Records (and markers) written to OUT, committed or not. */
function written(t: string): number {
  const out = execFileSync('kcat', ['-C', '-e', '-q', '-b', bootstrap(), '-t', t, '-f', '.'], { encoding: 'utf8', timeout: 60_000 });
  return out.length;
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const killed = (c: ChildProcess) =>
  new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode ? resolve() : c.once('exit', () => resolve())));

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
    await until(() => written(dst) > 0, 60_000, 'the first output');
    first.kill('SIGKILL');
    await killed(first);
    expect(committed(dst).length).toBeLessThan(N);
    await produceRange(src, N / 2, N / 2);
    const second = start(src, dst, app);
    await until(() => committed(dst).length >= N, 120_000, 'every record committed');
    second.kill('SIGINT');
    await killed(second);
    expect(second.exitCode).toBe(130);
    expectExactlyOnce(committed(dst));
  }, 240_000);

  it('three processes share the partitions; one killed with SIGKILL mid-input: the other two finish, each record once', async () => {
    const [src, dst, app] = await topics(N / 2);
    const procs = [start(src, dst, app), start(src, dst, app), start(src, dst, app)];
    await until(() => written(dst) > 0, 60_000, 'the first output');
    procs[1].kill('SIGKILL');
    await killed(procs[1]);
    // The second half arrives after the kill: the two left take the killed one's partitions over.
    await produceRange(src, N / 2, N / 2);
    await until(() => committed(dst).length >= N, 180_000, 'every record committed');
    for (const p of [procs[0], procs[2]]) p.kill('SIGINT');
    await Promise.all([killed(procs[0]), killed(procs[2])]);
    expectExactlyOnce(committed(dst));
  }, 300_000);
});
