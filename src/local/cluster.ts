import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OperationError } from '../errors.js';
import {
  log4j1Properties,
  log4jProperties,
  randomClusterId,
  scramFormatArgs,
  serverProperties,
  type NodeLayout,
  type NodePorts,
} from './broker-config.js';
import { checkJava, javaBinary } from './java.js';
import { resolveKafkaJars } from './kafka-jars.js';
import { freePorts, portOpen } from './ports.js';
import { brokerJvm, logTail, runJava, spawnBroker } from './process.js';
import { assertPortsFree } from './resume-ports.js';
import { resolveShape } from './shape.js';
import { ensureTlsMaterial } from './tls.js';
import { hasKraftDelegationTokens, hasKraftScram } from './versions.js';
import { bootstrapOf, clusterDir, nodeAlive, pidAlive, readState, writeState, type ClusterState } from './state.js';

export { DEFAULT_KAFKA_VERSION } from './versions.js';

export interface StartOptions {
  name: string;
  nodes: 1 | 3;
  sasl: boolean;
  tls: boolean;
  /** Wipe the data of a stopped cluster instead of starting it again with its topics. */
  fresh: boolean;
  /** The cluster has a Schema Registry (its schemas go with --fresh too): for the refusal's words. */
  schemas?: boolean;
  version: string;
  kafkaHome?: string;
  cacheDir: string;
  env: Record<string, string | undefined>;
  log: (message: string) => void;
  signal?: AbortSignal;
  /** Resolves when the cluster answers Metadata with all its brokers (injected: uses the Kafka client). */
  ready: (bootstrap: string, brokers: number) => Promise<boolean>;
}

export interface StartResult {
  state: ClusterState;
  alreadyRunning: boolean;
  jarSource?: string;
  ms: number;
}

export async function clusterRunning(state: ClusterState | undefined): Promise<boolean> {
  if (!state) return false;
  for (const n of state.nodes) if (!nodeAlive(n) || !(await portOpen(n.ports.broker))) return false;
  return true;
}

export async function startCluster(o: StartOptions): Promise<StartResult> {
  const started = Date.now();
  const dir = clusterDir(o.cacheDir, o.name);
  const previous = await readState(dir);
  if (await clusterRunning(previous)) {
    if (!sameShape(previous!, o))
      throw new OperationError(`local cluster "${o.name}" is already running with ${describeShape(previous!)}`, {
        hint: `stop it first (ktool local stop${o.name === 'local' ? '' : ` --name ${o.name}`}) or pick another --name`,
      });
    return { state: previous!, alreadyRunning: true, ms: Date.now() - started };
  }
  if (previous) await stopCluster(previous);
  // Never formatted anew without --fresh: a stopped cluster starts as it was, on its own ports, or not at all.
  const resume = previous && !o.fresh ? previous : undefined;
  if (resume) {
    resolveShape(o.name, { nodes: o.nodes, sasl: o.sasl, tls: o.tls, version: o.version }, resume);
    await assertPortsFree(resume, { schemas: o.schemas });
  }

  const java = javaBinary(o.env);
  await checkJava(java);
  const { libs, source } = await resolveKafkaJars({
    version: o.version,
    cacheDir: o.cacheDir,
    kafkaHome: o.kafkaHome,
    env: o.env,
    log: o.log,
  });

  // The ports were free a moment ago: one taken since makes the broker fail to start (its log says so), nothing is formatted.
  const state = resume ? { ...resume, libs, startedAt: new Date().toISOString() } : await formatCluster(dir, o, java, libs);
  for (const node of state.nodes) node.pid = spawnBroker(java, libs, node.dir, brokerJvm(o.env));
  await writeState(dir, state);

  try {
    await waitReady(state, o);
  } catch (error) {
    await stopCluster(state);
    throw error;
  }
  return { state, alreadyRunning: false, jarSource: source, ms: Date.now() - started };
}

function sameShape(state: ClusterState, o: Pick<StartOptions, 'nodes' | 'sasl' | 'tls'>): boolean {
  return state.nodes.length === o.nodes && state.sasl === o.sasl && Boolean(state.tls) === o.tls;
}

function describeShape(state: ClusterState): string {
  return `${state.nodes.length} node(s)${state.sasl ? ', SASL' : ''}${state.tls ? ', TLS' : ''}`;
}

