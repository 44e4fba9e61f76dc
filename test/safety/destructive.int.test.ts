import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';

/**
 * Against the shared broker: internal topics are refused by every destructive verb, a pattern
 * never selects them, and the deleting verbs ask. __consumer_offsets is never really deleted:
 * the flag's path is tested on a Streams-style changelog topic this file creates.
 */
const ktool = (...argv: string[]) => runCli(argv);
const created: string[] = [];
const groups: string[] = [];

afterAll(async () => {
  if (groups.length) await ktool('groups', 'delete', ...groups, '--yes');
  // Exact names: the changelog-style ones need the flag.
  if (created.length) await ktool('topics', 'delete', ...created, '--if-exists', '--yes', '--allow-internal-topics');
});

async function createTopic(name: string, partitions = 1): Promise<string> {
  const r = await ktool('topics', 'create', name, '-p', String(partitions));
  expect(r.code, r.stderr).toBe(0);
  created.push(name);
  return name;
}

async function topicNames(): Promise<string[]> {
  return (JSON.parse((await ktool('topics', 'list', '--json')).stdout) as { name: string }[]).map((t) => t.name);
}

describe('internal topics against a real broker', () => {
  it('topics delete __consumer_offsets --yes is refused (exit 2) and the topic is still there', async () => {
    // A group request makes sure __consumer_offsets exists on a fresh cluster.
    await ktool('groups', 'describe', uniqueName('warm-up'));
    for (const argv of [
      ['topics', 'delete', '__consumer_offsets', '--yes'],
      ['topics', '--delete', '--topic', '__consumer_offsets'],
      ['topics', 'delete', '__consumer_offsets', '__transaction_state', '--yes', '--if-exists'],
    ]) {
      const r = await ktool(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(
        /^error: refusing to delete internal topics? __consumer_offsets \(Kafka's committed offsets of every consumer group\)/,
      );
      expect(r.stderr).toMatch(/\nhint: .*--allow-internal-topics\n$/);
    }
    expect(await topicNames()).toContain('__consumer_offsets');
  });

  it('a pattern deletes the ordinary topics it matches, never an internal one, even with the flag', async () => {
    const prefix = uniqueName('safety-pat');
    const [a, b, changelog] = [`${prefix}-a`, `${prefix}-b`, `${prefix}-store-changelog`];
    for (const t of [a, b, changelog]) await createTopic(t);

    const r = await ktool('topics', 'delete', `${prefix}-.*`, '--yes', '--allow-internal-topics', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { name: a, status: 'deleted' },
      { name: b, status: 'deleted' },
    ]);
    expect(r.stderr).toBe(
      `warning: "${prefix}-.*" also matches internal topic ${changelog}: left out (a pattern never selects internal topics)\n`,
    );
    const left = await topicNames();
    expect(left).toContain(changelog);
    expect(left).not.toContain(a);

    // Now only the changelog matches: refused, nothing deleted. The kafka-topics.sh spelling too.
    const only = await ktool('topics', 'delete', `${prefix}-.*`, '--yes', '--allow-internal-topics');
    expect(only.code).toBe(2);
    expect(only.stderr).toMatch(/a pattern never selects internal topics: nothing to delete/);
    expect((await ktool('topics', '--delete', '--topic', `${prefix}.*`)).code).toBe(2);
    const internal = await ktool('topics', 'delete', '__.*', '--yes', '--allow-internal-topics');
    expect(internal.code).toBe(2);
    expect(internal.stderr).toMatch(/^error: "__\.\*" also matches internal topics? .*__consumer_offsets/);
    expect(await topicNames()).toEqual(expect.arrayContaining([changelog, '__consumer_offsets']));
  });

  it(
    'an exact internal name needs --allow-internal-topics: refused without, deleted with (a ' + 'Streams-style changelog of ours)',
    async () => {
      const changelog = await createTopic(`${uniqueName('safety-app')}-counts-changelog`);
      const refused = await ktool('topics', 'delete', changelog, '--yes');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/refusing to delete internal topic .*-counts-changelog \(a Kafka Streams state store's changelog\)/);
      expect(await topicNames()).toContain(changelog);

      // The other verbs that change a topic: the same guard, before anything is sent.
      const alter = await ktool('topics', 'alter', changelog, '--partitions', '2');
      expect(alter.code).toBe(2);
      expect(alter.stderr).toMatch(/refusing to change the partition count of internal topic/);
      const configs = await ktool('configs', 'alter', '--topic', changelog, '--add-config', 'retention.ms=1000');
      expect(configs.code).toBe(2);
      expect(configs.stderr).toMatch(/refusing to change the configs of internal topic/);
      const records = await ktool('delete-records', changelog, '--before', 'end', '--yes');
      expect(records.code).toBe(2);
      expect(records.stderr).toMatch(/refusing to delete records of internal topic/);
      const onOffsets = await ktool(
        'configs',
        'alter',
        '--topic',
        '__consumer_offsets',
        '--add-config',
        'cleanup.policy=delete',
        '--dry-run',
      );
      expect(onOffsets.code).toBe(2);

      expect((await ktool('topics', 'alter', changelog, '--partitions', '2', '--allow-internal-topics')).code).toBe(0);
      expect(
        (await ktool('configs', 'alter', '--topic', changelog, '--add-config', 'retention.ms=86400000', '--allow-internal-topics')).code,
      ).toBe(0);
      const deleted = await ktool('topics', 'delete', changelog, '--allow-internal-topics', '--yes', '--json');
      expect(deleted.code, deleted.stderr).toBe(0);
      expect(JSON.parse(deleted.stdout)).toEqual([{ name: changelog, status: 'deleted' }]);
    },
  );
});

describe('groups delete asks', () => {
  async function groupWithOffsets(prefix = 'safety-g'): Promise<{ group: string; topic: string }> {
    const topic = await createTopic(uniqueName('safety-groups'));
    const group = uniqueName(prefix);
    groups.push(group);
    const r = await ktool('groups', 'reset-offsets', group, '--topic', topic, '--to-latest', '--execute');
    expect(r.code, r.stderr).toBe(0);
    return { group, topic };
  }

  async function groupExists(group: string): Promise<boolean> {
    return (JSON.parse((await ktool('groups', 'list', '--json')).stdout) as { group: string }[]).some((g) => g.group === group);
  }

  it('--all-groups off a terminal without --yes is refused (exit 2) and deletes nothing; on a terminal "n" aborts (exit 1)', async () => {
    // A name that sorts first: the prompt lists the first 20 groups by name, and the suite's broker holds more.
    const { group } = await groupWithOffsets('0-safety-g');
    const off = await ktool('groups', 'delete', '--all-groups');
    expect(off.code).toBe(2);
    expect(off.stderr).toMatch(
      new RegExp(
        String.raw`^error: delete every consumer group \(\d+\) and their committed offsets: needs confirmation and ` +
          String.raw`standard input is not a terminal\nhint: pass --yes to go ahead without asking\n$`,
      ),
    );
    const no = await runCli(['groups', 'delete', '--all-groups'], { tty: true, stdin: 'n\n' });
    expect(no.code).toBe(1);
    expect(no.stderr).toContain(`  ${group}\n`);
    expect(no.stderr).toMatch(
      /Delete every consumer group \(\d+\) and their committed offsets\? \[y\/N\] error: aborted: nothing deleted\n$/,
    );
    expect(await groupExists(group)).toBe(true);
  });

  it('groups delete g: refused off a terminal, works with --yes; the kafka-consumer-groups.sh spelling never asked', async () => {
    const { group, topic } = await groupWithOffsets();
    expect((await ktool('groups', 'delete', group)).code).toBe(2);
    const offsets = await ktool('groups', 'delete-offsets', group, '--topic', topic);
    expect(offsets.code).toBe(2);
    expect(offsets.stderr).toMatch(/^error: delete the committed offsets of group \S+ on 1 partition: needs confirmation/);
    expect(await groupExists(group)).toBe(true);

    const del = await ktool('groups', 'delete', group, '--yes');
    expect(del.code, del.stderr).toBe(0);
    expect(del.stdout).toBe(`deleted group ${group}\n`);
    expect(await groupExists(group)).toBe(false);

    const { group: other } = await groupWithOffsets();
    const legacy = await ktool('groups', '--delete', '--group', other);
    expect(legacy.code, legacy.stderr).toBe(0);
    expect(await groupExists(other)).toBe(false);
  });
});
