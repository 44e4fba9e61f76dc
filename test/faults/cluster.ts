import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'vitest';
import { cacheDir } from '../../src/config/paths.js';
import { javaBinary } from '../../src/local/java.js';
import { spawnBroker } from '../../src/local/process.js';
import { clusterDir, readState, writeState } from '../../src/local/state.js';
import { runCli, uniqueName, type CliRun } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { ownClusterEnv, startOwnCluster, type OwnCluster } from '../helpers/own-cluster.js';
import { pollUntil } from '../helpers/poll.js';
import { KTOOL_BIN, ktoolOutput } from '../helpers/spawn-ktool.js';

/** The fault suite's own three-node cluster: brokers are killed, paused and restarted here, never on the shared ones. */
export const startFaultCluster = (): Promise<OwnCluster> => startOwnCluster('faults', ['--nodes', '3']);

export function cli(c: OwnCluster, argv: string[], stdin?: string): Promise<CliRun> {
  return runCli(argv, { env: { KTOOL_CONFIG: c.config }, stdin });
}

/** A topic with replication factor 3 and min.insync.replicas 2: one broker may die without losing acks=all writes. */
export async function replicatedTopic(c: OwnCluster, prefix: string, partitions = 1, configs: string[] = []): Promise<string> {
  const t = uniqueName(prefix);
  const r = await cli(c, [
    'topics',
    'create',
    t,
    '-b',
    c.bootstrap,
    '-p',
    String(partitions),
    '-r',
    '3',
    '-c',
    'min.insync.replicas=2',
    ...configs.flatMap((x) => ['-c', x]),
  ]);
  expect(r.code, r.stderr).toBe(0);
  return t;
}

interface PartitionInfo {
  partition: number;
  leader: number;
  isr: number[];
  latestOffset: number;
}

