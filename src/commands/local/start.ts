import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { cacheDir } from '../../config/paths.js';
import { upsertProfile } from '../../config/store.js';
import { UsageError } from '../../errors.js';
import { SASL_USERS } from '../../local/broker-config.js';
import { clusterRunning, startCluster } from '../../local/cluster.js';
import { assertPortsFree } from '../../local/resume-ports.js';
import {
  prepareRegistry,
  readRegistryState,
  registryUrl,
  startRegistry,
  stopRegistry,
  describeMoved,
} from '../../local/schema-registry.js';
import type { Profile } from '../../config/profile-types.js';
import { DEFAULT_KAFKA_VERSION, hasKraftScram, parseKafkaVersion } from '../../local/versions.js';
import { resolveShape, shapeOf, type RequestedShape, type Shape } from '../../local/shape.js';
import { bootstrapOf, clusterDir, readState, type ClusterState } from '../../local/state.js';
import { tlsFiles } from '../../local/tls.js';
import { brokersReady } from './ready.js';
import { NAME_AND_OUTPUT } from './shared.js';

export const spec = defineCommand({
  command: 'start',
  description: 'start a local cluster on free ports and save a profile for it',
  options: [
    ...NAME_AND_OUTPUT,
    { flags: '--nodes <n>', description: 'number of brokers (default 1; a stopped cluster starts as it was)', choices: ['1', '3'] },
    {
      flags: '--sasl',
      description:
        'add a SASL_PLAINTEXT listener (PLAIN, SCRAM-SHA-256/512 from Kafka 3.5, unsecured-JWT OAUTHBEARER; ' +
        'admin/admin-secret) with an authorizer, delegation tokens on (Kafka 3.6+: ktool tokens), and a <name>-sasl profile',
    },
    { flags: '--tls', description: 'add an SSL listener (own CA, client certificate required; needs openssl) and a <name>-tls profile' },
    {
      flags: '--schema-registry',
      description:
        'also start a Schema Registry (Apicurio, Confluent API; fetched with mvn once; Java 21+, or 17 with an older Apicurio) ' +
        'and put its URL in the profiles; a cluster started with one restarts it',
    },
    {
      flags: '--fresh',
      description:
        'start a stopped cluster anew instead of again with its data (needed to change its --nodes, --sasl, --tls or version, ' +
        'or when another process holds its ports: without --fresh that start is refused)',
    },
    { flags: '--kafka-version <version>', description: `Kafka version to run (default ${DEFAULT_KAFKA_VERSION}; 3.3 and newer, KRaft)` },
    {
      flags: '--version <version>',
      description: "same as --kafka-version (here it is not ktool's own version: that is `ktool --version`)",
    },
    { flags: '--kafka-home <dir>', description: 'use an unpacked Kafka distribution (env KAFKA_HOME)' },
  ],
  examples: [
    'ktool local start',
    'ktool local start --nodes 3',
    'ktool local start --schema-registry && ktool schemas list',
    'ktool local start --sasl && ktool --profile local-sasl topics list',
    'ktool local start --tls && ktool --profile local-tls topics list',
    'ktool local start --name dr   # a second, independent cluster',
    'ktool local start --name old --kafka-version 3.9.2   # another Kafka (--version works too)',
    'ktool local stop && ktool local start   # same ports, topics kept (refused if they are taken; --fresh wipes)',
  ],
  // Ctrl-C while the broker starts stops it first, which can take longer than a second (run-command.ts).
  ownsSignals: true,
});

export interface StartOptions {
  name: string;
  /** The shape flags as given; the rest comes from a stopped cluster's state, else the defaults (src/local/shape.ts). */
  requested: RequestedShape;
  fresh: boolean;
  kafkaHome?: string;
  schemaRegistry: boolean;
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
  /** The SSL listener (--tls; client certificates required); the CA and client files are in `tls`. */
  tlsBootstrap: string | null;
  tls: { ca: string; cert: string; key: string } | null;
  nodes: number;
  profiles: string[];
  startMs: number;
  /** --schema-registry (or a cluster started with one before): its URL, with the Confluent API's base path. */
  schemaRegistry: { url: string; version: string; java: string; alreadyRunning: boolean } | null;
}

export function parse(_args: string[], f: Flags<typeof spec>): StartOptions {
  const name = f.name ?? 'local';
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new UsageError(`invalid cluster name "${name}"`);
  const version = kafkaVersion(f);
  // The spec's choices let only 1 and 3 through.
  return {
    name,
    requested: {
      nodes: f.nodes === undefined ? undefined : f.nodes === '3' ? 3 : 1,
      sasl: f.sasl ? true : undefined,
      tls: f.tls ? true : undefined,
      version,
    },
    fresh: Boolean(f.fresh),
    kafkaHome: f.kafkaHome,
    // Read by name: the schema-registry group's --schema-registry <url> types the same key as a string.
    schemaRegistry: Boolean((f as Record<string, unknown>).schemaRegistry),
  };
}

/** --kafka-version, or its short spelling --version (both given: they must agree); undefined when neither is. */
function kafkaVersion(f: Flags<typeof spec>): string | undefined {
  const long = f.kafkaVersion;
  const short = f.version;
  if (long !== undefined && short !== undefined && long !== short)
    throw new UsageError(`--kafka-version ${long} and --version ${short} disagree`, 'give one of them');
  if (long === undefined && short === undefined) return undefined;
  const version = (long ?? short)!.trim();
  parseKafkaVersion(version);
  return version;
}

