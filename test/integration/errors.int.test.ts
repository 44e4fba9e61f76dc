import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName, type CliRun } from '../helpers/cli.js';

/**
 * Bad input across the command families against the real broker: every failure is one `error:`
 * line naming the cause (plus a `hint:` naming the fix), with the documented exit code, and no
 * raw library or Node text. The shared single broker has no authorizer and
 * auto.create.topics.enable=true (Kafka's default).
 */
const dir = mkdtempSync(join(tmpdir(), 'ktool-errors-'));
const missing = join(dir, 'missing.txt');
const aDir = join(dir, 'a-directory');
mkdirSync(aDir);
const plain = uniqueName('errors');
const compacted = uniqueName('errors-compacted');
const nosuch = uniqueName('nosuch');
const nogroup = uniqueName('nosuch-group');

const RAW = [
  /RecordError\(/,
  /Received response with error/,
  /\[object Object\]/,
  /\n\s+at /,
  /\bENOENT\b/,
  /\bEISDIR\b/,
  /\bEACCES\b/,
  /This server does not host/,
  /undefined/,
];
const SUMMARY = /^\d+ records? sent to topic \S+, \d+ failed/;

interface Case {
  name: string;
  argv: () => string[];
  stdin?: string | Buffer;
  env?: Record<string, string | undefined>;
  code: number;
  /** stderr's first line (produce prints its summary line first, then the error). */
  first: RegExp;
  /** The error line when it is not the first. */
  error?: RegExp;
  hint?: RegExp;
}

const fileCases: Case[] = [
  {
    name: '--command-config missing',
    argv: () => ['topics', 'list', '--command-config', missing],
    code: 3,
    first: /^error: --command-config \S+missing\.txt: no such file$/,
    hint: /^hint: check the path$/,
  },
  {
    name: '--command-config relative',
    argv: () => ['topics', 'list', '--command-config', 'no/such.properties'],
    code: 3,
    first: /^error: --command-config no\/such\.properties: no such file$/,
    hint: /relative to /,
  },
  {
    name: 'produce --file missing',
    argv: () => ['produce', plain, '--file', missing],
    code: 3,
    first: /^error: --file \S+: no such file$/,
    hint: /check the path/,
  },
  {
    name: 'produce --file a directory',
    argv: () => ['produce', plain, '--file', aDir],
    code: 1,
    first: /^error: --file \S+ is a directory, not a file$/,
    hint: /name a file/,
  },
  {
    name: 'groups reset-offsets --from-file missing',
    argv: () => ['groups', 'reset-offsets', nogroup, '--from-file', missing],
    code: 3,
    first: /^error: --from-file \S+: no such file$/,
  },
  {
    name: 'delete-records --offset-json-file missing',
    argv: () => ['delete-records', '--offset-json-file', missing, '--yes'],
    code: 3,
    first: /^error: --offset-json-file \S+: no such file$/,
  },
  {
    name: 'configs alter --add-config-file a directory',
    argv: () => ['configs', 'alter', '--topic', plain, '--add-config-file', aDir],
    code: 1,
    first: /^error: --add-config-file \S+ is a directory, not a file$/,
  },
  {
    name: 'mirror --from-config missing',
    argv: () => ['mirror', '--from-config', missing, '--to-bootstrap', process.env.KTOOL_TEST_BOOTSTRAP!, '--topics', plain],
    env: { KTOOL_BROKERS: undefined },
    code: 3,
    first: /^error: --from-config \S+: no such file$/,
  },
  {
    name: 'profile add --ca missing',
    argv: () => ['profile', 'add', 'p', '-b', 'k:1', '--tls', '--ca', missing],
    env: { KTOOL_CONFIG: join(dir, 'add.yaml') },
    code: 3,
    first: /^error: --ca \S+: no such file$/,
  },
  {
    name: "a profile's CA file gone since",
    argv: () => ['topics', 'list'],
    env: { KTOOL_CONFIG: join(dir, 'gone-ca.yaml'), KTOOL_BROKERS: undefined },
    code: 3,
    first: /^error: profile gone's --ca \S+: no such file$/,
  },
];

const topicCases: Case[] = [
  {
    name: 'configs describe a missing topic',
    argv: () => ['configs', 'describe', '--topic', nosuch],
    code: 3,
    first: new RegExp(`^error: topic ${nosuch} does not exist$`),
    hint: /^hint: ktool topics list shows the topics$/,
  },
  {
    name: 'configs alter a missing topic',
    argv: () => ['configs', 'alter', '--topic', nosuch, '--add-config', 'retention.ms=1'],
    code: 3,
    first: new RegExp(`^error: topic ${nosuch} does not exist$`),
  },
  {
    name: 'configs alter: unknown config name',
    argv: () => ['configs', 'alter', '--topic', plain, '--add-config', 'nosuch.config=1'],
    code: 2,
    first: /^error: alter configs: Unknown topic config name: nosuch\.config \(INVALID_CONFIG\)$/,
    hint: /configs describe --all/,
  },
  {
    name: 'configs alter: invalid value',
    argv: () => ['configs', 'alter', '--topic', plain, '--add-config', 'retention.ms=abc'],
    code: 2,
    first: /^error: alter configs: Invalid value abc for configuration retention\.ms: Not a number of type LONG \(INVALID_CONFIG\)$/,
  },
  {
    name: 'configs alter: deleting a config the topic does not have',
    argv: () => ['configs', 'alter', '--topic', plain, '--delete-config', 'nosuch.config'],
    code: 2,
    first: new RegExp(`^error: topic ${plain} has no config nosuch\\.config$`),
    hint: /--all lists its configs/,
  },
  {
    name: 'topics create: already exists',
    argv: () => ['topics', 'create', plain],
    code: 1,
    first: new RegExp(`^error: cannot create topic ${plain}: Topic '${plain}' already exists \\(TOPIC_ALREADY_EXISTS\\)$`),
    hint: /--if-not-exists/,
  },
  {
    name: 'topics create: replication factor over the broker count',
    argv: () => ['topics', 'create', uniqueName('rf'), '-r', '5'],
    code: 2,
    first: /^error: cannot create topic \S+: .*replication factor of 5 cannot be reached.* \(INVALID_REPLICATION_FACTOR\)$/,
    hint: /number of brokers/,
  },
  {
    name: 'topics create: invalid name',
    argv: () => ['topics', 'create', 'bad name!'],
    code: 2,
    first: /^error: invalid topic name "bad name!"$/,
    hint: /a-z A-Z 0-9/,
  },
  {
    name: 'topics create: invalid config value',
    argv: () => ['topics', 'create', uniqueName('cfg'), '-c', 'retention.ms=abc'],
    code: 2,
    first: /^error: cannot create topic \S+: Invalid value abc for configuration retention\.ms.* \(INVALID_CONFIG\)$/,
  },
  {
    name: 'topics alter: fewer partitions',
    argv: () => ['topics', 'alter', plain, '--partitions', '1'],
    code: 2,
    first: new RegExp(`^error: topic ${plain} has 2 partitions; Kafka cannot reduce the partition count$`),
    hint: /create a new topic/,
  },
  {
    name: 'topics alter a missing topic',
    argv: () => ['topics', 'alter', nosuch, '--partitions', '3'],
    code: 3,
    first: new RegExp(`^error: topic ${nosuch} does not exist$`),
  },
  {
    name: 'topics describe a missing topic',
    argv: () => ['topics', 'describe', nosuch],
    code: 3,
    first: new RegExp(`^error: topic ${nosuch} does not exist$`),
    hint: /ktool topics list/,
  },
  {
    name: 'topics delete a missing topic',
    argv: () => ['topics', 'delete', nosuch, '--yes'],
    code: 3,
    first: new RegExp(`^error: topic ${nosuch} does not exist$`),
    hint: /--if-exists/,
  },
  {
    name: 'offsets of a missing topic',
    argv: () => ['offsets', nosuch],
    code: 3,
    first: new RegExp(`^error: topic ${nosuch} does not exist$`),
  },
  {
    name: 'offsets of a missing partition',
    argv: () => ['offsets', `${plain}:7`],
    code: 3,
    first: new RegExp(`^error: topic ${plain} has no partition 7 \\(it has 2\\)$`),
  },
  {
    name: 'cluster log-dirs of a missing topic',
    argv: () => ['cluster', 'log-dirs', nosuch],
    code: 3,
    first: new RegExp(`^error: topic ${nosuch} does not exist$`),
  },
  {
    name: 'configs describe a missing broker',
    argv: () => ['configs', 'describe', '--broker', '99'],
    code: 3,
    first: /^error: no broker with id 99 in the cluster$/,
    hint: /cluster info/,
  },
  {
    name: 'delete-records past the end',
    argv: () => ['delete-records', `${plain}:0`, '--before', '100', '--yes'],
    code: 2,
    first: new RegExp(`^error: offset 100 is beyond the end of ${plain}:0 \\(high watermark 0\\)$`),
  },
];

const produceConsumeCases: Case[] = [
  {
    name: 'produce to a missing topic (the broker would auto-create it; ktool does not)',
    argv: () => ['produce', nosuch],
    stdin: 'v\n',
    code: 3,
    first: new RegExp(`^error: topic ${nosuch} does not exist$`),
    hint: /^hint: create it first: ktool topics create \S+ \(produce never creates topics\)$/,
  },
  {
    name: 'produce keyless records to a compacted topic',
    argv: () => ['produce', compacted],
    stdin: 'v\n',
    code: 1,
    first: SUMMARY,
    error: new RegExp(
      `^error: produce: topic ${compacted} is compacted \\(cleanup\\.policy=compact\\) and records need a key \\(INVALID_RECORD\\)$`,
    ),
    hint: /^hint: give a key with -k KEY, or -K SEP/,
  },
  {
    name: 'produce a record over max.message.bytes',
    argv: () => ['produce', plain, '--input', 'whole', '-k', 'k'],
    stdin: Buffer.alloc(1_200_000, 'a'),
    code: 1,
    first: SUMMARY,
    // The record alone (a batch split until it was): its size and the topic's limit.
    error: new RegExp(
      String.raw`^error: a record too large for topic errors-.* \(partition 0\): 1200\d{3} bytes as a batch of its own, ` +
        String.raw`more than max\.message\.bytes=\d+ \(MESSAGE_TOO_LARGE\)$`,
    ),
    hint: /max\.message\.bytes/,
  },
  {
    name: 'produce to a missing partition',
    argv: () => ['produce', plain, '-p', '5'],
    stdin: 'v\n',
    code: 2,
    first: new RegExp(`^error: --partition 5 is out of range: topic ${plain} has 2 partitions`),
  },
  {
    name: 'consume a missing topic',
    argv: () => ['consume', nosuch, '-e'],
    code: 3,
    first: new RegExp(`^error: topic ${nosuch} does not exist$`),
  },
  {
    name: 'consume a missing topic with a group',
    argv: () => ['consume', nosuch, '-g', nogroup, '-e'],
    code: 3,
    first: new RegExp(`^error: topic ${nosuch} does not exist$`),
  },
];

// The test broker may hold no group at all at that moment: then the hint says none is visible.
const groupAclUserCases: Case[] = [
  {
    name: 'groups describe a missing group',
    argv: () => ['groups', 'describe', nogroup],
    code: 3,
    first: new RegExp(`^error: consumer group ${nogroup} does not exist$`),
    hint: /ktool groups list|^hint: no consumer groups visible to User:ANONYMOUS/,
  },
  {
    name: 'groups delete a missing group',
    argv: () => ['groups', 'delete', nogroup, '--yes'],
    code: 3,
    first: new RegExp(`^error: cannot delete group ${nogroup}: The group id does not exist \\(GROUP_ID_NOT_FOUND\\)$`),
    hint: /ktool groups list/,
  },
  {
    name: 'lag of a missing group',
    argv: () => ['lag', nogroup],
    code: 3,
    first: new RegExp(`^error: consumer group ${nogroup} does not exist$`),
  },
  {
    name: 'groups delete-offsets of a missing topic',
    argv: () => ['groups', 'delete-offsets', nogroup, '--topic', nosuch, '--yes'],
    code: 3,
    first: new RegExp(`^error: topic ${nosuch} does not exist$`),
  },
  {
    name: 'acls list without an authorizer',
    argv: () => ['acls', 'list'],
    code: 1,
    first: /^error: the cluster has no authorizer configured \(SECURITY_DISABLED\), so it keeps no ACLs$/,
    hint: /authorizer\.class\.name=/,
  },
  {
    name: 'acls create without an authorizer',
    argv: () => ['acls', 'create', '--allow-principal', 'User:alice', '--operation', 'Read', '--topic', plain],
    code: 1,
    first: /^error: the cluster has no authorizer configured \(SECURITY_DISABLED\), so it keeps no ACLs$/,
    hint: /authorizer\.class\.name=/,
  },
  {
    name: 'acls create: a principal without a type',
    argv: () => ['acls', 'create', '--allow-principal', 'alice', '--operation', 'Read', '--topic', plain],
    code: 2,
    first: /^error: a principal is TYPE:NAME, e\.g\. User:alice, got "alice"$/,
  },
  {
    name: 'acls create: an unknown operation',
    argv: () => ['acls', 'create', '--allow-principal', 'User:alice', '--operation', 'Fly', '--topic', plain],
    code: 2,
    first: /^error: unknown ACL operation "Fly"$/,
  },
  {
    name: 'users delete an unknown user',
    argv: () => ['users', 'delete', uniqueName('nobody'), '--yes'],
    code: 3,
    first: /^error: user \S+ has no SCRAM credentials$/,
    hint: /users list/,
  },
  {
    name: 'a broker that is not there',
    argv: () => ['topics', 'list', '-b', '127.0.0.1:1', '--timeout', '3s'],
    code: 4,
    first: /^error: cannot connect to 127\.0\.0\.1:1: connection refused$/,
  },
];

function check(c: Case, r: CliRun) {
  const lines = r.stderr.split('\n').filter(Boolean);
  expect({ code: r.code, first: lines[0] }).toMatchObject({ code: c.code, first: expect.stringMatching(c.first) });
  const errors = lines.filter((l) => l.startsWith('error: '));
  expect(errors).toHaveLength(1);
  if (c.error) expect(errors[0]).toMatch(c.error);
  const at = lines.indexOf(errors[0]);
  if (c.hint) expect(lines[at + 1]).toMatch(c.hint);
  for (const line of lines) expect(line).toMatch(/^(error|hint|warning): |^\d+ records? sent to topic /);
  for (const raw of RAW) expect(r.stderr).not.toMatch(raw);
  expect(r.stdout).toBe('');
}

beforeAll(async () => {
  for (const argv of [
    ['topics', 'create', plain, '-p', '2'],
    ['topics', 'create', compacted, '-c', 'cleanup.policy=compact'],
  ]) {
    const r = await runCli(argv);
    expect(r.stderr).toBe('');
  }
  writeFileSync(
    join(dir, 'gone-ca.yaml'),
    `current-profile: gone\nprofiles:\n  gone:\n    bootstrap: ${process.env.KTOOL_TEST_BOOTSTRAP}\n` +
      `    tls:\n      enabled: true\n      ca: ${join(dir, 'deleted-ca.pem')}\n`,
  );
});

afterAll(async () => {
  await runCli(['topics', 'delete', plain, compacted, '--yes', '--if-exists']);
});

describe('errors: one line naming the cause and the fix, with the documented exit code', () => {
  describe('files named by flags', () => {
    it.each(fileCases)('$name', async (c) => check(c, await runCli(c.argv(), { env: c.env, stdin: c.stdin })));
  });
  describe('topics, configs, offsets, records', () => {
    it.each(topicCases)('$name', async (c) => check(c, await runCli(c.argv(), { env: c.env, stdin: c.stdin })));
  });
  describe('produce and consume', () => {
    it.each(produceConsumeCases)('$name', async (c) => check(c, await runCli(c.argv(), { env: c.env, stdin: c.stdin })));

    it('a failed produce to a missing topic does not create it', async () => {
      expect((await runCli(['topics', 'describe', nosuch])).code).toBe(3);
    });
  });
  describe('groups, ACLs, users, connections', () => {
    it.each(groupAclUserCases)('$name', async (c) => check(c, await runCli(c.argv(), { env: c.env, stdin: c.stdin })));
  });
});
