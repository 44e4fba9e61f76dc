import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { rewriteLegacy } from '../../src/cli/legacy.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';
import { parseArgs } from '../helpers/parse-args.js';

const env = { KTOOL_BROKERS: 'fake:9092' };

/** A fake cluster that records what it was asked to delete. */
function cluster() {
  const deleted: string[][] = [];
  const topics = [topic('orders', 1), topic('payments', 1), topic('__consumer_offsets', 50, [1], true), topic('app-store-changelog', 1)];
  const deps = {
    kafkaFactory: fakeKafka(topics, { deleteTopics: async (names) => (deleted.push(names), names.map((name) => ({ name, ok: true }))) }),
  };
  return { deps, deleted };
}

describe('the one confirmation of destructive verbs', () => {
  it('off a terminal without --yes: usage error 2, one wording, nothing deleted', async () => {
    const { deps, deleted } = cluster();
    const r = await runCli(['topics', 'delete', 'orders'], { deps, env });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: delete 1 topic and all their data: needs confirmation and standard input is not a terminal\n' +
        'hint: pass --yes to go ahead without asking\n',
    });
    expect(deleted).toEqual([]);
  });

  it('on a terminal: lists what goes and asks; y deletes', async () => {
    const { deps, deleted } = cluster();
    const r = await runCli(['topics', 'delete', 'orders', 'payments', '--json'], { deps, env, tty: true, stdin: 'y\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('  orders\n  payments\nDelete 2 topics and all their data? [y/N] ');
    expect(deleted).toEqual([['orders', 'payments']]);
  });

  it.each([
    ['n', 'n\n'],
    ['an empty line', '\n'],
    ['anything but y/yes', 'sure\n'],
    ['EOF (Ctrl-D)', ''],
  ])('on a terminal, %s is "aborted: nothing deleted", exit 1 (not 130)', async (_what, stdin) => {
    const { deps, deleted } = cluster();
    const r = await runCli(['topics', 'delete', 'orders'], { deps, env, tty: true, stdin });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ {2}orders\nDelete 1 topic and all their data\? \[y\/N\] \n?error: aborted: nothing deleted\n$/);
    expect(deleted).toEqual([]);
  });

  it('YES and y count as yes', async () => {
    for (const answer of ['YES\n', ' y \n']) {
      const { deps, deleted } = cluster();
      expect((await runCli(['topics', 'delete', 'orders'], { deps, env, tty: true, stdin: answer })).code).toBe(0);
      expect(deleted).toEqual([['orders']]);
    }
  });

  it('Ctrl-C at the prompt ends it at once with 130', async () => {
    const { deps, deleted } = cluster();
    const controller = new AbortController();
    const stdin = new PassThrough(); // a terminal nobody types on: never a line, never EOF
    const started = Date.now();
    setTimeout(() => controller.abort('SIGINT'), 200);
    const r = await runCli(['topics', 'delete', 'orders'], { deps, env, tty: true, stdin, signal: controller.signal });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/\[y\/N\] \nerror: interrupted\n$/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(deleted).toEqual([]);
  });

  it('--yes and -y skip the question, off a terminal too', async () => {
    for (const yes of ['--yes', '-y']) {
      const { deps, deleted } = cluster();
      const r = await runCli(['topics', 'delete', 'orders', yes], { deps, env });
      expect(r.code).toBe(0);
      expect(deleted).toEqual([['orders']]);
    }
  });

  it('profile delete asks the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ktool-confirm-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, 'profiles:\n  old:\n    bootstrap-servers: h:1\n', { mode: 0o600 });
    const off = await runCli(['profile', 'delete', 'old'], { env: { KTOOL_CONFIG: config } });
    expect(off).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `error: delete profile old from ${config}: needs confirmation and standard input is not a terminal\n` +
        `hint: pass --yes to go ahead without asking\n`,
    });
    const no = await runCli(['profile', 'delete', 'old'], { env: { KTOOL_CONFIG: config }, tty: true, stdin: 'n\n' });
    expect(no.code).toBe(1);
    expect(no.stderr).toBe(`Delete profile old from ${config}? [y/N] error: aborted: nothing deleted\n`);
    expect(readFileSync(config, 'utf8')).toContain('old:');
    const yes = await runCli(['profile', 'delete', 'old', '--yes'], { env: { KTOOL_CONFIG: config } });
    expect(yes.code).toBe(0);
    expect(readFileSync(config, 'utf8')).not.toContain('old:');
  });
});