export async function run(options: StartOptions, ctx: Context): Promise<CommandResult> {
  const dir = clusterDir(cacheDir(ctx.env), options.name);
  const previous = await readState(dir);
  const o = { ...options, ...(await shapeToStart(options, previous)) };
  // Known before the start: --fresh wipes the directory that records it.
  const schemas = (await readRegistryState(dir)) !== undefined;
  const withRegistry = o.schemaRegistry || schemas;
  // A stopped cluster whose ports another process holds: refused before anything is stopped, fetched or started.
  if (previous && !o.fresh && !(await clusterRunning(previous))) await assertPortsFree(previous, { schemas });
  const spinner = ctx.spinner(`starting Kafka ${o.version} (${o.nodes} node${o.nodes > 1 ? 's' : ''})`);
  let result;
  let registry: Awaited<ReturnType<typeof startRegistry>> | undefined;
  try {
    // A registry left running by a cluster that is not: stopped before its files are reused or wiped.
    if (!(await clusterRunning(previous))) await stopRegistry(dir);
    // Java and the Apicurio download first: when they fail, nothing has been started.
    const log = (m: string) => spinner.update(m);
    const prepared = withRegistry ? await prepareRegistry({ cacheDir: cacheDir(ctx.env), env: ctx.env, log }) : undefined;
    result = await startCluster({
      ...o,
      schemas,
      cacheDir: cacheDir(ctx.env),
      env: ctx.env,
      log: (m) => spinner.update(m),
      signal: ctx.io.signal,
      ready: (bootstrap, brokers) => brokersReady(ctx, bootstrap, brokers),
    });
    if (withRegistry) {
      spinner.update('starting the Schema Registry');
      registry = await startRegistry({ clusterDir: dir, cacheDir: cacheDir(ctx.env), env: ctx.env, log, prepared });
    }
  } finally {
    spinner.stop();
  }
  if (registry?.moved?.length) ctx.warn(describeMoved(registry.moved, registryUrl(registry.state)));
  const { state } = result;
  const bootstrap = bootstrapOf(state);
  const profiles = [o.name];
  const srUrl = registry && registryUrl(registry.state);
  const withUrl = (p: Profile): Profile => (srUrl ? { ...p, 'schema-registry': { url: srUrl } } : p);
  await upsertProfile(ctx.configPath, o.name, withUrl({ bootstrap }), o.name === 'local');
  let saslBootstrap: string | null = null;
  if (state.sasl) {
    saslBootstrap = bootstrapOf(state, 'sasl');
    profiles.push(`${o.name}-sasl`);
    await upsertProfile(
      ctx.configPath,
      `${o.name}-sasl`,
      // Kafka before 3.5 has no SCRAM in KRaft mode: PLAIN there.
      withUrl({
        bootstrap: saslBootstrap,
        sasl: { mechanism: hasKraftScram(state.version) ? 'SCRAM-SHA-256' : 'PLAIN', username: 'admin', password: SASL_USERS.admin },
      }),
      false,
    );
  }
  let tlsBootstrap: string | null = null;
  let tls: StartData['tls'] = null;
  if (state.tls) {
    const files = tlsFiles(clusterDir(cacheDir(ctx.env), o.name));
    tlsBootstrap = bootstrapOf(state, 'ssl');
    tls = { ca: files.ca, cert: files.clientCert, key: files.clientKey };
    profiles.push(`${o.name}-tls`);
    await upsertProfile(
      ctx.configPath,
      `${o.name}-tls`,
      withUrl({ bootstrap: tlsBootstrap, tls: { enabled: true, ca: tls.ca, cert: tls.cert, key: tls.key } }),
      false,
    );
  }
  const data: StartData = {
    name: o.name,
    running: true,
    alreadyRunning: result.alreadyRunning,
    version: state.version,
    clusterId: state.clusterId,
    bootstrap,
    saslBootstrap,
    tlsBootstrap,
    tls,
    nodes: state.nodes.length,
    profiles,
    startMs: result.ms,
    schemaRegistry: registry
      ? { url: srUrl!, version: registry.state.version, java: registry.state.java, alreadyRunning: registry.alreadyRunning }
      : null,
  };
  return { data, view: [{ lines: startLines(data, registry?.state.javaMajor) }] };
}

/** The text view: what started, its listeners, the registry, the profiles. */
function startLines(d: StartData, registryJava: number | undefined): string[] {
  const sr = d.schemaRegistry;
  return [
    `${d.alreadyRunning ? 'Already running' : 'Started'}: Kafka ${d.version}, ${d.nodes} node(s), cluster ` +
      `${d.name}${d.alreadyRunning ? '' : ` in ${(d.startMs / 1000).toFixed(1)}s`}`,
    `bootstrap: ${d.bootstrap}` +
      `${d.saslBootstrap ? `   SASL_PLAINTEXT: ${d.saslBootstrap} (admin/admin-secret, alice/alice-secret)` : ''}` +
      `${d.tlsBootstrap ? `   SSL: ${d.tlsBootstrap} (client certificate required)` : ''}`,
    ...(sr
      ? [
          `schema registry: ${sr.url} (Apicurio ${sr.version} on Java ${registryJava}, ` +
            `compatibility BACKWARD${sr.alreadyRunning ? ', already running' : ''})`,
        ]
      : []),
    `profiles:  ${d.profiles.join(', ')}${d.name === 'local' ? ' (local is now the current profile)' : ''}`,
  ];
}

/** The flags given, without the keys left undefined (so a spread keeps what they would overwrite). */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A running cluster of another shape is startCluster's to refuse ("already running with ..."); a stopped one is resolveShape's. */
async function shapeToStart(o: StartOptions, previous: ClusterState | undefined): Promise<Shape> {
  if (!previous || o.fresh) return resolveShape(o.name, o.requested, undefined);
  if (await clusterRunning(previous)) return { ...shapeOf(previous), ...defined(o.requested) };
  return resolveShape(o.name, o.requested, previous);
}