/** A new cluster: free ports, a new cluster id, formatted storage (with the SCRAM users for --sasl on Kafka 3.5+). */
async function formatCluster(dir: string, o: StartOptions, java: string, libs: string): Promise<ClusterState> {
  await rm(dir, { recursive: true, force: true });
  const tls = o.tls ? await ensureTlsMaterial(dir) : undefined;
  const names = ['broker', 'controller', ...(o.sasl ? ['sasl'] : []), ...(o.tls ? ['ssl'] : [])] as const;
  const ports = await freePorts(o.nodes * names.length);
  const layout: NodeLayout[] = Array.from({ length: o.nodes }, (_, i) => {
    const mine = ports.slice(i * names.length);
    const nodePorts = Object.fromEntries(names.map((name, j) => [name, mine[j]])) as unknown as NodePorts;
    return { id: i + 1, ports: nodePorts, dataDir: join(dir, `node-${i + 1}`, 'data') };
  });
  const clusterId = randomClusterId(randomBytes);
  const scram = hasKraftScram(o.version);
  // One random secret per cluster, shared by its nodes: tokens a cluster issued are good on every node of it.
  const tokenSecret = o.sasl && hasKraftDelegationTokens(o.version) ? randomBytes(32).toString('base64url') : undefined;
  await Promise.all(
    layout.map(async (node) => {
      const nodeDir = join(dir, `node-${node.id}`);
      await mkdir(node.dataDir, { recursive: true });
      await writeFile(join(nodeDir, 'server.properties'), serverProperties(node, layout, { sasl: o.sasl, tls, scram, tokenSecret }));
      // Both: a 4.x broker reads the log4j2 file, a 3.x one the log4j 1 file (process.ts names both).
      await writeFile(join(nodeDir, 'log4j2.properties'), log4jProperties(join(nodeDir, 'server.log')));
      await writeFile(join(nodeDir, 'log4j.properties'), log4j1Properties(join(nodeDir, 'server.log')));
      await runJava(
        java,
        libs,
        'kafka.tools.StorageTool',
        ['format', '-t', clusterId, '-c', join(nodeDir, 'server.properties'), ...(o.sasl && scram ? scramFormatArgs() : [])],
        nodeDir,
      );
    }),
  );
  return {
    name: o.name,
    version: o.version,
    clusterId,
    libs,
    sasl: o.sasl,
    tls: o.tls,
    nodes: layout.map((n) => ({ id: n.id, pid: 0, ports: n.ports, dir: join(dir, `node-${n.id}`) })),
    startedAt: new Date().toISOString(),
  };
}

async function waitReady(state: ClusterState, o: StartOptions): Promise<void> {
  const deadline = Date.now() + Number(o.env.KTOOL_LOCAL_START_TIMEOUT_MS ?? 120_000);
  const bootstrap = bootstrapOf(state);
  while (Date.now() < deadline) {
    if (o.signal?.aborted) throw new OperationError('interrupted while the broker was starting; stopped it');
    for (const node of state.nodes) {
      if (!pidAlive(node.pid)) {
        throw new OperationError(`Kafka node ${node.id} exited during start-up. Last log lines:\n${await logTail(node.dir)}`, {
          hint: `full logs: ${node.dir}`,
        });
      }
    }
    const open = await Promise.all(state.nodes.map((n) => portOpen(n.ports.broker)));
    if (open.every(Boolean) && (await o.ready(bootstrap, state.nodes.length).catch(() => false))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new OperationError(
    `Kafka did not become ready within ` +
      `${Math.round(Number(o.env.KTOOL_LOCAL_START_TIMEOUT_MS ?? 120_000) / 1000)}s. Last log ` +
      `lines:\n${await logTail(state.nodes[0].dir)}`,
  );
}

/** SIGTERM (a clean shutdown), then SIGKILL after the deadline. */
export async function stopCluster(state: ClusterState, graceMs = 30_000): Promise<{ stopped: number[] }> {
  const stopped: number[] = [];
  for (const node of state.nodes) {
    if (nodeAlive(node)) {
      process.kill(node.pid, 'SIGTERM');
      stopped.push(node.id);
    }
  }
  const deadline = Date.now() + graceMs;
  while (state.nodes.some((n) => nodeAlive(n)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const node of state.nodes) if (nodeAlive(node)) process.kill(node.pid, 'SIGKILL');
  return { stopped };
}

export interface NodeStatus {
  id: number;
  pid: number;
  alive: boolean;
  port: number;
  saslPort?: number;
  sslPort?: number;
  reachable: boolean;
  dir: string;
}

export async function clusterStatus(state: ClusterState): Promise<NodeStatus[]> {
  return Promise.all(
    state.nodes.map(async (n) => ({
      id: n.id,
      pid: n.pid,
      alive: nodeAlive(n),
      port: n.ports.broker,
      saslPort: n.ports.sasl,
      sslPort: n.ports.ssl,
      reachable: await portOpen(n.ports.broker),
      dir: n.dir,
    })),
  );
}
