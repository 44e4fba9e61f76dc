import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { batchOutcome } from '../../src/commands/batch-outcome.js';
import { ExitCode, NotFoundError } from '../../src/errors.js';
import type { GroupDescription, GroupsApi } from '../../src/kafka/groups-types.js';
import type { BrokerApiVersions } from '../../src/kafka/cluster-types.js';
import type { AclBinding, AclsApi } from '../../src/kafka/acls-types.js';
import type { ClusterApi } from '../../src/kafka/cluster-types.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';

function stderr() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

const batch = (total: number, failed: string[]) => ({
  total,
  failed,
  describe: (f: string) => `cannot do ${f}`,
  error: (last: string, all: readonly string[]) => new NotFoundError(`cannot do ${last} (${all.length} failed)`, 'a hint'),
});

describe('batchOutcome: the one partial-failure policy (src/commands/batch-outcome.ts)', () => {
  it('every item done: the result unchanged, nothing on stderr', async () => {
    const err = stderr();
    const result = { data: [1, 2] };
    expect(await batchOutcome({ stderr: err.stream }, result, batch(2, []))).toBe(result);
    expect(err.text()).toBe('');
  });

  it('some failed: the result still returned with exit 5, one error line per failure', async () => {
    const err = stderr();
    const out = await batchOutcome({ stderr: err.stream }, { data: [1, 2, 3] }, batch(3, ['a', 'b']));
    expect(out).toEqual({ data: [1, 2, 3], exitCode: ExitCode.partial });
    expect(err.text()).toBe('error: cannot do a\nerror: cannot do b\n');
  });

  it('every item failed: the error for the last is thrown (its own exit code), the others are error lines before it', async () => {
    const err = stderr();
    const thrown = await batchOutcome({ stderr: err.stream }, { data: [] }, batch(3, ['a', 'b', 'c'])).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NotFoundError);
    expect((thrown as NotFoundError).message).toBe('cannot do c (3 failed)');
    expect(err.text()).toBe('error: cannot do a\nerror: cannot do b\n');
  });

  it('one item, failed: only the thrown error', async () => {
    const err = stderr();
    await expect(batchOutcome({ stderr: err.stream }, {}, batch(1, ['a']))).rejects.toThrow('cannot do a (1 failed)');
    expect(err.text()).toBe('');
  });
});

const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };
const exists = (name: string) => `Topic '${name}' already exists.`;

