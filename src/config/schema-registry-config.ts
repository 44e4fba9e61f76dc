/**
 * The Schema Registry settings of a client properties file, in the Confluent serializers'
 * spelling (what a Java client's --command-config already holds):
 *
 *   schema.registry.url                          http://host:8081 (the first of a comma list)
 *   basic.auth.credentials.source                USER_INFO (default when user.info is set) | URL | SASL_INHERIT
 *   basic.auth.user.info                         user:password
 *   bearer.auth.credentials.source               STATIC_TOKEN (the only source ktool supports)
 *   bearer.auth.token                            the token
 *   schema.registry.ssl.truststore.location      CA, PEM file (type PEM; JKS/PKCS12 are refused with a hint)
 *   schema.registry.ssl.truststore.certificates  CA, inline PEM
 *   schema.registry.ssl.keystore.location / .key client certificate and key, PEM
 */
import { UsageError } from '../errors.js';
import type { SaslSettings, SecretSource } from './connection.js';

export interface SchemaRegistryConfig {
  url?: string;
  username?: string;
  password?: SecretSource;
  token?: SecretSource;
  tls?: { ca?: string; cert?: string; key?: string };
}

export const SCHEMA_REGISTRY_KEYS = [
  'schema.registry.url',
  'basic.auth.credentials.source',
  'basic.auth.user.info',
  'schema.registry.basic.auth.user.info',
  'bearer.auth.credentials.source',
  'bearer.auth.token',
  'schema.registry.ssl.truststore.location',
  'schema.registry.ssl.truststore.certificates',
  'schema.registry.ssl.truststore.type',
  'schema.registry.ssl.truststore.password',
  'schema.registry.ssl.keystore.location',
  'schema.registry.ssl.keystore.key',
  'schema.registry.ssl.keystore.certificate.chain',
  'schema.registry.ssl.keystore.type',
  'schema.registry.ssl.keystore.password',
  'schema.registry.ssl.key.password',
] as const;

export function schemaRegistryFromProperties(
  props: Map<string, string>,
  source: string,
  sasl: SaslSettings | undefined,
): SchemaRegistryConfig | undefined {
  const get = (k: string) => props.get(k)?.trim() || undefined;
  if (!SCHEMA_REGISTRY_KEYS.some((k) => get(k) !== undefined)) return undefined;
  const out: SchemaRegistryConfig = {};
  out.url = get('schema.registry.url')?.split(',')[0].trim();
  const userInfo = get('basic.auth.user.info') ?? get('schema.registry.basic.auth.user.info');
  const basicSource = (get('basic.auth.credentials.source') ?? (userInfo ? 'USER_INFO' : 'URL')).toUpperCase();
  if (basicSource === 'USER_INFO') {
    if (!userInfo) throw new UsageError(`${source}: basic.auth.credentials.source=USER_INFO needs basic.auth.user.info=USER:PASSWORD`);
    const colon = userInfo.indexOf(':');
    if (colon < 0) throw new UsageError(`${source}: basic.auth.user.info must be USER:PASSWORD`);
    [out.username, out.password] = [userInfo.slice(0, colon), { value: userInfo.slice(colon + 1) }];
  } else if (basicSource === 'SASL_INHERIT') {
    if (!sasl?.username || !sasl.password)
      throw new UsageError(`${source}: basic.auth.credentials.source=SASL_INHERIT needs a username and password in sasl.jaas.config`);
    [out.username, out.password] = [sasl.username, sasl.password];
  } else if (basicSource !== 'URL') {
    throw new UsageError(`${source}: basic.auth.credentials.source=${basicSource} is not supported`, 'use USER_INFO, URL or SASL_INHERIT');
  }
  const token = get('bearer.auth.token');
  const bearerSource = get('bearer.auth.credentials.source')?.toUpperCase();
  if (bearerSource && bearerSource !== 'STATIC_TOKEN') {
    throw new UsageError(
      `${source}: bearer.auth.credentials.source=${bearerSource} is not supported`,
      'use STATIC_TOKEN with bearer.auth.token (or --sr-token-env VAR)',
    );
  }
  if (token) out.token = { value: token };
  for (const typeKey of ['schema.registry.ssl.truststore.type', 'schema.registry.ssl.keystore.type']) {
    const type = get(typeKey)?.toUpperCase();
    if (type && type !== 'PEM')
      throw new UsageError(
        `${source}: ${typeKey}=${type} is not supported`,
        'convert the store to PEM (keytool -exportcert -rfc, or openssl pkcs12 -in store.p12 -out store.pem) and set the type to PEM',
      );
  }
  const ca = get('schema.registry.ssl.truststore.certificates') ?? get('schema.registry.ssl.truststore.location');
  const cert = get('schema.registry.ssl.keystore.certificate.chain') ?? get('schema.registry.ssl.keystore.location');
  const key = get('schema.registry.ssl.keystore.key') ?? get('schema.registry.ssl.keystore.location');
  if (ca || cert) out.tls = { ca, cert, key: cert ? key : undefined };
  return out;
}
