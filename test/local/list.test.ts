import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { bootstrap, scratchCache } from './fake-cluster.js';

const s = scratchCache('local-list');
const cli = s.cli;
afterAll(() => s.dispose());
beforeEach(() => s.reset());

describe('ktool local list', () => {
  it('every cluster with its state, nodes, bootstrap, version and the profiles pointing at it', async () => {
    const a = await s.cluster('alpha', { sasl: true });
    const b = await s.cluster('beta', { nodes: 3 });
    await s.broker(a);
    mkdirSync(join(s.clusters, 'half-made'), { recursive: true });
    expect((await cli(['profile', 'add', 'alpha', '-b', bootstrap(a)])).code).toBe(0);
    expect((await cli(['profile', 'add', 'alpha-sasl', '-b', bootstrap(a, 'sasl')])).code).toBe(0);
    expect((await cli(['profile', 'add', 'mine', '-b', bootstrap(b).split(',').reverse().join(',')])).code).toBe(0);
    expect((await cli(['profile', 'add', 'elsewhere', '-b', 'kafka:9092'])).code).toBe(0);

    const r = await cli(['local', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        name: 'alpha',
        state: 'running',
        nodes: 1,
        bootstrap: bootstrap(a),
        saslBootstrap: bootstrap(a, 'sasl'),
        tlsBootstrap: null,
        version: '4.3.1',
        clusterId: 'id-alpha',
        profiles: ['alpha', 'alpha-sasl'],
        dir: join(s.clusters, 'alpha'),
      },
      {
        name: 'beta',
        state: 'stopped',
        nodes: 3,
        bootstrap: bootstrap(b),
        saslBootstrap: null,
        tlsBootstrap: null,
        version: '4.3.1',
        clusterId: 'id-beta',
        profiles: ['mine'],
        dir: join(s.clusters, 'beta'),
      },
      {
        name: 'half-made',
        state: 'unknown',
        nodes: 0,
        bootstrap: null,
        saslBootstrap: null,
        tlsBootstrap: null,
        version: null,
        clusterId: null,
        profiles: [],
        dir: join(s.clusters, 'half-made'),
      },
    ]);
    const table = await cli(['local', 'list']);
    expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+STATE\s+NODES\s+BOOTSTRAP\s+VERSION\s+PROFILES$/);
    expect(table.stdout).toMatch(new RegExp(`alpha\\s+running\\s+1\\s+${bootstrap(a)}\\s+4\\.3\\.1\\s+alpha,alpha-sasl`));
    expect(table.stdout).toMatch(/beta\s+stopped\s+3/);
    expect((await cli(['local', 'list', '--format', 'yaml'])).stdout).toMatch(/- name: alpha\n\s+state: running/);
  });

  it('no clusters: an empty list, exit 0', async () => {
    const r = await cli(['local', 'list', '--json']);
    expect(r).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('a pid saved before a reboot that now belongs to another process is not a running broker', async () => {
    await s.cluster('stale', { pid: process.pid });
    expect(JSON.parse((await cli(['local', 'list', '--json'])).stdout)[0]).toMatchObject({ name: 'stale', state: 'stopped' });
  });
});
