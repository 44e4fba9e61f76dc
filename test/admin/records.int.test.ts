import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { pollUntil } from '../helpers/poll.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];
const ktool = (...argv: string[]) => runCli(argv);

async function createTopic(partitions: number) {
  const name = uniqueName('records');
  const r = await ktool('topics', 'create', name, '-p', String(partitions));
  expect(r.stderr).toBe('');
  created.push(name);
  return name;
}

/** Writes `count` records to one partition with kcat. */
function produce(topic: string, partition: number, count: number) {
  const lines = Array.from({ length: count }, (_, i) => `v${i}`).join('\n') + '\n';
  execFileSync('kcat', ['-P', '-b', bootstrap(), '-t', topic, '-p', String(partition)], { input: lines });
}

async function waitForEnd(topic: string, expected: string) {
  await pollUntil(async () => (await ktool('offsets', topic)).stdout === expected, { what: `end offsets ${expected}` });
}

const getOffsetShell = async (...args: string[]) => {
  const r = await runKafkaTool('org.apache.kafka.tools.GetOffsetShell', ['--bootstrap-server', bootstrap(), ...args]);
  expect(r.code).toBe(0);
  return r.stdout;
};

afterAll(async () => {
  if (created.length) await ktool('topics', 'delete', ...created, '--if-exists', '--yes');
});

describe('offsets against a real broker', () => {
  it('agrees with GetOffsetShell for latest, earliest, max-timestamp and a time', async () => {
    const t = await createTopic(3);
    produce(t, 0, 5);
    produce(t, 1, 2);
    await waitForEnd(t, `${t}:0:5\n${t}:1:2\n${t}:2:0\n`);
    await new Promise((r) => setTimeout(r, 20));
    const middle = Date.now();
    await new Promise((r) => setTimeout(r, 20));
    produce(t, 0, 3);
    await waitForEnd(t, `${t}:0:8\n${t}:1:2\n${t}:2:0\n`);

    for (const time of ['-1', '-2', '-3', String(middle), 'latest', 'earliest', 'max-timestamp']) {
      const tool = await getOffsetShell('--topic', t, '--time', time);
      const ours = await ktool('offsets', t, '--time', time);
      expect(ours.stderr).toBe('');
      expect(ours.stdout, `--time ${time}`).toBe(tool);
    }
    // The time query finds the first record of the second batch.
    expect((await ktool('offsets', `${t}:0`, '--time', new Date(middle).toISOString())).stdout).toBe(`${t}:0:5\n`);

    // Partition selections, as --topic-partitions / --partitions.
    // Positional N-M includes M; --topic-partitions keeps GetOffsetShell's exclusive upper bound.
    expect((await ktool('offsets', `${t}:1-2`)).stdout).toBe(await getOffsetShell('--topic-partitions', `${t}:1-3`));
    expect((await ktool('offsets', '--topic-partitions', `${t}:1-3`)).stdout).toBe(await getOffsetShell('--topic-partitions', `${t}:1-3`));
    expect((await ktool('offsets', '--topic-partitions', `${t}:0-2`)).stdout).toBe(await getOffsetShell('--topic-partitions', `${t}:0-2`));
    expect((await ktool('offsets', '--topic', t, '--partitions', '0,2', '--time', '-1')).stdout).toBe(
      await getOffsetShell('--topic', t, '--partitions', '0,2', '--time', '-1'),
    );

    const json = JSON.parse((await ktool('offsets', t, '--json')).stdout);
    expect(json).toEqual([
      { topic: t, partition: 0, offset: 8, timestamp: -1 },
      { topic: t, partition: 1, offset: 2, timestamp: -1 },
      { topic: t, partition: 2, offset: 0, timestamp: -1 },
    ]);
    // A time after the last record: no offset (GetOffsetShell prints nothing for it).
    const future = String(Date.now() + 3_600_000);
    expect((await ktool('offsets', t, '--time', future)).stdout).toBe(await getOffsetShell('--topic', t, '--time', future));
    expect(JSON.parse((await ktool('offsets', `${t}:0`, '--time', future, '--json')).stdout)).toEqual([
      { topic: t, partition: 0, offset: null, timestamp: -1 },
    ]);
  });

  it('a regex selects topics, like GetOffsetShell', async () => {
    const a = await createTopic(1);
    produce(a, 0, 1);
    await waitForEnd(a, `${a}:0:1\n`);
    const pattern = `${a.slice(0, -1)}[0-9]`;
    expect((await ktool('offsets', `${pattern}:0`)).stdout).toBe(await getOffsetShell('--topic', pattern, '--partitions', '0'));
  });

  it('errors: unknown topic or partition, bad time', async () => {
    const t = await createTopic(2);
    let r = await ktool('offsets', uniqueName('missing'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: topic \S+ does not exist\n/);
    r = await ktool('offsets', `${t}:7`);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/has no partition 7/);
    r = await ktool('offsets', t, '--time', 'yesterday');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/--time: cannot read "yesterday"/);
  });
});

