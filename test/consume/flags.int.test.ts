import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';

/** Issue 10: consume's flags mean what they mean elsewhere (kcat's defaults, -p, TOPIC:P, --format). */
const created: string[] = [];
const groups: string[] = [];
const ktool = (...argv: string[]) => runCli(argv);
const lines = (s: string) => s.split('\n').filter(Boolean);

/** A topic with `partitions` partitions and records `p<partition>-<i>` in each. */
async function topicWith(partitions: number, perPartition: number): Promise<string> {
  const t = uniqueName('flags');
  expect((await ktool('topics', 'create', t, '-p', String(partitions))).code).toBe(0);
  created.push(t);
  for (let p = 0; p < partitions; p++) {
    const r = await runCli(['produce', t, '-p', String(p)], {
      stdin: Array.from({ length: perPartition }, (_, i) => `p${p}-${i}\n`).join(''),
    });
    expect(r.code, r.stderr).toBe(0);
  }
  return t;
}

afterAll(async () => {
  // kafka-consumer-groups.sh's spelling never asks, with or without a confirmation step.
  for (const g of groups) await ktool('groups', '--delete', '--group', g);
  if (created.length) await ktool('topics', 'delete', ...created, '--yes', '--if-exists');
});

describe('consume without -o: -e and -n read from the start, as kcat -C', () => {
  it('-e alone prints every record and exits 0', async () => {
    const t = await topicWith(2, 3);
    const r = await ktool('consume', t, '-e');
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout).sort()).toEqual(['p0-0', 'p0-1', 'p0-2', 'p1-0', 'p1-1', 'p1-2']);
    // An explicit -o end still means the end: nothing new, nothing printed.
    expect(await ktool('consume', t, '-o', 'end', '-e')).toMatchObject({ code: 0, stdout: '' });
  });

  it('-n N alone prints the first N records', async () => {
    const t = await topicWith(1, 5);
    const r = await ktool('consume', t, '-n', '2');
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual(['p0-0', 'p0-1']);
  });

  it('with -g a group without a commit starts at the start, and its commit wins next time', async () => {
    const t = await topicWith(1, 3);
    const g = uniqueName('flags-g');
    groups.push(g);
    expect(lines((await ktool('consume', t, '-g', g, '-e')).stdout)).toEqual(['p0-0', 'p0-1', 'p0-2']);
    expect((await runCli(['produce', t], { stdin: 'later\n' })).code).toBe(0);
    expect(lines((await ktool('consume', t, '-g', g, '-e')).stdout)).toEqual(['later']);
  });
});

describe('consume partitions: TOPIC:P, -p and its aliases', () => {
  it('consume events:1 reads partition 1 only (it was INVALID_TOPIC_EXCEPTION)', async () => {
    const t = await topicWith(3, 2);
    const r = await ktool('consume', `${t}:1`, '-e');
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toEqual(['p1-0', 'p1-1']);
    expect(lines((await ktool('consume', `${t}:0,2`, '-e')).stdout).sort()).toEqual(['p0-0', 'p0-1', 'p2-0', 'p2-1']);
    expect(lines((await ktool('consume', `${t}:1-`, '-e')).stdout).sort()).toEqual(['p1-0', 'p1-1', 'p2-0', 'p2-1']);
    expect(lines((await ktool('consume', '--topic', `${t}:2`, '-e')).stdout)).toEqual(['p2-0', 'p2-1']);
  });

  it('-p LIST, -P LIST, --partitions and --partition N read the same partitions', async () => {
    const t = await topicWith(3, 1);
    for (const flags of [
      ['-p', '0,2'],
      ['-P', '0,2'],
      ['--partitions', '0,2'],
      ['-p', '0', '-p', '2'],
      ['-p', '0', '--partition', '2'],
      ['-P', '0', '-p', '2'],
    ]) {
      const r = await ktool('consume', t, ...flags, '-e');
      expect(r.code, `${flags.join(' ')}: ${r.stderr}`).toBe(0);
      expect(lines(r.stdout).sort(), flags.join(' ')).toEqual(['p0-0', 'p2-0']);
    }
    // kafka-console-consumer's spelling with an offset.
    expect(lines((await ktool('consume', '--topic', t, '--partition', '1', '--offset', '0', '-e')).stdout)).toEqual(['p1-0']);
  });

  it('clear errors: a missing partition (exit 3), a pattern as TOPIC, partitions twice', async () => {
    const t = await topicWith(2, 1);
    const missing = await ktool('consume', `${t}:5`, '-e');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/has no partition 5 \(it has 2\)/);
    const pattern = await ktool('consume', 'flags.*', '-e');
    expect(pattern.code).toBe(2);
    expect(pattern.stderr).toMatch(/"flags\.\*" is a pattern[\s\S]*--include 'flags\.\*'/);
    const twice = await ktool('consume', `${t}:1`, '-p', '0', '-e');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/once: as TOPIC:PARTITIONS or with -p/);
    expect((await ktool('consume', `${t}:1`, '-g', 'x')).stderr).toMatch(/cannot be combined with --group/);
  });
});

