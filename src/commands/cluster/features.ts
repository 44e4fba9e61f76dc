import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { errorForKafkaCode } from '../../kafka/code-errors.js';
import type { FeatureUpdate } from '../../kafka/cluster-types.js';
import { batchOutcome } from '../batch-outcome.js';
import { clusterApi, controllerHosts } from './controllers.js';
import {
  LATEST_PRODUCTION,
  PRODUCTION_FEATURES,
  defaultLevel,
  dependencies,
  metadataVersionOfLevel,
  parseMetadataVersion,
} from './feature-levels.js';
import { featureRows, javaOrder, levelToString, parseNameAndLevel } from './features-text.js';

const ACTIONS = ['describe', 'upgrade', 'downgrade', 'disable', 'version-mapping', 'feature-dependencies'] as const;
type Action = (typeof ACTIONS)[number];

export const spec = defineCommand({
  command: 'features [action]',
  description: "feature flags (metadata.version, kraft.version ...): describe, upgrade, downgrade, disable; Kafka's version tables",
  arguments: [
    {
      name: '[action]',
      description:
        'describe (default); upgrade|downgrade|disable with --feature or --release-version; version-mapping; feature-dependencies',
      choices: ACTIONS,
    },
  ],
  groups: ['connection', 'output', 'base'],
  options: [
    { flags: '--feature <name=level>', description: 'a feature and level (disable: a name), repeatable', repeatable: true },
    { flags: '--release-version <version>', description: 'every feature at its level for that metadata.version (3.9-IV0, 4.1 ...)' },
    { flags: '--metadata <version>', description: "metadata.version by name (Kafka's deprecated spelling)", hidden: true },
    { flags: '--unsafe', description: 'downgrade/disable even if metadata may be lost (an unsafe downgrade)' },
    { flags: '--dry-run', description: 'validate the change at the controller, change nothing' },
    { flags: '--node-id <id>', description: 'describe: ask that node (broker or controller)' },
    { flags: '--bootstrap-controller <hosts>', description: 'talk to the controllers at host:port[,...] instead of a broker' },
  ],
  notes:
    'Changing a feature is cluster-wide: try it with --dry-run first. version-mapping and feature-dependencies read ' +
    "the tables of Kafka 4.3.1 and need no cluster. kafka-features.sh's spelling (--bootstrap-server B upgrade ...) " +
    "prints Kafka's own lines.",
  examples: [
    'ktool cluster features',
    'ktool cluster features upgrade --feature group.version=1 --dry-run',
    'ktool cluster features upgrade --release-version 4.1-IV0',
    'ktool cluster features downgrade --feature transaction.version=1 --dry-run --json',
    'ktool cluster features version-mapping --release-version 3.9',
    'ktool cluster features feature-dependencies --feature eligible.leader.replicas.version=1',
    'ktool cluster features --bootstrap-server localhost:9092 describe    # kafka-features.sh output',
  ],
});

export interface FeaturesOptions {
  action: Action;
  updates: FeatureUpdate[];
  releaseVersion?: string;
  features: string[];
  dryRun: boolean;
  nodeId?: number;
  controllers?: string[];
}

function updatesOf(action: 'upgrade' | 'downgrade' | 'disable', flags: Flags<typeof spec>): FeatureUpdate[] {
  const type = action === 'upgrade' ? 1 : flags.unsafe ? 3 : 2;
  const updates = new Map<string, FeatureUpdate>();
  const put = (feature: string, level: number) => {
    if (updates.has(feature)) throw new UsageError(`feature ${feature} is named more than once`);
    updates.set(feature, { feature, maxVersionLevel: level, upgradeType: type });
  };
  const bad = (error: unknown) => new UsageError((error as Error).message, 'ktool cluster features version-mapping lists the versions');
  if (flags.releaseVersion !== undefined) {
    if (flags.metadata !== undefined || flags.feature?.length)
      throw new UsageError('--release-version sets every feature: no --feature with it');
    let mv;
    try {
      mv = parseMetadataVersion(flags.releaseVersion);
    } catch (error) {
      throw bad(error);
    }
    put('metadata.version', mv.level);
    for (const f of PRODUCTION_FEATURES) if (type !== 1 || defaultLevel(f, mv) > 0) put(f.name, defaultLevel(f, mv));
  }
  if (flags.metadata !== undefined) {
    try {
      put('metadata.version', parseMetadataVersion(flags.metadata).level);
    } catch (error) {
      throw error instanceof UsageError ? error : bad(error);
    }
  }
  for (const f of flags.feature ?? []) {
    if (action === 'disable') put(f, 0);
    else {
      let parsed: [string, number];
      try {
        parsed = parseNameAndLevel(f);
      } catch (error) {
        throw new UsageError((error as Error).message, '--feature takes name=level, e.g. group.version=1');
      }
      put(...parsed);
    }
  }
  if (!updates.size)
    throw new UsageError(`name at least one feature to ${action} (--feature${action === 'disable' ? '' : ' or --release-version'})`);
  return [...updates.values()];
}

