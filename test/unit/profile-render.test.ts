import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Tier 2 for `ktool profile`: every verb against a config file of its own (KTOOL_CONFIG in a
// scratch directory, emptied before each test); no broker.
const dir = mkdtempSync(join(tmpdir(), 'ktool-profile-render-'));
const config = join(dir, 'config.yaml');
const env = { KTOOL_CONFIG: config, KTOOL_BROKERS: undefined, KTOOL_PROFILE: undefined, KTOOL_TIMEOUT: undefined };
const cli = (argv: string[], o: { tty?: boolean; stdin?: string; env?: Record<string, string | undefined> } = {}) =>
  runCli(argv, { ...o, env: { ...env, ...o.env } });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => rmSync(config, { force: true }));

async function three(): Promise<void> {
  for (const argv of [
    ['profile', 'add', 'dev', '-b', 'localhost:9092', '--use'],
    [
      'profile',
      'add',
      'prod',
      '-b',
      'k1:9093, k2:9093',
      '--tls',
      '--ca',
      '/etc/hosts',
      '--sasl-mechanism',
      'SCRAM-SHA-512',
      '--username',
      'app',
      '--password',
      's3cret',
    ],
    ['profile', 'add', 'cloud', '-b', 'c:9092', '--sasl-mechanism', 'PLAIN', '--username', 'u', '--password-env', 'PW', '--timeout', '30s'],
  ]) {
    expect((await cli(argv)).code).toBe(0);
  }
}

describe('profile add', () => {
  it('says where it saved (stderr only), warns about a stored secret; the file is mode 0600 and holds what was given', async () => {
    expect(await cli(['profile', 'add', 'dev', '-b', 'localhost:9092', '--use'])).toEqual({
      code: 0,
      stdout: '',
      stderr: `Saved profile dev (current) in ${config}\n`,
    });
    const secret = await cli([
      'profile',
      'add',
      'prod',
      '-b',
      'k1:9093, k2:9093',
      '--sasl-mechanism',
      'SCRAM-SHA-512',
      '--username',
      'app',
      '--password',
      's3cret',
    ]);
    expect(secret).toEqual({
      code: 0,
      stdout: '',
      stderr:
        `warning: the secret is stored in ${config} (mode 0600); --password-env or --password-command keep ` +
        `it out of the file\nSaved profile prod in ${config}\n`,
    });
    expect(statSync(config).mode & 0o777).toBe(0o600);
    expect(readFileSync(config, 'utf8')).toBe(
      '# ktool configuration: edit with `ktool profile add|use|delete` or by hand.\ncurrent-profile: dev\n' +
        'profiles:\n  dev:\n    bootstrap: localhost:9092\n  prod:\n    bootstrap: "k1:9093,k2:9093"\n' +
        '    sasl:\n      mechanism: SCRAM-SHA-512\n      username: app\n      password: s3cret\n',
    );
  });

  it.each([
    [['bad name', '-b', 'x:1'], 'error: invalid profile name "bad name"\nhint: use letters, digits, . _ -\n'],
    [
      ['x'],
      'error: profile add x needs -b/--bootstrap-server HOST:PORT: a profile names a cluster\n' +
        'hint: e.g. ktool profile add x -b localhost:9092 (plus --tls, --sasl-mechanism ... as needed); to ' +
        'switch to a saved profile: ktool profile use x\n',
    ],
    [
      ['x', '-b', 'h:1', '--sasl-mechanism', 'FOO'],
      "error: option '--sasl-mechanism <mechanism>' argument 'FOO' is invalid. Allowed choices are PLAIN, " +
        'SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER.\n(run with --help for usage)\n',
    ],
    [['x', '-b', 'h:1', '--username', 'u'], 'error: SASL credentials need --sasl-mechanism\nhint: e.g. --sasl-mechanism SCRAM-SHA-512\n'],
    [
      ['x', '-b', 'h:1', '--sasl-mechanism', 'PLAIN', '--username', 'u', '--password', 'p', '--password-env', 'P'],
      'error: give only one of --password, --password-env, --password-command\n',
    ],
    [['x', '-b', 'h:1', '--cert', 'c.pem'], 'error: --cert and --key go together (mutual TLS)\n'],
    [['x', '-b', 'h:1', '--timeout', 'soon'], /--timeout/],
  ])('%j: exit 2, nothing written', async (args, stderr) => {
    const r = await cli(['profile', 'add', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    if (typeof stderr === 'string') expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
    expect(() => statSync(config)).toThrow();
  });
});

describe('profile list rendering', () => {
  it('off a TTY: the current one starred, security summarised', async () => {
    await three();
    expect(await cli(['profile', 'list'])).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '   NAME   BOOTSTRAP        SECURITY\n*  dev    localhost:9092   plaintext\n' +
        '   prod   k1:9093,k2:9093  TLS + SASL SCRAM-SHA-512\n   cloud  c:9092           SASL PLAIN\n',
    });
  });

  it('on a TTY with FORCE_COLOR: bold headers; --no-color: none', async () => {
    await three();
    const colour = { NO_COLOR: undefined, FORCE_COLOR: '1' };
    expect((await cli(['profile', 'list'], { tty: true, env: colour })).stdout).toContain('\u001b[1mNAME');
    expect((await cli(['profile', 'list', '--no-color'], { tty: true, env: colour })).stdout).not.toContain('\u001b[');
  });

  it('--json and --format yaml; no config file: an empty list', async () => {
    expect((await cli(['profile', 'list', '--json'])).stdout).toBe('[]\n');
    await three();
    expect(JSON.parse((await cli(['profile', 'list', '--json'])).stdout)).toEqual([
      { name: 'dev', current: true, bootstrap: 'localhost:9092', security: 'plaintext' },
      { name: 'prod', current: false, bootstrap: 'k1:9093,k2:9093', security: 'TLS + SASL SCRAM-SHA-512' },
      { name: 'cloud', current: false, bootstrap: 'c:9092', security: 'SASL PLAIN' },
    ]);
    expect((await cli(['profile', 'list', '--format', 'yaml'])).stdout).toMatch(
      /^- name: dev\n  current: true\n  bootstrap: localhost:9092\n  security: plaintext\n- name: prod\n/,
    );
  });
});

