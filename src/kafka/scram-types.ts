/** ktool's view of SCRAM credentials (kafka-configs.sh --entity-type users --add-config SCRAM-...). */

export const SCRAM_MECHANISMS = ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type ScramMechanismName = (typeof SCRAM_MECHANISMS)[number];

/** What the broker tells about a credential: never the salt or the keys. */
export interface ScramCredentialInfo {
  mechanism: ScramMechanismName;
  iterations: number;
}

export interface ScramUser {
  user: string;
  credentials: ScramCredentialInfo[];
}

/** A credential to store: the salted password is computed client-side (PBKDF2), never the password. */
export interface ScramUpsert {
  user: string;
  mechanism: ScramMechanismName;
  iterations: number;
  salt: Buffer;
  saltedPassword: Buffer;
}

export interface ScramApi {
  /**
   * DescribeUserScramCredentials: every user with SCRAM credentials (names null) or these users
   * (an unknown one throws RESOURCE_NOT_FOUND). Sorted by user; mechanisms sorted.
   */
  describeUsers(names: string[] | null): Promise<ScramUser[]>;
  /**
   * AlterUserScramCredentials, one request per change (the broker refuses a user twice in one
   * request, even for two mechanisms); the first rejection throws, later changes are not sent.
   */
  alterCredentials(deletions: { user: string; mechanism: ScramMechanismName }[], upsertions: ScramUpsert[]): Promise<void>;
}
