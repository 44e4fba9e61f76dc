import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { pollUntil } from '../helpers/poll.js';
import { asAdmin, asAlice, clientConfig, expectOneLineError, haveSaslCluster, json, plaintextBootstrap } from './helpers.js';
import { needs } from '../helpers/needs.js';

const users: string[] = [];

afterAll(async () => {
  if (!haveSaslCluster()) return;
  const known = JSON.parse((await asAdmin(['users', 'list', '--json'])).stdout || '[]') as { user: string }[];
  const left = users.filter((u) => known.some((k) => k.user === u));
  if (left.length) await asAdmin(['users', 'delete', ...left, '--yes']);
});

function newUser(): { user: string; password: string } {
  const user = uniqueName('scram');
  users.push(user);
  return { user, password: `pw-${randomBytes(9).toString('base64url')}` };
}

/** Logs in over SASL with this mechanism and runs a request that needs no ACL. */
const login = (mechanism: 'SCRAM-SHA-256' | 'SCRAM-SHA-512', user: string, password: string) =>
  runCli(['topics', 'list', '--command-config', clientConfig(mechanism, user, password), '--json'], { env: { KTOOL_BROKERS: undefined } });

const waitForLogin = (mechanism: 'SCRAM-SHA-256' | 'SCRAM-SHA-512', user: string, password: string, ok: boolean) =>
  pollUntil(
    async () => {
      const r = await login(mechanism, user, password);
      return (ok ? r.code === 0 : r.code === 4) && r;
    },
    { what: `${user} login with ${mechanism} to ${ok ? 'work' : 'fail'}` },
  );

interface Listed {
  user: string;
  credentials: { mechanism: string; iterations: number }[];
}

