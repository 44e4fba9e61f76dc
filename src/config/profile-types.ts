export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/** SASL settings as stored: a secret comes from the value itself, an env var, or a command's stdout. */
export interface SaslProfile {
  mechanism: SaslMechanism;
  username?: string;
  password?: string;
  'password-env'?: string;
  'password-command'?: string;
  token?: string;
  'token-env'?: string;
  'token-command'?: string;
}

export interface TlsProfile {
  enabled?: boolean;
  ca?: string;
  cert?: string;
  key?: string;
  'insecure-skip-verify'?: boolean;
  'server-name'?: string;
}

/** The cluster's Schema Registry: its URL (with any base path) and how to authenticate; secrets as for SASL. */
export interface SchemaRegistryProfile {
  url: string;
  username?: string;
  password?: string;
  'password-env'?: string;
  'password-command'?: string;
  /** Bearer token (instead of username/password). */
  token?: string;
  'token-env'?: string;
  'token-command'?: string;
  /** PEM files: the CA to trust, and a client certificate and key for mTLS. */
  ca?: string;
  cert?: string;
  key?: string;
  'insecure-skip-verify'?: boolean;
}

export interface Profile {
  bootstrap?: string;
  'client-id'?: string;
  timeout?: string;
  sasl?: SaslProfile;
  tls?: TlsProfile;
  'schema-registry'?: SchemaRegistryProfile;
}

export interface ConfigFile {
  'current-profile'?: string;
  profiles: Record<string, Profile>;
}
