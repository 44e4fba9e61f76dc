import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { cacheDir } from '../../config/paths.js';
import { upsertProfile } from '../../config/store.js';
import { UsageError } from '../../errors.js';
import { SASL_USERS } from '../../local/broker-config.js';
import { DEFAULT_KAFKA_VERSION, startCluster } from '../../local/cluster.js';
import { bootstrapOf } from '../../local/state.js';
import { brokersReady } from './ready.js';

export interface StartOptions {
  name: string;
  nodes: 1 | 3;
  sasl: boolean;
  version: string;
  kafkaHome?: string;
}

/** `local start --json`: what was started and the profiles saved for it. */
export interface StartData {
  name: string;
  running: true;
  alreadyRunning: boolean;
  version: string;
  clusterId: string;
  bootstrap: string;
  saslBootstrap: string | null;
  nodes: number;
  profiles: string[];
  startMs: number;
}

export function parse(_args: string[], f: Record<string, unknown>): StartOptions {
  const name = String(f.name ?? 'local');
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new UsageError(`invalid cluster name "${name}"`);
  return { name, nodes: Number(f.nodes ?? 1) === 3 ? 3 : 1, sasl: Boolean(f.sasl), version: String(f.version ?? DEFAULT_KAFKA_VERSION), kafkaHome: f.kafkaHome as string | undefined };
}

export async function run(o: StartOptions, ctx: Context): Promise<CommandResult> {
  const spinner = ctx.spinner(`starting Kafka ${o.version} (${o.nodes} node${o.nodes > 1 ? 's' : ''})`);
  let result;
  try {
    result = await startCluster({ ...o, cacheDir: cacheDir(ctx.env), env: ctx.env, log: (m) => spinner.update(m), signal: ctx.io.signal, ready: (bootstrap, brokers) => brokersReady(bootstrap, brokers, ctx.env) });
  } finally {
    spinner.stop();
  }
  const { state } = result;
  const bootstrap = bootstrapOf(state);
  const profiles = [o.name];
  await upsertProfile(ctx.configPath, o.name, { bootstrap }, o.name === 'local');
  let saslBootstrap: string | null = null;
  if (state.sasl) {
    saslBootstrap = bootstrapOf(state, 'sasl');
    profiles.push(`${o.name}-sasl`);
    await upsertProfile(ctx.configPath, `${o.name}-sasl`, { bootstrap: saslBootstrap, sasl: { mechanism: 'SCRAM-SHA-256', username: 'admin', password: SASL_USERS.admin } }, false);
  }
  const data: StartData = { name: o.name, running: true, alreadyRunning: result.alreadyRunning, version: state.version, clusterId: state.clusterId, bootstrap, saslBootstrap, nodes: state.nodes.length, profiles, startMs: result.ms };
  const lines = [
    `${result.alreadyRunning ? 'Already running' : 'Started'}: Kafka ${state.version}, ${state.nodes.length} node(s), cluster ${o.name}${result.alreadyRunning ? '' : ` in ${(result.ms / 1000).toFixed(1)}s`}`,
    `bootstrap: ${bootstrap}${saslBootstrap ? `   SASL_PLAINTEXT: ${saslBootstrap} (admin/admin-secret, alice/alice-secret)` : ''}`,
    `profiles:  ${profiles.join(', ')}${o.name === 'local' ? ' (local is now the current profile)' : ''}`,
  ];
  return { data, view: [{ lines }] };
}
