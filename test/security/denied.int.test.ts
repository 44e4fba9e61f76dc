import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName, type CliRun } from '../helpers/cli.js';
import { pollUntil } from '../helpers/poll.js';
import { asAdmin, asAlice, haveSaslCluster } from './helpers.js';
import { needs } from '../helpers/needs.js';

/**
 * Refusals by the authorizer, as alice (no ACLs) sees them: exit 4, the principal, what was refused
 * on which resource, and the `ktool acls create` that would allow it; never "not found", never an
 * empty table; nothing secret in the output.
 */

const SECRET_VALUE = 'the-secret-record-value';
const topics: string[] = [];
const groups: string[] = [];
let secret: string;
let group: string;

afterAll(async () => {
  if (!haveSaslCluster()) return;
  for (const t of topics) await asAdmin(['acls', 'delete', '--topic', t, '--resource-pattern-type', 'any', '--yes']);
  for (const g of groups) await asAdmin(['acls', 'delete', '--group', g, '--yes']);
  if (groups.length) await asAdmin(['groups', 'delete', ...groups, '--yes']);
  if (topics.length) await asAdmin(['topics', 'delete', ...topics, '--if-exists', '--yes']);
});

function name(prefix: string, list: string[]): string {
  const n = uniqueName(prefix);
  list.push(n);
  return n;
}

/** Exactly the two lines of a refusal, stdout empty, no password or record in sight. */
function expectRefusal(r: CliRun, error: string, hint: string): void {
  expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 4, stdout: '', stderr: `error: ${error}\nhint: ${hint}\n` });
  expect(r.stderr + r.stdout).not.toContain('alice-secret');
  expect(r.stderr + r.stdout).not.toContain(SECRET_VALUE);
}

const describeTopic = (t: string) =>
  [
    `User:alice is not allowed to DESCRIBE topic ${t} (TOPIC_AUTHORIZATION_FAILED)`,
    `ktool acls create --allow-principal User:alice --operation Describe --topic ${t} (without ` +
      `Describe, Kafka does not say whether a topic exists)`,
  ] as const;

