import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, testEnv, uniqueName } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { KTOOL_BIN } from '../helpers/spawn-ktool.js';

/**
 * `ktool stats reset APP` / `ktool pipe reset APP` against the broker: the dry run names the
 * committed offsets and the internal topics (the same ones Kafka's own StreamsResetter infers) and
 * changes nothing; --execute resets and deletes, and refuses while a process of APP runs.
 */
const created: string[] = [];
const running = new Set<ChildProcess>();

afterAll(async () => {
  for (const c of running) c.kill('SIGKILL');
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists', '--allow-internal-topics']);
});

interface Plan {
  app: string;
  group: { state: string; members: number };
  offsets: { topic: string; partition: number; from: string; to: string }[];
  deleteTopics: string[];
  executed: boolean;
}

async function app(kind: 'stats' | 'pipe'): Promise<{ app: string; src: string; dst: string }> {
  const name = uniqueName(`${kind}-reset`);
  const [src, dst] = [`${name}-in`, `${name}-out`];
  for (const t of [src, dst]) {
    expect((await runCli(['topics', 'create', t, '-p', '2'])).code).toBe(0);
    created.push(t);
  }
  created.push(`${name}-stats-store-changelog`);
  const lines = Array.from({ length: 200 }, (_, i) => `k${i % 20}\t${i}`).join('\n') + '\n';
  expect((await runCli(['produce', src, '-q', '-K', '\t'], { stdin: lines })).code).toBe(0);
  return { app: name, src, dst };
}

function start(argv: string[]): ChildProcess {
  const child = spawn(KTOOL_BIN, argv, { env: testEnv() as NodeJS.ProcessEnv, stdio: ['ignore', 'ignore', 'ignore'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

const exited = (c: ChildProcess) =>
  new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode ? resolve() : c.once('exit', () => resolve())));

async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function plan(noun: string, name: string, ...more: string[]): Promise<{ code: number; plan: Plan; stderr: string }> {
  const r = await runCli([noun, 'reset', name, '--json', ...more]);
  return { code: r.code, plan: (r.stdout ? JSON.parse(r.stdout) : undefined) as Plan, stderr: r.stderr };
}

const committedAll = (p: Plan) => p.offsets.length === 2 && p.offsets.reduce((n, o) => n + Number(o.from), 0) === 200;

describe('ktool stats reset / pipe reset', () => {
  it('stats: the dry run lists offsets and the changelog (as StreamsResetter); --execute refuses while running, then does it', async () => {
    const { app: name, src, dst } = await app('stats');
    const proc = start(['stats', src, '--by', 'key', '--count', '-g', name, '--to', dst]);
    // Running: the dry run says so; --execute refuses with a clear error, exit 1.
    const running = await until(
      () => plan('stats', name),
      (r) => r.code === 0 && committedAll(r.plan),
      'committed offsets',
    );
    expect(running.plan).toMatchObject({ executed: false, deleteTopics: [`${name}-stats-store-changelog`] });
    expect(running.plan.group.members).toBe(1);
    const refused = await runCli(['stats', 'reset', name, '--execute']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`application ${name} is running: its group has 1 member`));
    expect(refused.stderr).toMatch(/stop every ktool stats -g/);
    proc.kill('SIGINT');
    await exited(proc);
    const dry = await plan('stats', name);
    expect(dry.code).toBe(0);
    expect(dry.plan.offsets.map((o) => [o.topic, o.partition, o.to])).toEqual([
      [src, 0, '0'],
      [src, 1, '0'],
    ]);
    expect((await runCli(['stats', 'reset', name])).stdout).toMatch(/^dry run: nothing changed/);
    // Kafka's own reset tool infers the same internal topic.
    const java = await runKafkaTool('org.apache.kafka.tools.StreamsResetter', [
      '--bootstrap-server',
      process.env.KTOOL_TEST_BOOTSTRAP!,
      '--application-id',
      name,
      '--input-topics',
      src,
      '--dry-run',
    ]);
    expect(java.stdout).toContain(`Deleting inferred internal topics [${name}-stats-store-changelog]`);
    // The dry run changed nothing.
    expect(committedAll((await plan('stats', name)).plan)).toBe(true);
    const done = await plan('stats', name, '--execute');
    expect(done.code).toBe(0);
    expect(done.plan).toMatchObject({ executed: true, deleteTopics: [`${name}-stats-store-changelog`] });
    const after = await plan('stats', name);
    expect(after.plan.deleteTopics).toEqual([]);
    expect(after.plan.offsets.map((o) => o.from)).toEqual(['0', '0']);
  }, 240_000);

  it('pipe: --execute resets the offsets (no internal topics); an unknown application is exit 3', async () => {
    const { app: name, src, dst } = await app('pipe');
    const proc = start(['pipe', src, dst, '-g', name]);
    await until(
      () => plan('pipe', name),
      (r) => r.code === 0 && committedAll(r.plan),
      'committed offsets',
    );
    proc.kill('SIGINT');
    await exited(proc);
    const done = await runCli(['pipe', 'reset', name, '--execute']);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`reset 2 committed offset(s) of group ${name} to the earliest:`);
    expect(done.stdout).toContain('no internal topics');
    expect((await plan('pipe', name)).plan.offsets.map((o) => o.from)).toEqual(['0', '0']);
    const unknown = await runCli(['pipe', 'reset', uniqueName('no-such-app')]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/no application .*: its group has no committed offsets/);
  }, 240_000);
});
