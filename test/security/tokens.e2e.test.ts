/** bin/ktool tokens, spawned: a token created, then a client logging in with it (tokenauth=true) and the token expired. */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { needs } from '../helpers/needs.js';
import { pollUntil } from '../helpers/poll.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';
import { clientConfig, saslBootstrap } from './helpers.js';

const noProfile = { KTOOL_BROKERS: undefined };

describe('bin/ktool tokens (spawned)', needs('KTOOL_TEST_SASL_BOOTSTRAP', 'KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP'), () => {
  it('create prints the id and HMAC; a client logs in with them; expire --hmac-env ends it', async () => {
    const admin = clientConfig('SCRAM-SHA-512', 'admin', 'admin-secret');
    const created = await spawnKtool(['tokens', 'create', '--command-config', admin, '--json'], { env: noProfile });
    expect(created.code, created.stderr).toBe(0);
    const { tokenId, hmac } = JSON.parse(created.stdout) as { tokenId: string; hmac: string };
    const file = clientConfig('SCRAM-SHA-512', tokenId, hmac);
    writeFileSync(
      file,
      `bootstrap.servers=${saslBootstrap()}\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n` +
        'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required ' +
        `username="${tokenId}" password="${hmac}" tokenauth="true";\n`,
    );
    // The token reaches the brokers' cache a moment after create answers.
    await pollUntil(async () => (await spawnKtool(['cluster', 'info', '--command-config', file], { env: noProfile })).code === 0, {
      what: 'a login with the new token',
      timeoutMs: 30_000,
    });
    const expired = await spawnKtool(['tokens', 'expire', '--hmac-env', 'TOK', '--command-config', admin], {
      env: { ...noProfile, TOK: hmac },
    });
    expect({ code: expired.code, stdout: expired.stdout }).toEqual({ code: 0, stdout: 'Expired: the token is no longer valid\n' });
    expect(expired.stdout + expired.stderr).not.toContain(hmac);
    await pollUntil(async () => (await spawnKtool(['cluster', 'info', '--command-config', file], { env: noProfile })).code === 4, {
      what: 'the expired token refused',
      timeoutMs: 30_000,
    });
  });
});
