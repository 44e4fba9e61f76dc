import type { ConnectionOptions as TlsOptions } from 'node:tls';
import type { BaseOptions } from '@platformatic/kafka';
import type { ConnectionSettings } from '../config/connection.js';
import { resolveSecret } from '../config/secrets.js';
import { UsageError } from '../errors.js';
import { readUserFile } from '../util/read-user-file.js';
import { answeringFirst } from './bootstrap-probe.js';

/** Client-library base options for our settings; secrets are resolved here, at connect time. */
export async function baseClientOptions(settings: ConnectionSettings, env: Record<string, string | undefined>): Promise<BaseOptions> {
  const plaintext = !settings.sasl && !settings.tls;
  const options: BaseOptions = {
    clientId: settings.clientId,
    bootstrapBrokers: plaintext ? await answeringFirst(settings.bootstrap, Math.min(settings.timeoutMs / 4, 2_000)) : settings.bootstrap,
    connectTimeout: connectTimeout(settings),
    timeout: settings.timeoutMs,
    requestTimeout: settings.timeoutMs,
    retries: 2,
    retryDelay: 250,
  };
  if (settings.sasl) {
    const s = settings.sasl;
    const password = await resolveSecret(s.password, env, 'SASL password');
    const token = await resolveSecret(s.token, env, 'OAUTHBEARER token');
    if ((s.mechanism === 'PLAIN' || s.mechanism.startsWith('SCRAM')) && (!s.username || password === undefined)) {
      throw new UsageError(
        `SASL ${s.mechanism} needs a username and a password`,
        'set them in the profile (ktool profile add ... --username U --password-env VAR) or in sasl.jaas.config',
      );
    }
    if (s.mechanism === 'OAUTHBEARER' && !token) {
      throw new UsageError('SASL OAUTHBEARER needs a token', 'set --token-env VAR or --token-command CMD on the profile');
    }
    options.sasl = { mechanism: s.mechanism, username: s.username, password, token };
    // A delegation token: SCRAM with tokenauth=true, which the library's own SCRAM does not send.
    if (s.tokenAuth) options.sasl.authenticate = (await import('./scram-token-auth.js')).scramTokenAuthenticator;
  }
  if (settings.tls) {
    const t = settings.tls;
    const tls: TlsOptions = {};
    if (t.ca) tls.ca = await pem(t.ca, fileSetting(settings, 'ca'));
    if (t.cert) tls.cert = await pem(t.cert, fileSetting(settings, 'cert'));
    if (t.key) tls.key = await pem(t.key, fileSetting(settings, 'key'));
    const passphrase = await resolveSecret(t.keyPassword, env, 'TLS key password');
    if (passphrase) tls.passphrase = passphrase;
    if (t.insecureSkipVerify) tls.rejectUnauthorized = false;
    if (t.verifyHostname === false) tls.checkServerIdentity = () => undefined;
    options.tls = tls;
    if (t.serverName) options.tlsServerName = t.serverName;
  }
  return options;
}

/**
 * Long enough for a TLS handshake and SASL authentication to a far broker; with several bootstrap
 * brokers, short enough that one whose handshake stalls leaves time to try the next within --timeout.
 */
function connectTimeout(settings: ConnectionSettings): number {
  const n = settings.bootstrap.length;
  const bound = Math.min(settings.timeoutMs, 10_000);
  return n < 2 ? bound : Math.max(1_000, Math.min(bound, Math.floor(settings.timeoutMs / (n + 1))));
}

const PROPERTY = { ca: 'ssl.truststore.location', cert: 'ssl.keystore.location', key: 'ssl.keystore.key' };

/** Where a TLS file path was set, as the user wrote it: the profile's flag or the properties key. */
function fileSetting(settings: ConnectionSettings, role: 'ca' | 'cert' | 'key'): string {
  if (settings.sources.security === 'profile') return `profile ${settings.profileName}'s --${role}`;
  return `${PROPERTY[role]} (--command-config)`;
}

/** Inline PEM text (ssl.*.certificates) or a path to a PEM file. */
async function pem(value: string, what: string): Promise<string> {
  if (value.includes('-----BEGIN')) return value;
  return readUserFile(value, what);
}
