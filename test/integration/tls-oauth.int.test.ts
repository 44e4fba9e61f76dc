import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';

const dir = mkdtempSync(join(tmpdir(), 'ktool-tls-'));
const tlsBootstrap = () => process.env.KTOOL_TEST_TLS_BOOTSTRAP!;
const files = () => JSON.parse(process.env.KTOOL_TEST_TLS_FILES!) as { ca: string; cert: string; key: string };
const env = (extra: Record<string, string | undefined> = {}) => ({
  KTOOL_CONFIG: join(dir, 'profiles.yaml'),
  KTOOL_BROKERS: undefined,
  ...extra,
});

/** An unsigned JWT (alg "none"), what the local broker's unsecured OAUTHBEARER validator accepts. */
function unsecuredJwt(sub: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none' })}.${part({ sub, iat: now, exp: now + 3600 })}.`;
}

describe('TLS connections (ktool local --tls: own CA, client certificate required)', needs('KTOOL_TEST_TLS_BOOTSTRAP'), () => {
  it('CA, client certificate and key: a topic round trip over SSL', async () => {
    const { ca, cert, key } = files();
    expect(
      (await runCli(['profile', 'add', 'tls', '-b', tlsBootstrap(), '--tls', '--ca', ca, '--cert', cert, '--key', key], { env: env() }))
        .code,
    ).toBe(0);
    const topic = uniqueName('tls');
    expect((await runCli(['--profile', 'tls', 'topics', 'create', topic], { env: env() })).code).toBe(0);
    expect((await runCli(['--profile', 'tls', 'produce', topic], { env: env(), stdin: 'over-tls\n' })).code).toBe(0);
    const read = await runCli(['--profile', 'tls', 'consume', topic, '-o', 'start', '-e'], { env: env() });
    expect(read.stdout).toBe('over-tls\n');
    expect((await runCli(['--profile', 'tls', 'topics', 'delete', topic, '--yes'], { env: env() })).code).toBe(0);
  });

  it('a kafka-*.sh properties file with PEM trust and key stores connects', async () => {
    const { ca, cert, key } = files();
    const bundle = join(dir, 'client-bundle.pem');
    writeFileSync(bundle, readFileSync(key, 'utf8') + readFileSync(cert, 'utf8'));
    const props = join(dir, 'ssl.properties');
    writeFileSync(
      props,
      `security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location=${ca}\n` +
        `ssl.keystore.type=PEM\nssl.keystore.location=${bundle}\n`,
    );
    const r = await runCli(['topics', 'list', '-b', tlsBootstrap(), '--command-config', props, '--json'], { env: env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a hung broker first in the bootstrap list (its TLS handshake never completes): the next one is tried in time, exit 0', async () => {
    const { createServer } = await import('node:net');
    const sockets: import('node:net').Socket[] = [];
    const hung = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    try {
      const { ca, cert, key } = files();
      const first = `127.0.0.1:${(hung.address() as import('node:net').AddressInfo).port}`;
      const add = ['profile', 'add', 'tls-hung', '-b', `${first},${tlsBootstrap()}`, '--tls', '--ca', ca, '--cert', cert, '--key', key];
      expect((await runCli(add, { env: env() })).code).toBe(0);
      const r = await runCli(['--profile', 'tls-hung', 'topics', 'list', '--timeout', '10s'], { env: env() });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    } finally {
      for (const s of sockets) s.destroy();
      hung.close();
    }
  });

  it('without the CA: one line naming the broker and the certificate problem, exit 4', async () => {
    const { cert, key } = files();
    await runCli(['profile', 'add', 'noca', '-b', tlsBootstrap(), '--tls', '--cert', cert, '--key', key], { env: env() });
    const r = await runCli(['--profile', 'noca', 'topics', 'list', '--timeout', '5s'], { env: env() });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^error: TLS handshake with 127\.0\.0\.1:\d+ failed: self[- ]signed certificate/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(2); // error + hint, no stack
  });

  it('--insecure-skip-verify connects without the CA; without a client certificate the broker refuses (exit 4)', async () => {
    const { cert, key, ca } = files();
    await runCli(['profile', 'add', 'skip', '-b', tlsBootstrap(), '--tls', '--insecure-skip-verify', '--cert', cert, '--key', key], {
      env: env(),
    });
    expect((await runCli(['--profile', 'skip', 'topics', 'list'], { env: env() })).code).toBe(0);
    await runCli(['profile', 'add', 'nocert', '-b', tlsBootstrap(), '--tls', '--ca', ca], { env: env() });
    const refused = await runCli(['--profile', 'nocert', 'topics', 'list', '--timeout', '5s'], { env: env() });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/^error: .*127\.0\.0\.1:\d+/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('SASL OAUTHBEARER (unsecured JWTs on ktool local --sasl)', needs('KTOOL_TEST_SASL_BOOTSTRAP'), () => {
  it('a token from a command and from an environment variable connect; a bad token fails with exit 4 and is never printed', async () => {
    const sasl = process.env.KTOOL_TEST_SASL_BOOTSTRAP!;
    const token = unsecuredJwt('admin');
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, token);
    await runCli(['profile', 'add', 'oauth-cmd', '-b', sasl, '--sasl-mechanism', 'OAUTHBEARER', '--token-command', `cat ${tokenFile}`], {
      env: env(),
    });
    const viaCommand = await runCli(['--profile', 'oauth-cmd', 'topics', 'list', '--json'], { env: env() });
    expect(viaCommand.stderr).toBe('');
    expect(viaCommand.code).toBe(0);

    await runCli(['profile', 'add', 'oauth-env', '-b', sasl, '--sasl-mechanism', 'OAUTHBEARER', '--token-env', 'KTOOL_TEST_TOKEN'], {
      env: env(),
    });
    expect((await runCli(['--profile', 'oauth-env', 'topics', 'list'], { env: env({ KTOOL_TEST_TOKEN: token }) })).code).toBe(0);
    const bad = await runCli(['--profile', 'oauth-env', 'topics', 'list'], { env: env({ KTOOL_TEST_TOKEN: 'not-a-jwt-secret' }) });
    expect(bad.code).toBe(4);
    expect(bad.stderr).toMatch(/^error: authentication failed at 127\.0\.0\.1:\d+/);
    expect(bad.stderr + bad.stdout).not.toContain('not-a-jwt-secret');
    const shown = await runCli(['profile', 'show', 'oauth-env', '--resolved', '--json'], { env: env({ KTOOL_TEST_TOKEN: token }) });
    expect(shown.stdout).not.toContain(token);
  });
});
