import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];

async function topic(prefix: string, partitions = 3): Promise<string> {
  const name = uniqueName(prefix);
  const r = await runCli(['topics', 'create', name, '-p', String(partitions)]);
  expect(r.code, r.stderr).toBe(0);
  created.push(name);
  return name;
}

/** kcat's view of a topic (an independent reader): key, value, timestamp, headers and partition of each record. */
function records(t: string): { key: string; value: string; ts: number; headers: string; partition: number }[] {
  const out = execFileSync(
    'kcat',
    ['-C', '-e', '-q', '-b', bootstrap(), '-t', t, '-o', 'beginning', '-f', '%k\t%s\t%T\t%h\t%p\n', '-X', 'isolation.level=read_committed'],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 },
  );
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [key, value, ts, headers, partition] = line.split('\t');
      return { key, value, ts: Number(ts), headers, partition: Number(partition) };
    });
}

const T0 = Date.now() - 60_000;
const envelopes = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ key: `k${i % 7}`, value: JSON.stringify({ id: i, price: i % 20 }), headers: { src: 'test' }, timestamp: T0 + i }),
  ).join('\n') + '\n';

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

describe('ktool pipe IN OUT against the broker', () => {
  it('without expressions copies every record: keys, values, headers and timestamps kept; partitions by key as Java', async () => {
    const [src, dst] = [await topic('pipe-in'), await topic('pipe-out')];
    expect((await runCli(['produce', '--input', 'json', src, '-q'], { stdin: envelopes(300) })).code).toBe(0);
    const r = await runCli(['pipe', src, dst, '-e', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ input: src, output: dst, read: 300, written: 300, filtered: 0, failed: 0 });
    const a = records(src).sort((x, y) => x.ts - y.ts);
    const b = records(dst).sort((x, y) => x.ts - y.ts);
    expect(b).toEqual(a);
  });

  it('--where, --map and --key: the kept records, new values and keys; headers and timestamps of the input', async () => {
    const [src, dst] = [await topic('pipe-in'), await topic('pipe-out', 2)];
    await runCli(['produce', '--input', 'json', src, '-q'], { stdin: envelopes(100) });
    const r = await runCli([
      'pipe',
      src,
      dst,
      '-o',
      'start',
      '-e',
      '--where',
      'value.price >= 10',
      '--map',
      '({id: value.id, double: value.price * 2})',
      '--key',
      '"id-" + value.id',
      '-v',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^pipe: read 100 from ${src}, wrote 50 to ${dst}, filtered out 50 in `));
    const out = records(dst).sort((x, y) => x.ts - y.ts);
    const expected = Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 20 >= 10);
    expect(out.map((o) => o.value)).toEqual(expected.map((i) => JSON.stringify({ id: i, double: (i % 20) * 2 })));
    expect(out.map((o) => o.key)).toEqual(expected.map((i) => `id-${i}`));
    expect(out.map((o) => o.ts)).toEqual(expected.map((i) => T0 + i));
    expect(new Set(out.map((o) => o.headers))).toEqual(new Set(['src=test']));
  });

  it('-n stops after N records written; -p reads only those partitions', async () => {
    const [src, dst] = [await topic('pipe-in'), await topic('pipe-out')];
    await runCli(['produce', '--input', 'json', src, '-q'], { stdin: envelopes(90) });
    expect((await runCli(['pipe', src, dst, '-n', '10'])).code).toBe(0);
    expect(records(dst)).toHaveLength(10);
    const dst2 = await topic('pipe-out');
    expect((await runCli(['pipe', src, dst2, '-e', '-p', '1', '--json'])).code).toBe(0);
    expect(records(dst2).length).toBe(records(src).filter((x) => x.partition === 1).length);
  });

  it('a bad expression is exit 2 before reading; a throwing one stops at its record (exit 1), or is skipped and counted', async () => {
    const [src, dst] = [await topic('pipe-in', 1), await topic('pipe-out', 1)];
    await runCli(['produce', '--input', 'json', src, '-q'], { stdin: envelopes(5) + JSON.stringify({ value: 'not json' }) + '\n' });
    const bad = await runCli(['pipe', src, dst, '-e', '--where', 'value.price >> > 1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --where: Unexpected token '>' at column 16\n/);
    const stop = await runCli(['pipe', src, dst, '-e', '--map', 'value.price.toFixed(1)']);
    expect(stop.code).toBe(1);
    expect(stop.stderr).toContain(`error: --map 'value.price.toFixed(1)' failed on ${src} partition 0 offset 5: TypeError`);
    expect(records(dst).map((x) => x.value)).toEqual(['0.0', '1.0', '2.0', '3.0', '4.0']);
    const dst2 = await topic('pipe-out', 1);
    const skip = await runCli(['pipe', src, dst2, '-e', '--map', 'value.price.toFixed(1)', '--on-error', 'skip', '--json']);
    expect(skip.code, skip.stderr).toBe(0);
    expect(JSON.parse(skip.stdout)).toMatchObject({ read: 6, written: 5, failed: 1 });
    expect(skip.stderr).toContain(`warning: --map failed on ${src} partition 0 offset 5, skipped: TypeError`);
  });

  it('a missing output topic is exit 3', async () => {
    const src = await topic('pipe-in', 1);
    const r = await runCli(['pipe', src, uniqueName('pipe-nope'), '-e']);
    expect(r.code).toBe(3);
  });
});
