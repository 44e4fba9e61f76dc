import { describe, expect, it } from 'vitest';
import type { AclBinding, AclBindingFilter, AclsApi } from '../../src/kafka/acls-types.js';
import { errorForKafkaCode } from '../../src/kafka/code-errors.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';

const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };
const colour = { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' };
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\u001b\[\d+m/g, '');

const acl = (principal: string, operation: AclBinding['operation'], resourceName: string, extra: Partial<AclBinding> = {}): AclBinding => ({
  principal,
  host: '*',
  operation,
  permission: 'ALLOW',
  resourceType: 'TOPIC',
  resourceName,
  patternType: 'LITERAL',
  ...extra,
});

const matches = (f: AclBindingFilter, b: AclBinding) =>
  (f.resourceType === 'ANY' || f.resourceType === b.resourceType) &&
  (f.resourceName === null || f.resourceName === b.resourceName) &&
  (f.patternType === 'ANY' || f.patternType === 'MATCH' || f.patternType === b.patternType) &&
  (f.principal === null || f.principal === b.principal) &&
  (f.host === null || f.host === b.host) &&
  (f.operation === 'ANY' || f.operation === b.operation) &&
  (f.permission === 'ANY' || f.permission === b.permission);

/** An authorizer in memory: alice reads orders, bob writes logs. (prefixed); `refuse` makes createAcls fail with that Kafka error. */
function fake(refuse?: string) {
  let bindings: AclBinding[] = [acl('User:alice', 'READ', 'orders'), acl('User:bob', 'WRITE', 'logs.', { patternType: 'PREFIXED' })];
  const calls = { created: [] as AclBinding[][], deleted: [] as AclBindingFilter[][] };
  const acls: AclsApi = {
    async describeAcls(filter) {
      return bindings.filter((b) => matches(filter, b));
    },
    async createAcls(list) {
      if (refuse) throw errorForKafkaCode(refuse, `create acls: refused (${refuse})`);
      calls.created.push(list);
      bindings = [...bindings, ...list];
      return list.map((binding) => ({ binding }));
    },
    async deleteAcls(filters) {
      calls.deleted.push(filters);
      const gone = bindings.filter((b) => filters.some((f) => matches(f, b)));
      bindings = bindings.filter((b) => !gone.includes(b));
      return { deleted: gone, refused: [] };
    },
  };
  return { deps: { kafkaFactory: fakeKafka([topic('orders', 1)], {}, { acls }) }, calls };
}

const LIST = [
  'PRINCIPAL   HOST  OPERATION  PERMISSION  RESOURCE-TYPE  NAME    PATTERN',
  'User:bob    *     WRITE      ALLOW       TOPIC          logs.   PREFIXED',
  'User:alice  *     READ       ALLOW       TOPIC          orders  LITERAL',
  '',
].join('\n');

describe('acls list rendering', () => {
  it('off a TTY: one row per binding; the kafka-acls.sh spelling is the same', async () => {
    const { deps } = fake();
    const r = await runCli(['acls', 'list'], { deps, env });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, LIST, '']);
    expect((await runCli(['acls', '--list'], { deps, env })).stdout).toBe(LIST);
  });

  it('on a TTY with FORCE_COLOR: bold headers over the same table', async () => {
    const { deps } = fake();
    const r = await runCli(['acls', 'list'], { deps, env: colour, tty: true });
    expect(r.stdout).toContain('\u001b[1mPRINCIPAL\u001b[22m');
    expect(plain(r.stdout)).toBe(LIST);
  });

  it('--json and --format yaml: the bindings with Kafka enum names', async () => {
    const { deps } = fake();
    const json = await runCli(['acls', 'list', '--principal', 'User:alice', '--json'], { deps, env });
    expect(JSON.parse(json.stdout)).toEqual([
      {
        principal: 'User:alice',
        host: '*',
        operation: 'READ',
        permission: 'ALLOW',
        resourceType: 'TOPIC',
        resourceName: 'orders',
        patternType: 'LITERAL',
      },
    ]);
    const yaml = await runCli(['acls', 'list', '--topic', 'orders', '--format', 'yaml'], { deps, env });
    expect(yaml.stdout).toBe(
      '- principal: User:alice\n  host: "*"\n  operation: READ\n  permission: ALLOW\n' +
        '  resourceType: TOPIC\n  resourceName: orders\n  patternType: LITERAL\n',
    );
  });

  it('nothing matches: exit 0, empty stdout, "no ACLs match" on stderr for people only', async () => {
    const { deps } = fake();
    const r = await runCli(['acls', 'list', '--principal', 'User:nobody'], { deps, env });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', 'no ACLs match\n']);
    const json = await runCli(['acls', 'list', '--principal', 'User:nobody', '--json'], { deps, env });
    expect([json.code, json.stdout, json.stderr]).toEqual([0, '[]\n', '']);
  });

  it('usage errors are exit 2', async () => {
    const { deps } = fake();
    const r = await runCli(['acls', 'list', '--principal', 'alice'], { deps, env });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^error: a principal is TYPE:NAME, e.g. User:alice, got "alice"\n/);
    expect((await runCli(['acls', 'list', '--operation', 'Reed'], { deps, env })).stderr).toMatch(/^error: unknown ACL operation "Reed"/);
  });
});

