/**
 * A stopped cluster whose port another process took meanwhile: `local start` refuses and leaves
 * its data alone; once the port is free it starts again with its records (a real broker).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { portOpen, portTaken } from '../../src/local/ports.js';
import type { RegistryState } from '../../src/local/schema-registry.js';
import type { ClusterState } from '../../src/local/state.js';
import { uniqueName } from '../helpers/cli.js';
import { pollUntil } from '../helpers/poll.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const root = mkdtempSync(join(tmpdir(), 'ktool-ports-taken-'));
const env = { KTOOL_CONFIG: join(root, 'config.yaml'), KTOOL_BROKERS: undefined, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
const name = uniqueName('held');
const dir = join(process.env.XDG_CACHE_HOME || join(process.env.HOME!, '.cache'), 'ktool', 'clusters', name);
const holders: ChildProcess[] = [];

afterAll(async () => {
  for (const h of holders) h.kill('SIGKILL');
  await spawnKtool(['local', 'delete', name, '--stop', '--yes'], { env, timeoutMs: 60_000 });
  rmSync(dir, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

/** Another program listening on the port. */
async function hold(port: number): Promise<ChildProcess> {
  const script = `require('net').createServer().listen(${port}, '127.0.0.1'); setInterval(() => {}, 1e9)`;
  const holder = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
  holders.push(holder);
  await pollUntil(() => portOpen(port), { what: `the other program on port ${port}` });
  return holder;
}

/** Every file under the directory with its size and modification time: what "untouched" means. */
function snapshot(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const st = statSync(file);
    out[file] = `${st.size}@${st.mtimeMs}`;
  }
  return out;
}

describe('local start with a port of the stopped cluster taken', () => {
  it('is refused with its data untouched; started again once it is free, with its records', async () => {
    const start = await spawnKtool(['local', 'start', '--name', name, '--json'], { env, timeoutMs: 180_000 });
    expect(start.code, start.stderr).toBe(0);
    const started = JSON.parse(start.stdout);
    const topic = uniqueName('kept');
    expect((await spawnKtool(['topics', 'create', topic, '--profile', name], { env })).code).toBe(0);
    const produced = await spawnKtool(['produce', topic, '--profile', name], { env, stdin: 'still-here\n' });
    expect(produced.code, produced.stderr).toBe(0);
    const stop = await spawnKtool(['local', 'stop', '--name', name], { env, timeoutMs: 60_000 });
    expect(stop.code, stop.stderr).toBe(0);

    const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as ClusterState;
    const port = state.nodes[0].ports.controller;
    // The controller's port, the one the quorum voters name: another program listening there now.
    await pollUntil(async () => !(await portTaken(port)), { timeoutMs: 30_000, what: `port ${port} to be free after the stop` });
    const holder = await hold(port);
    const before = snapshot(dir);

    const refused = await spawnKtool(['local', 'start', '--name', name], { env, timeoutMs: 60_000 });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `error: local cluster "${name}" cannot start again: its port 127.0.0.1:${port} (node 1's controller listener, ` +
        `held by pid ${holder.pid} (node)) is taken (its controller quorum and profiles name its ports, so it cannot move to others)\n` +
        `hint: free it and run \`ktool local start --name ${name}\` again (topics kept), ` +
        `or make it anew on free ports with \`ktool local start --name ${name} --fresh\` (its topics are lost)\n`,
    );
    expect(snapshot(dir)).toEqual(before);

    holder.kill('SIGKILL');
    await pollUntil(async () => !(await portTaken(port)), { what: `port ${port} to be free again` });
    const again = await spawnKtool(['local', 'start', '--name', name, '--json'], { env, timeoutMs: 180_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ bootstrap: started.bootstrap, clusterId: started.clusterId });
    const consumed = await spawnKtool(['consume', topic, '--profile', name, '--from-beginning', '-n', '1', '--timeout-ms', '60000'], {
      env,
      timeoutMs: 90_000,
    });
    expect(consumed.code, consumed.stderr).toBe(0);
    expect(consumed.stdout).toBe('still-here\n');
  }, 480_000);

  it('the Schema Registry alone moves off a taken port (no quorum state): a warning names the new URL, saved in the profile', async () => {
    // The cluster of the test above, or a new one: with a registry either way.
    const start = await spawnKtool(['local', 'start', '--name', name, '--schema-registry', '--json'], { env, timeoutMs: 300_000 });
    expect(start.code, start.stderr).toBe(0);
    const schema = join(root, 'kept.avsc');
    writeFileSync(schema, JSON.stringify({ type: 'record', name: 'Kept', fields: [{ name: 'id', type: 'string' }] }));
    const subject = uniqueName('kept-value');
    const reg = await spawnKtool(['schemas', 'register', subject, schema, '--type', 'avro', '--profile', name], { env });
    expect(reg.code, reg.stderr).toBe(0);
    const stop = await spawnKtool(['local', 'stop', '--name', name], { env, timeoutMs: 60_000 });
    expect(stop.code, stop.stderr).toBe(0);

    const old = JSON.parse(readFileSync(join(dir, 'schema-registry', 'state.json'), 'utf8')) as RegistryState;
    await pollUntil(async () => !(await portTaken(old.port)), { timeoutMs: 30_000, what: `port ${old.port} to be free after the stop` });
    const holder = await hold(old.port);
    const again = await spawnKtool(['local', 'start', '--name', name, '--json'], { env, timeoutMs: 300_000 });
    expect(again.code, again.stderr).toBe(0);
    const url = JSON.parse(again.stdout).schemaRegistry.url as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/apis\/ccompat\/v7$/);
    expect(url).not.toContain(`:${old.port}/`);
    const port = new URL(url).port;
    expect(again.stderr).toBe(
      `warning: the Schema Registry moved: its port ${old.port} is taken (by pid ${holder.pid}, node), now ${port}; ` +
        `its URL is now ${url} (saved in the profiles; other clients need it too); its schemas are kept\n`,
    );
    const list = await spawnKtool(['schemas', 'list', '--profile', name, '--json'], { env });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(subject);
  }, 480_000);
});
