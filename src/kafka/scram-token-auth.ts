/**
 * SCRAM with the `tokenauth=true` extension (RFC 5802 extensions, KIP-48): how a client logs in with a
 * delegation token, its id as the user and its HMAC (base64) as the password. The client library's
 * SCRAM exchange sends no extension and builds its first message itself, so ktool plugs this one in
 * through the library's `sasl.authenticate` hook. The extension is part of the client-first-message
 * bare, hence of the signed AuthMessage, as in Kafka's ScramMessages.ClientFirstMessage.
 */
import { createHash, createHmac, pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { AuthenticationError, type SASLCustomAuthenticator } from '@platformatic/kafka';

const pbkdf2Async = promisify(pbkdf2);
const GS2_HEADER = 'n,,';

const ALGORITHMS = {
  'SCRAM-SHA-256': { hash: 'sha256', keyLength: 32 },
  'SCRAM-SHA-512': { hash: 'sha512', keyLength: 64 },
} as const;
export type ScramAlgorithm = keyof typeof ALGORITHMS;

/** RFC 5802 saslname: '=' and ',' escaped. */
const saslName = (user: string) => user.replaceAll('=', '=3D').replaceAll(',', '=2C');

/** client-first-message-bare: `n=<user>,r=<nonce>[,key=value...]`. */
export function clientFirstBare(user: string, nonce: string, extensions: Record<string, string>): string {
  const ext = Object.entries(extensions).map(([k, v]) => `,${k}=${v}`);
  return `n=${saslName(user)},r=${nonce}${ext.join('')}`;
}

function attributes(message: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of message.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

/**
 * The client-final-message for the server-first-message, and the server signature to expect:
 * SaltedPassword := Hi(password, salt, i), ClientProof := ClientKey XOR HMAC(H(ClientKey), AuthMessage).
 */
export async function clientFinal(
  algorithm: ScramAlgorithm,
  password: string,
  firstBare: string,
  clientNonce: string,
  serverFirst: string,
): Promise<{ message: string; serverSignature: string }> {
  const { hash, keyLength } = ALGORITHMS[algorithm];
  const a = attributes(serverFirst);
  if (!a.r?.startsWith(clientNonce)) throw new AuthenticationError('SCRAM: the server nonce does not start with the client nonce');
  const iterations = Number(a.i);
  if (!Number.isInteger(iterations) || iterations < 4096) throw new AuthenticationError(`SCRAM: ${a.i} iterations are too few`);
  const salted = await pbkdf2Async(password, Buffer.from(a.s ?? '', 'base64'), iterations, keyLength, hash);
  const hmac = (key: Buffer, text: string) => createHmac(hash, key).update(text).digest();
  const clientKey = hmac(salted, 'Client Key');
  const withoutProof = `c=${Buffer.from(GS2_HEADER).toString('base64')},r=${a.r}`;
  const authMessage = `${firstBare},${serverFirst},${withoutProof}`;
  const signature = hmac(createHash(hash).update(clientKey).digest(), authMessage);
  const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i]));
  return {
    message: `${withoutProof},p=${proof.toString('base64')}`,
    serverSignature: hmac(hmac(salted, 'Server Key'), authMessage).toString('base64'),
  };
}

type Provider = Parameters<SASLCustomAuthenticator>[3];
async function credential(p: Provider, what: string): Promise<string> {
  const value = typeof p === 'function' ? await p() : p;
  if (typeof value !== 'string') throw new AuthenticationError(`SCRAM token authentication needs a ${what}`);
  return value;
}

/** The library's custom authenticator: SCRAM-SHA-256/512 carrying tokenauth=true. */
export const scramTokenAuthenticator: SASLCustomAuthenticator = (mechanism, connection, authenticate, user, password, _token, callback) => {
  const run = async () => {
    if (!(mechanism in ALGORITHMS)) throw new AuthenticationError(`token authentication needs SCRAM-SHA-256 or -512, not ${mechanism}`);
    const call = (bytes: Buffer) => authenticate.async(connection, bytes);
    const nonce = randomBytes(24).toString('base64url');
    const firstBare = clientFirstBare(await credential(user, 'token id'), nonce, { tokenauth: 'true' });
    const first = await call(Buffer.from(GS2_HEADER + firstBare));
    const final = await clientFinal(
      mechanism as ScramAlgorithm,
      await credential(password, 'token HMAC'),
      firstBare,
      nonce,
      first.authBytes.toString(),
    );
    const last = await call(Buffer.from(final.message));
    const answer = attributes(last.authBytes.toString());
    if (answer.e) throw new AuthenticationError(`SASL authentication failed: ${answer.e}`);
    if (answer.v !== final.serverSignature) throw new AuthenticationError('SCRAM: the server signature does not match');
    return last;
  };
  // The broker's refusal goes back as it came: the connection tells SASL_AUTHENTICATION_FAILED apart itself.
  run().then(
    (response) => callback(null, response),
    (error: Error) => callback(error, undefined as never),
  );
};
