import { homedir } from 'node:os';
import { join } from 'node:path';

type Env = Record<string, string | undefined>;

/** `$KTOOL_CONFIG`, else `$XDG_CONFIG_HOME/ktool/config.yaml`, else `~/.config/ktool/config.yaml`. */
export function configFilePath(env: Env): string {
  if (env.KTOOL_CONFIG) return env.KTOOL_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'ktool', 'config.yaml');
}

/** `$XDG_CACHE_HOME/ktool`, else `~/.cache/ktool`: Kafka jars and local cluster state. */
export function cacheDir(env: Env): string {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'ktool');
}
