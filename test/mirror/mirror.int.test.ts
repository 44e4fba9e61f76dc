import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { pollUntil } from '../helpers/poll.js';
import { connectTests } from './connect.js';
import { faultTests } from './faults.js';
import { cli, countRecords, readAll, startTarget, stopTarget, type Target } from './helpers.js';

const SRC = process.env.KTOOL_TEST_BOOTSTRAP!;
let t: Target;

beforeAll(async () => {
  t = await startTarget();
}, 120_000);

afterAll(async () => {
  // This file's source topics (uniqueName puts the pid in them) go with the target cluster.
  const listed = await cli(t, ['topics', 'list', '--json', '-b', SRC]);
  const mine = (JSON.parse(listed.stdout) as { name: string }[])
    .map((x) => x.name)
    .filter((n) => n.startsWith('mirror') && n.includes(`-${process.pid}-`));
  if (mine.length) await cli(t, ['topics', 'delete', ...mine, '--yes', '--if-exists', '-b', SRC]);
  await stopTarget(t);
}, 60_000);

/**
 * Record times an hour back: set, yet inside every retention the tests use. Records from 2023
 * were deleted by the brokers' retention check (every 60 s) when it ran mid-test.
 */
const BASE_TIMESTAMP = Date.now() - 3_600_000;

function envelopes(n: number, partitions: number, prefix = 'k'): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(
      JSON.stringify({
        partition: i % partitions,
        key: i % 7 === 0 ? null : `${prefix}${i}`,
        value: `${prefix}-value-${i}`,
        headers: [
          ['h', `x${i}`],
          ['h', null],
        ],
        timestamp: BASE_TIMESTAMP + i,
      }),
    );
  }
  return lines.join('\n') + '\n';
}

const strip = (r: { partition: number; offset: number; key: unknown; value: unknown; headers?: unknown; timestamp: number }) => ({
  partition: r.partition,
  offset: r.offset,
  key: r.key,
  value: r.value,
  headers: r.headers,
  timestamp: r.timestamp,
});