describe(
  'denied: exit 4 with the principal and the ACL that would allow it',
  needs('KTOOL_TEST_SASL_BOOTSTRAP', 'KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP'),
  () => {
    beforeAll(async () => {
      secret = name('denied-secret', topics);
      group = name('denied-group', groups);
      expect((await asAdmin(['topics', 'create', secret, '-p', '1'])).code).toBe(0);
      expect((await asAdmin(['produce', secret], { stdin: `${SECRET_VALUE}\n` })).code).toBe(0);
      const read = await asAdmin(['consume', secret, '-o', 'start', '-n', '1', '-g', group, '--timeout-ms', '15000']);
      expect(read.stdout).toBe(`${SECRET_VALUE}\n`);
    });

    it('topics describe: a topic alice may not describe is refused (4), not "not found" (3); so is one that does not exist', async () => {
      expectRefusal(await asAlice(['topics', 'describe', secret]), ...describeTopic(secret));
      const nosuch = uniqueName('denied-nosuch');
      expectRefusal(await asAlice(['topics', 'describe', nosuch]), ...describeTopic(nosuch));
    });

    it('consume and produce name Read and Write', async () => {
      expectRefusal(
        await asAlice(['consume', secret, '-o', 'start', '-e']),
        `User:alice is not allowed to READ topic ${secret} (TOPIC_AUTHORIZATION_FAILED)`,
        `ktool acls create --allow-principal User:alice --operation Read --topic ${secret}`,
      );
      const produced = await asAlice(['produce', secret], { stdin: 'x\n' });
      expect(produced.code).toBe(4);
      expect(produced.stderr).toContain(
        `error: User:alice is not allowed to WRITE topic ${secret} (TOPIC_AUTHORIZATION_FAILED)\n` +
          `hint: ktool acls create --allow-principal User:alice --operation Write --topic ${secret}\n`,
      );
    });

    it('configs describe, groups describe and lag of a named group', async () => {
      expectRefusal(
        await asAlice(['configs', 'describe', '--topic', secret]),
        `User:alice is not allowed to DESCRIBE_CONFIGS topic ${secret} (TOPIC_AUTHORIZATION_FAILED)`,
        `ktool acls create --allow-principal User:alice --operation DescribeConfigs --topic ${secret}`,
      );
      const describeGroup = [
        `User:alice is not allowed to DESCRIBE consumer group ${group} (GROUP_AUTHORIZATION_FAILED)`,
        `ktool acls create --allow-principal User:alice --operation Describe --group ${group}`,
      ] as const;
      expectRefusal(await asAlice(['groups', 'describe', group]), ...describeGroup);
      expectRefusal(await asAlice(['lag', group]), ...describeGroup);
      expectRefusal(await asAlice(['lag', group, '--max-lag', '0']), ...describeGroup);
    });

    it('the cluster: acls list and log-dirs name Describe on the cluster, acls create Alter', async () => {
      const cluster = (op: string) =>
        [
          `User:alice is not allowed to ${op.toUpperCase()} the cluster (CLUSTER_AUTHORIZATION_FAILED)`,
          `ktool acls create --allow-principal User:alice --operation ${op} --cluster`,
        ] as const;
      expectRefusal(await asAlice(['acls', 'list']), ...cluster('Describe'));
      expectRefusal(await asAlice(['cluster', 'log-dirs']), ...cluster('Describe'));
      expectRefusal(
        await asAlice(['acls', 'create', '--allow-principal', 'User:alice', '--operation', 'Read', '--topic', secret]),
        ...cluster('Alter'),
      );
    });

    it('listings alice sees nothing in: no bare header, a line on stderr; JSON stays a list without the hidden names', async () => {
      for (const [argv, what] of [
        [['topics', 'list'], 'topics'],
        [['groups', 'list'], 'consumer groups'],
        [['lag'], 'consumer groups'],
        [['groups', 'describe', '--all-groups'], 'consumer groups'],
      ] as const) {
        const table = await asAlice([...argv]);
        expect(table.code).toBe(0);
        expect(table.stdout).not.toContain(secret);
        expect(table.stdout).not.toContain(group);
        // Other tests may grant alice something meanwhile; when she sees nothing, stderr says why.
        if (table.stdout === '')
          expect(table.stderr).toMatch(new RegExp(`^no ${what} visible to User:alice; listing needs DESCRIBE on the `));
        else expect(table.stdout.trim().split('\n').length).toBeGreaterThan(1);
        const data = await asAlice([...argv, '--json']);
        expect(data.code).toBe(0);
        expect(data.stderr).toBe('');
        const list = JSON.parse(data.stdout) as unknown[];
        expect(list).toBeInstanceOf(Array);
        expect(data.stdout).not.toContain(secret);
        expect(data.stdout).not.toContain(group);
      }
    });

    it('a group alice may not read: Read on the group, by name', async () => {
      const readable = name('denied-readable', topics);
      const g = name('denied-reader', groups);
      expect((await asAdmin(['topics', 'create', readable, '-p', '1'])).code).toBe(0);
      expect(
        (await asAdmin(['acls', 'create', '--allow-principal', 'User:alice', '--operation', 'Read,Describe', '--topic', readable])).code,
      ).toBe(0);
      const refused = await pollUntil(
        async () => {
          const r = await asAlice(['consume', readable, '-o', 'start', '-n', '1', '-g', g, '--timeout-ms', '10000']);
          return r.stderr.includes('GROUP_AUTHORIZATION_FAILED') && r;
        },
        { what: 'the topic ACL to apply', timeoutMs: 30_000 },
      );
      expectRefusal(
        refused,
        `User:alice is not allowed to READ consumer group ${g} (GROUP_AUTHORIZATION_FAILED)`,
        `ktool acls create --allow-principal User:alice --operation Read --group ${g}`,
      );
    });

    it('a transactional id alice may not use: Write on the id', async () => {
      const t = name('denied-tx-topic', topics);
      const id = uniqueName('denied-tx');
      expect((await asAdmin(['topics', 'create', t, '-p', '1'])).code).toBe(0);
      expect((await asAdmin(['acls', 'create', '--allow-principal', 'User:alice', '--producer', '--topic', t])).code).toBe(0);
      const refused = await pollUntil(
        async () => {
          const r = await asAlice(['produce', t, '--transactional-id', id], { stdin: 'x\n' });
          return r.stderr.includes('TRANSACTIONAL_ID_AUTHORIZATION_FAILED') && r;
        },
        { what: 'the producer ACL to apply', timeoutMs: 30_000 },
      );
      expect(refused.code).toBe(4);
      expect(refused.stderr).toContain(
        `error: User:alice is not allowed to WRITE transactional id ${id} ` +
          `(TRANSACTIONAL_ID_AUTHORIZATION_FAILED)\n` +
          `hint: ktool acls create --allow-principal User:alice --operation Write --transactional-id ${id}\n`,
      );
      expect(refused.stderr).not.toContain('alice-secret');
    });
  },
);