export function parse(args: string[], flags: Flags<typeof spec>): FeaturesOptions {
  const action = (args[0] ?? 'describe') as Action;
  if (args.length > 1) throw new UsageError(`cluster features takes one action: ${args.join(' ')}`);
  if (!ACTIONS.includes(action)) throw new UsageError(`unknown action ${action}`, `one of: ${ACTIONS.join(', ')}`);
  const change = action === 'upgrade' || action === 'downgrade' || action === 'disable';
  if (!change && (flags.dryRun || flags.unsafe)) throw new UsageError(`--dry-run and --unsafe go with upgrade, downgrade or disable`);
  if (action === 'upgrade' && flags.unsafe) throw new UsageError('--unsafe is for downgrade and disable');
  if (action === 'feature-dependencies' && !flags.feature?.length) throw new UsageError('feature-dependencies needs --feature name=level');
  let nodeId: number | undefined;
  if (flags.nodeId !== undefined) {
    if (action !== 'describe') throw new UsageError('--node-id goes with describe');
    if (!/^\d+$/.test(flags.nodeId)) throw new UsageError(`--node-id must be a node id (0 or more): ${flags.nodeId}`);
    nodeId = Number(flags.nodeId);
  }
  return {
    action,
    updates: change ? updatesOf(action, flags) : [],
    releaseVersion: flags.releaseVersion,
    features: flags.feature ?? [],
    dryRun: Boolean(flags.dryRun),
    nodeId,
    controllers: controllerHosts(flags.bootstrapController),
  };
}

export async function run(options: FeaturesOptions, ctx: Context): Promise<CommandResult> {
  if (options.action === 'version-mapping') return versionMapping(options.releaseVersion);
  if (options.action === 'feature-dependencies') return featureDependencies(options.features);
  const api = await clusterApi(ctx, options.controllers);
  if (options.action === 'describe') {
    const set = await api.features(options.nodeId);
    const features = featureRows(set).map((r) => ({ ...r, finalizedName: levelToString(r.feature, r.finalized) }));
    const rows = features.map((r) => [
      r.feature,
      levelToString(r.feature, r.supportedMin),
      levelToString(r.feature, r.supportedMax),
      r.feature === 'metadata.version' ? `${r.finalizedName} (${r.finalized})` : r.finalized,
    ]);
    return {
      data: { finalizedEpoch: set.finalizedEpoch, features },
      view: [{ title: `Features (epoch ${set.finalizedEpoch})`, head: ['FEATURE', 'SUPPORTED-MIN', 'SUPPORTED-MAX', 'FINALIZED'], rows }],
    };
  }
  const results = await api.updateFeatures(options.updates, options.dryRun, 30_000);
  const data = {
    action: options.action,
    dryRun: options.dryRun,
    results: [...results]
      .sort((a, b) => javaOrder(a.feature, b.feature))
      .map((r) => {
        const u = options.updates.find((x) => x.feature === r.feature)!;
        const type = u.upgradeType === 1 ? 'upgrade' : u.upgradeType === 2 ? 'safe-downgrade' : 'unsafe-downgrade';
        return { feature: r.feature, level: u.maxVersionLevel, type, ok: !r.error, error: r.error };
      }),
  };
  const verb = options.dryRun ? 'valid' : 'done';
  const rows = data.results.map((r) => [
    r.feature,
    levelToString(r.feature, r.level),
    r.ok ? verb : `${r.error!.code}: ${r.error!.message}`,
  ]);
  const failed = data.results.filter((r) => !r.ok);
  return batchOutcome(
    ctx.io,
    { data, view: [{ head: ['FEATURE', 'LEVEL', options.dryRun ? 'DRY-RUN' : 'RESULT'], rows }] },
    {
      total: data.results.length,
      failed,
      describe: (f) => `cannot ${options.action} ${f.feature} to ${f.level}: ${f.error!.message} (${f.error!.code})`,
      error: (f) =>
        errorForKafkaCode(f.error!.code, `cannot ${options.action} ${f.feature} to ${f.level}: ${f.error!.message} (${f.error!.code})`),
    },
  );
}

function versionMapping(release: string | undefined): CommandResult {
  let mv;
  try {
    mv = parseMetadataVersion(release ?? LATEST_PRODUCTION);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const features = [
    { feature: 'metadata.version', level: mv.level, name: mv.version },
    ...PRODUCTION_FEATURES.map((f) => ({ feature: f.name, level: defaultLevel(f, mv), name: null })),
  ];
  return {
    data: { releaseVersion: mv.version, features },
    view: [{ head: ['FEATURE', 'LEVEL'], rows: features.map((f) => [f.feature, f.name ? `${f.level} (${f.name})` : f.level]) }],
  };
}

function featureDependencies(args: string[]): CommandResult {
  const out = args.map((arg) => {
    let name: string, level: number;
    try {
      [name, level] = parseNameAndLevel(arg);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (name === 'metadata.version') {
      if (!metadataVersionOfLevel(level))
        throw new UsageError(`unknown metadata.version level ${level}`, 'ktool cluster features version-mapping');
      return { feature: name, level, requires: [] };
    }
    const feature = PRODUCTION_FEATURES.find((f) => f.name === name);
    if (!feature)
      throw new UsageError(`unknown feature ${name}`, `known: metadata.version, ${PRODUCTION_FEATURES.map((f) => f.name).join(', ')}`);
    let deps;
    try {
      deps = dependencies(feature, level);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    return { feature: name, level, requires: Object.entries(deps).map(([f, l]) => ({ feature: f, level: l })) };
  });
  const rows = out.map((d) => [
    `${d.feature}=${levelToString(d.feature, d.level)}`,
    d.requires.length ? d.requires.map((r) => `${r.feature}=${levelToString(r.feature, r.level)}`).join(', ') : '(none)',
  ]);
  return { data: out, view: [{ head: ['FEATURE', 'REQUIRES'], rows }] };
}
