import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { groupOptions } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { loadCommandConfig } from '../../config/command-config.js';
import { UsageError } from '../../errors.js';
import { positiveInt } from '../../cli/parse-helpers.js';
import { connectUrl } from './connect-common.js';
import { aliasesFor, mm2Connectors, type Mm2Cluster } from './mm2-config.js';
import { parseSelection, SELECTION_OPTIONS, type TopicSelection } from './options.js';
import { parseSides, sideSettings, SIDE_OPTIONS, type SideSpec, type SidesOptions } from './sides.js';

export const spec = defineCommand({
  command: 'deploy',
  description: 'create or update MirrorMaker 2 connectors on a Kafka Connect cluster from the same options',
  options: [
    ...SIDE_OPTIONS,
    ...SELECTION_OPTIONS,
    { flags: '--connect-url <url>', description: 'Kafka Connect REST URL, e.g. http://connect:8083' },
    { flags: '--name <prefix>', description: 'connector name prefix (default: mirror-SOURCE-TARGET)' },
    { flags: '--source-alias <alias>', description: 'source cluster alias (default: from --rename or "source")' },
    { flags: '--target-alias <alias>', description: 'target cluster alias (default "target")' },
    { flags: '--tasks <n>', description: 'tasks.max (default 1)' },
    { flags: '--sync-configs', description: 'sync topic configs (sync.topic.configs.enabled)' },
    { flags: '--no-checkpoints', description: 'do not deploy MirrorCheckpointConnector' },
    { flags: '--no-heartbeats', description: 'do not deploy MirrorHeartbeatConnector' },
    { flags: '--dry-run', description: 'print the connector configs, change nothing' },
    ...groupOptions('output'),
    ...groupOptions('base'),
  ],
  examples: [
    "ktool mirror deploy --connect-url http://localhost:8083 --from prod --to dr --topics 'orders.*'",
    'ktool mirror deploy --connect-url $URL --from prod --to dr --topics orders --dry-run --json',
  ],
});

export interface DeployOptions extends SidesOptions, TopicSelection {
  connectUrl: string;
  name?: string;
  sourceAlias?: string;
  targetAlias?: string;
  tasks: number;
  syncConfigs: boolean;
  replicationFactor: number;
  checkpoints: boolean;
  heartbeats: boolean;
  dryRun: boolean;
}

export function parse(args: string[], flags: Flags<typeof spec>): DeployOptions {
  const f: Record<string, unknown> = { ...flags };
  if (args.length) throw new UsageError(`unexpected argument "${args[0]}"`);
  const rf = f.replicationFactor === undefined ? -1 : Number(f.replicationFactor);
  if (!Number.isInteger(rf) || rf === 0 || rf < -1)
    throw new UsageError('--replication-factor must be a positive whole number (or -1: the target broker default)');
  return {
    ...parseSides(f),
    ...parseSelection(f),
    connectUrl: connectUrl(f, Boolean(f.dryRun)),
    name: f.name as string | undefined,
    sourceAlias: f.sourceAlias as string | undefined,
    targetAlias: f.targetAlias as string | undefined,
    tasks: positiveInt(f.tasks, '--tasks', { max: 1000 }) ?? 1,
    syncConfigs: Boolean(f.syncConfigs),
    replicationFactor: rf,
    checkpoints: f.checkpoints !== false,
    heartbeats: f.heartbeats !== false,
    dryRun: Boolean(f.dryRun),
  };
}

/** Bootstrap and client properties of one side; secured profiles need a properties file (the secret goes into the connector config). */
async function cluster(ctx: Context, spec: SideSpec, alias: string, timeout: string | undefined): Promise<Mm2Cluster> {
  const settings = await sideSettings(ctx, spec, timeout);
  const properties = spec.config ? (await loadCommandConfig(spec.config, spec.configFlag)).all : new Map<string, string>();
  if (!spec.config && (settings.sasl || settings.tls)) {
    throw new UsageError(
      `the ${alias} cluster uses SASL or TLS from profile ${spec.profile}: MirrorMaker 2 needs them as client properties`,
      `pass --${alias === 'source' ? 'from' : 'to'}-config FILE with security.protocol, ` +
        `sasl.mechanism and sasl.jaas.config (they are stored in the connector config)`,
    );
  }
  return { alias, bootstrap: settings.bootstrap.join(','), properties };
}

/**
 * `mirror deploy --json`: { connectUrl, connectors: [{ name, class, action: "created"|"updated"|"dry-run",
 * config }] }. Secrets from properties files appear in `config` only with --dry-run.
 */
export async function run(o: DeployOptions, ctx: Context): Promise<CommandResult> {
  const aliases = aliasesFor(o, o.sourceAlias, o.targetAlias);
  const [source, target] = await Promise.all([cluster(ctx, o.from, 'source', o.timeout), cluster(ctx, o.to, 'target', o.timeout)]);
  source.alias = aliases.source;
  target.alias = aliases.target;
  const connectors = mm2Connectors({
    name: o.name ?? `mirror-${aliases.source}-${aliases.target}`,
    source,
    target,
    selection: o,
    tasks: o.tasks,
    syncConfigs: o.syncConfigs,
    replicationFactor: o.replicationFactor,
    checkpoints: o.checkpoints,
    heartbeats: o.heartbeats,
  });
  const results: { name: string; class: string; action: string; config?: Record<string, string> }[] = [];
  if (o.dryRun) {
    for (const c of connectors)
      results.push({ name: c.name, class: c.config['connector.class'].split('.').pop()!, action: 'dry-run', config: c.config });
  } else {
    const api = await ctx.connect(o.connectUrl);
    for (const c of connectors) {
      const created = await api.put(c.name, c.config);
      results.push({ name: c.name, class: c.config['connector.class'].split('.').pop()!, action: created ? 'created' : 'updated' });
    }
  }
  const data = { connectUrl: o.connectUrl || null, connectors: results };
  const view = o.dryRun
    ? connectors.map((c) => ({
        title: c.name,
        head: ['KEY', 'VALUE'],
        rows: Object.entries(c.config).map(([k, v]) => [k, /password|secret|jaas/i.test(k) ? '********' : v]),
      }))
    : [
        { head: ['CONNECTOR', 'CLASS', 'ACTION'], rows: results.map((r) => [r.name, r.class, r.action]) },
        { lines: [`check progress with: ktool mirror status --connect-url ${o.connectUrl}`] },
      ];
  return { data, view };
}
