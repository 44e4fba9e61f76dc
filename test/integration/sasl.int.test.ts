import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';

const saslBootstrap = () => process.env.KTOOL_TEST_SASL_BOOTSTRAP!;
const dir = mkdtempSync(join(tmpdir(), 'ktool-sasl-'));

function commandConfig(mechanism: string, user: string, password: string): string {
  const module =
    mechanism === 'PLAIN'
      ? 'org.apache.kafka.common.security.plain.PlainLoginModule'
      : 'org.apache.kafka.common.security.scram.ScramLoginModule';
  const file = join(dir, `${mechanism}-${user}-${password}.properties`);
  writeFileSync(
    file,
    `bootstrap.servers=${saslBootstrap()}\nsecurity.protocol=SASL_PLAINTEXT\n` +
      `sasl.mechanism=${mechanism}\n` +
      `sasl.jaas.config=${module} required username="${user}" password="${password}";\n`,
  );
  return file;
}

describe('SASL connections (ktool local --sasl)', needs('KTOOL_TEST_SASL_BOOTSTRAP'), () => {
  it.each(['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'])('%s with the right password connects', async (mechanism) => {
    const r = await runCli(['topics', 'list', '--command-config', commandConfig(mechanism, 'admin', 'admin-secret'), '--json'], {
      env: { KTOOL_BROKERS: undefined },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toBeInstanceOf(Array);
  });

  it.each(['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'])(
    '%s with a wrong password fails with one line, exit 4, and no secret',
    async (mechanism) => {
      const r = await runCli(['topics', 'list', '--command-config', commandConfig(mechanism, 'admin', 'not-the-password')], {
        env: { KTOOL_BROKERS: undefined },
      });
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(
        new RegExp(
          String.raw`^error: authentication failed at 127\.0\.0\.1:\d+: .*(invalid credentials|Invalid username or ` +
            String.raw`password).*\(SASL_AUTHENTICATION_FAILED\)\n`,
        ),
      );
      expect(r.stderr).not.toContain('not-the-password');
      expect(r.stdout).toBe('');
    },
  );

  it('a profile with --password-env connects; profile show never prints the password', async () => {
    const env = { KTOOL_CONFIG: join(dir, 'profiles.yaml'), KTOOL_BROKERS: undefined, SASL_PW: 'admin-secret' };
    expect(
      (
        await runCli(
          [
            'profile',
            'add',
            'sasl',
            '-b',
            saslBootstrap(),
            '--sasl-mechanism',
            'SCRAM-SHA-512',
            '--username',
            'admin',
            '--password-env',
            'SASL_PW',
            '--use',
          ],
          { env },
        )
      ).code,
    ).toBe(0);
    const ok = await runCli(['topics', 'list'], { env });
    expect(ok.code).toBe(0);
    const wrong = await runCli(['topics', 'list'], { env: { ...env, SASL_PW: 'wrong' } });
    expect(wrong.code).toBe(4);
    const shown = await runCli(['profile', 'show', '--resolved', '--json'], { env });
    expect(shown.stdout).not.toContain('admin-secret');
    expect(JSON.parse(shown.stdout).sasl).toEqual({
      mechanism: 'SCRAM-SHA-512',
      username: 'admin',
      password: '<from env SASL_PW>',
      token: null,
    });
  });

  it('a user without ACLs is not authorized: exit 4 naming the cause', async () => {
    const r = await runCli(
      ['topics', 'create', 'alice-cannot', '--command-config', commandConfig('SCRAM-SHA-256', 'alice', 'alice-secret')],
      { env: { KTOOL_BROKERS: undefined } },
    );
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/not authorized|AUTHORIZATION_FAILED/);
  });
});