describe('acls create rendering', () => {
  it('off a TTY: the created bindings under a title; those already there apart', async () => {
    const { deps, calls } = fake();
    const r = await runCli(['acls', 'create', '--allow-principal', 'User:alice', '--operation', 'Read,Describe', '--topic', 'orders'], {
      deps,
      env,
    });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      [
        'Created 1 ACL:',
        'PRINCIPAL   HOST  OPERATION  PERMISSION  RESOURCE-TYPE  NAME    PATTERN',
        'User:alice  *     DESCRIBE   ALLOW       TOPIC          orders  LITERAL',
        '',
        'Already present, unchanged (1):',
        'PRINCIPAL   HOST  OPERATION  PERMISSION  RESOURCE-TYPE  NAME    PATTERN',
        'User:alice  *     READ       ALLOW       TOPIC          orders  LITERAL',
        '',
      ].join('\n'),
    );
    expect(calls.created).toEqual([[acl('User:alice', 'DESCRIBE', 'orders')]]);
  });

  it('--producer --idempotent on a TTY, and --json: created and existing', async () => {
    const { deps } = fake();
    const r = await runCli(
      ['acls', 'create', '--allow-principal', 'User:carol', '--producer', '--idempotent', '--topic', 'orders', '--json'],
      { deps, env: colour, tty: true },
    );
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.existing).toEqual([]);
    expect(data.created.map((b: AclBinding) => `${b.resourceType}:${b.resourceName}:${b.operation}`)).toEqual([
      'CLUSTER:kafka-cluster:IDEMPOTENT_WRITE',
      'TOPIC:orders:CREATE',
      'TOPIC:orders:DESCRIBE',
      'TOPIC:orders:WRITE',
    ]);
    const yaml = await runCli(['acls', 'create', '--deny-principal', 'User:m', '--topic', 't', '--format', 'yaml'], { deps, env });
    expect(yaml.stdout).toBe(
      'created:\n  - principal: User:m\n    host: "*"\n    operation: ALL\n    permission: DENY\n' +
        '    resourceType: TOPIC\n    resourceName: t\n    patternType: LITERAL\nexisting: []\n',
    );
  });

  it.each([
    ['CLUSTER_AUTHORIZATION_FAILED', 4],
    ['SECURITY_DISABLED', 1],
    ['INVALID_REQUEST', 2],
  ])('the broker refusing with %s: exit %i, nothing on stdout', async (code, exit) => {
    const { deps } = fake(code);
    const r = await runCli(['acls', 'create', '--allow-principal', 'User:x', '--operation', 'Read', '--topic', 'orders'], { deps, env });
    expect([r.code, r.stdout]).toEqual([exit, '']);
    expect(r.stderr).toMatch(/^error: /);
  });

  it.each([
    [['--allow-principal', 'User:a', '--operation', 'Read'], /^error: name the resource/],
    [['--topic', 't'], /^error: give --allow-principal TYPE:NAME or --deny-principal TYPE:NAME\n/],
    [['--allow-principal', 'User:a', '--topic', 't', '--resource-pattern-type', 'match'], /only filters/],
    [['--allow-principal', 'User:a', '--group', 'g', '--operation', 'Write'], /group ACLs do not support Write/],
  ])('%j: exit 2, nothing created', async (args, stderr) => {
    const { deps, calls } = fake();
    const r = await runCli(['acls', 'create', ...args], { deps, env });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(stderr);
    expect(calls.created).toEqual([]);
  });
});

describe('acls delete rendering', () => {
  it('with --yes (or --force): the deleted bindings; --json', async () => {
    const { deps, calls } = fake();
    const r = await runCli(['acls', 'delete', '--topic', 'orders', '--yes'], { deps, env });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      'Deleted 1 ACL:\nPRINCIPAL   HOST  OPERATION  PERMISSION  RESOURCE-TYPE  NAME    PATTERN\n' +
        'User:alice  *     READ       ALLOW       TOPIC          orders  LITERAL\n',
    );
    expect(calls.deleted).toHaveLength(1);
    const json = await runCli(['acls', 'delete', '--principal', 'User:bob', '--force', '--json'], { deps, env });
    expect(JSON.parse(json.stdout)).toEqual({ deleted: [acl('User:bob', 'WRITE', 'logs.', { patternType: 'PREFIXED' })] });
    const none = await runCli(['acls', 'delete', '--principal', 'User:bob', '--yes', '--format', 'yaml'], { deps, env });
    expect([none.code, none.stdout]).toEqual([0, 'deleted: []\n']);
  });

  it('without --yes: lists the matches and asks on a terminal ("n": exit 1, nothing deleted); off one: exit 2', async () => {
    const { deps, calls } = fake();
    const no = await runCli(['acls', 'delete', '--topic', 'orders'], { deps, env: colour, tty: true, stdin: 'n\n' });
    expect(no.code).toBe(1);
    expect(no.stderr).toContain('ALLOW User:alice READ on TOPIC orders (LITERAL) from *');
    expect(no.stderr).toMatch(/aborted/);
    const off = await runCli(['acls', 'delete', '--topic', 'orders'], { deps, env });
    expect(off.code).toBe(2);
    expect(off.stderr).toMatch(/--yes/);
    expect(calls.deleted).toEqual([]);
  });

  it('no match without --yes: said on stdout, exit 0, no question; no filter at all: exit 2', async () => {
    const { deps } = fake();
    const r = await runCli(['acls', 'delete', '--topic', 'nothing-here'], { deps, env });
    expect([r.code, r.stdout]).toEqual([0, 'No ACLs matched; nothing deleted\n']);
    const bare = await runCli(['acls', 'delete', '--yes'], { deps, env });
    expect([bare.code, bare.stdout]).toEqual([2, '']);
    expect(bare.stderr).toMatch(/^error: say which ACLs to delete/);
  });
});
