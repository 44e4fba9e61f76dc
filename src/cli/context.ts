import type { ChalkInstance } from 'chalk';
import { loadCommandConfig, type CommandConfig } from '../config/command-config.js';
import type { ConnectionSettings } from '../config/connection.js';
import { configFilePath } from '../config/paths.js';
import { resolveConnection, resolveSchemaRegistry } from '../config/resolve.js';
import type { ConfigFile } from '../config/profile-types.js';
import { loadConfigFile } from '../config/store.js';
import { UsageError } from '../errors.js';
import type { ConnectApi } from '../kafka/connect.js';
import type { KafkaClients, KafkaFactory } from '../kafka/types.js';
import type { SchemaRegistry, SchemaRegistrySettings } from '../schema-registry/types.js';
import { colorEnabled, makeChalk } from '../output/color.js';
import { resolveFormat } from '../output/format.js';
import type { Io } from './io.js';
import { startSpinner, type Spinner } from './spinner.js';

/** Options every leaf command accepts (see common-options.ts). */
export interface GlobalOptions {
  bootstrapServer?: string;
  /** --brokers, the hidden alias of --bootstrap-server. */
  brokers?: string;
  commandConfig?: string;
  /**
   * Keys of the --command-config file the command reads itself (the perf tools' producer and
   * consumer settings): not reported as unknown.
   */
  commandConfigKeys?: (key: string) => boolean;
  profile?: string;
  timeout?: string;
  format?: string;
  output?: string;
  json?: boolean;
  color?: boolean;
  debug?: boolean;
  /** The schema-registry group (common-options.ts). */
  schemaRegistry?: string;
  schemaRegistryUrl?: string;
  srUsername?: string;
  srPasswordEnv?: string;
  srTokenEnv?: string;
  srCa?: string;
}

export interface Context {
  io: Io;
  env: Record<string, string | undefined>;
  /** table | wide | json | yaml, or a command's own extra format (ndjson, prometheus ...). */
  format: string;
  chalk: ChalkInstance;
  /** Colours for stderr messages (decided on stderr's TTY-ness). */
  errChalk: ChalkInstance;
  debug: boolean;
  configPath: string;
  connection(): Promise<ConnectionSettings>;
  /** The Schema Registry settings after precedence, or undefined when none is configured. */
  schemaRegistrySettings(): Promise<SchemaRegistrySettings | undefined>;
  /**
   * The Schema Registry client (src/schema-registry/client.ts), created on first use and closed
   * with the command; a usage error (exit 2) when no registry is configured.
   */
  schemaRegistry(): Promise<SchemaRegistry>;
  /** Every Kafka capability (admin, groups, configs, producer, readers ...) of the connection the flags name. */
  kafka(): Promise<KafkaClients>;
  /** The same for another cluster (mirror's source and target), closed with the command. */
  kafkaFor(settings: ConnectionSettings): Promise<KafkaClients>;
  /** A Kafka Connect REST client (mirror deploy/status/pause/resume/delete). */
  connect(url: string): Promise<ConnectApi>;
  /** A diagnostic that always goes to stderr. */
  warn(message: string): void;
  /** Progress text: stderr, and only when stderr is a TTY. */
  info(message: string): void;
  spinner(text: string): Spinner;
  dispose(): Promise<void>;
}

export interface ContextDeps {
  kafkaFactory?: KafkaFactory;
  connectFactory?: (url: string) => ConnectApi;
  /** Unit tests: test/helpers/fake-schema-registry.ts. */
  schemaRegistryFactory?: (settings: SchemaRegistrySettings) => SchemaRegistry;
}

