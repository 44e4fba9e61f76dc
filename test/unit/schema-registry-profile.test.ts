/** A profile's Schema Registry: `profile add --schema-registry ...`, what `profile show` prints (secrets never), --resolved. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ktool-sr-profile-'));
const config = join(dir, 'config.yaml');
const env = { KTOOL_CONFIG: config, KTOOL_BROKERS: undefined, KTOOL_PROFILE: undefined, KTOOL_SCHEMA_REGISTRY: undefined };
const cli = (argv: string[], extra: Record<string, string> = {}) => runCli(argv, { env: { ...env, ...extra } });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => rmSync(config, { force: true }));

describe('profile with a schema registry', () => {
  it('stores the URL and credentials (secret by reference), shows them redacted, and --resolved says where they came from', async () => {
    const add = await cli([
      'profile',
      'add',
      'dev',
      '-b',
      'localhost:9092',
      '--schema-registry',
      'http://localhost:8080/apis/ccompat/v7',
      '--sr-username',
      'app',
      '--sr-password',
      'hunter2',
    ]);
    expect(add.code).toBe(0);
    expect(add.stderr).toContain('warning: the secret is stored in');
    expect(readFileSync(config, 'utf8')).toContain('schema-registry:\n      url: http://localhost:8080/apis/ccompat/v7\n');
    const shown = await cli(['profile', 'show', 'dev']);
    expect(shown.stdout).toContain(
      'schema-registry:\n  url: http://localhost:8080/apis/ccompat/v7\n  username: app\n  password: "<redacted>"\n',
    );
    expect(shown.stdout).not.toContain('hunter2');
    const resolved = JSON.parse((await cli(['profile', 'show', '--resolved', '--json'])).stdout);
    expect(resolved.schemaRegistry).toEqual({
      url: 'http://localhost:8080/apis/ccompat/v7',
      urlSource: 'profile',
      username: 'app',
      password: '<redacted>',
      token: null,
      authSource: 'profile',
      ca: null,
    });
    const flagged = JSON.parse(
      (await cli(['profile', 'show', '--resolved', '--json', '--schema-registry', 'http://u:pw@other:8081/'])).stdout,
    );
    expect(flagged.schemaRegistry).toMatchObject({ url: 'http://other:8081', urlSource: 'flag', username: 'u', password: '<redacted>' });
    const viaEnv = JSON.parse((await cli(['profile', 'show', '--resolved', '--json'], { KTOOL_SCHEMA_REGISTRY: 'http://e:1' })).stdout);
    expect(viaEnv.schemaRegistry).toMatchObject({ url: 'http://e:1', urlSource: 'env', username: null });
  });

  it('refuses --sr-* without --schema-registry, two password sources, and a URL that is not http(s)', async () => {
    const expectUsage = async (argv: string[], message: string) => {
      const r = await cli(['profile', 'add', 'x', '-b', 'h:1', ...argv]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`error: ${message}`);
    };
    await expectUsage(['--sr-username', 'u'], '--sr-username needs --schema-registry URL');
    await expectUsage(
      ['--schema-registry', 'http://h', '--sr-username', 'u', '--sr-password', 'a', '--sr-password-env', 'B'],
      'give only one of --sr-password, --sr-password-env, --sr-password-command',
    );
    await expectUsage(
      ['--schema-registry', 'h:8081'],
      '--schema-registry: the schema registry URL must start with http:// or https://, got "h:8081"',
    );
  });
});
