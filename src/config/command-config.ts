import { UsageError } from '../errors.js';
import { readUserFile } from '../util/read-user-file.js';
import type { SaslSettings, TlsSettings } from './connection.js';
import { SASL_MECHANISMS, type SaslMechanism } from './profile-types.js';
import { parseJaasConfig, parseProperties } from './properties.js';
import { SCHEMA_REGISTRY_KEYS, schemaRegistryFromProperties, type SchemaRegistryConfig } from './schema-registry-config.js';

/** What a kafka-*.sh client properties file contributes to a connection. */
export interface CommandConfig {
  bootstrap?: string;
  clientId?: string;
  timeoutMs?: number;
  sasl?: SaslSettings;
  tls?: TlsSettings;
  /** schema.registry.url, basic.auth.*, bearer.auth.*, schema.registry.ssl.* (src/config/schema-registry-config.ts). */
  schemaRegistry?: SchemaRegistryConfig;
  /** Keys ktool does not use; reported once on stderr by the caller. */
  unknownKeys: string[];
  /** Every property, for commands that pass producer/consumer settings through. */
  all: Map<string, string>;
}

const CLIENT_ONLY_KEYS = new Set([
  'bootstrap.servers',
  'client.id',
  'security.protocol',
  'sasl.mechanism',
  'sasl.jaas.config',
  'ssl.truststore.location',
  'ssl.truststore.type',
  'ssl.truststore.certificates',
  'ssl.truststore.password',
  'ssl.keystore.location',
  'ssl.keystore.type',
  'ssl.keystore.certificate.chain',
  'ssl.keystore.key',
  'ssl.keystore.password',
  'ssl.key.password',
  'ssl.endpoint.identification.algorithm',
  'request.timeout.ms',
  'default.api.timeout.ms',
  'sasl.oauthbearer.token',
  ...SCHEMA_REGISTRY_KEYS,
]);

/** `flag` names where the path came from in messages (--command-config, mirror's --from-config ...). */
export async function loadCommandConfig(path: string, flag = '--command-config'): Promise<CommandConfig> {
  return interpretCommandConfig(parseProperties(await readUserFile(path, flag)), path);
}

export function interpretCommandConfig(props: Map<string, string>, source = 'command config'): CommandConfig {
  const get = (k: string) => props.get(k)?.trim();
  const out: CommandConfig = { unknownKeys: [...props.keys()].filter((k) => !CLIENT_ONLY_KEYS.has(k)), all: props };
  out.bootstrap = get('bootstrap.servers') || undefined;
  out.clientId = get('client.id') || undefined;
  const timeout = get('default.api.timeout.ms') ?? get('request.timeout.ms');
  if (timeout !== undefined) {
    if (!/^\d+$/.test(timeout)) throw new UsageError(`${source}: request.timeout.ms must be a number of milliseconds, got "${timeout}"`);
    out.timeoutMs = Number(timeout);
  }
  const protocol = (get('security.protocol') ?? 'PLAINTEXT').toUpperCase();
  if (!['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'].includes(protocol)) {
    throw new UsageError(`${source}: unknown security.protocol "${protocol}"`, 'use PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL');
  }
  if (protocol.startsWith('SASL')) out.sasl = saslFrom(props, source);
  if (protocol === 'SSL' || protocol === 'SASL_SSL') out.tls = tlsFrom(props, source);
  out.schemaRegistry = schemaRegistryFromProperties(props, source, out.sasl);
  return out;
}

function saslFrom(props: Map<string, string>, source: string): SaslSettings {
  const mechanism = (props.get('sasl.mechanism')?.trim() ?? 'GSSAPI').toUpperCase() as SaslMechanism;
  if (!SASL_MECHANISMS.includes(mechanism)) {
    throw new UsageError(`${source}: sasl.mechanism ${mechanism} is not supported`, `use one of ${SASL_MECHANISMS.join(', ')}`);
  }
  const sasl: SaslSettings = { mechanism };
  const jaas = props.get('sasl.jaas.config');
  if (jaas) {
    const parsed = parseJaasConfig(jaas);
    if (!parsed) throw new UsageError(`${source}: sasl.jaas.config is not in "LoginModule required key=value ...;" form`);
    if (parsed.options.username !== undefined) sasl.username = parsed.options.username;
    if (parsed.options.password !== undefined) sasl.password = { value: parsed.options.password };
    // ScramLoginModule's tokenauth option: log in with a delegation token (Kafka compares it ignoring case).
    if (parsed.options.tokenauth?.toLowerCase() === 'true') {
      if (!mechanism.startsWith('SCRAM'))
        throw new UsageError(`${source}: tokenauth=true needs sasl.mechanism SCRAM-SHA-256 or SCRAM-SHA-512`);
      sasl.tokenAuth = true;
    }
  }
  const token = props.get('sasl.oauthbearer.token');
  if (token) sasl.token = { value: token };
  return sasl;
}

function tlsFrom(props: Map<string, string>, source: string): TlsSettings {
  const tls: TlsSettings = {};
  const pemOnly = (typeKey: string) => {
    const type = props.get(typeKey)?.trim().toUpperCase();
    if (type && type !== 'PEM') {
      throw new UsageError(
        `${source}: ${typeKey}=${type} is not supported`,
        'convert the store to PEM files (openssl pkcs12 -in store.p12 -out store.pem) and set the type to PEM',
      );
    }
  };
  pemOnly('ssl.truststore.type');
  pemOnly('ssl.keystore.type');
  tls.ca = props.get('ssl.truststore.certificates') ?? props.get('ssl.truststore.location');
  tls.cert = props.get('ssl.keystore.certificate.chain') ?? props.get('ssl.keystore.location');
  tls.key = props.get('ssl.keystore.key') ?? props.get('ssl.keystore.location');
  const keyPassword = props.get('ssl.key.password');
  if (keyPassword) tls.keyPassword = { value: keyPassword };
  if (props.get('ssl.endpoint.identification.algorithm')?.trim() === '') tls.verifyHostname = false;
  return tls;
}
