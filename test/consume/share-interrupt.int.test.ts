import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { runCli, testEnv, uniqueName } from '../helpers/cli.js';
import { pollUntil } from '../helpers/poll.js';

/**
 * Ctrl-C on `consume --share-group` (KIP-932) is a quiet exit 130 whatever the member waits on when
 * the signal comes: joining, its first fetch, an idle long poll, records just written, or a machine
 * too loaded to finish within the second Ctrl-C gets (the backstop, src/cli/interrupt.ts). CI saw
 * `error: interrupted` on stderr: the member waited out its fetch's long poll and closed its share
 * sessions behind it past the backstop. Records acquired and not written are released on the way out.
 * In-process (main() with its own io.signal) against the real broker, so each moment is reached on purpose.
 */
const created: string[] = [];
const lines = (s: string) => s.split('\n').filter(Boolean);

interface Member {
  out: () => string;
  stop: (block?: number) => Promise<{ code: number; stdout: string; stderr: string }>;
}

/** `ktool consume T --share-group G` running in-process; stop() is Ctrl-C (and, with `block`, a machine busy that long right after). */
function member(t: string, group: string): Member {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const controller = new AbortController();
  const io: Io = {
    stdin: Readable.from([]),
    stdout,
    stderr,
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns: 0,
    env: testEnv(),
    now: () => Date.now(),
    signal: controller.signal,
  };
  const running = main(['consume', t, '--share-group', group], io);
  return {
    out: () => out,
    async stop(block = 0) {
      controller.abort('SIGINT');
      // The event loop held: every timer (the backstop's too) is due at once when it resumes.
      if (block) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, block);
      const code = await running;
      return { code, stdout: out, stderr: err };
    },
  };
}

async function topic(): Promise<string> {
  const name = uniqueName('sint');
  const r = await runCli(['topics', 'create', name, '-p', '2']);
  expect(r.code, r.stderr).toBe(0);
  created.push(name);
  return name;
}

async function shareGroup(): Promise<string> {
  const group = uniqueName('sintg');
  const r = await runCli([
    'configs',
    'alter',
    '--entity-type',
    'groups',
    '--entity-name',
    group,
    '--add-config',
    'share.auto.offset.reset=earliest',
  ]);
  expect(r.code, r.stderr).toBe(0);
  return group;
}

async function members(group: string): Promise<number> {
  const r = await runCli(['groups', 'describe', group, '--json']);
  return r.code === 0 ? (JSON.parse(r.stdout)[0]?.members ?? []).length : 0;
}

const quiet130 = (r: { code: number; stderr: string }) => {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(130);
};

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

describe('consume --share-group: Ctrl-C is a quiet exit 130', () => {
  it('before the first fetch returns: while connecting, joining, fetching', async () => {
    const t = await topic();
    const group = await shareGroup();
    await runCli(['produce', t], { stdin: 'a\nb\nc\n' });
    for (const ticks of [0, 1, 5, 20, 60]) {
      const m = member(t, group);
      // A number of event-loop turns, each further into connecting, joining and the first fetch.
      for (let i = 0; i < ticks; i++) await new Promise((r) => setImmediate(r));
      quiet130(await m.stop());
    }
  }, 120_000);

  it('during an idle long poll, and on a machine too busy to close within the backstop', async () => {
    const t = await topic();
    const group = await shareGroup();
    const idle = member(t, group);
    await pollUntil(async () => (await members(group)) === 1, { what: 'the member joined', timeoutMs: 30_000 });
    quiet130(await idle.stop());
    const busy = member(t, group);
    await pollUntil(async () => (await members(group)) >= 1, { what: 'the member joined', timeoutMs: 30_000 });
    // Busier than the backstop's grace (600 ms): it fires before any answer is read.
    quiet130(await busy.stop(900));
  }, 120_000);

  it('right after records: those written stay acknowledged, the rest is released and delivered to the next member', async () => {
    const t = await topic();
    const group = await shareGroup();
    const values = Array.from({ length: 3000 }, (_, i) => `r-${i}`);
    const r = await runCli(['produce', t], { stdin: values.join('\n') + '\n' });
    expect(r.code, r.stderr).toBe(0);
    const m = member(t, group);
    await pollUntil(() => m.out().length > 0, { what: 'the first records written', timeoutMs: 30_000, intervalMs: 1 });
    const first = await m.stop();
    quiet130(first);
    // Not released, they would come back only after their lock (30 s): the next member idles 15 s at most.
    const next = await runCli(['consume', t, '--share-group', group, '--timeout-ms', '15000']);
    expect(next.code, next.stderr).toBe(0);
    const got = [...lines(first.stdout), ...lines(next.stdout)];
    expect(got.sort()).toEqual([...values].sort());
  }, 120_000);
});
