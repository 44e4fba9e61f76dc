import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { ScramMechanismName, ScramUpsert } from './scram-types.js';

const pbkdf2Async = promisify(pbkdf2);

/** RFC 5802 Hi() is PBKDF2 with the mechanism's HMAC and a key as long as its digest. */
const DIGEST: Record<ScramMechanismName, { hash: string; bytes: number }> = {
  'SCRAM-SHA-256': { hash: 'sha256', bytes: 32 },
  'SCRAM-SHA-512': { hash: 'sha512', bytes: 64 },
};

/** Kafka's ScramMechanism bounds: the broker rejects fewer than 4096 or more than 16384 iterations. */
export const MIN_ITERATIONS = 4096;
export const MAX_ITERATIONS = 16384;
export const DEFAULT_ITERATIONS = 8192;

export function saltPassword(mechanism: ScramMechanismName, password: string, salt: Buffer, iterations: number): Promise<Buffer> {
  const { hash, bytes } = DIGEST[mechanism];
  return pbkdf2Async(Buffer.from(password, 'utf8'), salt, iterations, bytes, hash);
}

/** The credential the broker stores: a fresh random salt per user and mechanism. */
export async function makeCredential(
  user: string,
  mechanism: ScramMechanismName,
  password: string,
  iterations: number,
): Promise<ScramUpsert> {
  const salt = randomBytes(32);
  return { user, mechanism, iterations, salt, saltedPassword: await saltPassword(mechanism, password, salt, iterations) };
}