describe('profile show rendering', () => {
  it('YAML with secrets redacted (the same for --format table and yaml); --json', async () => {
    await three();
    const yaml =
      'name: prod\ncurrent: false\nbootstrap: "k1:9093,k2:9093"\nsasl:\n  mechanism: SCRAM-SHA-512\n' +
      '  username: app\n  password: "<redacted>"\ntls:\n  enabled: true\n  ca: /etc/hosts\n';
    expect(await cli(['profile', 'show', 'prod'])).toEqual({ code: 0, stderr: '', stdout: yaml });
    expect((await cli(['profile', 'show', 'prod', '--format', 'yaml'])).stdout).toBe(yaml);
    expect(JSON.parse((await cli(['profile', 'show', 'prod', '--json'])).stdout)).toEqual({
      name: 'prod',
      current: false,
      bootstrap: 'k1:9093,k2:9093',
      sasl: { mechanism: 'SCRAM-SHA-512', username: 'app', password: '<redacted>' },
      tls: { enabled: true, ca: '/etc/hosts' },
    });
    expect((await cli(['profile', 'show'])).stdout).toMatch(/^name: dev\ncurrent: true\n/);
    for (const argv of [
      ['profile', 'show', 'prod'],
      ['profile', 'show', 'prod', '--json'],
      ['profile', 'list', '--json'],
    ])
      expect((await cli(argv)).stdout).not.toContain('s3cret');
  });

  it('--resolved: what a command would use and where each value came from; -b alone says why the profile is not used', async () => {
    await three();
    expect(await cli(['profile', 'show', '--resolved', '--profile', 'cloud'], { env: { PW: 'pw' } })).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'profile: cloud\nprofileSource: flag\nbootstrap: c:9092\nbootstrapSource: profile\n' +
        'timeoutMs: 30000\ntimeoutSource: profile\nclientId: ktool\nsecurity: profile\nsasl:\n' +
        '  mechanism: PLAIN\n  username: u\n  password: "<from env PW>"\n  token: null\ntls: null\n',
    });
    const bare = await cli(['profile', 'show', '--resolved', '-b', 'x:1']);
    expect(bare.stdout.split('\n').slice(0, 3)).toEqual([
      'profile: none (a bootstrap given with -b starts from defaults, so the current profile dev is not ' +
        'used; add --profile dev to use its settings)',
      'profileSource: none',
      'bootstrap: x:1',
    ]);
    expect(JSON.parse((await cli(['profile', 'show', '--resolved', '-b', 'x:1', '--json'])).stdout)).toMatchObject({
      profile: null,
      profileNote: expect.stringContaining('add --profile dev'),
      bootstrap: 'x:1',
      bootstrapSource: 'flag',
    });
  });

  it('no current profile, or an unknown one: exit 3', async () => {
    expect(await cli(['profile', 'show'])).toEqual({
      code: 3,
      stdout: '',
      stderr: 'error: no current profile\nhint: ktool profile list; ktool profile add NAME -b HOST:PORT\n',
    });
    await three();
    expect(await cli(['profile', 'show', 'nope'])).toEqual({
      code: 3,
      stdout: '',
      stderr: 'error: profile "nope" does not exist\nhint: ktool profile list; ktool profile add NAME -b HOST:PORT\n',
    });
  });
});

describe('profile use and delete', () => {
  it('use: switches the current profile (stderr only); an unknown one: exit 3 listing the known', async () => {
    await three();
    expect(await cli(['profile', 'use', 'prod'])).toEqual({ code: 0, stdout: '', stderr: 'Now using profile prod\n' });
    expect(readFileSync(config, 'utf8')).toContain('current-profile: prod\n');
    expect(await cli(['profile', 'use', 'nope'])).toEqual({
      code: 3,
      stdout: '',
      stderr: 'error: profile "nope" does not exist\nhint: known profiles: dev, prod, cloud\n',
    });
  });

  it('delete: needs --yes off a terminal (exit 2, kept), asks on one ("n": exit 1, kept), deletes with --yes', async () => {
    await three();
    expect(await cli(['profile', 'delete', 'cloud'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `error: delete profile cloud from ${config}: needs confirmation and standard input is not a ` +
        `terminal\nhint: pass --yes to go ahead without asking\n`,
    });
    const no = await cli(['profile', 'delete', 'cloud'], { tty: true, stdin: 'n\n' });
    expect(no.code).toBe(1);
    expect(readFileSync(config, 'utf8')).toContain('  cloud:\n');
    expect(await cli(['profile', 'delete', 'dev', '--yes'])).toEqual({ code: 0, stdout: '', stderr: 'Deleted profile dev\n' });
    const left = readFileSync(config, 'utf8');
    expect(left).not.toContain('  dev:\n');
    expect(left).not.toContain('current-profile');
    expect(await cli(['profile', 'delete', 'dev', '--yes'])).toEqual({
      code: 3,
      stdout: '',
      stderr: 'error: profile "dev" does not exist\n',
    });
  });
});