describe('ktool mirror between two clusters', () => {
  const topic = uniqueName('mirror');
  const group = uniqueName('mirror-group');

  it('copies keys, values, headers, timestamps and partitions; creates the topic with its configs', async () => {
    expect((await cli(t, ['topics', 'create', topic, '-p', '3', '-c', 'retention.ms=123456789', '-b', SRC])).code).toBe(0);
    expect((await cli(t, ['produce', topic, '-b', SRC, '--input', 'json', '--keep-partitions'], envelopes(300, 3))).code).toBe(0);
    const r = await cli(t, [
      'mirror',
      '--from',
      'src',
      '--to',
      'dst',
      '--topics',
      topic,
      '--group',
      group,
      '--until-caught-up',
      '--sync-configs',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({
      source: 'src',
      target: 'dst',
      group,
      outcome: 'caught-up',
      records: 300,
      topics: [{ source: topic, target: topic, partitions: 3, targetPartitions: 3, mapping: 'same', created: true, records: 300 }],
    });
    const described = JSON.parse((await cli(t, ['topics', 'describe', topic, '-b', t.bootstrap, '--json'])).stdout)[0];
    expect(described.partitionCount).toBe(3);
    expect(described.configs['retention.ms']).toBe('123456789');
    const [src, dst] = await Promise.all([readAll(t, SRC, topic), readAll(t, t.bootstrap, topic)]);
    expect(dst.map(strip)).toEqual(src.map(strip));
    expect([0, 1, 2].map((p) => dst.filter((r) => r.partition === p).length)).toEqual([100, 100, 100]);
  });

  it('resumes from the committed offsets: a second run copies only what is new', async () => {
    expect((await cli(t, ['produce', topic, '-b', SRC, '--input', 'json', '--keep-partitions'], envelopes(30, 3, 'new'))).code).toBe(0);
    const r = await cli(t, [
      'mirror',
      '--from-bootstrap',
      SRC,
      '--to-bootstrap',
      t.bootstrap,
      '--topics',
      topic,
      '--group',
      group,
      '--until-caught-up',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ records: 30, topics: [{ created: false, records: 30 }] });
    const v = await cli(t, ['mirror', 'verify', '--from', 'src', '--to', 'dst', '--topics', topic, '--deep', '--json']);
    expect(v.code).toBe(0);
    const data = JSON.parse(v.stdout);
    expect(data).toMatchObject({
      match: true,
      deep: true,
      topics: [{ sourceRecords: 330, targetRecords: 330, missing: 0, duplicated: 0, unexpected: 0 }],
    });
  });

  it('verify counts differences, missing and duplicated records and exits 6', async () => {
    expect((await cli(t, ['produce', topic, '-b', SRC, '--input', 'json', '--keep-partitions'], envelopes(3, 3, 'only-src'))).code).toBe(0);
    const shallow = await cli(t, ['mirror', 'verify', '--from', 'src', '--to', 'dst', '--topics', topic]);
    expect(shallow.code).toBe(6);
    expect(shallow.stdout).toMatch(/MISMATCH/);
    // A duplicate in the target: partition 0's first keyed record written again.
    const first = (await readAll(t, t.bootstrap, topic)).find((r) => r.partition === 0 && r.key !== null)!;
    expect(
      (
        await cli(
          t,
          ['produce', topic, '-b', t.bootstrap, '--input', 'json', '--keep-partitions'],
          JSON.stringify({ partition: 0, key: first.key, value: first.value, headers: first.headers, timestamp: first.timestamp }) + '\n',
        )
      ).code,
    ).toBe(0);
    const deep = await cli(t, ['mirror', 'verify', '--from', 'src', '--to', 'dst', '--topics', topic, '--deep', '--json']);
    expect(deep.code).toBe(6);
    expect(deep.stderr).toMatch(/mismatch: .*3 missing, 1 duplicated/);
    const data = JSON.parse(deep.stdout);
    expect(data.topics[0]).toMatchObject({ match: false, missing: 3, duplicated: 1, unexpected: 0 });
    // The first difference in partition 0: the first source-only record there, or the duplicate after the end.
    const srcP0 = (await readAll(t, SRC, topic)).filter((r) => r.partition === 0);
    const firstNew = srcP0.findIndex((r) => String(r.value).startsWith('only-src'));
    const index = firstNew >= 0 ? firstNew : srcP0.length;
    expect(data.topics[0].partitions[0].firstDifference).toEqual({
      index,
      sourceOffset: firstNew >= 0 ? srcP0[firstNew].offset : null,
      targetOffset: index,
    });
  });

  it('--rename and a target with fewer partitions: key hash, said on stderr', async () => {
    const src = uniqueName('mirror-rename');
    expect((await cli(t, ['topics', 'create', src, '-p', '3', '-b', SRC])).code).toBe(0);
    expect((await cli(t, ['topics', 'create', `copy.${src}`, '-p', '2', '-b', t.bootstrap])).code).toBe(0);
    expect((await cli(t, ['produce', src, '-b', SRC, '--input', 'json', '--keep-partitions'], envelopes(60, 3))).code).toBe(0);
    // The target given as a kafka properties file this time.
    const props = join(dirname(t.config), 'target.properties');
    writeFileSync(props, `bootstrap.servers=${t.bootstrap}\nsecurity.protocol=PLAINTEXT\n`);
    const r = await cli(t, [
      'mirror',
      '--from',
      'src',
      '--to-config',
      props,
      '--topics',
      src,
      '--rename',
      'copy.{topic}',
      '--until-caught-up',
      '--json',
      '--provenance',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/has 2 partitions, fewer than .* key hash/);
    expect(JSON.parse(r.stdout).topics[0]).toMatchObject({ target: `copy.${src}`, mapping: 'hash', records: 60 });
    const copies = await readAll(t, t.bootstrap, `copy.${src}`);
    expect(copies).toHaveLength(60);
    // Java's partitioner for keyed records: murmur2(key) & 0x7fffffff % 2; the provenance header names the source.
    const { javaPartition } = await import('../../src/kafka/partitioner.js');
    for (const c of copies) {
      if (c.key !== null) expect(c.partition).toBe(javaPartition(Buffer.from(c.key), 2));
      expect(JSON.stringify(c.headers)).toMatch(new RegExp(`ktool.mirror.source.*${src}/\\d/\\d+`));
    }
    const v = await cli(t, [
      'mirror',
      'verify',
      '--from',
      'src',
      '--to',
      'dst',
      '--topics',
      src,
      '--rename',
      'copy.{topic}',
      '--deep',
      '--json',
    ]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).topics[0]).toMatchObject({ mapping: 'hash', match: true, missing: 0, duplicated: 0 });
  });

  it('refuses bad usage: same cluster without rename, no side, bad rename', async () => {
    const same = await cli(t, ['mirror', '--from-bootstrap', SRC, '--to-bootstrap', SRC, '--topics', topic]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/same cluster/);
    const noTarget = await cli(t, ['mirror', '--from', 'src', '--topics', topic]);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toMatch(/target cluster is missing/);
    const none = await cli(t, ['mirror', '--from', 'src', '--to', 'dst', '--topics', 'no-such-topic-.*']);
    expect(none.code).toBe(3);
  });
});

describe('several mirror processes share a group', () => {
  it('splits the partitions and takes over when one stops', async () => {
    const { spawn } = await import('node:child_process');
    const { KTOOL_BIN } = await import('../helpers/spawn-ktool.js');
    const topic = uniqueName('mirror-shared');
    const group = uniqueName('mirror-shared-group');
    expect((await cli(t, ['topics', 'create', topic, '-p', '4', '-b', SRC])).code).toBe(0);
    const start = () => {
      const child = spawn(
        KTOOL_BIN,
        ['mirror', '--from', 'src', '--to', 'dst', '--topics', topic, '--group', group, '--verbose', '--json'],
        { env: { ...process.env, KTOOL_CONFIG: t.config, NO_COLOR: '1' } },
      );
      const out = { stdout: '', stderr: '', exit: new Promise<number | null>((r) => child.on('close', (code) => r(code))) };
      child.stdout.on('data', (c: Buffer) => (out.stdout += c));
      child.stderr.on('data', (c: Buffer) => (out.stderr += c));
      return { child, out };
    };
    let records = 0;
    const a = start();
    await pollUntil(() => /assigned 4 partition/.test(a.out.stderr), { timeoutMs: 20_000, what: 'first member owning all partitions' });
    const b = start();
    try {
      await pollUntil(() => /assigned 2 partition/.test(a.out.stderr) && /assigned 2 partition/.test(b.out.stderr), {
        timeoutMs: 30_000,
        what: 'two members with two partitions each',
      });
      expect((await cli(t, ['produce', topic, '-b', SRC, '--input', 'json', '--keep-partitions'], envelopes(400, 4))).code).toBe(0);
      await pollUntil(async () => (await countRecords(t, t.bootstrap, topic)) >= 400, {
        timeoutMs: 20_000,
        what: '400 records in the target',
      });
      a.child.kill('SIGTERM');
      expect(await a.out.exit).toBe(143);
      const first = JSON.parse(a.out.stdout);
      // Half of the partitions: some of the 400 keyed records, not all.
      expect(first.records).toBeGreaterThan(0);
      expect(first.records).toBeLessThan(400);
      records = first.records;
      await pollUntil(() => /assigned 4 partition/.test(b.out.stderr.split('assigned 2 partition').pop()!), {
        timeoutMs: 30_000,
        what: 'the second member taking over',
      });
      expect((await cli(t, ['produce', topic, '-b', SRC, '--input', 'json', '--keep-partitions'], envelopes(400, 4, 'later'))).code).toBe(
        0,
      );
      await pollUntil(async () => (await countRecords(t, t.bootstrap, topic)) >= 800, {
        timeoutMs: 20_000,
        what: '800 records in the target',
      });
    } finally {
      b.child.kill('SIGTERM');
      a.child.kill('SIGTERM');
    }
    expect(await b.out.exit).toBe(143);
    // A graceful stop commits before leaving: the other member re-copies nothing.
    expect(JSON.parse(b.out.stdout).records + records).toBe(800);
    const v = await cli(t, ['mirror', 'verify', '--from', 'src', '--to', 'dst', '--topics', topic, '--deep', '--json']);
    expect(JSON.parse(v.stdout)).toMatchObject({ match: true });
  });
});

faultTests(() => t);
connectTests(() => t);
