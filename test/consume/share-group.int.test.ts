import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, testEnv, uniqueName } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';
import { pollUntil } from '../helpers/poll.js';
import { KTOOL_BIN, spawnKtool } from '../helpers/spawn-ktool.js';

/**
 * consume --share-group (KIP-932) through bin/ktool against the real broker (Kafka 4.3.1: share
 * groups on by default): members share the records, each delivered once across them; what a
 * member did not acknowledge (released past -n, or held by a killed process) is delivered again.
 */
const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];
const lines = (s: string) => s.split('\n').filter(Boolean);

async function topic(partitions: number): Promise<string> {
  const name = uniqueName('sconsume');
  const r = await runCli(['topics', 'create', name, '-p', String(partitions)]);
  expect(r.code, r.stderr).toBe(0);
  created.push(name);
  return name;
}

async function produce(t: string, values: string[]) {
  const r = await runCli(['produce', t], { stdin: values.map((v) => `${v}\n`).join('') });
  expect(r.code, r.stderr).toBe(0);
}

/** A new share group starting at the earliest offset (its default, latest, would skip what the test produced first). */
async function shareGroup(...configs: string[]): Promise<string> {
  const group = uniqueName('sgroup');
  const all = ['share.auto.offset.reset=earliest', ...configs].join(',');
  const r = await runCli(['configs', 'alter', '--entity-type', 'groups', '--entity-name', group, '--add-config', all]);
  expect(r.code, r.stderr).toBe(0);
  return group;
}

function follow(args: string[]): { child: ChildProcess; out: () => string; err: () => string; exit: Promise<number | null> } {
  const child = spawn(KTOOL_BIN, ['consume', '-b', bootstrap(), ...args], { env: testEnv() as NodeJS.ProcessEnv });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (err += c));
  const exit = new Promise<number | null>((r) => child.on('close', r));
  return { child, out: () => out, err: () => err, exit };
}

async function members(group: string): Promise<number> {
  const r = await runCli(['groups', 'describe', group, '--json']);
  if (r.code !== 0) return 0;
  return (JSON.parse(r.stdout)[0]?.members ?? []).length;
}

/** What a member reading until idle gets now. */
async function drain(t: string, group: string): Promise<string[]> {
  // Idle for 15 s before giving up: a fresh cluster's first share group creates __share_group_state first.
  const r = await spawnKtool(['consume', t, '--share-group', group, '--timeout-ms', '15000', '-b', bootstrap()], { timeoutMs: 90_000 });
  expect(r.code, r.stderr).toBe(0);
  return lines(r.stdout);
}

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