describe('delete-records against a real broker', () => {
  it('deletes below an offset like DeleteRecordsCommand and prints the new low watermarks', async () => {
    const t = await createTopic(2);
    produce(t, 0, 10);
    produce(t, 1, 10);
    await waitForEnd(t, `${t}:0:10\n${t}:1:10\n`);

    // Ours on partition 0, Kafka's tool on partition 1, same offset: same result.
    const ours = await ktool('delete-records', `${t}:0`, '--before', '4', '--yes');
    expect(ours.stderr).toBe('');
    expect(ours.code).toBe(0);
    expect(ours.stdout).toBe(`partition: ${t}-0\tlow_watermark: 4\n`);

    const dir = mkdtempSync(join(tmpdir(), 'ktool-delrec-'));
    const file = join(dir, 'offsets.json');
    writeFileSync(file, JSON.stringify({ partitions: [{ topic: t, partition: 1, offset: 4 }], version: 1 }));
    const tool = await runKafkaTool('org.apache.kafka.tools.DeleteRecordsCommand', [
      '--bootstrap-server',
      bootstrap(),
      '--offset-json-file',
      file,
    ]);
    expect(tool.code).toBe(0);
    expect(tool.stdout).toContain(`partition: ${t}-1\tlow_watermark: 4`);

    expect((await ktool('offsets', t, '--time', 'earliest')).stdout).toBe(await getOffsetShell('--topic', t, '--time', '-2'));
    expect((await ktool('offsets', t, '--time', 'earliest')).stdout).toBe(`${t}:0:4\n${t}:1:4\n`);

    // The same JSON file through ktool; -1 means the high watermark.
    writeFileSync(
      file,
      JSON.stringify({
        partitions: [
          { topic: t, partition: 0, offset: 6 },
          { topic: t, partition: 1, offset: -1 },
        ],
        version: 1,
      }),
    );
    const fromFile = await ktool('delete-records', '--offset-json-file', file, '--yes', '--json');
    expect(fromFile.stderr).toBe('');
    expect(JSON.parse(fromFile.stdout)).toEqual([
      { topic: t, partition: 0, requestedOffset: 6, lowWatermark: 6, deleted: 2 },
      { topic: t, partition: 1, requestedOffset: 10, lowWatermark: 10, deleted: 6 },
    ]);
    expect(await getOffsetShell('--topic', t, '--time', '-2')).toBe(`${t}:0:6\n${t}:1:10\n`);
  });

  it('--before @TIME and --before end', async () => {
    const t = await createTopic(1);
    produce(t, 0, 3);
    await waitForEnd(t, `${t}:0:3\n`);
    await new Promise((r) => setTimeout(r, 20));
    const middle = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    produce(t, 0, 2);
    await waitForEnd(t, `${t}:0:5\n`);

    let r = await ktool('delete-records', t, '--before', `@${middle}`, '--yes', '--json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([{ topic: t, partition: 0, requestedOffset: 3, lowWatermark: 3, deleted: 3 }]);
    r = await ktool('delete-records', t, '--before', 'end', '--yes');
    expect(r.stdout).toBe(`partition: ${t}-0\tlow_watermark: 5\n`);
    expect(await getOffsetShell('--topic', t, '--time', '-2')).toBe(`${t}:0:5\n`);
  });

  it('needs --yes without a terminal, asks on one, and reports errors on one line', async () => {
    const t = await createTopic(1);
    produce(t, 0, 3);
    await waitForEnd(t, `${t}:0:3\n`);

    let r = await ktool('delete-records', t, '--before', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs confirmation.*\n.*--yes/);

    r = await runCli(['delete-records', t, '--before', '1'], { tty: true, stdin: 'n\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: aborted: nothing deleted\n$/);
    expect(r.stderr).toMatch(/Delete 1 record\(s\) from .*:0 before offset 1\?/);
    expect((await ktool('offsets', t, '--time', 'earliest')).stdout).toBe(`${t}:0:0\n`);

    r = await runCli(['delete-records', t, '--before', '1'], { tty: true, stdin: 'y\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`partition: ${t}-0\tlow_watermark: 1\n`);

    r = await ktool('delete-records', t, '--before', '99', '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/offset 99 is beyond the end of .*:0 \(high watermark 3\)/);

    r = await ktool('delete-records', uniqueName('missing'), '--before', '1', '--yes');
    expect(r.code).toBe(3);

    const dir = mkdtempSync(join(tmpdir(), 'ktool-delrec-'));
    writeFileSync(join(dir, 'bad.json'), '{"partitions":[{"topic":"x","partition":0}]}');
    r = await ktool('delete-records', '--offset-json-file', join(dir, 'bad.json'), '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/offset must be a whole number/);
  });
});
