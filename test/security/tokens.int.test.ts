/**
 * Delegation tokens against the SASL cluster (`ktool local start --sasl` enables them): create,
 * describe, renew, expire as admin over SCRAM, and a client logging in with a token (SCRAM with
 * tokenauth=true: ktool's own exchange, the client library's sends no extension).
 */
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';
import { pollUntil } from '../helpers/poll.js';
import { clientConfig, expectOneLineError, json, plaintextBootstrap, saslBootstrap } from './helpers.js';

interface Created {
  tokenId: string;
  hmac: string;
  owner: string;
  requester: string;
  renewers: string[];
  issueTimestampMs: number;
  expiryTimestampMs: number;
  maxTimestampMs: number;
}

let admin: string | undefined;
/** ktool as admin over SCRAM-SHA-256 (token requests need an authenticated, non-token connection). */
const asAdmin = (argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> => {
  admin ??= clientConfig('SCRAM-SHA-256', 'admin', 'admin-secret');
  return runCli([...argv, '--command-config', admin], { env: { KTOOL_BROKERS: undefined, ...env } });
};

/** A client properties file logging in with a token: Kafka's own spelling. */
function tokenConfig(mechanism: 'SCRAM-SHA-256' | 'SCRAM-SHA-512', tokenId: string, hmac: string): string {
  const file = clientConfig(mechanism, tokenId, hmac);
  writeFileSync(
    file,
    `bootstrap.servers=${saslBootstrap()}\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=${mechanism}\n` +
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required ` +
      `username="${tokenId}" password="${hmac}" tokenauth="true";\n`,
  );
  return file;
}

const asToken = (file: string, argv: string[]) => runCli([...argv, '--command-config', file], { env: { KTOOL_BROKERS: undefined } });

/** A created token reaches the brokers' token cache a moment after CreateDelegationToken answers. */
const visible = (tokenId: string, owner = 'User:admin') =>
  pollUntil(
    async () => {
      const r = await asAdmin(['tokens', 'describe', '--owner-principal', owner, '--json']);
      return r.code === 0 && json<{ tokenId: string }[]>(r).some((t) => t.tokenId === tokenId);
    },
    { what: `token ${tokenId} in describe` },
  );

describe('delegation tokens on the SASL cluster', needs('KTOOL_TEST_SASL_BOOTSTRAP', 'KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP'), () => {
  beforeAll(async () => {
    // A SASL cluster made before `local start --sasl` enabled tokens keeps running without them.
    const r = await asAdmin(['tokens', 'describe']);
    if (/DELEGATION_TOKEN_AUTH_DISABLED|not enabled on this cluster/.test(r.stderr))
      throw new Error('the SASL test cluster has no delegation.token.secret.key: start it again with ktool local start --sasl --fresh');
  });

  it('create: id, HMAC, owner and requester, renewers, a max lifetime as asked; describe lists it without the HMAC', async () => {
    const before = Date.now();
    const r = await asAdmin(['tokens', 'create', '--renewer-principal', 'User:alice', '--max-life-time-period', '3600000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const t = json<Created>(r);
    expect(t).toMatchObject({ owner: 'User:admin', requester: 'User:admin', renewers: ['User:alice'] });
    expect(t.tokenId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(t.hmac, 'base64')).toHaveLength(64); // HmacSHA512
    expect(t.issueTimestampMs).toBeGreaterThanOrEqual(before - 60_000);
    expect(t.maxTimestampMs - t.issueTimestampMs).toBe(3_600_000);
    expect(t.expiryTimestampMs).toBeLessThanOrEqual(t.maxTimestampMs);

    await visible(t.tokenId);
    const listed = json<Record<string, unknown>[]>(await asAdmin(['tokens', 'describe', '--owner-principal', 'User:admin', '--json']));
    const mine = listed.find((x) => x.tokenId === t.tokenId);
    expect(mine).toEqual({
      tokenId: t.tokenId,
      owner: 'User:admin',
      requester: 'User:admin',
      renewers: ['User:alice'],
      issueTimestampMs: t.issueTimestampMs,
      expiryTimestampMs: t.expiryTimestampMs,
      maxTimestampMs: t.maxTimestampMs,
    });
    const table = await asAdmin(['tokens', 'describe', '--owner-principal', 'User:admin']);
    expect(table.stdout.split('\n')[0].split(/\s+/)).toEqual([
      'TOKEN-ID',
      'OWNER',
      'REQUESTER',
      'RENEWERS',
      'ISSUED',
      'EXPIRES',
      'MAX-LIFETIME',
    ]);
    expect(table.stdout).toContain(t.tokenId);
    expect(table.stdout + table.stderr).not.toContain(t.hmac);
    // Renewed by a renewer (alice's listing as renewer).
    expect(
      json<{ tokenId: string }[]>(await asAdmin(['tokens', 'describe', '--owner-principal', 'User:alice', '--json'])).map((x) => x.tokenId),
    ).toContain(t.tokenId);
  });

  it('a client logs in with a token (SCRAM-SHA-256 and -512, tokenauth=true) as its owner; a wrong HMAC is refused', async () => {
    const t = json<Created>(await asAdmin(['tokens', 'create', '--json']));
    await visible(t.tokenId);
    for (const mechanism of ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const) {
      const r = await asToken(tokenConfig(mechanism, t.tokenId, t.hmac), ['cluster', 'info', '--json']);
      expect(r.code, `${mechanism}: ${r.stderr}`).toBe(0);
    }
    const file = tokenConfig('SCRAM-SHA-256', t.tokenId, t.hmac);
    // A token-authenticated client may not manage tokens (the broker's rule).
    expectOneLineError(await asToken(file, ['tokens', 'describe']), 2, /token requests only over SASL/);
    const wrong = Buffer.alloc(64, 7).toString('base64');
    const refused = await asToken(tokenConfig('SCRAM-SHA-256', t.tokenId, wrong), ['cluster', 'info']);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/SASL_AUTHENTICATION_FAILED/);
    expect(refused.stderr).not.toContain(wrong);
  });

  it('renew sets the expiry from now; expire drops the token (login then fails); the HMAC is never echoed', async () => {
    const t = json<Created>(await asAdmin(['tokens', 'create', '--json']));
    await visible(t.tokenId);
    const before = Date.now();
    const renewed = await asAdmin(['tokens', 'renew', '--hmac', t.hmac, '--renew-time-period', '600000', '--json']);
    expect(renewed.code, renewed.stderr).toBe(0);
    const { expiryTimestampMs } = json<{ expiryTimestampMs: number }>(renewed);
    expect(expiryTimestampMs).toBeGreaterThanOrEqual(before + 600_000 - 60_000);
    expect(expiryTimestampMs).toBeLessThanOrEqual(Date.now() + 600_000 + 60_000);
    const text = await asAdmin(['tokens', 'renew', '--hmac', t.hmac]);
    expect(text.stdout).toMatch(/^Renewed: the token now expires at \d{4}-\d\d-\d\dT/);
    expect(text.stdout + text.stderr).not.toContain(t.hmac);

    const expired = await asAdmin(['tokens', 'expire', '--hmac-env', 'TOK_HMAC', '--json'], { TOK_HMAC: t.hmac });
    expect(expired.code, expired.stderr).toBe(0);
    expect(json<{ expired: boolean }>(expired).expired).toBe(true);
    await pollUntil(
      async () => {
        const r = await asAdmin(['tokens', 'describe', '--owner-principal', 'User:admin', '--json']);
        return r.code === 0 && !json<{ tokenId: string }[]>(r).some((x) => x.tokenId === t.tokenId);
      },
      { what: 'the expired token gone from describe' },
    );
    const login = await asToken(tokenConfig('SCRAM-SHA-256', t.tokenId, t.hmac), ['cluster', 'info']);
    expect(login.code).toBe(4);
    const again = await asAdmin(['tokens', 'renew', '--hmac', t.hmac]);
    expectOneLineError(again, 3, /DELEGATION_TOKEN_NOT_FOUND/);
    expect(again.stderr).not.toContain(t.hmac);
  });

  it('a token created for another user: owner alice, requester admin; admin, not its renewer, cannot renew it', async () => {
    const t = json<Created>(await asAdmin(['tokens', 'create', '--owner-principal', 'User:alice', '--json']));
    expect(t).toMatchObject({ owner: 'User:alice', requester: 'User:admin', renewers: [] });
    await visible(t.tokenId, 'User:alice');
    expectOneLineError(await asAdmin(['tokens', 'renew', '--hmac', t.hmac]), 1, /DELEGATION_TOKEN_OWNER_MISMATCH/);
  });

  it('over the PLAINTEXT listener the broker refuses token requests: a usage error naming why', async () => {
    const r = await runCli(['tokens', 'create', '-b', plaintextBootstrap()], { env: { KTOOL_BROKERS: undefined } });
    expectOneLineError(r, 2, /token requests only over SASL or mutual TLS/);
  });
});
