import { UsageError, NotFoundError } from '../errors.js';
import { formatDuration, MAX_TIMER_MS, parseDuration } from '../util/duration.js';
import type { CommandConfig } from './command-config.js';
import type { ConnectionSettings, SaslSettings, SecretSource, SettingSource, SkippedProfile, TlsSettings } from './connection.js';
import type { ConfigFile, Profile, SaslProfile } from './profile-types.js';
import type { SchemaRegistrySettings } from '../schema-registry/types.js';

export const DEFAULT_BOOTSTRAP = 'localhost:9092';
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface ConnectionFlags {
  bootstrapServer?: string;
  profile?: string;
  timeout?: string;
}

/**
 * The one config loader. Precedence, highest first, for each setting:
 *
 * - profile:   `--profile NAME` > `KTOOL_PROFILE` > `current-profile` in config.yaml > none.
 *              A bootstrap named outside a profile names another cluster, so it starts from
 *              defaults: with `-b/--bootstrap-server` or `bootstrap.servers` in `--command-config`
 *              only `--profile` is used (not KTOOL_PROFILE, not the current profile); with
 *              `KTOOL_BROKERS` only `--profile` or `KTOOL_PROFILE` (not the current profile).
 *              Otherwise a profile's SASL credentials would be sent to whatever host -b names.
 * - bootstrap: `-b/--bootstrap-server` > `--command-config` bootstrap.servers > `KTOOL_BROKERS`
 *              > the profile's `bootstrap` > `localhost:9092`
 * - security:  `--command-config` (security.protocol, sasl.*, ssl.*) > the profile's `sasl`/`tls` > none
 * - timeout:   `--timeout` > `--command-config` default.api.timeout.ms/request.timeout.ms
 *              > `KTOOL_TIMEOUT` > the profile's `timeout` > 10s
 * - client id: `--command-config` client.id > the profile's `client-id` > `ktool`
 *
 * A profile named by flag or env that does not exist is an error; `current-profile` pointing at a
 * deleted profile is ignored.
 */
export function resolveConnection(input: {
  flags: ConnectionFlags;
  env: Record<string, string | undefined>;
  config: ConfigFile;
  commandConfig?: CommandConfig;
}): ConnectionSettings {
  const { flags, env, config, commandConfig } = input;
  let bootstrap: string | undefined;
  let bootstrapSource: SettingSource;
  if (flags.bootstrapServer) [bootstrap, bootstrapSource] = [flags.bootstrapServer, 'flag'];
  else if (commandConfig?.bootstrap) [bootstrap, bootstrapSource] = [commandConfig.bootstrap, 'command-config'];
  else if (env.KTOOL_BROKERS) [bootstrap, bootstrapSource] = [env.KTOOL_BROKERS, 'env'];
  else bootstrapSource = 'default';

  const { name: profileName, source: profileSource, skipped } = chooseProfile(flags, env, config, bootstrapSource);
  const profile: Profile = profileName ? (config.profiles[profileName] ?? {}) : {};
  if (bootstrap === undefined) {
    if (profile.bootstrap) [bootstrap, bootstrapSource] = [profile.bootstrap, 'profile'];
    else bootstrap = DEFAULT_BOOTSTRAP;
  }

  let timeoutMs: number;
  let timeoutSource: SettingSource;
  if (flags.timeout) [timeoutMs, timeoutSource] = [parseDuration(flags.timeout, '--timeout'), 'flag'];
  else if (commandConfig?.timeoutMs !== undefined) [timeoutMs, timeoutSource] = [commandConfig.timeoutMs, 'command-config'];
  else if (env.KTOOL_TIMEOUT) [timeoutMs, timeoutSource] = [parseDuration(env.KTOOL_TIMEOUT, 'KTOOL_TIMEOUT'), 'env'];
  else if (profile.timeout) [timeoutMs, timeoutSource] = [parseDuration(profile.timeout, `timeout of profile ${profileName}`), 'profile'];
  else [timeoutMs, timeoutSource] = [DEFAULT_TIMEOUT_MS, 'default'];
  if (timeoutMs <= 0) throw new UsageError('--timeout must be greater than zero');
  // Whatever its source (a .properties request.timeout.ms too): a longer timer fires at once.
  if (timeoutMs > MAX_TIMER_MS) {
    const from = {
      flag: '--timeout',
      'command-config': 'request.timeout.ms of --command-config',
      env: 'KTOOL_TIMEOUT',
      profile: `timeout of profile ${profileName}`,
      default: 'the default',
    }[timeoutSource];
    throw new UsageError(`${from} must be at most ${formatDuration(MAX_TIMER_MS)} (${MAX_TIMER_MS} ms), got ${timeoutMs} ms`);
  }

  let sasl: SaslSettings | undefined;
  let tls: TlsSettings | undefined;
  let securitySource: SettingSource = 'default';
  if (commandConfig && (commandConfig.sasl || commandConfig.tls)) {
    [sasl, tls, securitySource] = [commandConfig.sasl, commandConfig.tls, 'command-config'];
  } else if (profile.sasl || profile.tls?.enabled !== undefined || profile.tls?.ca || profile.tls?.cert) {
    sasl = profile.sasl ? saslFromProfile(profile.sasl, profileName!) : undefined;
    tls = profile.tls && profile.tls.enabled !== false ? tlsFromProfile(profile) : undefined;
    securitySource = 'profile';
  }

  return {
    bootstrap: splitBootstrap(bootstrap),
    clientId: commandConfig?.clientId ?? profile['client-id'] ?? 'ktool',
    timeoutMs,
    sasl,
    tls,
    profileName,
    skippedProfile: skipped,
    sources: { bootstrap: bootstrapSource, timeout: timeoutSource, security: securitySource, profile: profileSource },
  };
}

