import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCluster } from '../../src/local/cluster.js';
import { portHolders } from '../../src/local/port-holder.js';
import { portTaken } from '../../src/local/ports.js';
import { describeMoved, registryPorts, type RegistryState } from '../../src/local/schema-registry.js';
import type { ClusterState } from '../../src/local/state.js';
import { runCli } from '../helpers/cli.js';
import { stablePort } from '../helpers/stable-port.js';
import { scratchCache } from './fake-cluster.js';

const s = scratchCache('start-ports');
const servers: Server[] = [];
afterAll(() => s.dispose());
beforeEach(() => s.reset());
afterEach(async () => {
  await Promise.all(servers.splice(0).map((srv) => new Promise((r) => srv.close(r))));
});
// No mvn and a download URL nothing answers: a start that gets past the port check stops at fetching the jars.
const noJars = { KTOOL_MVN: 'none', KTOOL_KAFKA_DIST_URL: 'http://127.0.0.1:1' };
const cli = (args: string[]) =>
  runCli(['local', 'start', ...args], { env: { XDG_CACHE_HOME: s.cache, KTOOL_CONFIG: s.config, KTOOL_BROKERS: undefined, ...noJars } });

/** Another process's listener on the port (here: this test's own). */
function hold(port: number, host = '127.0.0.1'): Promise<Server> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(port, host, () => resolve(srv));
    servers.push(srv);
  });
}

const stateFile = (name: string) => join(s.clusters, name, 'state.json');
const me = `held by pid ${process.pid} (`;