describe('topics delete: internal topics', () => {
  it('an exact internal name is refused (exit 2) before anything is sent', async () => {
    const { deps, deleted } = cluster();
    const r = await runCli(['topics', 'delete', '__consumer_offsets', '--yes'], { deps, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: refusing to delete internal topic __consumer_offsets (Kafka's committed offsets of every " +
        'consumer group)\nhint: this can break Kafka or the applications that own it; if you really mean it, ' +
        'name it exactly and add --allow-internal-topics\n',
    );
    expect(deleted).toEqual([]);
  });

  it('an exact internal name with --allow-internal-topics goes, and the prompt says it is internal', async () => {
    const { deps, deleted } = cluster();
    const r = await runCli(['topics', 'delete', 'app-store-changelog', '--allow-internal-topics'], { deps, env, tty: true, stdin: 'y\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("  app-store-changelog (internal: a Kafka Streams state store's changelog)\n");
    expect(deleted).toEqual([['app-store-changelog']]);
  });

  it('a pattern never selects an internal topic, even with the flag; they are named on stderr', async () => {
    const { deps, deleted } = cluster();
    const r = await runCli(['topics', 'delete', '.*', '--yes', '--allow-internal-topics', '--json'], { deps, env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { name: 'orders', status: 'deleted' },
      { name: 'payments', status: 'deleted' },
    ]);
    expect(r.stderr).toBe(
      'warning: ".*" also matches internal topics __consumer_offsets, app-store-changelog: left out (a ' +
        'pattern never selects internal topics)\n',
    );
    expect(deleted).toEqual([['orders', 'payments']]);
  });

  it('a pattern that matches only internal topics is refused (exit 2)', async () => {
    const { deps, deleted } = cluster();
    const r = await runCli(['topics', 'delete', '__.*', '--yes', '--allow-internal-topics'], { deps, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        String.raw`^error: "__\.\*" also matches internal topic __consumer_offsets, and a pattern never selects ` +
          String.raw`internal topics: nothing to delete\nhint: .*name it exactly and add --allow-internal-topics\n$`,
      ),
    );
    expect(deleted).toEqual([]);
  });

  it('a pattern matching nothing is not found (3) unless --if-exists', async () => {
    const { deps } = cluster();
    expect(await runCli(['topics', 'delete', 'nope.*', '--yes'], { deps, env })).toEqual({
      code: 3,
      stdout: '',
      stderr:
        'error: no topic matches "nope.*"\n' +
        'hint: a regex must match whole names (orders-.* rather than orders-); pass --if-exists to ignore ' +
        'it\n',
    });
    expect((await runCli(['topics', 'delete', 'nope.*', '--yes', '--if-exists'], { deps, env })).code).toBe(0);
  });
});

describe('every verb that changes a topic refuses internal ones without the flag (exit 2, nothing sent)', () => {
  it.each([
    [['topics', 'delete', '__transaction_state', '--yes'], /refusing to delete internal topic __transaction_state/],
    [['topics', '--delete', '--topic', '__consumer_offsets'], /refusing to delete internal topic __consumer_offsets/],
    [
      ['topics', 'alter', '__consumer_offsets', '--partitions', '100'],
      /refusing to change the partition count of internal topic __consumer_offsets/,
    ],
    [
      ['topics', '--alter', '--topic', 'app-x-repartition', '--partitions', '4'],
      /refusing to change the partition count of internal topic app-x-repartition/,
    ],
    [
      ['configs', 'alter', '--topic', '__consumer_offsets', '--add-config', 'cleanup.policy=delete'],
      /refusing to change the configs of internal topic __consumer_offsets/,
    ],
    [
      ['configs', 'alter', '--topic', '__transaction_state', '--delete-config', 'retention.ms', '--dry-run'],
      /refusing to change the configs of internal topic __transaction_state/,
    ],
    [
      ['configs', '--alter', '--entity-type', 'topics', '--entity-name', 'connect-offsets', '--add-config', 'retention.ms=1'],
      /refusing to change the configs of internal topic connect-offsets \(Kafka Connect/,
    ],
    [
      ['delete-records', '__consumer_offsets:0', '--before', '1', '--yes'],
      /refusing to delete records of internal topic __consumer_offsets/,
    ],
    [['delete-records', '_schemas', '--before', 'end', '--yes'], /refusing to delete records of internal topic _schemas/],
  ])('%j', async (argv, message) => {
    const r = await parseArgs(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/hint: .*--allow-internal-topics/);
  });

  it('the flag lets an exact name through', async () => {
    expect((await parseArgs(['topics', 'alter', 'app-x-repartition', '--partitions', '4', '--allow-internal-topics'])).code).toBe(0);
    expect(
      (
        await parseArgs([
          'configs',
          'alter',
          '--topic',
          '__consumer_offsets',
          '--add-config',
          'min.insync.replicas=1',
          '--allow-internal-topics',
        ])
      ).code,
    ).toBe(0);
    expect((await parseArgs(['delete-records', 'app-store-changelog:0', '--before', '1', '--allow-internal-topics'])).code).toBe(0);
  });
});

describe('kafka-*.sh spellings keep their own prompting', () => {
  it('kafka-topics.sh --delete and kafka-consumer-groups.sh --delete/--delete-offsets never asked: they imply --yes', () => {
    expect(rewriteLegacy(['topics', '--delete', '--topic', 'orders'])).toEqual(['topics', 'delete', 'orders', '--yes']);
    expect(rewriteLegacy(['groups', '--delete', '--group', 'g'])).toEqual(['groups', 'delete', '--group', 'g', '--yes']);
    expect(rewriteLegacy(['groups', '--delete', '--all-groups'])).toEqual(['groups', 'delete', '--all-groups', '--yes']);
    expect(rewriteLegacy(['groups', '--delete-offsets', '--group', 'g', '--topic', 't'])).toEqual([
      'groups',
      'delete-offsets',
      '--group',
      'g',
      '--topic',
      't',
      '--yes',
    ]);
  });

  it('kafka-acls.sh --remove asks, as kafka-acls.sh does, unless --force', () => {
    expect(rewriteLegacy(['acls', '--remove', '--topic', 't'])).toEqual(['acls', 'delete', '--topic', 't']);
  });

  it('the kafka-topics.sh spelling deletes off a terminal without --yes', async () => {
    const { deps, deleted } = cluster();
    expect((await runCli(['topics', '--delete', '--topic', 'orders'], { deps, env })).code).toBe(0);
    expect(deleted).toEqual([['orders']]);
  });
});

describe('every destructive verb takes --yes', () => {
  it.each([
    [['groups', 'delete', 'g', '--yes'], { groups: ['g'], all: false, yes: true }],
    [['groups', 'delete', '--all-groups', '-y'], { groups: [], all: true, yes: true }],
    [['groups', 'delete-offsets', 'g', '--topic', 't', '--yes'], { group: 'g', topics: [{ topic: 't' }], yes: true }],
    [['mirror', 'delete', '--connect-url', 'http://c:8083', '--yes'], { connectUrl: 'http://c:8083', name: undefined, yes: true }],
    [['profile', 'delete', 'old', '--yes'], { name: 'old', yes: true }],
    [['users', 'delete', 'alice', '--yes'], { users: ['alice'], mechanisms: [], yes: true }],
  ])('%j', async (argv, options) => {
    const r = await parseArgs(argv);
    expect(r.stderr).toBe('');
    expect(r.options).toMatchObject(options);
  });
});