describe('consume --format is the output format of every command; the template is -f/--template', () => {
  it('--format json = --json; --format yaml: one YAML document per record; table is a usage error', async () => {
    const t = uniqueName('flags');
    expect((await ktool('topics', 'create', t, '-p', '1')).code).toBe(0);
    created.push(t);
    // An hour ago: a set time, yet inside the brokers' retention.
    const ts = Date.now() - 3_600_000;
    const input = [
      { key: 'k1', value: 'v1', headers: { h: 'x' }, timestamp: ts },
      { key: null, value: 'line\nbreak', timestamp: ts + 1 },
    ];
    expect((await runCli(['produce', t, '--input', 'json'], { stdin: input.map((r) => JSON.stringify(r)).join('\n') })).code).toBe(0);

    const json = await ktool('consume', t, '-e', '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toBe((await ktool('consume', t, '-e', '--json')).stdout);
    expect(lines(json.stdout).map((l) => JSON.parse(l).value)).toEqual(['v1', 'line\nbreak']);

    const yaml = await ktool('consume', t, '-e', '--format', 'yaml');
    expect(yaml.code, yaml.stderr).toBe(0);
    expect(yaml.stdout).toBe(
      [
        '---',
        `topic: ${t}`,
        'partition: 0',
        'offset: 0',
        `timestamp: ${ts}`,
        'timestampType: CreateTime',
        'key: k1',
        'value: v1',
        'headers:',
        '  h: x',
        '---',
        `topic: ${t}`,
        'partition: 0',
        'offset: 1',
        `timestamp: ${ts + 1}`,
        'timestampType: CreateTime',
        'key: null',
        'value: "line\\nbreak"',
        'headers: {}',
        '',
      ].join('\n'),
    );
    // The same with the options before the command, and with --output.
    expect((await ktool('--format', 'yaml', 'consume', t, '-e')).stdout).toBe(yaml.stdout);
    expect((await ktool('consume', t, '-e', '--output', 'yaml')).stdout).toBe(yaml.stdout);

    for (const format of ['table', 'wide']) {
      const r = await ktool('consume', t, '-e', '--format', format);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`consume --format ${format}: records are not printed as a table[\\s\\S]*hint: .*-f`));
    }
    // The kcat template is -f / --template; --format with a template is an unknown format, not the literal text.
    expect((await ktool('consume', t, '-e', '-f', '%o:%k\\n')).stdout).toBe('0:k1\n1:\n');
    expect((await ktool('consume', t, '-e', '--template', '%o\\n')).stdout).toBe('0\n1\n');
    const misuse = await ktool('consume', t, '-e', '--format', '%o\\n');
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toMatch(/unknown output format[\s\S]*-f\/--template/);
  });
});
