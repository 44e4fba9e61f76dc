import { afterAll, describe, expect, it, vi } from 'vitest';
import { rawFetch, supportsFastFetch } from '../../src/kafka/fast-fetch.js';
import { runCli, uniqueName } from '../helpers/cli.js';

/**
 * Brokers before Kafka 3.8 (no Fetch v17) get the client library's fetch in both readers: the
 * partition reader decodes the library's batches, the group reader takes the records out of the
 * stream's answers (group-fetch.ts). The shared broker has Fetch v17, so ktool's own fetch is
 * turned off here, and must not be reached.
 */
vi.mock('../../src/kafka/fast-fetch.js', async (original) => ({
  ...(await original<typeof import('../../src/kafka/fast-fetch.js')>()),
  supportsFastFetch: vi.fn(async () => false),
  rawFetch: vi.fn(async () => {
    throw new Error("ktool's Fetch v17 was used");
  }),
}));

const created: string[] = [];
const lines = (s: string) => s.split('\n').filter(Boolean);

async function topicWith(values: string[]): Promise<string> {
  const name = uniqueName('libfetch');
  // lz4 on the topic: the broker recompresses, so the library's decompression is read too.
  const r = await runCli(['topics', 'create', name, '-p', '2', '-c', 'compression.type=lz4']);
  expect(r.code, r.stderr).toBe(0);
  created.push(name);
  // Two runs: more than one batch per partition.
  for (const half of [values.slice(0, values.length / 2), values.slice(values.length / 2)]) {
    const p = await runCli(['produce', name], { stdin: half.map((v) => `${v}\n`).join('') });
    expect(p.code, p.stderr).toBe(0);
  }
  return name;
}

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

describe("consume through the client library's fetch (brokers without Fetch v17)", () => {
  const values = Array.from({ length: 400 }, (_, i) => `v-${i}`);

  it('without a group: every record once, to the end', async () => {
    const t = await topicWith(values);
    const r = await runCli(['consume', t, '-o', 'start', '-e']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout).sort()).toEqual([...values].sort());
    expect(vi.mocked(supportsFastFetch)).toHaveBeenCalled();
    expect(vi.mocked(rawFetch)).not.toHaveBeenCalled();
  });

  it('as a group member: every record once, all of them committed', async () => {
    const t = await topicWith(values);
    const group = uniqueName('libfetch');
    const r = await runCli(['consume', t, '-g', group, '-o', 'start', '-e']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout).sort()).toEqual([...values].sort());
    const d = await runCli(['groups', 'describe', group, '--json']);
    expect(d.code, d.stderr).toBe(0);
    const offsets = JSON.parse(d.stdout)[0].offsets as { currentOffset: number | null }[];
    expect(offsets.reduce((n, o) => n + (o.currentOffset ?? 0), 0)).toBe(values.length);
    expect(vi.mocked(rawFetch)).not.toHaveBeenCalled();
  });
});
