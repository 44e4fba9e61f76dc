import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

function isolated() {
  const dir = mkdtempSync(join(tmpdir(), 'ktool-profile-'));
  const env = { KTOOL_CONFIG: join(dir, 'config.yaml'), KTOOL_BROKERS: undefined };
  return {
    file: env.KTOOL_CONFIG,
    run: (...argv: string[]) => runCli(argv, { env }),
    runEnv: (extra: Record<string, string>, ...argv: string[]) => runCli(argv, { env: { ...env, ...extra } }),
  };
}

describe('profiles', () => {
  it('add, use, list, show, delete against the real broker', async () => {
    const p = isolated();
    const broker = process.env.KTOOL_TEST_BOOTSTRAP!;
    expect((await p.run('profile', 'add', 'test', '-b', broker)).code).toBe(0);
    expect((await p.run('profile', 'add', 'other', '-b', '127.0.0.1:1')).code).toBe(0);
    expect(statSync(p.file).mode & 0o777).toBe(0o600);

    // The first profile became current, so commands need no flags.
    const list = await p.run('topics', 'list', '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toBeInstanceOf(Array);

    const profiles = JSON.parse((await p.run('profile', 'list', '--json')).stdout);
    expect(profiles).toEqual([
      { name: 'test', current: true, bootstrap: broker, security: 'plaintext' },
      { name: 'other', current: false, bootstrap: '127.0.0.1:1', security: 'plaintext' },
    ]);

    expect((await p.run('profile', 'use', 'other')).code).toBe(0);
    const unreachable = await p.run('topics', 'list', '--timeout', '2s');
    expect(unreachable.code).toBe(4);
    expect(unreachable.stderr).toMatch(/127\.0\.0\.1:1/);
    expect((await p.run('topics', 'list', '--profile', 'test')).code).toBe(0);
    expect((await p.runEnv({ KTOOL_PROFILE: 'test' }, 'topics', 'list')).code).toBe(0);

    expect((await p.run('profile', 'use', 'nope')).code).toBe(3);
    expect((await p.run('profile', 'delete', 'other', '--yes')).code).toBe(0);
    expect((await p.run('profile', 'show', 'other')).code).toBe(3);
  });

  it('show redacts secrets and --resolved tells where each value came from', async () => {
    const p = isolated();
    const ca = join(mkdtempSync(join(tmpdir(), 'ktool-ca-')), 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
    expect(
      (
        await p.run(
          'profile',
          'add',
          'sec',
          '-b',
          'k:9093',
          '--sasl-mechanism',
          'SCRAM-SHA-512',
          '--username',
          'app',
          '--password',
          'hunter2',
          '--tls',
          '--ca',
          ca,
          '--use',
        )
      ).code,
    ).toBe(0);
    const show = await p.run('profile', 'show', 'sec', '--json');
    expect(show.stdout).not.toContain('hunter2');
    expect(JSON.parse(show.stdout).sasl).toEqual({ mechanism: 'SCRAM-SHA-512', username: 'app', password: '<redacted>' });
    expect(readFileSync(p.file, 'utf8')).toContain('hunter2');

    const resolved = await p.run('profile', 'show', '--resolved', '--json');
    const r = JSON.parse(resolved.stdout);
    expect(resolved.stdout).not.toContain('hunter2');
    expect(r).toMatchObject({
      profile: 'sec',
      profileSource: 'config',
      bootstrap: 'k:9093',
      bootstrapSource: 'profile',
      security: 'profile',
      sasl: { password: '<redacted>' },
    });
    // KTOOL_BROKERS names another cluster: the current profile is set aside, KTOOL_PROFILE is not.
    const env = JSON.parse((await p.runEnv({ KTOOL_BROKERS: 'env:1' }, 'profile', 'show', '--resolved', '--json')).stdout);
    expect(env).toMatchObject({ profile: null, bootstrap: 'env:1', bootstrapSource: 'env', security: 'none', sasl: null });
    const named = JSON.parse(
      (await p.runEnv({ KTOOL_BROKERS: 'env:1', KTOOL_PROFILE: 'sec' }, 'profile', 'show', '--resolved', '--json')).stdout,
    );
    expect(named).toMatchObject({ profile: 'sec', profileSource: 'env', bootstrap: 'env:1', bootstrapSource: 'env', security: 'profile' });
    const flag = JSON.parse(
      (await p.runEnv({ KTOOL_BROKERS: 'env:1' }, 'profile', 'show', '--resolved', '--json', '-b', 'flag:2', '--profile', 'sec')).stdout,
    );
    expect(flag).toMatchObject({ profile: 'sec', bootstrap: 'flag:2', bootstrapSource: 'flag', security: 'profile' });
  });

  it('--password-env resolves at connect time and is never stored or printed', async () => {
    const p = isolated();
    await p.run('profile', 'add', 'envpw', '-b', 'k:1', '--sasl-mechanism', 'PLAIN', '--username', 'u', '--password-env', 'MY_PW', '--use');
    expect(readFileSync(p.file, 'utf8')).toContain('password-env: MY_PW');
    const missing = await p.run('topics', 'list');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/environment variable MY_PW is not set/);
  });

  it('rejects incomplete SASL settings', async () => {
    const p = isolated();
    const r = await p.run('profile', 'add', 'bad', '--sasl-mechanism', 'SCRAM-SHA-256', '--username', 'u');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs --username and a password/);
  });

  it('refuses a profile without brokers, and leaves a saved one as it was', async () => {
    const p = isolated();
    expect((await p.run('profile', 'add', 'x', '-b', 'k:9092')).code).toBe(0);
    for (const argv of [
      ['profile', 'add', 'x'],
      ['profile', 'add', 'x', '--use'],
      ['profile', 'add', 'y', '--tls'],
    ]) {
      const r = await p.run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(
          `^error: profile add ${argv[2]} needs -b/--bootstrap-server HOST:PORT: a profile names a ` +
            `cluster\\nhint: e\\.g\\. ktool profile add ${argv[2]} -b localhost:9092`,
        ),
      );
    }
    expect(JSON.parse((await p.run('profile', 'list', '--json')).stdout)).toEqual([
      { name: 'x', current: true, bootstrap: 'k:9092', security: 'plaintext' },
    ]);
  });

  it('--command-config reads a kafka-*.sh properties file and reports unknown keys once', async () => {
    const p = isolated();
    const dir = mkdtempSync(join(tmpdir(), 'ktool-cc-'));
    const file = join(dir, 'client.properties');
    (await import('node:fs')).writeFileSync(
      file,
      `bootstrap.servers=${process.env.KTOOL_TEST_BOOTSTRAP}\nclient.id=cc-test\nlinger.ms=5\n`,
    );
    const r = await p.run('topics', 'list', '--command-config', file, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`warning: ignoring unknown keys in ${file}: linger.ms\n`);
    const missing = await p.run('topics', 'list', '--command-config', join(dir, 'nope.properties'));
    expect(missing.code).toBe(3);
  });
});
