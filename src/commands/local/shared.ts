import { cacheDir } from '../../config/paths.js';
import { NotFoundError } from '../../errors.js';
import { clusterDir, readState, type ClusterState } from '../../local/state.js';

export async function loadClusterState(env: Record<string, string | undefined>, name: string): Promise<ClusterState> {
  const state = await readState(clusterDir(cacheDir(env), name));
  if (!state) throw new NotFoundError(`no local cluster named "${name}"`, 'start one with `ktool local start`');
  return state;
}

export function nameOption(_args: string[], f: Record<string, unknown>): { name: string } {
  return { name: String(f.name ?? 'local') };
}
