import { defineCommand, type Flags } from '../../cli/spec.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import type { SkippedProfile } from '../../config/connection.js';
import { describeSecret } from '../../config/secrets.js';
import { loadConfigFile } from '../../config/store.js';
import { NotFoundError } from '../../errors.js';
import { toYaml } from '../../output/yaml.js';
import { redactProfile } from './redact.js';

export const spec = defineCommand({
  command: 'show [name]',
  description: 'show a profile (secrets redacted); --resolved shows what a command would use, and where each value came from',
  groups: ['output', 'base', 'connection', 'schema-registry'],
  options: [{ flags: '--resolved', description: 'apply flags, environment and profile precedence' }],
  examples: [
    'ktool profile show prod',
    'ktool profile show --resolved --profile prod -b k3:9093   # prod with another bootstrap',
    'ktool profile show --resolved -b other:9092   # -b alone: no profile, defaults',
  ],
});

export interface ShowOptions {
  name?: string;
  resolved: boolean;
}

export function parse(args: string[], flags: Flags<typeof spec>): ShowOptions {
  return { name: args[0], resolved: Boolean(flags.resolved) };
}

export async function run(options: ShowOptions, ctx: Context): Promise<CommandResult> {
  if (options.resolved) return resolved(ctx);
  const config = await loadConfigFile(ctx.configPath);
  const name = options.name ?? config['current-profile'];
  if (!name || !config.profiles[name])
    throw new NotFoundError(
      name ? `profile "${name}" does not exist` : 'no current profile',
      'ktool profile list; ktool profile add NAME -b HOST:PORT',
    );
  const data = { name, current: config['current-profile'] === name, ...redactProfile(config.profiles[name]) };
  return { data, text: toYaml(data) };
}

const NAMED_BY = {
  flag: 'given with -b',
  'command-config': 'given in --command-config (bootstrap.servers)',
  env: 'given in KTOOL_BROKERS',
};

/** Why no profile applies although one is current (or in KTOOL_PROFILE), and how to use it. */
function skippedNote(skipped: SkippedProfile | undefined): string | undefined {
  if (!skipped) return undefined;
  const which = skipped.source === 'config' ? `the current profile ${skipped.name}` : `profile ${skipped.name} from KTOOL_PROFILE`;
  return (
    `a bootstrap ${NAMED_BY[skipped.because]} starts from defaults, so ${which} is not used; ` +
    `add --profile ${skipped.name} to use its settings`
  );
}

/** What a command would connect with, and where each value came from (`--resolved --json`). */
async function resolved(ctx: Context): Promise<CommandResult> {
  const s = await ctx.connection();
  const registry = await ctx.schemaRegistrySettings();
  const note = skippedNote(s.skippedProfile);
  const data = {
    profile: s.profileName ?? null,
    profileSource: s.sources.profile,
    ...(note ? { profileNote: note } : {}),
    bootstrap: s.bootstrap.join(','),
    bootstrapSource: s.sources.bootstrap,
    timeoutMs: s.timeoutMs,
    timeoutSource: s.sources.timeout,
    clientId: s.clientId,
    security: s.sasl || s.tls ? s.sources.security : 'none',
    sasl: s.sasl
      ? {
          mechanism: s.sasl.mechanism,
          username: s.sasl.username ?? null,
          password: describeSecret(s.sasl.password) ?? null,
          token: describeSecret(s.sasl.token) ?? null,
        }
      : null,
    tls: s.tls
      ? {
          ca: s.tls.ca?.includes('BEGIN') ? '<inline PEM>' : (s.tls.ca ?? null),
          cert: s.tls.cert?.includes('BEGIN') ? '<inline PEM>' : (s.tls.cert ?? null),
          key: s.tls.key ? '<redacted>' : null,
          insecureSkipVerify: Boolean(s.tls.insecureSkipVerify),
        }
      : null,
    ...(registry && {
      schemaRegistry: {
        url: registry.url,
        urlSource: registry.sources.url,
        username: registry.username ?? null,
        password: describeSecret(registry.password) ?? null,
        token: describeSecret(registry.token) ?? null,
        authSource: registry.sources.auth,
        ca: registry.tls?.ca?.includes('BEGIN') ? '<inline PEM>' : (registry.tls?.ca ?? null),
      },
    }),
  };
  if (!note) return { data, text: toYaml(data) };
  // For people the reason goes where the profile name would be, as a sentence (not a quoted YAML string).
  const { profile: _p, profileNote: _n, ...rest } = data as typeof data & { profileNote?: string };
  return { data, text: `profile: none (${note})\n${toYaml(rest)}` };
}
