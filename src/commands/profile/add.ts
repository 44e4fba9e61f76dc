import { defineCommand, type Flags } from '../../cli/spec.js';
import { SASL_MECHANISMS } from '../../config/profile-types.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import type { Profile, SaslMechanism, SchemaRegistryProfile } from '../../config/profile-types.js';
import { parseRegistryUrl, splitBootstrap } from '../../config/resolve.js';
import { upsertProfile } from '../../config/store.js';
import { UsageError } from '../../errors.js';
import { parseTimerDuration } from '../../util/duration.js';
import { checkUserFile } from '../../util/read-user-file.js';

export const spec = defineCommand({
  command: 'add <name>',
  description: 'add or replace a profile (-b is required)',
  groups: ['base'],
  options: [
    { flags: '-b, --bootstrap-server <hosts>', description: 'brokers HOST:PORT[,HOST:PORT] (required)' },
    { flags: '--client-id <id>', description: 'client.id sent to the brokers' },
    { flags: '--timeout <duration>', description: 'default timeout for this cluster, e.g. 30s' },
    { flags: '--sasl-mechanism <mechanism>', description: 'SASL mechanism', choices: SASL_MECHANISMS },
    { flags: '--username <user>', description: 'SASL username' },
    { flags: '--password <password>', description: 'SASL password, stored in the file (prefer --password-env or --password-command)' },
    { flags: '--password-env <var>', description: 'read the SASL password from this environment variable at connect time' },
    { flags: '--password-command <cmd>', description: 'run this command at connect time; its stdout is the password' },
    { flags: '--token <token>', description: 'OAUTHBEARER token, stored in the file' },
    { flags: '--token-env <var>', description: 'read the OAUTHBEARER token from this environment variable' },
    { flags: '--token-command <cmd>', description: 'run this command to get an OAUTHBEARER token' },
    { flags: '--tls', description: 'connect with TLS' },
    { flags: '--ca <file>', description: 'CA certificate (PEM) to trust' },
    { flags: '--cert <file>', description: 'client certificate (PEM) for mTLS' },
    { flags: '--key <file>', description: 'client private key (PEM) for mTLS' },
    { flags: '--server-name <name>', description: 'TLS server name (SNI) to verify' },
    { flags: '--insecure-skip-verify', description: 'do not verify the broker certificate (test clusters only)' },
    { flags: '--schema-registry <url>', description: "the cluster's Schema Registry URL, with its base path" },
    { flags: '--sr-username <user>', description: 'Schema Registry basic-auth user' },
    { flags: '--sr-password <password>', description: 'Schema Registry password, stored in the file (prefer --sr-password-env)' },
    { flags: '--sr-password-env <var>', description: 'read the Schema Registry password from this environment variable' },
    { flags: '--sr-password-command <cmd>', description: 'run this command to get the Schema Registry password' },
    { flags: '--sr-token-env <var>', description: 'read a Schema Registry bearer token from this environment variable' },
    { flags: '--sr-ca <file>', description: 'CA certificate (PEM) of an https Schema Registry' },
    { flags: '--use', description: 'make it the current profile' },
  ],
  examples: [
    'ktool profile add dev -b localhost:9092 --use',
    'ktool profile add prod -b k1:9093,k2:9093 --tls --ca ca.pem --sasl-mechanism ' +
      'SCRAM-SHA-512 --username app --password-env KAFKA_PASSWORD',
    "ktool profile add cloud -b pkc.example:9092 --tls --sasl-mechanism PLAIN --username KEY --password-command 'pass show kafka/cloud'",
    'ktool profile add dev -b localhost:9092 --schema-registry http://localhost:8081 --sr-username app --sr-password-env SR_PASSWORD',
  ],
});

export interface AddOptions {
  name: string;
  profile: Profile;
  use: boolean;
  storedSecret: boolean;
}

const NAME = /^[A-Za-z0-9._-]+$/;

