import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { pollUntil } from '../helpers/poll.js';

/** Issue 10: one time syntax and one TOPIC:PARTITIONS syntax in offsets, delete-records and lag. */
const created: string[] = [];
const groups: string[] = [];
const ktool = (...argv: string[]) => runCli(argv);
const HOUR = 3_600_000;

/**
 * A topic whose partition 0 holds 3 records stamped 2 hours ago then 2 stamped now, and whose
 * other partitions hold 1 record stamped now. (Hours, not years: the brokers' retention would
 * delete old records mid-test.)
 */
async function stampedTopic(partitions: number): Promise<string> {
  const t = uniqueName('specs');
  expect((await ktool('topics', 'create', t, '-p', String(partitions))).code).toBe(0);
  created.push(t);
  const now = Date.now();
  const records = [
    ...[0, 1, 2].map((i) => ({ partition: 0, value: `old${i}`, timestamp: now - 2 * HOUR + i })),
    ...[0, 1].map((i) => ({ partition: 0, value: `new${i}`, timestamp: now + i })),
    ...Array.from({ length: partitions - 1 }, (_, i) => ({ partition: i + 1, value: `p${i + 1}`, timestamp: now })),
  ];
  // With its topic named, an envelope's partition is kept.
  const r = await runCli(['produce', t, '--input', 'json'], { stdin: records.map((x) => JSON.stringify({ topic: t, ...x })).join('\n') });
  expect(r.code, r.stderr).toBe(0);
  return t;
}

afterAll(async () => {
  for (const g of groups) await ktool('groups', '--delete', '--group', g);
  if (created.length) await ktool('topics', 'delete', ...created, '--yes', '--if-exists');
});

describe('relative times outside consume', () => {
  it('offsets --time -1h (and @-1h): the first record of the last hour; 30m from now: none', async () => {
    const t = await stampedTopic(2);
    for (const time of ['-1h', '@-1h', '-PT1H', '-60m']) {
      const r = await ktool('offsets', `${t}:0`, '--time', time);
      expect(r.stderr, time).toBe('');
      expect(r.stdout, time).toBe(`${t}:0:3\n`);
    }
    expect((await ktool('offsets', `${t}:0`, '--time', '-3h')).stdout).toBe(`${t}:0:0\n`);
    // No record at or after the time: no offset (kafka-get-offsets.sh prints nothing either).
    expect((await ktool('offsets', `${t}:0`, '--time', '+30m', '--json')).stdout).toMatch(/"offset": null/);
    // -p picks partitions of the topic as TOPIC:P does; -1 is still kafka-get-offsets.sh's latest.
    expect((await ktool('offsets', t, '-p', '0', '--time', '-1')).stdout).toBe(`${t}:0:5\n`);
    expect((await ktool('offsets', '--topic', t, '--partitions', '1', '--time', '-1')).stdout).toBe(`${t}:1:1\n`);
    const bad = await ktool('offsets', t, '--time', '-10');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--time: cannot read "-10"[\s\S]*needs a unit/);
  });

  it('delete-records --before @-1h deletes exactly the records older than an hour', async () => {
    const t = await stampedTopic(2);
    const r = await ktool('delete-records', t, '--before', '@-1h', '--yes', '--json');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { partition: number; lowWatermark: number; deleted: number }[];
    expect(result.map(({ partition, lowWatermark, deleted }) => ({ partition, lowWatermark, deleted }))).toEqual([
      { partition: 0, lowWatermark: 3, deleted: 3 },
      { partition: 1, lowWatermark: 0, deleted: 0 },
    ]);
    const left = await ktool('consume', `${t}:0`, '-e');
    expect(left.stdout).toBe('new0\nnew1\n');
    // Without the @ it is refused, with the fix in the hint (a bare number is an offset there).
    const noAt = await ktool('delete-records', t, '--before', '-1h', '--yes');
    expect(noAt.code).toBe(2);
    expect(noAt.stderr).toMatch(/hint: .*--before @-1h/);
  });
});

describe('TOPIC:PARTITIONS in lag', () => {
  it('lag GROUP --topic events:1 shows partition 1 only', async () => {
    const t = await stampedTopic(3);
    const g = uniqueName('specs-g');
    groups.push(g);
    expect((await ktool('consume', t, '-g', g, '-o', 'start', '-e')).code).toBe(0);
    await pollUntil(async () => (await ktool('lag', g, '--json')).stdout.includes(`"partition": 2`), { what: 'the commits of the group' });
    const r = await ktool('lag', g, '--topic', `${t}:1`, '--json');
    expect(r.code, r.stderr).toBe(0);
    const [lag] = JSON.parse(r.stdout) as { partitions: { topic: string; partition: number; lag: number }[] }[];
    expect(lag.partitions.map((p) => [p.topic, p.partition, p.lag])).toEqual([[t, 1, 0]]);
    const two = JSON.parse((await ktool('lag', g, '--topic', `${t}:0,2`, '--json')).stdout) as (typeof lag)[];
    expect(two[0].partitions.map((p) => p.partition)).toEqual([0, 2]);

    // --format yaml means YAML in lag --watch too (it printed JSON lines): one document per sample.
    const watch = await ktool('lag', g, '--topic', `${t}:1`, '--watch', '100ms', '--count', '2', '--format', 'yaml');
    expect(watch.code, watch.stderr).toBe(0);
    const docs = watch.stdout.split(/^---\n/m).filter(Boolean);
    expect(docs).toHaveLength(2);
    for (const doc of docs)
      expect(doc).toMatch(new RegExp(`^time: \\d+\\ngroups:\\n  - group: ${g}\\n[\\s\\S]*      - topic: ${t}\\n        partition: 1\\n`));
  });
});
