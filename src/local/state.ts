import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NodePorts } from './broker-config.js';

/** What `ktool local` remembers about a cluster (in <cache>/clusters/<name>/state.json). */
export interface ClusterState {
  name: string;
  version: string;
  clusterId: string;
  libs: string;
  sasl: boolean;
  /** Absent in state written before --tls existed. */
  tls?: boolean;
  nodes: { id: number; pid: number; ports: NodePorts; dir: string }[];
  startedAt: string;
}

export function clusterDir(cacheDir: string, name: string): string {
  return join(cacheDir, 'clusters', name);
}

export async function readState(dir: string): Promise<ClusterState | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')) as ClusterState;
  } catch {
    return undefined;
  }
}

export async function writeState(dir: string, state: ClusterState): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `state.json.${process.pid}`);
  await writeFile(tmp, JSON.stringify(state, null, 2));
  await rename(tmp, join(dir, 'state.json'));
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The node's broker is running: its pid is alive and, where /proc shows command lines, that
 * process is the JVM started on the node's directory. A pid saved before a reboot may belong to
 * some other process by now, which stop and delete must never signal.
 */
export function nodeAlive(node: { pid: number; dir: string }): boolean {
  if (!node.pid || !pidAlive(node.pid)) return false;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${node.pid}/cmdline`, 'utf8');
  } catch {
    return process.platform !== 'linux';
  }
  return cmdline.includes(join(node.dir, 'server.properties'));
}

export function bootstrapOf(state: ClusterState, listener: 'broker' | 'sasl' | 'ssl' = 'broker'): string {
  return state.nodes.map((n) => `127.0.0.1:${n.ports[listener]}`).join(',');
}