describe('every batch command follows it (tier 2, fakes)', () => {
  it('topics create: one exists, one new -> exit 5, the created one on stdout, the failure on stderr', async () => {
    const deps = { kafkaFactory: fakeKafka([topic('orders', 1)]) };
    const r = await runCli(['topics', 'create', 'orders', 'fresh'], { deps, env });
    expect([r.code, r.stdout, r.stderr]).toEqual([
      ExitCode.partial,
      'Created: fresh\n',
      `error: cannot create topic orders: ${exists('orders')} (TOPIC_ALREADY_EXISTS)\n`,
    ]);
  });

  it('topics create: all exist -> exit 1, each failure in order, the last as the error with its hint', async () => {
    const deps = { kafkaFactory: fakeKafka([topic('a', 1), topic('b', 1)]) };
    const r = await runCli(['topics', 'create', 'a', 'b'], { deps, env });
    expect(r.code).toBe(ExitCode.operation);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: cannot create topic a: ${exists('a')} (TOPIC_ALREADY_EXISTS)\n` +
        `error: cannot create topic b: ${exists('b')} (TOPIC_ALREADY_EXISTS)\n` +
        `hint: pass --if-not-exists to accept an existing topic\n`,
    );
  });

  it('topics delete: one refused -> exit 5; all refused -> exit 4 naming every refused topic', async () => {
    const refuse = (names: string[]) =>
      names.map((name) =>
        name === 'ok'
          ? { name, ok: true }
          : { name, ok: false, errorCode: 'TOPIC_AUTHORIZATION_FAILED', error: 'Topic authorization failed.' },
      );
    const deps = {
      kafkaFactory: fakeKafka([topic('ok', 1), topic('x', 1), topic('y', 1)], { deleteTopics: async (names) => refuse(names) }),
    };
    const some = await runCli(['topics', 'delete', 'ok', 'x', '--yes'], { deps, env });
    expect([some.code, some.stdout, some.stderr]).toEqual([
      ExitCode.partial,
      'Deleted: ok\n',
      'error: cannot delete topic x: Topic authorization failed. (TOPIC_AUTHORIZATION_FAILED)\n',
    ]);
    const all = await runCli(['topics', 'delete', 'x', 'y', '--yes'], { deps, env });
    expect(all.code).toBe(ExitCode.connection);
    const lines = all.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('error: cannot delete topic x: Topic authorization failed. (TOPIC_AUTHORIZATION_FAILED)');
    expect(lines[1]).toMatch(/^error: .*not allowed to DELETE topics x, y \(TOPIC_AUTHORIZATION_FAILED\)$/);
  });

  const groups = (deleted: Record<string, boolean>): Partial<GroupsApi> => ({
    deleteGroups: async (names) =>
      names.map((name) =>
        deleted[name] ? { name, ok: true } : { name, ok: false, errorCode: 'NON_EMPTY_GROUP', error: 'The group is not empty' },
      ),
  });

  it('groups delete: some not empty -> exit 5; all -> exit 1 with the hint, each failure once', async () => {
    const deps = { kafkaFactory: fakeKafka([], {}, { groups: groups({ a: true }) as GroupsApi }) };
    const some = await runCli(['groups', 'delete', 'a', 'b', '--yes'], { deps, env });
    expect([some.code, some.stderr]).toEqual([
      ExitCode.partial,
      'error: cannot delete group b: The group is not empty (NON_EMPTY_GROUP)\n',
    ]);
    expect(some.stdout).toBe('deleted group a\nb: The group is not empty (NON_EMPTY_GROUP)\n');
    const all = await runCli(['groups', 'delete', 'b', 'c', '--yes'], { deps, env });
    expect(all.code).toBe(ExitCode.operation);
    expect(all.stderr).toBe(
      'error: cannot delete group b: The group is not empty (NON_EMPTY_GROUP)\n' +
        'error: cannot delete group c: The group is not empty (NON_EMPTY_GROUP)\n' +
        'hint: the group has active members: stop its consumers first\n',
    );
  });

  it('groups delete-offsets: one partition refused -> exit 5 with its error line (it used to say nothing on stderr)', async () => {
    const api: Partial<GroupsApi> = {
      // A consumer group (a share group's offsets are deleted by topic).
      describeGroups: async () => [],
      deleteOffsets: async (_group, partitions) => ({
        partitions: partitions.map((p) =>
          p.partition === 0 ? p : { ...p, errorCode: 'GROUP_SUBSCRIBED_TO_TOPIC', error: 'The group is subscribed to the topic' },
        ),
      }),
    };
    const deps = { kafkaFactory: fakeKafka([topic('orders', 2)], {}, { groups: api as GroupsApi }) };
    const r = await runCli(['groups', 'delete-offsets', 'g', '--topic', 'orders', '--yes'], { deps, env });
    expect(r.code).toBe(ExitCode.partial);
    expect(r.stderr).toBe('error: cannot delete offsets of g orders:1: The group is subscribed to the topic (GROUP_SUBSCRIBED_TO_TOPIC)\n');
    expect(r.stdout).toMatch(/orders\s+0\s+deleted\n/);
  });

  it(
    'groups reset-offsets --execute: one partition refused -> the table still printed, exit 5 (it used ' + 'to throw and print nothing)',
    async () => {
      const empty: GroupDescription = {
        group: 'g',
        exists: true,
        state: 'Empty',
        type: 'classic',
        protocolType: 'consumer',
        assignor: '',
        coordinator: { id: 1, host: 'h', port: 9092 },
        members: [],
      };
      const api: Partial<GroupsApi> = {
        describeGroups: async () => [empty],
        fetchOffsets: async () =>
          new Map([
            [
              'g',
              [
                { topic: 'orders', partition: 0, offset: 50n },
                { topic: 'orders', partition: 1, offset: 50n },
              ],
            ],
          ]) as never,
        commitOffsets: async (_group, offsets) =>
          offsets.map((o) =>
            o.partition === 0
              ? { topic: o.topic, partition: o.partition }
              : { topic: o.topic, partition: o.partition, errorCode: 'OFFSET_METADATA_TOO_LARGE', error: 'too large' },
          ),
      };
      const deps = { kafkaFactory: fakeKafka([topic('orders', 2)], {}, { groups: api as GroupsApi }) };
      const r = await runCli(['groups', 'reset-offsets', 'g', '--topic', 'orders', '--to-earliest', '--execute', '--json'], { deps, env });
      expect(r.code).toBe(ExitCode.partial);
      expect(JSON.parse(r.stdout).map((row: { partition: number; executed: boolean }) => [row.partition, row.executed])).toEqual([
        [0, true],
        [1, false],
      ]);
      expect(r.stderr).toBe('committed new offsets for 1 partition of group g\nerror: g orders:1: too large (OFFSET_METADATA_TOO_LARGE)\n');
    },
  );

  it(
    'acls create: one binding refused -> the others created and shown, exit 5; every one refused -> ' +
      'exit 4 naming the ACL that would allow it',
    async () => {
      const acls = (refused: (b: AclBinding) => string | undefined): AclsApi =>
        ({
          describeAcls: async () => [],
          createAcls: async (list: AclBinding[]) =>
            list.map((binding) => (refused(binding) ? { binding, errorCode: refused(binding), error: 'refused' } : { binding })),
        }) as unknown as AclsApi;
      const run = (refused: (b: AclBinding) => string | undefined) =>
        runCli(['acls', 'create', '--allow-principal', 'User:alice', '--operation', 'Read,Write', '--topic', 'orders'], {
          deps: { kafkaFactory: fakeKafka([], {}, { acls: acls(refused) }) },
          env,
        });
      const some = await run((b) => (b.operation === 'WRITE' ? 'INVALID_REQUEST' : undefined));
      expect(some.code).toBe(ExitCode.partial);
      expect(some.stderr).toBe(
        'error: cannot create ACL ALLOW User:alice WRITE on TOPIC orders (LITERAL) from *: refused (INVALID_REQUEST)\n',
      );
      expect(some.stdout).toMatch(/^Created 1 ACL:\n[\s\S]*READ/);
      expect(some.stdout).not.toMatch(/WRITE/);
      const all = await run(() => 'CLUSTER_AUTHORIZATION_FAILED');
      expect(all.code).toBe(ExitCode.connection);
      expect(all.stderr).toMatch(
        new RegExp(
          String.raw`^error: cannot create ACL ALLOW User:alice READ .*\(CLUSTER_AUTHORIZATION_FAILED\)\n` +
            String.raw`error: .*not allowed to ALTER the cluster \(CLUSTER_AUTHORIZATION_FAILED\)\n`,
        ),
      );
    },
  );

  it(
    'acls delete: one matched ACL refused -> the deleted ones shown, exit 5; a whole filter refused ' + 'with nothing deleted -> exit 4',
    async () => {
      const run = (answer: Awaited<ReturnType<AclsApi['deleteAcls']>>) =>
        runCli(['acls', 'delete', '--allow-principal', 'User:alice', '--topic', 'orders', '--force'], {
          deps: { kafkaFactory: fakeKafka([], {}, { acls: { deleteAcls: async () => answer } as unknown as AclsApi }) },
          env,
        });
      const binding = (operation: string): AclBinding =>
        ({
          principal: 'User:alice',
          host: '*',
          operation,
          permission: 'ALLOW',
          resourceType: 'TOPIC',
          resourceName: 'orders',
          patternType: 'LITERAL',
        }) as AclBinding;
      const some = await run({
        deleted: [binding('READ')],
        refused: [{ binding: binding('WRITE'), errorCode: 'UNKNOWN_SERVER_ERROR', error: 'failed' }],
      });
      expect([some.code, some.stderr]).toEqual([
        ExitCode.partial,
        'error: cannot delete ACL ALLOW User:alice WRITE on TOPIC orders (LITERAL) from *: failed (UNKNOWN_SERVER_ERROR)\n',
      ]);
      expect(some.stdout).toMatch(/^Deleted 1 ACL:\n[\s\S]*READ/);
      const none = await run({
        deleted: [],
        refused: [
          {
            filter: {
              principal: 'User:alice',
              host: null,
              operation: 'ANY',
              permission: 'ALLOW',
              resourceType: 'TOPIC',
              resourceName: 'orders',
              patternType: 'LITERAL',
            },
            errorCode: 'CLUSTER_AUTHORIZATION_FAILED',
            error: 'deleting ACLs needs Alter on the cluster',
          },
        ],
      });
      expect(none.code).toBe(ExitCode.connection);
      expect(none.stdout).toBe('');
      expect(none.stderr).toMatch(/not allowed to ALTER the cluster \(CLUSTER_AUTHORIZATION_FAILED\)/);
    },
  );

  it(
    'cluster api-versions: one broker silent -> exit 5; every broker silent -> exit 4 (the advertised ' + 'addresses are unreachable)',
    async () => {
      const broker = (id: number, error?: string): BrokerApiVersions =>
        ({
          broker: { id, host: `b${id}`, port: 9092, rack: null },
          apis: error ? [] : [{ apiKey: 18, name: 'ApiVersions', minVersion: 0, maxVersion: 4, usableVersion: 4 }],
          ...(error ? { error } : {}),
        }) as BrokerApiVersions;
      const run = (answers: BrokerApiVersions[]) =>
        runCli(['cluster', 'api-versions', '--json'], {
          deps: { kafkaFactory: fakeKafka([], {}, { cluster: { apiVersions: async () => answers } as unknown as ClusterApi }) },
          env,
        });
      const some = await run([broker(1), broker(2, 'connect ECONNREFUSED')]);
      expect([some.code, some.stderr]).toEqual([
        ExitCode.partial,
        'error: broker 2 (b2:9092) did not tell its API versions: connect ECONNREFUSED\n',
      ]);
      expect(JSON.parse(some.stdout)).toHaveLength(2);
      const none = await run([broker(1, 'timed out'), broker(2, 'timed out')]);
      expect(none.code).toBe(ExitCode.connection);
      expect(none.stderr).toMatch(
        new RegExp(
          String.raw`^error: broker 1 \(b1:9092\) did not tell its API versions: timed out\nerror: broker 2 .*\n` +
            String.raw`hint: check that the brokers' advertised\.listeners`,
        ),
      );
    },
  );
});
