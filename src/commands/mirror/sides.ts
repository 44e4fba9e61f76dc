import type { Context } from '../../cli/context.js';
import { defineOptions } from '../../cli/spec.js';
import { loadCommandConfig } from '../../config/command-config.js';
import type { ConnectionSettings } from '../../config/connection.js';
import { resolveConnection } from '../../config/resolve.js';
import { loadConfigFile } from '../../config/store.js';
import { UsageError } from '../../errors.js';
import type { KafkaClients } from '../../kafka/types.js';

/** --from/--to and their bootstrap/properties-file forms (both ends of a mirror), and the timeout. */
export const SIDE_OPTIONS = defineOptions([
  { flags: '--from <profile>', description: 'source cluster: a profile' },
  { flags: '--from-bootstrap <hosts>', description: 'source cluster: HOST:PORT[,HOST:PORT]' },
  { flags: '--from-config <file>', description: 'source cluster: kafka client properties file (security, bootstrap.servers)' },
  { flags: '--to <profile>', description: 'target cluster: a profile' },
  { flags: '--to-bootstrap <hosts>', description: 'target cluster: HOST:PORT[,HOST:PORT]' },
  { flags: '--to-config <file>', description: 'target cluster: kafka client properties file' },
  { flags: '--timeout <duration>', description: 'connect/request timeout, e.g. 10s' },
]);

/** One end of a mirror: a profile, a bootstrap list and/or a kafka properties file. */
export interface SideSpec {
  profile?: string;
  bootstrap?: string;
  config?: string;
  /** --from-config or --to-config, for messages about the file. */
  configFlag?: string;
}

export interface SidesOptions {
  from: SideSpec;
  to: SideSpec;
  timeout?: string;
}

function side(f: Record<string, unknown>, name: 'from' | 'to'): SideSpec {
  const spec: SideSpec = {
    profile: f[name] as string | undefined,
    bootstrap: f[`${name}Bootstrap`] as string | undefined,
    config: f[`${name}Config`] as string | undefined,
    configFlag: `--${name}-config`,
  };
  if (!spec.profile && !spec.bootstrap && !spec.config) {
    throw new UsageError(
      `the ${name === 'from' ? 'source' : 'target'} cluster is missing`,
      `pass --${name} PROFILE, --${name}-bootstrap HOST:PORT or --${name}-config FILE`,
    );
  }
  return spec;
}

export function parseSides(f: Record<string, unknown>): SidesOptions {
  return { from: side(f, 'from'), to: side(f, 'to'), timeout: f.timeout as string | undefined };
}

/**
 * Settings for one side through the one config loader. KTOOL_BROKERS and KTOOL_PROFILE are left
 * out: they name a single cluster and would silently make both ends the same one.
 */
export async function sideSettings(ctx: Context, spec: SideSpec, timeout: string | undefined): Promise<ConnectionSettings> {
  const config = await loadConfigFile(ctx.configPath);
  const commandConfig = spec.config ? await loadCommandConfig(spec.config, spec.configFlag) : undefined;
  const env = { ...ctx.env, KTOOL_BROKERS: undefined, KTOOL_PROFILE: undefined };
  const settings = resolveConnection({
    flags: { profile: spec.profile, bootstrapServer: spec.bootstrap, timeout },
    env,
    config: spec.profile ? config : { profiles: config.profiles },
    commandConfig,
  });
  return settings;
}

export interface Sides {
  source: KafkaClients;
  target: KafkaClients;
  sourceName: string;
  targetName: string;
  close(): Promise<void>;
}

export function sideName(spec: SideSpec, settings: ConnectionSettings): string {
  return spec.profile ?? settings.bootstrap.join(',');
}

export async function openSides(ctx: Context, o: SidesOptions): Promise<Sides> {
  const [from, to] = await Promise.all([sideSettings(ctx, o.from, o.timeout), sideSettings(ctx, o.to, o.timeout)]);
  const [source, target] = await Promise.all([ctx.kafkaFor(from), ctx.kafkaFor(to)]);
  return {
    source,
    target,
    sourceName: sideName(o.from, from),
    targetName: sideName(o.to, to),
    async close() {
      await Promise.allSettled([source.close(), target.close()]);
    },
  };
}
