import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { pollUntil } from '../helpers/poll.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';
import { clientConfig, plaintextBootstrap } from './helpers.js';
import { needs } from '../helpers/needs.js';

const admin = (args: string[], stdin?: string) => spawnKtool(args, { env: { KTOOL_BROKERS: plaintextBootstrap() }, stdin });

describe('bin/ktool acls and users (spawned)', needs('KTOOL_TEST_SASL_BOOTSTRAP', 'KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP'), () => {
  it('kafka-acls.sh spelling lists as JSON; alice gets one line and exit 4', async () => {
    const list = await admin(['acls', '--list', '--bootstrap-server', plaintextBootstrap(), '--json']);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toBeInstanceOf(Array);

    const alice = await spawnKtool(
      [
        'acls',
        'create',
        '--allow-principal',
        'User:alice',
        '--topic',
        'anything',
        '--command-config',
        clientConfig('PLAIN', 'alice', 'alice-secret'),
      ],
      { env: { KTOOL_BROKERS: undefined } },
    );
    expect(alice.code).toBe(4);
    expect(alice.stdout).toBe('');
    expect(alice.stderr).toBe(
      'error: User:alice is not allowed to ALTER the cluster (CLUSTER_AUTHORIZATION_FAILED)\n' +
        'hint: ktool acls create --allow-principal User:alice --operation Alter --cluster\n',
    );
  });

  it('a user created from a pipe logs in with SCRAM-SHA-256; after delete it cannot', async () => {
    const user = uniqueName('e2e-scram');
    const password = randomBytes(12).toString('hex');
    const created = await admin(['users', 'create', user, '--mechanism', 'SCRAM-SHA-256'], `${password}\n`);
    expect({ code: created.code, stderr: created.stderr }).toEqual({ code: 0, stderr: '' });
    expect(created.stdout).toBe(`Created SCRAM-SHA-256 credential for user ${user} (8192 iterations)\n`);

    const config = clientConfig('SCRAM-SHA-256', user, password);
    const asUser = () => spawnKtool(['topics', 'list', '--command-config', config], { env: { KTOOL_BROKERS: undefined } });
    await pollUntil(async () => (await asUser()).code === 0, { what: 'the SCRAM login' });

    const deleted = await admin(['users', 'delete', user, '--yes']);
    expect(deleted.code).toBe(0);
    const refused = await pollUntil(
      async () => {
        const r = await asUser();
        return r.code === 4 && r;
      },
      { what: 'the login to fail' },
    );
    expect(refused.stderr).toMatch(/^error: authentication failed at [^\n]*SASL_AUTHENTICATION_FAILED\)\nhint: /);
    expect(refused.stderr).not.toContain(password);
  });
});
