import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand } from '../../cli/spec.js';
import { ExitCode } from '../../errors.js';
import { clusterStatus } from '../../local/cluster.js';
import { cacheDir } from '../../config/paths.js';
import { registryStatus } from '../../local/schema-registry.js';
import { bootstrapOf, clusterDir } from '../../local/state.js';
import { loadClusterState, NAME_AND_OUTPUT, nameOption } from './shared.js';

export const spec = defineCommand({
  command: 'status',
  description: 'is the local cluster running? (exit 3 when not)',
  options: NAME_AND_OUTPUT,
  examples: ['ktool local status --json'],
});

export const parse = nameOption;

/**
 * `local status --json`: {name, running, version, clusterId, bootstrap, saslBootstrap, tlsBootstrap, nodes:
 * [{id, pid, alive, port, saslPort, sslPort, reachable, dir}], schemaRegistry: {url, running, pid, port,
 * version, java, dir} or null}. Exit 3 when a node, or the cluster's registry, is not running.
 */
export async function run(o: { name: string }, ctx: Context): Promise<CommandResult> {
  const state = await loadClusterState(ctx.env, o.name);
  const [nodes, registry] = await Promise.all([clusterStatus(state), registryStatus(clusterDir(cacheDir(ctx.env), o.name))]);
  const running = nodes.every((n) => n.alive && n.reachable);
  const data = {
    name: o.name,
    running,
    version: state.version,
    clusterId: state.clusterId,
    bootstrap: bootstrapOf(state),
    saslBootstrap: state.sasl ? bootstrapOf(state, 'sasl') : null,
    tlsBootstrap: state.tls ? bootstrapOf(state, 'ssl') : null,
    nodes,
    schemaRegistry: registry ?? null,
  };
  const registryLine = registry
    ? [`schema registry: ${registry.running ? 'running' : 'not running'} (Apicurio ${registry.version}, ${registry.url})`]
    : [];
  return {
    data,
    exitCode: running && (!registry || registry.running) ? ExitCode.ok : ExitCode.notFound,
    view: [
      {
        lines: [`${o.name}: ${running ? 'running' : 'not running'} (Kafka ${state.version}, bootstrap ${data.bootstrap})`, ...registryLine],
      },
      {
        head: ['NODE', 'PID', 'ALIVE', 'PORT', 'SASL PORT', 'SSL PORT', 'REACHABLE', 'DIR'],
        rows: nodes.map((n) => [n.id, n.pid, n.alive ? 'yes' : 'no', n.port, n.saslPort, n.sslPort, n.reachable ? 'yes' : 'no', n.dir]),
        wideOnly: [7],
      },
    ],
  };
}