describe('local start on a stopped cluster whose ports are taken: refused, never formatted anew', () => {
  it('one taken port: exit 1, one message naming the cluster, the port, its holder and both fixes; nothing touched', async () => {
    const state = await s.cluster('held', { sasl: true });
    await hold(state.nodes[0].ports.broker);
    const r = await cli(['--name', 'held']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const port = state.nodes[0].ports.broker;
    expect(r.stderr).toMatch(
      new RegExp(
        `^error: local cluster "held" cannot start again: its port 127\\.0\\.0\\.1:${port} \\(node 1's PLAINTEXT listener, ` +
          `held by pid ${process.pid} \\([^)]+\\)\\) is taken ` +
          '\\(its controller quorum and profiles name its ports, so it cannot move to others\\)\\n' +
          'hint: free it and run `ktool local start --name held` again \\(topics kept\\), ' +
          'or make it anew on free ports with `ktool local start --name held --fresh` \\(its topics are lost\\)\\n$',
      ),
    );
    expect(JSON.parse(readFileSync(stateFile('held'), 'utf8'))).toEqual(state);
    expect(existsSync(join(s.clusters, 'held', 'node-1', 'data'))).toBe(true);
  });

  it('several taken ports on several nodes (controller, SASL) are all named; a registry says its schemas go too', async () => {
    const state = await s.cluster('local', { nodes: 3, sasl: true });
    await hold(state.nodes[1].ports.controller);
    await hold(state.nodes[2].ports.sasl!, '0.0.0.0');
    writeRegistry('local', { port: await stablePort() });
    const r = await cli([]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`its ports 127.0.0.1:${state.nodes[1].ports.controller} (node 2's controller listener, ${me}`);
    expect(r.stderr).toContain(`, 127.0.0.1:${state.nodes[2].ports.sasl} (node 3's SASL_PLAINTEXT listener, ${me}`);
    expect(r.stderr).toContain(') are taken');
    expect(r.stderr).toContain(
      'hint: free them and run `ktool local start` again (topics kept), ' +
        'or make it anew on free ports with `ktool local start --fresh` (its topics and schemas are lost)',
    );
    expect(JSON.parse(readFileSync(stateFile('local'), 'utf8'))).toEqual(state);
  });

  it('with its ports free it starts as it was; with --fresh a taken port is no obstacle (both get as far as the jars)', async () => {
    const state = await s.cluster('free');
    expect((await cli(['--name', 'free'])).stderr).toContain('cannot get the Kafka 4.3.1 jars');
    await hold(state.nodes[0].ports.controller);
    const fresh = await cli(['--name', 'free', '--fresh']);
    expect(fresh.stderr).not.toContain('is taken');
    expect(fresh.stderr).toContain('cannot get the Kafka 4.3.1 jars');
  });

  it('startCluster itself refuses too (before any jar is fetched), whoever calls it', async () => {
    const state = await s.cluster('direct');
    await hold(state.nodes[0].ports.controller);
    await expect(startCluster(baseOptions('direct'))).rejects.toThrow(
      /local cluster "direct" cannot start again: its port 127\.0\.0\.1:\d+ \(node 1's controller listener/,
    );
    await expect(startCluster({ ...baseOptions('direct'), nodes: 3 }), 'a shape other than its own').rejects.toThrow(
      /holds the data of a 1-node Kafka 4\.3\.1 cluster; starting it with --nodes 3 would format it anew/,
    );
    expect(JSON.parse(readFileSync(stateFile('direct'), 'utf8'))).toEqual(state);
  });
});

describe('ports', () => {
  it('portTaken: a listener on 127.0.0.1 or 0.0.0.0 takes it; a closed one leaves it free', async () => {
    const a = await stablePort();
    expect(await portTaken(a)).toBe(false);
    const srv = await hold(a, '0.0.0.0');
    expect(await portTaken(a)).toBe(true);
    await new Promise((r) => srv.close(r));
    expect(await portTaken(a)).toBe(false);
  });

  it.runIf(process.platform === 'linux')('portHolders names the process listening (this one), nothing for a free port', async () => {
    const [held, free] = [await stablePort(), await stablePort()];
    await hold(held);
    const found = portHolders([held, free]);
    expect(found.get(held)).toMatchObject({ pid: process.pid });
    expect(found.has(free)).toBe(false);
  });

  it('the Schema Registry keeps its free ports and moves a taken one (it holds no quorum state), saying so', async () => {
    const dir = join(s.cache, 'reg');
    const previous = { port: await stablePort(), managementPort: await stablePort(), dir } as RegistryState;
    expect(await registryPorts(previous)).toEqual({ port: previous.port, managementPort: previous.managementPort, moved: [] });
    await hold(previous.port);
    const moved = await registryPorts(previous);
    expect(moved.managementPort).toBe(previous.managementPort);
    expect(moved.port).not.toBe(previous.port);
    expect(moved.port).not.toBe(previous.managementPort);
    expect(moved.moved).toMatchObject([{ what: 'port', from: previous.port, to: moved.port }]);
    const url = `http://127.0.0.1:${moved.port}/apis/ccompat/v7`;
    expect(describeMoved(moved.moved, url)).toMatch(
      new RegExp(
        `^the Schema Registry moved: its port ${previous.port} is taken \\(by pid ${process.pid}, [^)]+\\), now ${moved.port}; ` +
          `its URL is now ${url.replace(/\./g, '\\.')} \\(saved in the profiles; other clients need it too\\); its schemas are kept$`,
      ),
    );
    const fresh = await registryPorts(undefined);
    expect(fresh.port).not.toBe(fresh.managementPort);
  });
});

function baseOptions(name: string) {
  return {
    name,
    nodes: 1 as const,
    sasl: false,
    tls: false,
    fresh: false,
    version: '4.3.1',
    cacheDir: join(s.cache, 'ktool'),
    env: { JAVA_HOME: '/nonexistent', ...noJars },
    log: () => {},
    ready: async () => true,
  };
}

function writeRegistry(cluster: string, o: { port: number }) {
  const dir = join(s.clusters, cluster, 'schema-registry');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'state.json'), JSON.stringify({ pid: 0, port: o.port, managementPort: o.port + 1, dir }));
}