export function createContext(io: Io, opts: GlobalOptions, deps: ContextDeps = {}, extraFormats: readonly string[] = []): Context {
  const format = resolveFormat(opts, extraFormats);
  const env = io.env;
  const chalk = makeChalk(colorEnabled({ noColor: opts.color === false, env, isTTY: io.stdoutIsTTY }));
  const errChalk = makeChalk(colorEnabled({ noColor: opts.color === false, env, isTTY: io.stderrIsTTY }));
  const configPath = configFilePath(env);
  let connection: Promise<ConnectionSettings> | undefined;
  let loaded: Promise<{ config: ConfigFile; commandConfig?: CommandConfig }> | undefined;
  let registrySettings: Promise<SchemaRegistrySettings | undefined> | undefined;
  let registry: Promise<SchemaRegistry> | undefined;
  let clients: Promise<KafkaClients> | undefined;
  /** Clients of other clusters not closed yet (a readiness probe opens and closes one per poll). */
  const others = new Set<KafkaClients>();
  let factory: Promise<KafkaFactory> | undefined;
  const kafkaFactory = () => (factory ??= deps.kafkaFactory ? Promise.resolve(deps.kafkaFactory) : defaultFactory(env, io.signal));
  const warned = new Set<string>();
  const load = () => (loaded ??= loadConfigs(configPath, opts.commandConfig, (m) => ctx.warn(m), opts.commandConfigKeys));

  const ctx: Context = {
    io,
    env,
    format,
    chalk,
    errChalk,
    debug: Boolean(opts.debug),
    configPath,
    connection() {
      connection ??= (async () => {
        const { config, commandConfig } = await load();
        return resolveConnection({ flags: { ...opts, bootstrapServer: opts.bootstrapServer ?? opts.brokers }, env, config, commandConfig });
      })();
      return connection;
    },
    schemaRegistrySettings() {
      registrySettings ??= (async () => {
        const { config, commandConfig } = await load();
        return resolveSchemaRegistry({ flags: opts, env, config, commandConfig, connection: await ctx.connection() });
      })();
      return registrySettings;
    },
    schemaRegistry() {
      registry ??= ctx.schemaRegistrySettings().then((settings) => openSchemaRegistry(settings, deps, env, io.signal));
      return registry;
    },
    kafka() {
      clients ??= (async () => {
        const settings = await ctx.connection();
        return (await kafkaFactory())(settings);
      })();
      return clients;
    },
    async kafkaFor(settings) {
      const other = (await kafkaFactory())(settings);
      others.add(other);
      return {
        ...other,
        async close() {
          others.delete(other);
          await other.close();
        },
      };
    },
    async connect(url) {
      if (deps.connectFactory) return deps.connectFactory(url);
      // Loaded on first use, like the Kafka client.
      const { connectClient } = await import('../kafka/connect.js');
      return connectClient(url);
    },
    warn(message) {
      if (warned.has(message)) return;
      warned.add(message);
      io.stderr.write(`${errChalk.yellow('warning:')} ${message}\n`);
    },
    info(message) {
      if (io.stderrIsTTY) io.stderr.write(`${message}\n`);
    },
    spinner(text) {
      return startSpinner(io, text);
    },
    async dispose() {
      const main = clients ? await clients.catch(() => undefined) : undefined;
      (registry ? await registry.catch(() => undefined) : undefined)?.close();
      await Promise.allSettled([main?.close(), ...[...others].map((other) => other.close())]);
    },
  };
  return ctx;
}

/** config.yaml and the --command-config file, read once for the connection and the registry. */
async function loadConfigs(
  configPath: string,
  commandConfigPath: string | undefined,
  warn: (message: string) => void,
  usedByCommand: (key: string) => boolean = () => false,
): Promise<{ config: ConfigFile; commandConfig?: CommandConfig }> {
  const config = await loadConfigFile(configPath);
  const commandConfig = commandConfigPath ? await loadCommandConfig(commandConfigPath) : undefined;
  const unknown = commandConfig?.unknownKeys.filter((k) => !usedByCommand(k)) ?? [];
  if (unknown.length) warn(`ignoring unknown keys in ${commandConfigPath}: ${unknown.join(', ')}`);
  return { config, commandConfig };
}

async function openSchemaRegistry(
  settings: SchemaRegistrySettings | undefined,
  deps: ContextDeps,
  env: Record<string, string | undefined>,
  signal: AbortSignal,
): Promise<SchemaRegistry> {
  if (!settings) {
    throw new UsageError(
      'no schema registry configured',
      'pass --schema-registry URL, set KTOOL_SCHEMA_REGISTRY, schema.registry.url in --command-config, ' +
        'or a profile with one (ktool local start --schema-registry makes one)',
    );
  }
  if (deps.schemaRegistryFactory) return deps.schemaRegistryFactory(settings);
  // Loaded on first use: commands that never talk to a registry never load its client.
  const { createSchemaRegistry } = await import('../schema-registry/client.js');
  return createSchemaRegistry(settings, env, signal);
}

async function defaultFactory(env: Record<string, string | undefined>, signal: AbortSignal): Promise<KafkaFactory> {
  // Loaded on first use: importing the client costs start-up time that --help and profile never pay.
  const { createKafkaClients } = await import('../kafka/client.js');
  return (settings) => createKafkaClients(settings, env, signal);
}