describe('SCRAM users against a SASL cluster', needs('KTOOL_TEST_SASL_BOOTSTRAP', 'KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP'), () => {
  it('create a user, log in with SCRAM-SHA-256 and -512, delete it and the login fails', async () => {
    const { user, password } = newUser();
    const created = await asAdmin(['users', 'create', user, '--mechanism', 'SCRAM-SHA-256,SCRAM-SHA-512', '--json'], {
      stdin: `${password}\n`,
    });
    expect(json(created)).toEqual({
      user,
      credentials: [
        { mechanism: 'SCRAM-SHA-256', iterations: 8192, status: 'created' },
        { mechanism: 'SCRAM-SHA-512', iterations: 8192, status: 'created' },
      ],
    });
    expect(created.stdout + created.stderr).not.toContain(password);

    const listed = json<Listed[]>(await asAdmin(['users', 'list', user, '--json']));
    expect(listed).toEqual([
      {
        user,
        credentials: [
          { mechanism: 'SCRAM-SHA-256', iterations: 8192 },
          { mechanism: 'SCRAM-SHA-512', iterations: 8192 },
        ],
      },
    ]);
    const all = json<Listed[]>(await asAdmin(['users', 'list', '--json']));
    expect(all.map((u) => u.user)).toEqual(expect.arrayContaining(['admin', 'alice', user]));
    const table = await asAdmin(['users', 'list', user]);
    expect(
      table.stdout
        .split('\n')
        .slice(0, 3)
        .map((l) => l.split(/\s+/)),
    ).toEqual([
      ['USER', 'MECHANISM', 'ITERATIONS'],
      [user, 'SCRAM-SHA-256', '8192'],
      [user, 'SCRAM-SHA-512', '8192'],
    ]);

    // kafka-configs.sh sees the same credentials.
    const tool = await runKafkaTool('kafka.admin.ConfigCommand', [
      '--bootstrap-server',
      plaintextBootstrap(),
      '--describe',
      '--entity-type',
      'users',
      '--entity-name',
      user,
    ]);
    const line = new RegExp(`SCRAM credential configs for user-principal '${user}' are (.*)`).exec(tool.stdout);
    expect(line?.[1].split(', ').sort()).toEqual(['SCRAM-SHA-256=iterations=8192', 'SCRAM-SHA-512=iterations=8192']);

    await waitForLogin('SCRAM-SHA-256', user, password, true);
    await waitForLogin('SCRAM-SHA-512', user, password, true);
    const wrong = await login('SCRAM-SHA-512', user, `${password}x`);
    expectOneLineError(wrong, 4, /SASL_AUTHENTICATION_FAILED/);

    const deleted = await asAdmin(['users', 'delete', user, '--yes', '--json']);
    expect(json(deleted)).toEqual([{ user, mechanisms: ['SCRAM-SHA-256', 'SCRAM-SHA-512'] }]);
    expectOneLineError(await waitForLogin('SCRAM-SHA-256', user, password, false), 4, /SASL_AUTHENTICATION_FAILED/);
    expectOneLineError(await waitForLogin('SCRAM-SHA-512', user, password, false), 4, /SASL_AUTHENTICATION_FAILED/);

    expectOneLineError(await asAdmin(['users', 'delete', user, '--yes']), 3, new RegExp(`^error: user ${user} has no SCRAM credentials`));
    expectOneLineError(await asAdmin(['users', 'list', user]), 3, /RESOURCE_NOT_FOUND/);
  });

  it('changing a password: the old one stops working; --password works but warns, never echoes', async () => {
    const { user, password } = newUser();
    const first = await asAdmin(['users', 'create', user, '--mechanism', 'SCRAM-SHA-256', '--iterations', '4096', '--password', password]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^warning: a password given with --password is visible to other users/);
    expect(first.stdout).toBe(`Created SCRAM-SHA-256 credential for user ${user} (4096 iterations)\n`);
    expect(first.stdout + first.stderr).not.toContain(password);
    await waitForLogin('SCRAM-SHA-256', user, password, true);

    const second = await asAdmin(['users', 'create', user, '--mechanism', '256', '--json'], { stdin: 'the-new-one' });
    expect(json<{ credentials: { status: string }[] }>(second).credentials[0].status).toBe('updated');
    await waitForLogin('SCRAM-SHA-256', user, 'the-new-one', true);
    await waitForLogin('SCRAM-SHA-256', user, password, false);
    // Deleting one mechanism keeps the others; the user had only this one.
    expectOneLineError(
      await asAdmin(['users', 'delete', user, '--mechanism', 'SCRAM-SHA-512', '--yes']),
      3,
      /has no SCRAM-SHA-512 credential \(it has SCRAM-SHA-256\)/,
    );
  });

  it('on a terminal the password is asked twice without echo', async () => {
    const { user, password } = newUser();
    const r = await asAdmin(['users', 'create', user], { tty: true, stdin: `${password}\n${password}\n` });
    expect(r.stderr).toBe(`Password for ${user}: \nPassword for ${user} again: \n`);
    expect(r.stdout).toContain(`Created SCRAM-SHA-512 credential for user ${user} (8192 iterations)`);
    await waitForLogin('SCRAM-SHA-512', user, password, true);
    const mismatch = await asAdmin(['users', 'create', user], { tty: true, stdin: `${password}\nother\n` });
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toMatch(/error: the passwords do not match; nothing changed\n$/);
    const refused = await asAdmin(['users', 'delete', user]);
    expectOneLineError(
      refused,
      2,
      /^error: delete the SCRAM credentials of 1 user: needs confirmation and standard input is not a terminal\nhint: pass --yes/,
    );
  });

  it('errors: usage 2, not authorised 4 (alice is no super user)', async () => {
    expectOneLineError(
      await asAdmin(['users', 'create', 'x', '--iterations', '100'], { stdin: 'p' }),
      2,
      /--iterations must be a whole number from 4096 to 16384/,
    );
    expectOneLineError(
      await asAdmin(['users', 'create', 'x', '--mechanism', 'PLAIN'], { stdin: 'p' }),
      2,
      /unknown SCRAM mechanism "PLAIN"/,
    );
    expectOneLineError(await asAdmin(['users', 'create', 'x'], { stdin: '' }), 2, /the password is empty/);
    expectOneLineError(
      await asAlice(['users', 'list']),
      4,
      new RegExp(
        String.raw`^error: User:alice is not allowed to DESCRIBE the cluster \(CLUSTER_AUTHORIZATION_FAILED\)\n` +
          String.raw`hint: ktool acls create --allow-principal User:alice --operation Describe --cluster\n`,
      ),
    );
    const created = await asAlice(['users', 'create', 'mallory'], { stdin: 'secret-pw' });
    expectOneLineError(created, 4, /^error: User:alice is not allowed to ALTER the cluster \(CLUSTER_AUTHORIZATION_FAILED\)/);
    expect(created.stderr).not.toContain('secret-pw');
    expectOneLineError(await asAlice(['users', 'delete', 'alice', '--yes']), 4, /^error: User:alice is not allowed to ALTER the cluster/);
  });
});
