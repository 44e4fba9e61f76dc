import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const config = join(mkdtempSync(join(tmpdir(), 'ktool-local-')), 'config.yaml');
const env = { KTOOL_CONFIG: config, KTOOL_BROKERS: undefined, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
const name = uniqueName('life');

afterAll(async () => {
  await spawnKtool(['local', 'stop', '--name', name], { env });
  rmSync(join(process.env.XDG_CACHE_HOME || join(process.env.HOME!, '.cache'), 'ktool', 'clusters', name), {
    recursive: true,
    force: true,
  });
});

describe('ktool local lifecycle', () => {
  it('start, status, start again (no-op), logs, topics through the saved profile, stop', async () => {
    const start = await spawnKtool(['local', 'start', '--name', name, '--json'], { env, timeoutMs: 180_000 });
    expect(start.stderr).toBe('');
    expect(start.code).toBe(0);
    const started = JSON.parse(start.stdout);
    expect(started).toMatchObject({ name, running: true, alreadyRunning: false, version: '4.3.1', nodes: 1, profiles: [name] });
    expect(started.bootstrap).toMatch(/^127\.0\.0\.1:\d+$/);

    const status = await spawnKtool(['local', 'status', '--name', name, '--json'], { env });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      running: true,
      bootstrap: started.bootstrap,
      nodes: [{ id: 1, alive: true, reachable: true }],
    });

    const again = await spawnKtool(['local', 'start', '--name', name, '--json'], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyRunning: true, bootstrap: started.bootstrap });
    const mismatch = await spawnKtool(['local', 'start', '--name', name, '--nodes', '3'], { env });
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toMatch(/already running with 1 node/);

    const viaProfile = await spawnKtool(['topics', 'create', 'via-profile', '--profile', name], { env });
    expect(viaProfile.code).toBe(0);

    const logs = await spawnKtool(['local', 'logs', '--name', name, '-n', '5'], { env });
    expect(logs.code).toBe(0);
    expect(logs.stdout.trim().split('\n').length).toBeGreaterThan(0);

    const stop = await spawnKtool(['local', 'stop', '--name', name, '--json'], { env, timeoutMs: 60_000 });
    expect(JSON.parse(stop.stdout)).toEqual({ name, stoppedNodes: [1], schemaRegistryStopped: false });
    const after = await spawnKtool(['local', 'status', '--name', name], { env });
    expect(after.code).toBe(3);
    expect(after.stdout).toMatch(/not running/);

    // Started again: same ports, same data; --fresh makes it anew.
    const restart = await spawnKtool(['local', 'start', '--name', name, '--json'], { env, timeoutMs: 180_000 });
    expect(restart.code).toBe(0);
    expect(JSON.parse(restart.stdout)).toMatchObject({ alreadyRunning: false, bootstrap: started.bootstrap, clusterId: started.clusterId });
    expect((await spawnKtool(['topics', 'list', '--profile', name], { env })).stdout).toContain('via-profile');
    await spawnKtool(['local', 'stop', '--name', name], { env, timeoutMs: 60_000 });
    const fresh = await spawnKtool(['local', 'start', '--name', name, '--fresh', '--json'], { env, timeoutMs: 180_000 });
    expect(fresh.code).toBe(0);
    expect(JSON.parse(fresh.stdout).clusterId).not.toBe(started.clusterId);
    expect((await spawnKtool(['topics', 'list', '--profile', name], { env })).stdout).not.toContain('via-profile');
  }, 300_000);

  it('a cluster that was never started is "not found"', async () => {
    const r = await spawnKtool(['local', 'status', '--name', uniqueName('never')], { env });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no local cluster named/);
  });

  it('without Java: one line saying what to install', async () => {
    const r = await spawnKtool(['local', 'start', '--name', uniqueName('nojava')], { env: { ...env, JAVA_HOME: '/nonexistent' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: Java is not installed (/nonexistent/bin/java not found); Kafka 4 needs Java 17 or newer\n' +
        'hint: install it, e.g. apt-get install openjdk-17-jre-headless, or set JAVA_HOME\n',
    );
  });
});