/**
 * Which profile applies. A profile named less explicitly than the bootstrap (see the precedence
 * above) is not used; `skipped` names it so that `profile show --resolved` can say why.
 */
function chooseProfile(
  flags: ConnectionFlags,
  env: Record<string, string | undefined>,
  config: ConfigFile,
  bootstrapSource: SettingSource,
): { name?: string; source: ConnectionSettings['sources']['profile']; skipped?: SkippedProfile } {
  const candidate = flags.profile
    ? { name: flags.profile, source: 'flag' as const }
    : env.KTOOL_PROFILE
      ? { name: env.KTOOL_PROFILE, source: 'env' as const }
      : config['current-profile'] && config.profiles[config['current-profile']]
        ? { name: config['current-profile'], source: 'config' as const }
        : undefined;
  if (!candidate) return { source: 'none' };
  if (candidate.source !== 'config' && !config.profiles[candidate.name]) {
    const known = Object.keys(config.profiles);
    throw new NotFoundError(
      `profile "${candidate.name}" does not exist`,
      known.length ? `known profiles: ${known.join(', ')}` : 'create one with `ktool profile add NAME -b HOST:PORT` or `ktool local start`',
    );
  }
  const overruled =
    candidate.source === 'config'
      ? bootstrapSource !== 'default'
      : candidate.source === 'env'
        ? bootstrapSource === 'flag' || bootstrapSource === 'command-config'
        : false;
  if (overruled)
    return {
      source: 'none',
      skipped: {
        name: candidate.name,
        source: candidate.source as SkippedProfile['source'],
        because: bootstrapSource as SkippedProfile['because'],
      },
    };
  return candidate;
}

export function splitBootstrap(list: string): string[] {
  const hosts = list
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  if (hosts.length === 0) throw new UsageError('bootstrap server list is empty', 'pass -b HOST:PORT[,HOST:PORT...]');
  for (const host of hosts) {
    if (!/^(\[[0-9a-fA-F:]+\]|[^:\s]+)(:\d{1,5})?$/.test(host)) {
      throw new UsageError(`invalid bootstrap server "${host}"`, 'expected HOST:PORT, e.g. localhost:9092');
    }
    // Checked here: a socket throws a RangeError for port 99999, which read as a connection failure.
    const port = /:(\d+)$/.exec(host.replace(/^\[[^\]]*\]/, ''))?.[1];
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
      throw new UsageError(
        `invalid bootstrap server "${host}": port ${port} is not from 1 to 65535`,
        'expected HOST:PORT, e.g. localhost:9092',
      );
  }
  return hosts.map((h) => (/:\d+$/.test(h) ? h : `${h}:9092`));
}

function secret(value: string | undefined, envName: string | undefined, command: string | undefined): SecretSource | undefined {
  if (envName) return { env: envName };
  if (command) return { command };
  if (value !== undefined) return { value };
  return undefined;
}

function saslFromProfile(p: SaslProfile, profileName: string): SaslSettings {
  if (!p.mechanism) throw new UsageError(`profile ${profileName}: sasl.mechanism is missing`);
  return {
    mechanism: String(p.mechanism).toUpperCase() as SaslSettings['mechanism'],
    username: p.username,
    password: secret(p.password, p['password-env'], p['password-command']),
    token: secret(p.token, p['token-env'], p['token-command']),
  };
}

function tlsFromProfile(p: Profile): TlsSettings {
  const t = p.tls ?? {};
  return { ca: t.ca, cert: t.cert, key: t.key, insecureSkipVerify: t['insecure-skip-verify'] === true, serverName: t['server-name'] };
}

export interface SchemaRegistryFlags {
  schemaRegistry?: string;
  /** --schema-registry-url, the hidden alias. */
  schemaRegistryUrl?: string;
  srUsername?: string;
  srPasswordEnv?: string;
  srTokenEnv?: string;
  srCa?: string;
}

