import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { describeSecret } from '../../config/secrets.js';
import { loadConfigFile } from '../../config/store.js';
import { NotFoundError } from '../../errors.js';
import { toYaml } from '../../output/yaml.js';
import { redactProfile } from './redact.js';

export interface ShowOptions {
  name?: string;
  resolved: boolean;
}

export function parse(args: string[], flags: Record<string, unknown>): ShowOptions {
  return { name: args[0], resolved: Boolean(flags.resolved) };
}

export async function run(options: ShowOptions, ctx: Context): Promise<CommandResult> {
  if (options.resolved) return resolved(ctx);
  const config = await loadConfigFile(ctx.configPath);
  const name = options.name ?? config['current-profile'];
  if (!name || !config.profiles[name]) throw new NotFoundError(name ? `profile "${name}" does not exist` : 'no current profile', 'ktool profile list; ktool profile add NAME -b HOST:PORT');
  const data = { name, current: config['current-profile'] === name, ...redactProfile(config.profiles[name]) };
  return { data, text: toYaml(data) };
}

/** What a command would connect with, and where each value came from (`--resolved --json`). */
async function resolved(ctx: Context): Promise<CommandResult> {
  const s = await ctx.connection();
  const data = {
    profile: s.profileName ?? null,
    profileSource: s.sources.profile,
    bootstrap: s.bootstrap.join(','),
    bootstrapSource: s.sources.bootstrap,
    timeoutMs: s.timeoutMs,
    timeoutSource: s.sources.timeout,
    clientId: s.clientId,
    security: s.sasl || s.tls ? s.sources.security : 'none',
    sasl: s.sasl ? { mechanism: s.sasl.mechanism, username: s.sasl.username ?? null, password: describeSecret(s.sasl.password) ?? null, token: describeSecret(s.sasl.token) ?? null } : null,
    tls: s.tls ? { ca: s.tls.ca?.includes('BEGIN') ? '<inline PEM>' : s.tls.ca ?? null, cert: s.tls.cert?.includes('BEGIN') ? '<inline PEM>' : s.tls.cert ?? null, key: s.tls.key ? '<redacted>' : null, insecureSkipVerify: Boolean(s.tls.insecureSkipVerify) } : null,
  };
  return { data, text: toYaml(data) };
}
