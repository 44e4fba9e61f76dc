import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';
import { bashCompletion, fishCompletion, zshCompletion } from '../../src/docs/index.js';
import { buildProgram } from '../../src/cli/program.js';
import { DEADLINE_MS } from '../../src/commands/__complete/shared.js';
import type { ConnectionSettings } from '../../src/config/connection.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const scratch = join(ROOT, 'node_modules', '.cache', `ktool-docs-test-${process.pid}`);
const config = join(scratch, 'config.yaml');
const env = { KTOOL_CONFIG: config, KTOOL_BROKERS: undefined, KTOOL_PROFILE: undefined, KTOOL_TIMEOUT: undefined };

beforeAll(() => {
  mkdirSync(scratch, { recursive: true });
  writeFileSync(
    config,
    'current-profile: prod\nprofiles:\n  dev:\n    bootstrap: localhost:9092\n  prod:\n' +
      '    bootstrap: kafka-1:9092\n    timeout: 60s\n  preprod:\n    bootstrap: kafka-2:9092\n',
  );
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('ktool completion SHELL', () => {
  it.each([
    ['bash', bashCompletion],
    ['zsh', zshCompletion],
    ['fish', fishCompletion],
  ] as const)('%s prints the generated script', async (shell, generate) => {
    const r = await runCli(['completion', shell], { env });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(generate(await buildProgram(async () => {})));
  });

  it('rejects an unknown shell', async () => {
    const r = await runCli(['completion', 'tcsh'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bash, zsh, fish/);
  });
});

describe('ktool __complete (in-process)', () => {
  const topics = [topic('orders', 1), topic('orders-dlq', 1), topic('payments', 1), topic('__consumer_offsets', 50, [1], true)];

  it('lists topic names starting with the prefix, with a short timeout whatever the profile says', async () => {
    let seen: ConnectionSettings | undefined;
    const factory = fakeKafka(topics);
    const r = await runCli(['__complete', 'topics', '--', 'ord'], { env, deps: { kafkaFactory: (s) => ((seen = s), factory(s)) } });
    expect(r).toEqual({ code: 0, stdout: 'orders\norders-dlq\n', stderr: '' });
    expect(seen).toMatchObject({ bootstrap: ['kafka-1:9092'], timeoutMs: 1200, profileName: 'prod' });
    expect((await runCli(['__complete', 'topics'], { env, deps: { kafkaFactory: factory } })).stdout).toBe(
      'orders\norders-dlq\npayments\n',
    );
    expect((await runCli(['__complete', 'topics', '--', '__'], { env, deps: { kafkaFactory: factory } })).stdout).toBe(
      '__consumer_offsets\n',
    );
  });

  it('uses the connection flags it is given', async () => {
    let seen: ConnectionSettings | undefined;
    const factory = fakeKafka(topics);
    await runCli(['__complete', 'topics', '--profile', 'dev', '-b', 'other:9093', '--timeout', '5m', '--', 'x'], {
      env,
      deps: { kafkaFactory: (s) => ((seen = s), factory(s)) },
    });
    expect(seen).toMatchObject({ bootstrap: ['other:9093'], timeoutMs: 1200, profileName: 'dev' });
  });

  it('prints nothing and exits 0 when anything fails', async () => {
    const failing = fakeKafka([], {
      async listTopics() {
        throw new Error('boom');
      },
    });
    expect(await runCli(['__complete', 'topics', '--', 'o'], { env, deps: { kafkaFactory: failing } })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect(await runCli(['__complete', 'topics', '--profile', 'nope'], { env, deps: { kafkaFactory: failing } })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect(await runCli(['__complete', 'topics', '-b', 'bad host'], { env, deps: { kafkaFactory: failing } })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    // --debug shows why
    const debug = await runCli(['__complete', 'topics', '--debug', '--profile', 'nope'], { env, deps: { kafkaFactory: failing } });
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/profile "nope" does not exist/);
  });

  it('gives up after its deadline', async () => {
    // The clock is faked: the deadline is proven by time advanced, not by a wall-clock bound a loaded machine breaks.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const hanging = fakeKafka([], { listTopics: () => new Promise(() => {}) });
      let settled = false;
      const result = runCli(['__complete', 'topics'], { env, deps: { kafkaFactory: hanging } }).finally(() => (settled = true));
      await vi.advanceTimersByTimeAsync(DEADLINE_MS - 1);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await result).toEqual({ code: 0, stdout: '', stderr: '' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('lists profile names from the config file', async () => {
    expect(await runCli(['__complete', 'profiles'], { env })).toEqual({ code: 0, stdout: 'dev\npreprod\nprod\n', stderr: '' });
    expect((await runCli(['__complete', 'profiles', '--', 'pr'], { env })).stdout).toBe('preprod\nprod\n');
    expect(await runCli(['__complete', 'profiles'], { env: { KTOOL_CONFIG: join(scratch, 'missing.yaml') } })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    const broken = join(scratch, 'broken.yaml');
    writeFileSync(broken, 'profiles: [1, 2\n');
    expect(await runCli(['__complete', 'profiles'], { env: { KTOOL_CONFIG: broken } })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('is hidden from help', async () => {
    expect((await runCli(['--help'], { env })).stdout).not.toContain('__complete');
  });
});

/**
 * The real process: src/ bundled as scripts/build.mjs does (code-split; dependencies left as
 * node_modules imports so that a load hook can see whether the Kafka client was loaded).
 */
describe('ktool __complete and completion as a process', () => {
  let bundle: string;
  let hook: string;

  beforeAll(async () => {
    const outdir = join(scratch, 'bundle');
    await build({
      absWorkingDir: ROOT,
      entryPoints: { ktool: 'src/cli/entry.ts' },
      outdir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      packages: 'external',
      logLevel: 'warning',
    });
    bundle = join(outdir, 'ktool.mjs');
    hook = join(scratch, 'hook.mjs');
    writeFileSync(
      hook,
      `import { registerHooks } from 'node:module';\nimport { appendFileSync } from 'node:fs';\n` +
        `registerHooks({ load(url, context, next) { appendFileSync(process.env.LOAD_LOG, url + '\\n'); ` +
        `return next(url, context); } });\n`,
    );
  }, 60_000);

  function run(
    args: string[],
    extraEnv: Record<string, string> = {},
  ): Promise<{ code: number | null; stdout: string; stderr: string; loaded: string[] }> {
    const log = join(scratch, `loads-${uniqueName('l')}`);
    writeFileSync(log, '');
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', pathToFileURL(hook).href, bundle, ...args], {
        env: { PATH: process.env.PATH, HOME: scratch, KTOOL_CONFIG: config, NO_COLOR: '1', LOAD_LOG: log, ...extraEnv },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c));
      child.stderr.on('data', (c: Buffer) => (stderr += c));
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000); // a hang shows as code null
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr, loaded: readFileSync(log, 'utf8').split('\n').filter(Boolean) });
      });
    });
  }

  const kafkaClient = (urls: string[]) => urls.filter((u) => u.includes('/node_modules/@platformatic/kafka/'));

  it('completion and __complete profiles do not load the Kafka client', async () => {
    const completion = await run(['completion', 'bash']);
    expect(completion.code).toBe(0);
    expect(completion.stdout).toBe(bashCompletion(await buildProgram(async () => {})));
    expect(completion.loaded.length).toBeGreaterThan(0);
    expect(kafkaClient(completion.loaded)).toEqual([]);
    const profiles = await run(['__complete', 'profiles', '--', 'd']);
    expect(profiles).toMatchObject({ code: 0, stdout: 'dev\n', stderr: '' });
    expect(kafkaClient(profiles.loaded)).toEqual([]);
  });

  // No wall-clock bounds on spawned processes (start-up alone takes seconds on a loaded machine): the
  // deadline is proven with a faked clock above; here, that a real connection failure ends the same way.
  it('__complete topics against an unreachable cluster: nothing, exit 0', async () => {
    const r = await run(['__complete', 'topics', '-b', '127.0.0.1:1', '--', 'o']);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(kafkaClient(r.loaded).length).toBeGreaterThan(0); // it did try
  });

  it('__complete topics against a broker that accepts but never answers: nothing, exit 0 (the deadline, not the timeout)', async () => {
    const { createServer } = await import('node:net');
    const sockets: import('node:net').Socket[] = [];
    const server = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as import('node:net').AddressInfo).port;
      const r = await run(['__complete', 'topics', '-b', `127.0.0.1:${port}`]);
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
  });
});
