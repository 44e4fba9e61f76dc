/**
 * Local clusters made up in a scratch cache directory (state.json as `local start` writes it), for
 * `local list` and `local delete` tests without a JVM. A "running" node is a small process holding
 * the node's port with the node's server.properties on its command line, as a broker has.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { portOpen } from '../../src/local/ports.js';
import type { ClusterState } from '../../src/local/state.js';
import { runCli } from '../helpers/cli.js';
import { stablePort } from '../helpers/stable-port.js';
import { pollUntil } from '../helpers/poll.js';

export interface Scratch {
  cache: string;
  config: string;
  clusters: string;
  cli(argv: string[], o?: { tty?: boolean; stdin?: string }): ReturnType<typeof runCli>;
  /** Empties the cache and the config file (between tests). */
  reset(): void;
  /** Kills the stand-in brokers and removes the scratch directory. */
  dispose(): void;
  cluster(name: string, o?: { nodes?: number; pid?: number; sasl?: boolean }): Promise<ClusterState>;
  broker(state: ClusterState): Promise<ChildProcess>;
}

export function scratchCache(prefix: string): Scratch {
  const root = mkdtempSync(join(tmpdir(), `ktool-${prefix}-`));
  const cache = join(root, 'cache');
  const config = join(root, 'config.yaml');
  const clusters = join(cache, 'ktool', 'clusters');
  const env = { XDG_CACHE_HOME: cache, KTOOL_CONFIG: config, KTOOL_BROKERS: undefined };
  const children: ChildProcess[] = [];
  const writeState = (state: ClusterState) => writeFileSync(join(clusters, state.name, 'state.json'), JSON.stringify(state));
  return {
    cache,
    config,
    clusters,
    cli: (argv, o = {}) => runCli(argv, { env, ...o }),
    reset() {
      rmSync(cache, { recursive: true, force: true });
      rmSync(config, { force: true });
    },
    dispose() {
      for (const c of children) c.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
    },
    async cluster(name, o = {}) {
      const nodes = [];
      for (let id = 1; id <= (o.nodes ?? 1); id++) {
        const dir = join(clusters, name, `node-${id}`);
        mkdirSync(join(dir, 'data'), { recursive: true });
        nodes.push({
          id,
          pid: o.pid ?? 0,
          ports: { broker: await stablePort(), controller: await stablePort(), ...(o.sasl ? { sasl: await stablePort() } : {}) },
          dir,
        });
      }
      const state = {
        name,
        version: '4.3.1',
        clusterId: `id-${name}`,
        libs: '/nowhere',
        sasl: Boolean(o.sasl),
        tls: false,
        nodes,
        startedAt: new Date().toISOString(),
      } as ClusterState;
      writeState(state);
      return state;
    },
    async broker(state) {
      const node = state.nodes[0];
      const script = `require('net').createServer().listen(${node.ports.broker}, '127.0.0.1'); setInterval(() => {}, 1e9)`;
      const child = spawn(process.execPath, ['-e', script, join(node.dir, 'server.properties')], { stdio: 'ignore' });
      children.push(child);
      node.pid = child.pid!;
      writeState(state);
      await pollUntil(() => portOpen(node.ports.broker), { what: 'the stand-in broker port' });
      return child;
    },
  };
}

export const bootstrap = (s: ClusterState, listener: 'broker' | 'sasl' = 'broker') =>
  s.nodes.map((n) => `127.0.0.1:${n.ports[listener]}`).join(',');
