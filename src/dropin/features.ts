/**
 * kafka-features.sh (org.apache.kafka.tools.FeatureCommand 4.3.1), drop-in: `ktool cluster features
 * --bootstrap-server B describe|upgrade|downgrade|disable ...`, and version-mapping and
 * feature-dependencies, which read Kafka's tables only (feature-levels.ts). Kafka's lines; a refusal
 * is its message alone on stderr and exit 1, a parse error `Command line error: ... Type --help for help.`
 */
import type { Context } from '../cli/context.js';
import type { FeatureUpdate, FeatureUpdateResult } from '../kafka/cluster-types.js';
import {
  LATEST_PRODUCTION,
  PRODUCTION_FEATURES,
  defaultLevel,
  dependencies,
  metadataVersionOfLevel,
  parseMetadataVersion,
} from '../commands/cluster/feature-levels.js';
import { describeLines, parseNameAndLevel, updateLines } from '../commands/cluster/features-text.js';
import { has, valueOf, type JoptResult } from './jopt.js';
import { parseArgparse, unsupportedArgs, type ArgOption, type ArgParser } from './argparse.js';
import type { DropinOut, DropinScript } from './script.js';
import { Terse, terseOnStderr } from './terse.js';

const HELP: ArgOption = { name: 'help', unsupported: 'ktool cluster features --help' };
const FEATURE: ArgOption = { name: 'feature', value: 'string', repeat: true };
const UPGRADE: ArgOption[] = [HELP, { name: 'metadata', value: 'string' }, { name: 'release-version', value: 'string' }, FEATURE];

export const FEATURES_PARSER: ArgParser = {
  script: 'kafka-features',
  options: [
    HELP,
    { name: 'bootstrap-server', value: 'string' },
    { name: 'bootstrap-controller', value: 'string' },
    { name: 'command-config', value: 'string' },
  ],
  commands: {
    describe: [HELP, { name: 'node-id', value: 'int' }],
    upgrade: [...UPGRADE, { name: 'dry-run' }],
    downgrade: [...UPGRADE, { name: 'unsafe' }, { name: 'dry-run' }],
    disable: [HELP, FEATURE, { name: 'unsafe' }, { name: 'dry-run' }],
    'version-mapping': [HELP, { name: 'release-version', value: 'string' }],
    'feature-dependencies': [HELP, { ...FEATURE, required: true }],
  },
  oneOf: [['bootstrap-server', 'bootstrap-controller']],
};

// FeatureCommand catches any exception as it does a TerseException: a parse failure becomes a Terse.
const terse = <T>(call: () => T): T => {
  try {
    return call();
  } catch (error) {
    throw new Terse((error as Error).message);
  }
};

type Op = 'upgrade' | 'downgrade' | 'disable';

/** FeatureCommand.handleUpgradeOrDowngrade / handleDisable: the updates, in the order they are put. */
function updatesOf(op: Op, o: JoptResult, out: string[]): FeatureUpdate[] {
  const type = op === 'upgrade' ? 1 : has(o, 'unsafe') ? 3 : 2;
  const features = o.values.get('feature');
  const updates = new Map<string, FeatureUpdate>();
  const put = (feature: string, level: number) => {
    if (updates.has(feature)) throw new Terse(`Feature ${feature} was specified more than once.`);
    updates.set(feature, { feature, maxVersionLevel: level, upgradeType: type });
  };
  if (op === 'disable') {
    for (const f of features ?? []) put(f, 0);
    return [...updates.values()];
  }
  const release = valueOf(o, 'release-version');
  const metadata = valueOf(o, 'metadata');
  if (release !== undefined && (metadata !== undefined || features))
    throw new Terse('Can not specify `release-version` with other feature flags.');
  if (release !== undefined) {
    const mv = terse(() => parseMetadataVersion(release));
    put('metadata.version', mv.level);
    // Don't send a request to upgrade a feature to 0 (Kafka's comment); a downgrade sends every one.
    for (const f of PRODUCTION_FEATURES) {
      const level = defaultLevel(f, mv);
      if (type !== 1 || level > 0) updates.set(f.name, { feature: f.name, maxVersionLevel: level, upgradeType: type });
    }
    return [...updates.values()];
  }
  if (metadata !== undefined) {
    out.push(' `metadata` flag is deprecated and may be removed in a future release.\n');
    put('metadata.version', terse(() => parseMetadataVersion(metadata)).level);
  }
  for (const f of features ?? []) {
    const [name, level] = terse(() => parseNameAndLevel(f));
    put(name, level);
  }
  return [...updates.values()];
}

