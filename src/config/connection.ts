import type { SaslMechanism } from './profile-types.js';

/** Where a secret comes from: never printed, resolved only when connecting. */
export type SecretSource = { value: string } | { env: string } | { command: string };

export interface SaslSettings {
  mechanism: SaslMechanism;
  username?: string;
  password?: SecretSource;
  token?: SecretSource;
  /**
   * SCRAM with a delegation token (sasl.jaas.config's tokenauth=true): the username is the token id,
   * the password its HMAC.
   */
  tokenAuth?: boolean;
}

export interface TlsSettings {
  /** PEM file paths, or inline PEM text from ssl.*.certificates properties. */
  ca?: string;
  cert?: string;
  key?: string;
  keyPassword?: SecretSource;
  insecureSkipVerify?: boolean;
  /** false when ssl.endpoint.identification.algorithm is empty: certificate checked, host name not. */
  verifyHostname?: boolean;
  serverName?: string;
}

export type SettingSource = 'flag' | 'command-config' | 'env' | 'profile' | 'default';

/** A profile that would have applied but was not used, because a bootstrap named another cluster. */
export interface SkippedProfile {
  name: string;
  source: 'env' | 'config';
  because: 'flag' | 'command-config' | 'env';
}

/** Everything needed to open a connection, after precedence has been applied. */
export interface ConnectionSettings {
  bootstrap: string[];
  clientId: string;
  timeoutMs: number;
  sasl?: SaslSettings;
  tls?: TlsSettings;
  profileName?: string;
  skippedProfile?: SkippedProfile;
  sources: { bootstrap: SettingSource; timeout: SettingSource; security: SettingSource; profile: 'flag' | 'env' | 'config' | 'none' };
}
