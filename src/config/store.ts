import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import { toYaml } from '../output/yaml.js';
import { userFileError } from '../util/read-user-file.js';
import type { ConfigFile, Profile } from './profile-types.js';
import { parseYaml } from './yaml-parse.js';

/** Reads config.yaml; a missing file is an empty config. */
export async function loadConfigFile(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw userFileError(error, 'the config file (KTOOL_CONFIG)', path);
  }
  const parsed = parseYaml(text, path);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`${path}: expected a mapping at the top level`);
  }
  const obj = parsed as Record<string, unknown>;
  const profiles = (obj.profiles ?? {}) as Record<string, Profile>;
  if (typeof profiles !== 'object' || Array.isArray(profiles)) throw new UsageError(`${path}: "profiles" must be a mapping`);
  const current = obj['current-profile'];
  return { 'current-profile': typeof current === 'string' ? current : undefined, profiles };
}

/** Writes atomically with mode 0600: the file may hold credentials. */
export async function saveConfigFile(path: string, config: ConfigFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const header = '# ktool configuration: edit with `ktool profile add|use|delete` or by hand.\n';
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, header + toYaml(config), { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

/** Adds or replaces one profile; used by `profile add` and `ktool local start`. */
export async function upsertProfile(path: string, name: string, profile: Profile, makeCurrent: boolean): Promise<ConfigFile> {
  const config = await loadConfigFile(path);
  config.profiles[name] = profile;
  if (makeCurrent || !config['current-profile']) config['current-profile'] = name;
  await saveConfigFile(path, config);
  return config;
}
