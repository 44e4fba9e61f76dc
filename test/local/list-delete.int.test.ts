/** `local list` and `local delete` on a real cluster of this file's own (never shared-* or ktool-test-*). */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/config/paths.js';
import { pidAlive } from '../../src/local/state.js';
import { uniqueName } from '../helpers/cli.js';
import { pollUntil } from '../helpers/poll.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const scratch = mkdtempSync(join(tmpdir(), 'ktool-local-delete-'));
const config = join(scratch, 'config.yaml');
const env = { KTOOL_CONFIG: config, KTOOL_BROKERS: undefined, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
const name = uniqueName('listdel');
const dir = join(cacheDir(process.env), 'clusters', name);

afterAll(async () => {
  if (existsSync(dir)) {
    await spawnKtool(['local', 'stop', '--name', name], { env, timeoutMs: 60_000 });
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(scratch, { recursive: true, force: true });
}, 90_000);

describe('ktool local list and delete with a real broker', () => {
  it(
    'lists the running cluster with its profile; delete refuses it unless --stop, then stops it and ' + 'removes data and profile',
    async () => {
      const start = await spawnKtool(['local', 'start', '--name', name, '--json'], { env, timeoutMs: 180_000 });
      expect(start.code, start.stderr).toBe(0);
      const { bootstrap } = JSON.parse(start.stdout) as { bootstrap: string };
      const pids = (JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as { nodes: { pid: number }[] }).nodes.map((n) => n.pid);

      const list = await spawnKtool(['local', 'list', '--json'], { env });
      expect(list.code, list.stderr).toBe(0);
      const mine = (JSON.parse(list.stdout) as { name: string }[]).find((c) => c.name === name);
      expect(mine).toEqual({
        name,
        state: 'running',
        nodes: 1,
        bootstrap,
        saslBootstrap: null,
        tlsBootstrap: null,
        version: '4.3.1',
        clusterId: expect.any(String),
        profiles: [name],
        dir,
      });

      const refused = await spawnKtool(['local', 'delete', name, '--yes'], { env });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/is running .*\nhint: stop it first .* or pass --stop/);
      expect(pids.every(pidAlive)).toBe(true);

      const deleted = await spawnKtool(['local', 'delete', name, '--stop', '--yes', '--json'], { env, timeoutMs: 60_000 });
      expect(deleted.code, deleted.stderr).toBe(0);
      expect(JSON.parse(deleted.stdout)).toEqual({ name, dir, stoppedNodes: [1], removedProfiles: [name] });
      // Exited; init reaps the (reparented) JVM a moment later.
      await pollUntil(() => !pids.some(pidAlive), { timeoutMs: 10_000, what: 'the broker process gone' });
      expect(existsSync(dir)).toBe(false);
      expect(readFileSync(config, 'utf8')).not.toContain(`${name}:`);
      const after = await spawnKtool(['local', 'list', '--json'], { env });
      expect((JSON.parse(after.stdout) as { name: string }[]).map((c) => c.name)).not.toContain(name);
      expect((await spawnKtool(['local', 'status', '--name', name], { env })).code).toBe(3);
    },
    300_000,
  );
});