async function update(op: Op, o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const printed: string[] = [];
  let updates: FeatureUpdate[];
  try {
    updates = updatesOf(op, o, printed);
  } finally {
    await out.stdout(printed.join(''));
  }
  if (!updates.length) throw new Terse(`You must specify at least one feature to ${op}`);
  const dryRun = has(o, 'dry-run');
  const api = await (await ctx.kafka()).cluster();
  const results: FeatureUpdateResult[] = await api.updateFeatures(updates, dryRun, 30_000);
  const { text, failures } = updateLines(op, updates, results, dryRun);
  await out.stdout(text);
  if (failures) throw new Terse(`${failures} out of ${updates.length} operation(s) failed.`);
}

function versionMapping(o: JoptResult): string {
  const release = valueOf(o, 'release-version') ?? LATEST_PRODUCTION;
  const mv = terse(() => parseMetadataVersion(release));
  return (
    [`metadata.version=${mv.level} (${release})`, ...PRODUCTION_FEATURES.map((f) => `${f.name}=${defaultLevel(f, mv)}`)].join('\n') + '\n'
  );
}

async function featureDependencies(o: JoptResult, out: DropinOut): Promise<void> {
  for (const arg of o.values.get('feature') ?? []) {
    const [name, level] = terse(() => parseNameAndLevel(arg));
    if (name === 'metadata.version') {
      const mv = metadataVersionOfLevel(level);
      if (!mv) throw new Terse(`Unknown metadata.version ${level}`);
      await out.stdout(`${name}=${level} (${mv.version}) has no dependencies.\n`);
      continue;
    }
    const feature = PRODUCTION_FEATURES.find((f) => f.name === name);
    if (!feature) throw new Terse(`Unknown feature: ${name}`);
    const deps = Object.entries(terse(() => dependencies(feature, level)));
    if (!deps.length) await out.stdout(`${name}=${level} has no dependencies.\n`);
    else {
      const lines = deps.map(([f, l]) =>
        f === 'metadata.version' ? `    ${f}=${l} (${metadataVersionOfLevel(l)?.version})` : `    ${f}=${l}`,
      );
      await out.stdout(`${name}=${level} requires:\n${lines.join('\n')}\n`);
    }
  }
}

async function describe(o: JoptResult, ctx: Context): Promise<string> {
  const node = valueOf(o, 'node-id');
  if (node !== undefined && Number(node) < 0) throw new Terse(`Invalid node id ${Number(node)}: must be non-negative.`);
  const api = await (await ctx.kafka()).cluster();
  return describeLines(await api.features(node === undefined ? undefined : Number(node)));
}

function run(o: JoptResult, ctx: Context, out: DropinOut): Promise<number> {
  const command = o.operands[0];
  return terseOnStderr(out, async () => {
    if (command === 'version-mapping') await out.stdout(versionMapping(o));
    else if (command === 'feature-dependencies') await featureDependencies(o, out);
    else {
      if (!has(o, 'bootstrap-server') && !has(o, 'bootstrap-controller'))
        throw new Terse('Command line error: You must specify either --bootstrap-controller or --bootstrap-server.. Type --help for help.');
      if (command === 'describe') await out.stdout(await describe(o, ctx));
      else await update(command as Op, o, ctx, out);
    }
  });
}

export const FEATURES: DropinScript = {
  script: 'kafka-features.sh',
  options: [],
  parse: (args) => parseArgparse(args, FEATURES_PARSER),
  unsupported: (parsed) => unsupportedArgs(parsed, FEATURES_PARSER),
  usageError: (message) => `Command line error: ${message}. Type --help for help.`,
  bootstrapOption: 'bootstrap-server',
  connection: (parsed) => ({
    bootstrapServer: valueOf(parsed, 'bootstrap-server') ?? valueOf(parsed, 'bootstrap-controller'),
    commandConfig: valueOf(parsed, 'command-config'),
  }),
  run,
};
