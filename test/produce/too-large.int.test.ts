import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];
const LIMIT = 2_000;

/** A one-partition topic whose max.message.bytes is 2,000: a few 300-byte records per batch at most. */
async function smallTopic(): Promise<string> {
  const name = uniqueName('too-large');
  const r = await runCli(['topics', 'create', name, '-p', '1', '-c', `max.message.bytes=${LIMIT}`]);
  expect(r.code, r.stderr).toBe(0);
  created.push(name);
  return name;
}

/** Every value in the partition, in log order (kcat, an independent reader). */
function values(topic: string): string[] {
  const out = execFileSync('kcat', ['-C', '-e', '-q', '-b', bootstrap(), '-t', topic, '-o', 'beginning', '-f', '%s\n'], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 << 20,
  });
  return out.split('\n').filter(Boolean);
}

/** n lines of `size` bytes, each starting with its number. */
const lines = (n: number, size = 300, from = 0) =>
  Array.from({ length: n }, (_, i) => `${String(from + i).padStart(6, '0')}:`.padEnd(size, 'x'));

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

describe('produce into a topic whose max.message.bytes is smaller than a batch: batches are split, records that fit all go', () => {
  it.each([
    ['--batch-size 1MB (plain lines)', ['--batch-size', '1MB']],
    ['the defaults (plain lines)', []],
    ['--null-marker (parsed records)', ['--null-marker', 'NULL', '--batch-size', '100000']],
    ['--compression lz4', ['--compression', 'lz4', '--batch-size', '1MB']],
    ['--no-idempotence --acks 1', ['--no-idempotence', '--acks', '1', '--batch-size', '1MB']],
  ])('1,000 records of 300 bytes with %s: each arrives once, in order, exit 0', async (_, flags) => {
    const topic = await smallTopic();
    const input = lines(1_000);
    const r = await runCli(['produce', topic, ...flags], { stdin: input.join('\n') + '\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^1000 records sent to topic \S+, 0 failed/);
    expect(values(topic)).toEqual(input);
  });

  it(
    'a record of 5,000 bytes fails alone with one error naming the topic and its max.message.bytes, exit 5; ' +
      'the 10 before it arrive once, nothing after it on the partition',
    async () => {
      const topic = await smallTopic();
      const input = [...lines(10), ...lines(1, 5_000, 10), ...lines(10, 300, 11)];
      const r = await runCli(['produce', topic], { stdin: input.join('\n') + '\n' });
      expect(r.code, r.stderr).toBe(5);
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        new RegExp(
          `^error: 11 of 21 records failed: a record too large for topic ${topic} ` +
            `\\(partition 0\\): 50\\d\\d bytes .*max\\.message\\.bytes=2000`,
        ),
      );
      expect(r.stderr).toMatch(/hint: send smaller records, or raise the limit/);
      expect(r.stderr).toMatch(/10 records sent to topic \S+, 11 failed/);
      expect(values(topic)).toEqual(input.slice(0, 10));
    },
  );

  it(
    "a fresh producer's first batch too large (16 records: 4.8 kB) and its second small (4 records): the second waits " +
      'for the first, split, to be written; each record once, in order, exit 0',
    async () => {
      const topic = await smallTopic();
      const input = lines(20);
      const r = await runCli(['produce', topic, '--batch-size', '5000'], { stdin: input.join('\n') + '\n' });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^20 records sent to topic \S+, 0 failed/);
      expect(values(topic)).toEqual(input);
    },
  );

  it(
    'a record of 5,000 bytes between batches of 5 (--batch-size 1500): it fails alone, exit 5; the batches after it ' +
      'are written all the same, once each, in order (the epoch is bumped and they are numbered again from 0)',
    async () => {
      const topic = await smallTopic();
      const input = [...lines(10), ...lines(1, 5_000, 10), ...lines(10, 300, 11)];
      const r = await runCli(['produce', topic, '--batch-size', '1500'], { stdin: input.join('\n') + '\n' });
      expect(r.code, r.stderr).toBe(5);
      expect(r.stderr).toMatch(/20 records sent to topic \S+, 1 failed/);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('error:'))).toHaveLength(1);
      expect(values(topic)).toEqual([...input.slice(0, 10), ...input.slice(11)]);
    },
  );
});