export async function partitions(c: OwnCluster, topic: string): Promise<PartitionInfo[]> {
  const r = await cli(c, ['topics', 'describe', topic, '-b', c.bootstrap, '--json', '--timeout', '5s']);
  if (r.code !== 0) throw new Error(`topics describe ${topic}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { partitions: PartitionInfo[] }[])[0].partitions;
}

/** The node id that leads partition 0, as `ktool topics describe --json` reports it. */
export async function leaderOf(c: OwnCluster, topic: string): Promise<number> {
  return pollUntil(
    async () => {
      const [p] = await partitions(c, topic);
      return p.leader >= 0 ? p.leader : undefined;
    },
    { what: `a leader for ${topic}` },
  );
}

/** The broker JVM's pid from `ktool local status --json` (the cluster's saved state). */
export async function brokerPid(c: OwnCluster, node: number): Promise<number> {
  const out = await new Promise<string>((resolve) => {
    // status exits 3 when a node is down: its JSON is on stdout all the same.
    execFile(KTOOL_BIN, ['local', 'status', '--name', c.name, '--json'], { env: ownClusterEnv(c.config) }, (_e, stdout) => resolve(stdout));
  });
  const n = (JSON.parse(out) as { nodes: { id: number; pid: number; alive: boolean }[] }).nodes.find((x) => x.id === node);
  if (!n?.alive) throw new Error(`node ${node} of ${c.name} is not running`);
  return n.pid;
}

export async function signalNode(c: OwnCluster, node: number, signal: NodeJS.Signals): Promise<void> {
  process.kill(await brokerPid(c, node), signal);
}

/**
 * Starts one killed node again on its own ports and data. `ktool local start` on a cluster whose
 * other nodes still run would stop and restart all of them, which is another fault than this one.
 */
export async function restartNode(c: OwnCluster, node: number): Promise<void> {
  const dir = clusterDir(cacheDir(process.env), c.name);
  const state = (await readState(dir))!;
  const n = state.nodes.find((x) => x.id === node)!;
  n.pid = spawnBroker(javaBinary(process.env), state.libs, n.dir);
  await writeState(dir, state);
}

async function nodeStatus(c: OwnCluster): Promise<{ id: number; alive: boolean; reachable: boolean; port: number }[]> {
  const out = await new Promise<string>((resolve) => {
    execFile(KTOOL_BIN, ['local', 'status', '--name', c.name, '--json'], { env: ownClusterEnv(c.config) }, (_e, stdout) => resolve(stdout));
  });
  return (JSON.parse(out) as { nodes: { id: number; alive: boolean; reachable: boolean; port: number }[] }).nodes;
}

/** Starts again any node an earlier test left dead (a failed test must not leave the next one a node short). */
export async function reviveDeadNodes(c: OwnCluster): Promise<void> {
  for (const n of await nodeStatus(c)) if (!n.alive) await restartNode(c, n.id);
  await pollUntil(async () => (await nodeStatus(c)).every((n) => n.alive && n.reachable), {
    timeoutMs: 90_000,
    intervalMs: 500,
    what: 'every node up',
  });
}

/** Waits until every replica of the topic's partitions is back in sync (the restarted node caught up). */
export async function fullIsr(c: OwnCluster, topic: string, timeoutMs = 60_000): Promise<void> {
  await pollUntil(async () => (await partitions(c, topic)).every((p) => p.isr.length === 3), {
    timeoutMs,
    intervalMs: 500,
    what: `all 3 replicas of ${topic} in sync`,
  });
}

/** Stops and starts the whole cluster (same ports and data); returns the bootstrap. */
export async function restartCluster(c: OwnCluster): Promise<string> {
  await stopCluster(c);
  return startCluster(c);
}

/** Stops every node of the cluster. */
export async function stopCluster(c: OwnCluster): Promise<void> {
  await ktoolOutput(['local', 'stop', '--name', c.name], ownClusterEnv(c.config), 120_000);
}

/** Starts the stopped cluster again (same ports and data); returns the bootstrap. */
export async function startCluster(c: OwnCluster): Promise<string> {
  const env = ownClusterEnv(c.config);
  return (
    JSON.parse(await ktoolOutput(['local', 'start', '--name', c.name, '--nodes', '3', '--json'], env, 120_000)) as { bootstrap: string }
  ).bootstrap;
}

/**
 * Partition 0's leader as kcat sees it through the other nodes only: with a hung broker among the
 * bootstrap servers ktool's admin requests can stall on it for their whole --timeout (see the report).
 */
export async function leaderAvoiding(c: OwnCluster, topic: string, hung: number): Promise<number> {
  const others = (await nodeStatus(c))
    .filter((n) => n.id !== hung)
    .map((n) => `127.0.0.1:${n.port}`)
    .join(',');
  const out = await new Promise<string>((resolve, reject) => {
    execFile('kcat', ['-L', '-b', others, '-t', topic, '-J', '-m', '5'], { timeout: 15_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`kcat -L: ${stderr || error.message}`)) : resolve(stdout),
    );
  });
  return (JSON.parse(out) as { topics: { partitions: { partition: number; leader: number }[] }[] }).topics[0].partitions.find(
    (p) => p.partition === 0,
  )!.leader;
}

/** Every record of the topic read by kcat, not by ktool: `partition offset value` lines. */
export function kcatRead(
  bootstrap: string,
  topic: string,
  isolation: 'read_uncommitted' | 'read_committed' = 'read_uncommitted',
): Promise<{ partition: number; offset: number; value: string }[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'kcat',
      ['-C', '-b', bootstrap, '-t', topic, '-X', `isolation.level=${isolation}`, '-o', 'beginning', '-e', '-q', '-f', '%p %o %s\\n'],
      { maxBuffer: 64 << 20, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`kcat: ${stderr || error.message}`));
        resolve(
          stdout
            .split('\n')
            .filter(Boolean)
            .map((l) => {
              const [p, o, ...v] = l.split(' ');
              return { partition: Number(p), offset: Number(o), value: v.join(' ') };
            }),
        );
      },
    );
  });
}

/** How many times each value occurs. */
export function tally(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

export interface Child {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Ends what a failed test left running (its own children only). */
export function killLeftovers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** bin/ktool as a child process against the fault cluster, its output collected. */
export function spawnKtool(c: OwnCluster, args: string[]): Child {
  const child = spawn(KTOOL_BIN, args, { env: ownClusterEnv(c.config) });
  running.add(child);
  child.on('close', () => running.delete(child));
  const p: Child = { child, stdout: '', stderr: '', exit: new Promise((r) => child.on('close', (code) => r(code))) };
  child.stdout!.on('data', (d: Buffer) => (p.stdout += d));
  child.stderr!.on('data', (d: Buffer) => (p.stderr += d));
  return p;
}

export const lines = (s: string): string[] => s.split('\n').filter(Boolean);

/** The node that coordinates the group, as `ktool groups describe --state --json` reports it. */
export async function coordinatorOf(c: OwnCluster, group: string): Promise<number> {
  return pollUntil(
    async () => {
      const r = await cli(c, ['groups', 'describe', group, '--state', '--json', '-b', c.bootstrap, '--timeout', '5s']);
      const id = r.code === 0 ? (JSON.parse(r.stdout) as { coordinator: { id: number } }[])[0]?.coordinator.id : undefined;
      return id !== undefined && id >= 0 ? id : undefined;
    },
    { what: `the coordinator of ${group}` },
  );
}

/** The group's committed offsets by partition, from Kafka's own kafka-consumer-groups, not from ktool. */
export async function committedByKafka(bootstrap: string, group: string): Promise<Map<number, number>> {
  const r = await runKafkaTool('org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--group',
    group,
  ]);
  const committed = new Map<number, number>();
  for (const row of lines(r.stdout).filter((l) => l.startsWith(`${group} `))) {
    const [, , partition, current] = row.split(/\s+/);
    if (/^\d+$/.test(current)) committed.set(Number(partition), Number(current));
  }
  return committed;
}
