import { describe, expect, it } from 'vitest';
import { errorForKafkaCode } from '../../src/kafka/code-errors.js';
import type { ScramApi, ScramMechanismName, ScramUpsert, ScramUser } from '../../src/kafka/scram-types.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';

const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };
const colour = { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' };
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\u001b\[\d+m/g, '');

/** SCRAM users in memory: alice has both mechanisms, bob SCRAM-SHA-512; `refuse` fails alterCredentials with that Kafka error. */
function fake(refuse?: string) {
  let users: ScramUser[] = [
    {
      user: 'alice',
      credentials: [
        { mechanism: 'SCRAM-SHA-256', iterations: 4096 },
        { mechanism: 'SCRAM-SHA-512', iterations: 8192 },
      ],
    },
    { user: 'bob', credentials: [{ mechanism: 'SCRAM-SHA-512', iterations: 8192 }] },
  ];
  const calls = { deletions: [] as { user: string; mechanism: ScramMechanismName }[][], upserts: [] as ScramUpsert[][] };
  const scram: ScramApi = {
    async describeUsers(names) {
      if (!names) return users;
      const unknown = names.find((n) => !users.some((u) => u.user === n));
      if (unknown)
        throw errorForKafkaCode(
          'RESOURCE_NOT_FOUND',
          `describe users: attempt to describe a user credential that does not exist: ${unknown}`,
        );
      return users.filter((u) => names.includes(u.user));
    },
    async alterCredentials(deletions, upserts) {
      if (refuse) throw errorForKafkaCode(refuse, `alter users: refused (${refuse})`);
      calls.deletions.push(deletions);
      calls.upserts.push(upserts);
      users = users
        .map((u) => ({
          ...u,
          credentials: u.credentials.filter((c) => !deletions.some((d) => d.user === u.user && d.mechanism === c.mechanism)),
        }))
        .filter((u) => u.credentials.length);
    },
  };
  return { deps: { kafkaFactory: fakeKafka([topic('orders', 1)], {}, { scram }) }, calls };
}

const LIST =
  'USER   MECHANISM      ITERATIONS\nalice  SCRAM-SHA-256        4096\n' +
  'alice  SCRAM-SHA-512        8192\nbob    SCRAM-SHA-512        8192\n';

describe('users list rendering', () => {
  it('off a TTY: one row per credential, never a salt or key', async () => {
    const { deps } = fake();
    const r = await runCli(['users', 'list'], { deps, env });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, LIST, '']);
  });

  it('on a TTY with FORCE_COLOR: bold headers over the same table', async () => {
    const { deps } = fake();
    const r = await runCli(['users', 'list'], { deps, env: colour, tty: true });
    expect(r.stdout).toContain('\u001b[1mUSER\u001b[22m');
    expect(plain(r.stdout)).toBe(LIST);
  });

  it('--json and --format yaml', async () => {
    const { deps } = fake();
    const json = await runCli(['users', 'list', 'bob', '--json'], { deps, env });
    expect(JSON.parse(json.stdout)).toEqual([{ user: 'bob', credentials: [{ mechanism: 'SCRAM-SHA-512', iterations: 8192 }] }]);
    const yaml = await runCli(['users', 'list', 'bob', '--format', 'yaml'], { deps, env });
    expect(yaml.stdout).toBe('- user: bob\n  credentials:\n    - mechanism: SCRAM-SHA-512\n      iterations: 8192\n');
  });

  it('a user without credentials is exit 3', async () => {
    const { deps } = fake();
    const r = await runCli(['users', 'list', 'carol'], { deps, env });
    expect([r.code, r.stdout]).toEqual([3, '']);
    expect(r.stderr).toMatch(/^error: .*carol/);
  });
});

