/**
 * Where a mirror resumes: only from offsets committed for the same (source topic, target topic)
 * copy. Source: the shared single-node broker; target: the shared three-node one (two clusters,
 * no JVM start-up). Profiles with this run's unique names make the default group this file's own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';

const SRC = process.env.KTOOL_TEST_BOOTSTRAP!;
const DST = process.env.KTOOL_TEST_BOOTSTRAP_3!;
const dir = mkdtempSync(join(tmpdir(), 'ktool-mirror-resume-'));
const config = join(dir, 'config.yaml');
const from = uniqueName('src');
const to = uniqueName('dst');
const sourceTopics: string[] = [];
const targetTopics: string[] = [];
const groups: string[] = [];

const cli = (argv: string[], stdin?: string) => runCli(argv, { env: { KTOOL_CONFIG: config, KTOOL_BROKERS: undefined }, stdin });
const BASE_TIMESTAMP = Date.now() - 3_600_000;

async function produce(topic: string, n: number, prefix: string): Promise<void> {
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({ partition: i % 2, key: `${prefix}${i}`, value: `${prefix}-value-${i}`, timestamp: BASE_TIMESTAMP + i }),
  );
  const r = await cli(['produce', topic, '-b', SRC, '--input', 'json', '--keep-partitions'], lines.join('\n') + '\n');
  expect(r.code, r.stderr).toBe(0);
}

async function count(bootstrap: string, topic: string): Promise<number> {
  const r = await cli(['topics', 'describe', topic, '-b', bootstrap, '--json']);
  if (r.code !== 0) return -1;
  return (JSON.parse(r.stdout)[0] as { partitions: { messages: number }[] }).partitions.reduce((n, p) => n + p.messages, 0);
}

async function mirror(args: string[]) {
  const r = await cli(['mirror', '--from', from, '--to', to, '--until-caught-up', '--json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  const summary = JSON.parse(r.stdout);
  groups.push(summary.group);
  return { stderr: r.stderr, summary };
}

async function verify(topic: string, rename?: string): Promise<void> {
  const v = await cli([
    'mirror',
    'verify',
    '--from',
    from,
    '--to',
    to,
    '--topics',
    topic,
    ...(rename ? ['--rename', rename] : []),
    '--deep',
    '--json',
  ]);
  expect(v.code, v.stdout + v.stderr).toBe(0);
  expect(JSON.parse(v.stdout).topics[0]).toMatchObject({ match: true, missing: 0, duplicated: 0 });
}

async function newSource(prefix: string): Promise<string> {
  const topic = uniqueName(prefix);
  sourceTopics.push(topic);
  expect((await cli(['topics', 'create', topic, '-p', '2', '-b', SRC])).code).toBe(0);
  return topic;
}

beforeAll(async () => {
  expect((await cli(['profile', 'add', from, '-b', SRC])).code).toBe(0);
  expect((await cli(['profile', 'add', to, '-b', DST])).code).toBe(0);
});

afterAll(async () => {
  if (sourceTopics.length) await cli(['topics', 'delete', ...sourceTopics, '--yes', '--if-exists', '-b', SRC]);
  if (targetTopics.length) await cli(['topics', 'delete', ...targetTopics, '--yes', '--if-exists', '-b', DST]);
  const mine = [...new Set(groups)];
  if (mine.length) await cli(['groups', 'delete', ...mine, '--yes', '-b', SRC]);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('mirror resumes only the copy it committed for', () => {
  it('--rename after a run without it: the new target gets every record, not a partial copy', async () => {
    const events = await newSource('mirror-resume-events');
    targetTopics.push(events, `dr.${events}`);
    await produce(events, 40, 'a');
    const first = await mirror(['--topics', events]);
    expect(first.summary).toMatchObject({ records: 40, topics: [{ target: events, created: true, resumed: false }] });
    expect(first.stderr).toBe('');

    await produce(events, 20, 'b');
    const renamed = await mirror(['--topics', events, '--rename', 'dr.{topic}']);
    expect(renamed.summary.group).not.toBe(first.summary.group);
    expect(renamed.summary).toMatchObject({ records: 60, topics: [{ target: `dr.${events}`, created: true, resumed: false }] });
    expect(renamed.summary.topics[0].starts).toEqual([
      { partition: 0, offset: 0, from: 'earliest' },
      { partition: 1, offset: 0, from: 'earliest' },
    ]);
    expect(await count(DST, `dr.${events}`)).toBe(60);
    await verify(events, 'dr.{topic}');

    // The same renamed copy again: it resumes, and says from where.
    await produce(events, 10, 'c');
    const again = await mirror(['--topics', events, '--rename', 'dr.{topic}']);
    expect(again.stderr).toBe(`resuming ${events} -> dr.${events} from committed offsets (partition 0 at 30, partition 1 at 30)\n`);
    expect(again.summary).toMatchObject({ group: renamed.summary.group, records: 10, topics: [{ created: false, resumed: true }] });
    expect(again.summary.topics[0].starts).toEqual([
      { partition: 0, offset: 30, from: 'committed' },
      { partition: 1, offset: 30, from: 'committed' },
    ]);
    expect(await count(DST, `dr.${events}`)).toBe(70);
    await verify(events, 'dr.{topic}');
  });

  it('one --group for two copies: offsets committed for the other target are not resumed from', async () => {
    const events = await newSource('mirror-resume-group');
    const group = uniqueName('mirror-resume-group');
    targetTopics.push(events, `g.${events}`);
    await produce(events, 40, 'a');
    expect((await mirror(['--topics', events, '--group', group])).summary.records).toBe(40);
    await produce(events, 20, 'b');
    const other = await mirror(['--topics', events, '--group', group, '--rename', 'g.{topic}']);
    expect(other.stderr).toMatch(
      new RegExp(
        `warning: ${events} -> g\\.${events}: not resuming from the offsets committed in group ${group} ` +
          `\\(partition 0 at 20, partition 1 at 20\\): they belong to the copy into ${events}; starting from ` +
          `earliest \\(partition 0 at 0, partition 1 at 0\\)`,
      ),
    );
    expect(other.summary).toMatchObject({ records: 60, topics: [{ created: true, resumed: false }] });
    expect(other.summary.topics[0].starts[0]).toEqual({
      partition: 0,
      offset: 0,
      from: 'earliest',
      ignored: { offset: 20, reason: `they belong to the copy into ${events}` },
    });
    expect(await count(DST, `g.${events}`)).toBe(60);
    await verify(events, 'g.{topic}');
  });

  it('a target deleted and re-created, and offsets no mirror stamped, on a target this run creates: a full copy', async () => {
    const events = await newSource('mirror-resume-recreate');
    const group = uniqueName('mirror-resume-recreate');
    targetTopics.push(`r.${events}`);
    await produce(events, 30, 'a');
    const args = ['--topics', events, '--group', group, '--rename', 'r.{topic}'];
    expect((await mirror(args)).summary.records).toBe(30);
    expect((await cli(['topics', 'delete', `r.${events}`, '--yes', '-b', DST])).code).toBe(0);
    // Re-created empty by hand (the topic id changes): the stamp says the offsets were for the old topic.
    const created = await cli(['topics', 'create', `r.${events}`, '-p', '2', '-b', DST]);
    expect(created.code, created.stderr).toBe(0);
    const recreated = await mirror(args);
    expect(recreated.stderr).toMatch(new RegExp(`r\\.${events} was deleted and re-created since they were committed`));
    expect(recreated.summary).toMatchObject({ records: 30, topics: [{ created: false, resumed: false }] });
    expect(await count(DST, `r.${events}`)).toBe(30);

    // Offsets without the mirror's stamp (as an older ktool, or groups reset-offsets, commits them)
    // are trusted on an existing target, but not on one this run had to create.
    const reset = await cli(['groups', 'reset-offsets', '--group', group, '--topic', events, '--to-offset', '10', '--execute', '-b', SRC]);
    expect(reset.code, reset.stderr).toBe(0);
    await produce(events, 4, 'b');
    expect((await cli(['topics', 'delete', `r.${events}`, '--yes', '-b', DST])).code).toBe(0);
    const fresh = await mirror(args);
    expect(fresh.stderr).toMatch(new RegExp(`not resuming .*\\(partition 0 at 10, partition 1 at 10\\): this run created r\\.${events}`));
    expect(fresh.summary).toMatchObject({ records: 34, topics: [{ created: true, resumed: false }] });
    expect(await count(DST, `r.${events}`)).toBe(34);
    await verify(events, 'r.{topic}');
  });
});
