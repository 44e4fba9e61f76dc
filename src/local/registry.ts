/** The local clusters known under the cache directory, and the profiles that point at them. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfigFile } from '../config/profile-types.js';
import { portOpen } from './ports.js';
import { bootstrapOf, clusterDir, nodeAlive, readState, type ClusterState } from './state.js';

/** running: every node up and answering; stopped: none up; degraded: some; unknown: no state saved (a start that failed early). */
export type ClusterRunState = 'running' | 'stopped' | 'degraded' | 'unknown';

export interface KnownCluster {
  name: string;
  dir: string;
  state?: ClusterState;
  runState: ClusterRunState;
  /** Nodes whose broker process is alive. */
  aliveNodes: number;
}

export async function knownClusters(cacheDir: string): Promise<KnownCluster[]> {
  let names: string[];
  try {
    names = (await readdir(join(cacheDir, 'clusters'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
  const out = await Promise.all(names.sort().map((name) => describeCluster(cacheDir, name)));
  return out.filter((c): c is KnownCluster => c !== undefined);
}

/** One cluster by name; undefined when there is no directory for it. */
export async function describeCluster(cacheDir: string, name: string): Promise<KnownCluster | undefined> {
  const dir = clusterDir(cacheDir, name);
  const state = await readState(dir);
  if (!state) {
    const exists = await readdir(dir).then(
      () => true,
      () => false,
    );
    return exists ? { name, dir, runState: 'unknown', aliveNodes: 0 } : undefined;
  }
  const alive = state.nodes.filter((n) => nodeAlive(n));
  const answering = await Promise.all(alive.map((n) => portOpen(n.ports.broker)));
  const up = answering.filter(Boolean).length;
  const runState: ClusterRunState = alive.length === 0 ? 'stopped' : up === state.nodes.length ? 'running' : 'degraded';
  return { name, dir, state, runState, aliveNodes: alive.length };
}

/** Every bootstrap list of the cluster's listeners (plain, SASL, TLS). */
export function clusterBootstraps(state: ClusterState): string[] {
  return [bootstrapOf(state), ...(state.sasl ? [bootstrapOf(state, 'sasl')] : []), ...(state.tls ? [bootstrapOf(state, 'ssl')] : [])];
}

const hostSet = (bootstrap: string) =>
  bootstrap
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean)
    .sort()
    .join(',');

/** Profiles whose bootstrap is one of the cluster's listeners (whoever saved them). */
export function profilesFor(state: ClusterState | undefined, config: ConfigFile): string[] {
  if (!state) return [];
  const listeners = new Set(clusterBootstraps(state).map(hostSet));
  return Object.entries(config.profiles)
    .filter(([, p]) => p.bootstrap !== undefined && listeners.has(hostSet(String(p.bootstrap))))
    .map(([name]) => name)
    .sort();
}

/** The profiles `ktool local start --name NAME` saves: NAME, NAME-sasl, NAME-tls. */
export function savedProfileNames(name: string): string[] {
  return [name, `${name}-sasl`, `${name}-tls`];
}