describe('users create rendering', () => {
  it('the password from standard input; a new credential is "Created", an existing one "Updated"', async () => {
    const { deps, calls } = fake();
    const r = await runCli(['users', 'create', 'bob', '--mechanism', 'SCRAM-SHA-256,SCRAM-SHA-512', '--iterations', '4096'], {
      deps,
      env,
      stdin: 's3cret\n',
    });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      'Created SCRAM-SHA-256 credential for user bob (4096 iterations)\n' +
        'Updated the password of SCRAM-SHA-512 credential for user bob (4096 iterations)\n',
    );
    expect(calls.upserts[0].map((u) => [u.user, u.mechanism, u.iterations])).toEqual([
      ['bob', 'SCRAM-SHA-256', 4096],
      ['bob', 'SCRAM-SHA-512', 4096],
    ]);
    expect(JSON.stringify(calls.upserts)).not.toContain('s3cret');
  });

  it('--json and --format yaml: the credentials and their status, never the password', async () => {
    const { deps } = fake();
    const json = await runCli(['users', 'create', 'carol', '--json'], { deps, env, stdin: 'pw' });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      user: 'carol',
      credentials: [{ mechanism: 'SCRAM-SHA-512', iterations: 8192, status: 'created' }],
    });
    const yaml = await runCli(['users', 'create', 'carol', '--password', 'pw', '--format', 'yaml'], { deps, env });
    expect(yaml.stdout).toBe('user: carol\ncredentials:\n  - mechanism: SCRAM-SHA-512\n    iterations: 8192\n    status: created\n');
    expect(yaml.stderr).toMatch(/ps|history/);
    expect(yaml.stdout + yaml.stderr).not.toContain(' pw');
  });

  it.each([
    [
      ['users', 'create', 'dave', '--mechanism', 'SCRAM-SHA-1'],
      /^error: unknown SCRAM mechanism "SCRAM-SHA-1"\nhint: use SCRAM-SHA-256 or SCRAM-SHA-512\n$/,
    ],
    [['users', 'create', 'dave', '--iterations', '100'], /^error: --iterations must be a whole number from 4096 to 16384, got "100"\n$/],
    [['users', 'create', 'dave'], /^error: the password is empty\nhint: pipe it on standard input/],
  ])('%j: exit 2, nothing sent', async (argv, stderr) => {
    const { deps, calls } = fake();
    const r = await runCli(argv, { deps, env, stdin: '' });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(stderr);
    expect(calls.upserts).toEqual([]);
  });

  it('refused by the broker: exit 4 for authorization, 2 for an unacceptable credential', async () => {
    const denied = await runCli(['users', 'create', 'eve'], { deps: fake('CLUSTER_AUTHORIZATION_FAILED').deps, env, stdin: 'pw' });
    expect([denied.code, denied.stdout]).toEqual([4, '']);
    const bad = await runCli(['users', 'create', 'eve'], { deps: fake('UNACCEPTABLE_CREDENTIAL').deps, env, stdin: 'pw' });
    expect([bad.code, bad.stdout]).toEqual([2, '']);
  });
});

describe('users delete rendering', () => {
  it('with --yes: what was deleted; --json; --format yaml', async () => {
    const { deps, calls } = fake();
    const r = await runCli(['users', 'delete', 'alice', '--mechanism', 'SCRAM-SHA-256', '--yes'], { deps, env });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'Deleted SCRAM-SHA-256 credential of user alice\n', '']);
    expect(calls.deletions).toEqual([[{ user: 'alice', mechanism: 'SCRAM-SHA-256' }]]);
    const json = await runCli(['users', 'delete', 'bob', '-y', '--json'], { deps, env });
    expect(JSON.parse(json.stdout)).toEqual([{ user: 'bob', mechanisms: ['SCRAM-SHA-512'] }]);
    const yaml = await runCli(['users', 'delete', 'alice', '-y', '--format', 'yaml'], { deps, env });
    expect(yaml.stdout).toBe('- user: alice\n  mechanisms:\n    - SCRAM-SHA-512\n');
  });

  it('asks on a terminal ("n": exit 1, nothing deleted); off one needs --yes (exit 2)', async () => {
    const { deps, calls } = fake();
    const no = await runCli(['users', 'delete', 'alice', 'bob'], { deps, env: colour, tty: true, stdin: 'n\n' });
    expect(no.code).toBe(1);
    expect(no.stderr).toMatch(/SCRAM credentials of 2 users/);
    expect(no.stderr).toContain('alice (SCRAM-SHA-256, SCRAM-SHA-512)');
    expect((await runCli(['users', 'delete', 'alice'], { deps, env })).code).toBe(2);
    expect(calls.deletions).toEqual([]);
  });

  it('a user or mechanism that is not there: exit 3 before asking', async () => {
    const { deps } = fake();
    const user = await runCli(['users', 'delete', 'carol', '--yes'], { deps, env });
    expect([user.code, user.stderr]).toEqual([
      3,
      'error: user carol has no SCRAM credentials\nhint: see the users with `ktool users list`\n',
    ]);
    const mechanism = await runCli(['users', 'delete', 'bob', '--mechanism', 'SCRAM-SHA-256', '--yes'], { deps, env });
    expect([mechanism.code, mechanism.stderr]).toEqual([3, 'error: user bob has no SCRAM-SHA-256 credential (it has SCRAM-SHA-512)\n']);
  });
});