export function parse(args: string[], flags: Flags<typeof spec>): AddOptions {
  // Looked up by name below; values are checked here whatever commander let through.
  const f: Record<string, unknown> = { ...flags };
  const name = args[0];
  if (!NAME.test(name)) throw new UsageError(`invalid profile name "${name}"`, 'use letters, digits, . _ -');
  const str = (k: string) => (f[k] === undefined ? undefined : String(f[k]));
  const profile: Profile = {};
  if (str('bootstrapServer')) profile.bootstrap = splitBootstrap(str('bootstrapServer')!).join(',');
  if (str('clientId')) profile['client-id'] = str('clientId');
  if (str('timeout')) {
    parseTimerDuration(str('timeout')!, '--timeout');
    profile.timeout = str('timeout');
  }
  const passwordSources = ['password', 'passwordEnv', 'passwordCommand'].filter((k) => f[k] !== undefined);
  const tokenSources = ['token', 'tokenEnv', 'tokenCommand'].filter((k) => f[k] !== undefined);
  if (passwordSources.length > 1) throw new UsageError('give only one of --password, --password-env, --password-command');
  if (tokenSources.length > 1) throw new UsageError('give only one of --token, --token-env, --token-command');
  const mechanism = str('saslMechanism') as SaslMechanism | undefined;
  if (!mechanism && (f.username || passwordSources.length || tokenSources.length)) {
    throw new UsageError('SASL credentials need --sasl-mechanism', 'e.g. --sasl-mechanism SCRAM-SHA-512');
  }
  if (mechanism) {
    if (mechanism === 'OAUTHBEARER' ? tokenSources.length === 0 : !f.username || passwordSources.length === 0) {
      throw new UsageError(
        mechanism === 'OAUTHBEARER'
          ? 'OAUTHBEARER needs --token, --token-env or --token-command'
          : `${mechanism} needs --username and a password (--password-env VAR, --password-command CMD or --password P)`,
      );
    }
    profile.sasl = {
      mechanism,
      username: str('username'),
      password: str('password'),
      'password-env': str('passwordEnv'),
      'password-command': str('passwordCommand'),
      token: str('token'),
      'token-env': str('tokenEnv'),
      'token-command': str('tokenCommand'),
    };
  }
  if (f.tls || f.ca || f.cert || f.key || f.insecureSkipVerify || f.serverName) {
    if (Boolean(f.cert) !== Boolean(f.key)) throw new UsageError('--cert and --key go together (mutual TLS)');
    profile.tls = {
      enabled: true,
      ca: str('ca'),
      cert: str('cert'),
      key: str('key'),
      'server-name': str('serverName'),
      'insecure-skip-verify': f.insecureSkipVerify ? true : undefined,
    };
  }
  profile['schema-registry'] = schemaRegistryProfile(str);
  if (!profile['schema-registry']) delete profile['schema-registry'];
  // `add` replaces: without brokers it would save (or overwrite a profile with) one that names no cluster.
  if (!profile.bootstrap) {
    throw new UsageError(
      `profile add ${name} needs -b/--bootstrap-server HOST:PORT: a profile names a cluster`,
      `e.g. ktool profile add ${name} -b localhost:9092${f.use ? ' --use' : ''} (plus --tls, ` +
        `--sasl-mechanism ... as needed); to switch to a saved profile: ktool profile use ${name}`,
    );
  }
  return {
    name,
    profile,
    use: Boolean(f.use),
    storedSecret: f.password !== undefined || f.token !== undefined || f.srPassword !== undefined,
  };
}

/** The --schema-registry and --sr-* flags as the profile's `schema-registry` block. */
function schemaRegistryProfile(str: (k: string) => string | undefined): SchemaRegistryProfile | undefined {
  const keys = ['srUsername', 'srPassword', 'srPasswordEnv', 'srPasswordCommand', 'srTokenEnv', 'srCa'];
  const url = str('schemaRegistry');
  if (!url) {
    const stray = keys.find((k) => str(k) !== undefined);
    if (stray) throw new UsageError(`--${stray.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} needs --schema-registry URL`);
    return undefined;
  }
  parseRegistryUrl(url, '--schema-registry');
  const passwords = ['srPassword', 'srPasswordEnv', 'srPasswordCommand'].filter((k) => str(k) !== undefined);
  if (passwords.length > 1) throw new UsageError('give only one of --sr-password, --sr-password-env, --sr-password-command');
  if (passwords.length && !str('srUsername')) throw new UsageError('a Schema Registry password needs --sr-username');
  if (str('srTokenEnv') && (passwords.length || str('srUsername')))
    throw new UsageError('give --sr-token-env or --sr-username with a password, not both');
  const entries = Object.entries({
    url,
    username: str('srUsername'),
    password: str('srPassword'),
    'password-env': str('srPasswordEnv'),
    'password-command': str('srPasswordCommand'),
    'token-env': str('srTokenEnv'),
    ca: str('srCa'),
  }).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries) as unknown as SchemaRegistryProfile;
}

export async function run(options: AddOptions, ctx: Context): Promise<CommandResult | void> {
  // A wrong path is easiest to fix now, not at the first connection.
  for (const role of ['ca', 'cert', 'key'] as const) {
    const path = options.profile.tls?.[role];
    if (path) checkUserFile(path, `--${role}`);
  }
  const srCa = options.profile['schema-registry']?.ca;
  if (srCa) checkUserFile(srCa, '--sr-ca');
  const config = await upsertProfile(ctx.configPath, options.name, options.profile, options.use);
  if (options.storedSecret)
    ctx.warn(`the secret is stored in ${ctx.configPath} (mode 0600); --password-env or --password-command keep it out of the file`);
  const current = config['current-profile'] === options.name;
  ctx.io.stderr.write(`Saved profile ${options.name}${current ? ' (current)' : ''} in ${ctx.configPath}\n`);
}
