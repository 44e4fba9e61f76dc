import { groupOptions } from '../../cli/common-options.js';
import { defineOptions } from '../../cli/spec.js';
import { cacheDir } from '../../config/paths.js';
import { NotFoundError } from '../../errors.js';
import { clusterDir, readState, type ClusterState } from '../../local/state.js';

export async function loadClusterState(env: Record<string, string | undefined>, name: string): Promise<ClusterState> {
  const state = await readState(clusterDir(cacheDir(env), name));
  if (!state) throw new NotFoundError(`no local cluster named "${name}"`, 'start one with `ktool local start`');
  return state;
}

/**
 * --name, then the output and base flags: the order `local start|stop|status|logs --help` has
 * always listed them in (a spec's groups would come first), before each verb's own options.
 */
export const NAME_AND_OUTPUT = defineOptions([
  { flags: '--name <name>', description: 'cluster name (also the profile name)', default: 'local' },
  ...groupOptions('output'),
  ...groupOptions('base'),
]);

export function nameOption(_args: string[], f: { name?: string }): { name: string } {
  return { name: f.name ?? 'local' };
}