describe('consume --share-group against a real broker', () => {
  it('two members share the records: each delivered once across both, none lost, all acknowledged', async () => {
    const t = await topic(4);
    const group = await shareGroup();
    const a = follow([t, '--share-group', group]);
    const b = follow([t, '--share-group', group]);
    await pollUntil(async () => (await members(group)) === 2, { what: 'both members in the group', timeoutMs: 30_000 });
    const values = Array.from({ length: 600 }, (_, i) => `s-${i}`);
    for (let wave = 0; wave < 3; wave++) await produce(t, values.slice(wave * 200, wave * 200 + 200));
    const got = () => [...lines(a.out()), ...lines(b.out())];
    await pollUntil(() => got().length >= values.length, { what: 'every record written by one member', timeoutMs: 30_000 });
    a.child.kill('SIGINT');
    b.child.kill('SIGINT');
    expect(await a.exit, a.err()).toBe(130);
    expect(await b.exit, b.err()).toBe(130);
    expect(got().sort()).toEqual([...values].sort());
    expect(a.err() + b.err()).not.toMatch(/error|warn/i);
    // Everything was acknowledged: a later member gets nothing.
    expect(await drain(t, group)).toEqual([]);
  }, 120_000);

  it('-n N: the records acquired past N are released, and the next member gets exactly those', async () => {
    const t = await topic(1);
    const group = await shareGroup();
    const values = Array.from({ length: 20 }, (_, i) => `n-${i}`);
    await produce(t, values);
    const first = await spawnKtool(['consume', t, '--share-group', group, '-n', '5', '-b', bootstrap()], { timeoutMs: 60_000 });
    expect(first.code, first.stderr).toBe(0);
    expect(lines(first.stdout)).toEqual(values.slice(0, 5));
    expect((await drain(t, group)).sort()).toEqual(values.slice(5).sort());
  }, 120_000);

  it('a member killed outright: what it had not acknowledged is delivered again', async () => {
    const t = await topic(1);
    // The broker's minimum lock duration (group.share.min.record.lock.duration.ms, 15 s).
    const group = await shareGroup('share.record.lock.duration.ms=15000');
    // ~300 KB of output into a pipe nobody reads: the writer blocks after the pipe's 64 KB, so most
    // records are acquired and never written, and none of those is acknowledged.
    const values = Array.from({ length: 3000 }, (_, i) => `k-${i}-${'x'.repeat(90)}`);
    await produce(t, values);
    const killed = spawn(KTOOL_BIN, ['consume', t, '--share-group', group, '-b', bootstrap()], {
      env: testEnv() as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    killed.stdout!.pause();
    const exited = new Promise((r) => killed.on('exit', r));
    await pollUntil(async () => (await members(group)) === 1, { what: 'the member joined', timeoutMs: 30_000 });
    await pollUntil(() => killed.stdout!.readableLength > 0, { what: 'its first output', timeoutMs: 30_000 });
    killed.kill('SIGKILL');
    await exited;
    // Everything that reached the pipe, read to its end now that the writer is gone.
    let piped = '';
    killed.stdout!.on('data', (c) => (piped += c));
    await new Promise((r) => killed.stdout!.on('end', r));
    const written = new Set(lines(piped));
    expect(written.size).toBeLessThan(values.length);
    // The next members get every record the killed one did not write (and maybe some it did: at least
    // once); those it held come once the broker dropped its session (its connection closed) or their
    // lock expired (15 s).
    const again = new Set<string>();
    const lost = () => values.filter((v) => !written.has(v) && !again.has(v));
    await pollUntil(
      async () => {
        for (const v of await drain(t, group)) again.add(v);
        return lost().length === 0;
      },
      { what: 'every record not written delivered again', timeoutMs: 90_000, intervalMs: 500 },
    );
    expect(lost()).toEqual([]);
  }, 150_000);

  it('refuses options a share group member has no use for, in one line', async () => {
    const r = await runCli(['consume', 'x', '--share-group', 'g', '-o', 'start']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: -o\/--offset and --from-beginning cannot be combined with --share-group/);
  });
});

describe('consume --share-group on three brokers', needs('KTOOL_TEST_BOOTSTRAP_3'), () => {
  const B3 = () => process.env.KTOOL_TEST_BOOTSTRAP_3!;
  const name = uniqueName('sconsume3');
  const group = uniqueName('sgroup3');

  afterAll(async () => {
    await spawnKtool(['topics', 'delete', name, '--yes', '--if-exists', '-b', B3()]);
    await spawnKtool(['groups', 'delete', group, '--yes', '-b', B3()]);
  }, 60_000);

  it('a share session per partition leader: two members read 6 partitions led by 3 brokers, each record once', async () => {
    const ok = async (args: string[], stdin?: string) => {
      const r = await spawnKtool([...args, '-b', B3()], { stdin, timeoutMs: 60_000 });
      expect(r.code, r.stderr).toBe(0);
      return r;
    };
    await ok(['topics', 'create', name, '-p', '6', '-r', '3']);
    await ok(['configs', 'alter', '--entity-type', 'groups', '--entity-name', group, '--add-config', 'share.auto.offset.reset=earliest']);
    const leaders = JSON.parse((await ok(['topics', 'describe', name, '--json'])).stdout)[0].partitions.map(
      (p: { leader: number }) => p.leader,
    );
    expect(new Set(leaders).size).toBeGreaterThan(1);
    const values = Array.from({ length: 3000 }, (_, i) => `k${i}:v${i}`);
    // Keyed: the records spread over every partition.
    await ok(['produce', name, '-K', ':'], values.join('\n') + '\n');
    // Idle for 30 s before giving up: on a fresh three-node cluster (CI) the first share fetch waits for
    // __share_group_state (50 partitions, 3 replicas) to be created; 6 s gave both members nothing.
    const read = () => spawnKtool(['consume', name, '--share-group', group, '--timeout-ms', '30000', '-b', B3()], { timeoutMs: 120_000 });
    const [a, b] = await Promise.all([read(), read()]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const got = [...lines(a.stdout), ...lines(b.stdout)];
    expect(got.sort()).toEqual(values.map((v) => v.split(':')[1]).sort());
    expect(a.stderr + b.stderr).toBe('');
  }, 150_000);
});
