import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { ownClusterEnv, removeOwnCluster, restartOwnCluster, startOwnCluster, type OwnCluster } from '../helpers/own-cluster.js';
import { pollUntil } from '../helpers/poll.js';
import { KTOOL_BIN } from '../helpers/spawn-ktool.js';

// A broker restart must not end a consumer that follows a topic, nor a producer: they wait, say so, and go on.
let c: OwnCluster;
beforeAll(async () => {
  c = await startOwnCluster('outage');
}, 120_000);
afterAll(() => removeOwnCluster(c), 60_000);

const lines = (s: string) => s.split('\n').filter(Boolean);

describe('consume and produce when the broker goes away', () => {
  it('following a topic, it waits out a broker restart and prints what came after, nothing lost', async () => {
    const t = uniqueName('outage');
    const produce = (values: string[]) => runCli(['produce', t, '-b', c.bootstrap], { stdin: values.map((v) => `${v}\n`).join('') });
    expect((await runCli(['topics', 'create', t, '-b', c.bootstrap, '-p', '2'])).code).toBe(0);
    expect((await produce(['a', 'b', 'c'])).code).toBe(0);

    const child = spawn(KTOOL_BIN, ['consume', t, '-b', c.bootstrap, '-o', 'start'], { env: ownClusterEnv(c.config) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const exit = new Promise<number | null>((r) => child.on('close', r));
    try {
      await pollUntil(() => lines(stdout).length === 3, { what: 'the first records' });
      await restartOwnCluster(c, 'stop');
      await pollUntil(() => /lost the connection to 127\.0\.0\.1:\d+; reconnecting/.test(stderr), { what: 'the outage warning' });
      expect(child.exitCode).toBeNull();

      expect(await restartOwnCluster(c, 'start')).toBe(c.bootstrap);
      expect((await produce(['d', 'e'])).code).toBe(0);
      await pollUntil(() => lines(stdout).length === 5, { what: 'records written after the restart', timeoutMs: 60_000 });
      expect(lines(stdout).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(stderr).toMatch(/reconnected to 127\.0\.0\.1:\d+ after \d+\.\d+s/);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exit).toBe(130);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('a producer waits out a broker restart: what it read before and during the outage is delivered once', async () => {
    const t = uniqueName('outage-produce');
    expect((await runCli(['topics', 'create', t, '-b', c.bootstrap, '-p', '2'])).code).toBe(0);
    const readAll = async () => lines((await runCli(['consume', t, '-b', c.bootstrap, '-o', 'start', '-e'])).stdout).sort();

    const child = spawn(KTOOL_BIN, ['produce', t, '-b', c.bootstrap], { env: ownClusterEnv(c.config) });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const exit = new Promise<number | null>((r) => child.on('close', r));
    try {
      child.stdin.write('a\nb\n');
      await pollUntil(async () => (await readAll()).length === 2, { what: 'the records before the outage' });
      await restartOwnCluster(c, 'stop');
      child.stdin.write('c\nd\n');
      await pollUntil(() => /lost the connection to 127\.0\.0\.1:\d+; retrying for up to \d+s/.test(stderr), {
        what: 'the outage warning',
      });
      expect(child.exitCode).toBeNull();
      expect(await restartOwnCluster(c, 'start')).toBe(c.bootstrap);
      await pollUntil(() => /go through again after \d+\.\d+s/.test(stderr), { what: 'the recovery', timeoutMs: 60_000 });
      child.stdin.end('e\n');
      expect(await exit).toBe(0);
    } finally {
      child.kill('SIGINT');
    }
    expect(stderr).toMatch(/5 records sent to topic .*, 0 failed/);
    expect(await readAll()).toEqual(['a', 'b', 'c', 'd', 'e']);
  }, 120_000);
});