/**
 * The Schema Registry, resolved after the connection (whose profile and timeout it uses).
 * Precedence, highest first:
 *
 * - url:         `--schema-registry` > `--command-config` schema.registry.url > `KTOOL_SCHEMA_REGISTRY`
 *                > the profile's `schema-registry.url` > none (a command that needs one says so).
 *                The URL includes any base path (Apicurio: http://host:8080/apis/ccompat/v7).
 * - credentials: `--sr-username`/`--sr-password-env` or `--sr-token-env` > `--command-config`
 *                (basic.auth.user.info, bearer.auth.token) > `user:password@` in the URL
 *                > the profile's, only when the URL is the profile's (a URL named elsewhere is
 *                another registry: the profile's password is not sent to it, as with -b).
 * - TLS:         `--sr-ca` > `--command-config` schema.registry.ssl.* > the profile's (same rule).
 * - timeout:     the connection's (--timeout ...).
 */
export function resolveSchemaRegistry(input: {
  flags: SchemaRegistryFlags;
  env: Record<string, string | undefined>;
  config: ConfigFile;
  commandConfig?: CommandConfig;
  connection: ConnectionSettings;
}): SchemaRegistrySettings | undefined {
  const { flags, env, config, commandConfig, connection } = input;
  const fromFile = commandConfig?.schemaRegistry;
  const profile = connection.profileName ? config.profiles[connection.profileName]?.['schema-registry'] : undefined;
  const flagUrl = flags.schemaRegistry ?? flags.schemaRegistryUrl;
  const [raw, urlSource, what]: [string | undefined, SettingSource, string] = flagUrl
    ? [flagUrl, 'flag', '--schema-registry']
    : fromFile?.url
      ? [fromFile.url, 'command-config', 'schema.registry.url of --command-config']
      : env.KTOOL_SCHEMA_REGISTRY
        ? [env.KTOOL_SCHEMA_REGISTRY, 'env', 'KTOOL_SCHEMA_REGISTRY']
        : profile?.url
          ? [profile.url, 'profile', `schema-registry.url of profile ${connection.profileName}`]
          : [undefined, 'default', ''];
  if (raw === undefined) return undefined;
  const { url, username: urlUser, password: urlPassword } = parseRegistryUrl(raw, what);
  const own = urlSource === 'profile' ? profile : undefined;
  const settings: SchemaRegistrySettings = { url, timeoutMs: connection.timeoutMs, sources: { url: urlSource, auth: 'default' } };
  if (flags.srUsername !== undefined || flags.srPasswordEnv !== undefined || flags.srTokenEnv !== undefined) {
    if (flags.srTokenEnv !== undefined && (flags.srUsername !== undefined || flags.srPasswordEnv !== undefined))
      throw new UsageError('give --sr-token-env or --sr-username/--sr-password-env, not both');
    if (flags.srPasswordEnv !== undefined && flags.srUsername === undefined) throw new UsageError('--sr-password-env needs --sr-username');
    settings.username = flags.srUsername;
    settings.password = flags.srPasswordEnv === undefined ? undefined : { env: flags.srPasswordEnv };
    settings.token = flags.srTokenEnv === undefined ? undefined : { env: flags.srTokenEnv };
    settings.sources.auth = 'flag';
  } else if (fromFile?.username !== undefined || fromFile?.token) {
    [settings.username, settings.password, settings.token] = [fromFile.username, fromFile.password, fromFile.token];
    settings.sources.auth = 'command-config';
  } else if (urlUser !== undefined) {
    [settings.username, settings.password] = [urlUser, urlPassword === undefined ? undefined : { value: urlPassword }];
    settings.sources.auth = 'url';
  } else if (own && (own.username !== undefined || own.token || own['token-env'] || own['token-command'])) {
    settings.username = own.username;
    settings.password = secret(own.password, own['password-env'], own['password-command']);
    settings.token = secret(own.token, own['token-env'], own['token-command']);
    settings.sources.auth = 'profile';
  }
  if (flags.srCa) settings.tls = { ca: flags.srCa };
  else if (fromFile?.tls) settings.tls = fromFile.tls;
  else if (own && (own.ca || own.cert || own['insecure-skip-verify']))
    settings.tls = { ca: own.ca, cert: own.cert, key: own.key, insecureSkipVerify: own['insecure-skip-verify'] === true };
  return settings;
}

/** An http(s) URL without a trailing slash; `user:password@` taken out of it (never shown). */
export function parseRegistryUrl(raw: string, what: string): { url: string; username?: string; password?: string } {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    throw new UsageError(`${what}: invalid URL "${redactUrl(raw)}"`, 'e.g. http://localhost:8081 or http://localhost:8080/apis/ccompat/v7');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new UsageError(`${what}: the schema registry URL must start with http:// or https://, got "${redactUrl(raw)}"`);
  const username = parsed.username ? decodeURIComponent(parsed.username) : undefined;
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  return { url: parsed.toString().replace(/\/+$/, ''), username, password };
}

/** A URL as it may be shown: any password replaced. */
function redactUrl(raw: string): string {
  return raw.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:<redacted>@');
}
