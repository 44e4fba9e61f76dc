import { describe, expect, it } from 'vitest';
import type { AdminApi, OffsetQuery, TopicPartition } from '../../src/kafka/types.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';

const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };

/** Offsets by query: earliest 10+p, latest 110+p; a time finds partition 0 only (at 1700000000000). */
function fake() {
  const queries: [OffsetQuery, string | undefined][] = [];
  const listOffsets: AdminApi['listOffsets'] = async (partitions: TopicPartition[], query, isolation) => {
    queries.push([query, isolation]);
    return partitions.map((p) => {
      if (typeof query === 'object')
        return { ...p, offset: p.partition === 0 ? 42n : -1n, timestamp: p.partition === 0 ? 1700000000000n : -1n };
      return { ...p, offset: BigInt((query === 'earliest' ? 10 : 110) + p.partition), timestamp: -1n };
    });
  };
  const deps = {
    kafkaFactory: fakeKafka([topic('orders', 2), topic('payments', 1), topic('__consumer_offsets', 1, [1], true)], { listOffsets }),
  };
  return { deps, queries };
}

describe('offsets rendering', () => {
  it('off a TTY: kafka-get-offsets.sh lines, topic:partition:offset', async () => {
    const { deps, queries } = fake();
    const r = await runCli(['offsets', 'orders', 'payments'], { deps, env });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe('orders:0:110\norders:1:111\npayments:0:110\n');
    expect(queries).toEqual([['latest', 'read_uncommitted']]);
  });

  it('on a TTY with FORCE_COLOR: the same lines (a text rendering, not a table)', async () => {
    const { deps } = fake();
    const r = await runCli(['offsets', 'orders', '--time', 'earliest'], {
      deps,
      env: { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' },
      tty: true,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('orders:0:10\norders:1:11\n');
  });

  it('--format wide: a table with a title, no offset shown as none', async () => {
    const { deps } = fake();
    const r = await runCli(['offsets', 'orders', '--time', '1700000000000', '--format', 'wide'], { deps, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Offsets at 2023-11-14T22:13:20.000Z',
        'TOPIC   PARTITION  OFFSET  TIMESTAMP',
        'orders          0      42  2023-11-14T22:13:20.000Z',
        'orders          1    none',
        '',
      ].join('\n'),
    );
  });

  it('a time with no record after it leaves the partition out of the plain lines', async () => {
    const { deps } = fake();
    const r = await runCli(['offsets', 'orders', '--time', '@1700000000000'], { deps, env });
    expect([r.code, r.stdout]).toEqual([0, 'orders:0:42\n']);
  });

  it('--json and --format yaml: every partition, offset null when none', async () => {
    const { deps } = fake();
    const json = await runCli(['offsets', 'orders', '--time', '1700000000000', '--json'], { deps, env });
    expect(JSON.parse(json.stdout)).toEqual([
      { topic: 'orders', partition: 0, offset: 42, timestamp: 1700000000000 },
      { topic: 'orders', partition: 1, offset: null, timestamp: -1 },
    ]);
    const yaml = await runCli(['offsets', 'payments', '--format', 'yaml', '--isolation', 'read_committed'], { deps, env });
    expect(yaml.stdout).toBe('- topic: payments\n  partition: 0\n  offset: 110\n  timestamp: -1\n');
  });

  it('no topic: every topic, internal ones unless --exclude-internal-topics', async () => {
    const { deps } = fake();
    const all = await runCli(['offsets'], { deps, env });
    expect(all.stdout).toBe('__consumer_offsets:0:110\norders:0:110\norders:1:111\npayments:0:110\n');
    const user = await runCli(['offsets', '--exclude-internal-topics'], { deps, env });
    expect(user.stdout).toBe('orders:0:110\norders:1:111\npayments:0:110\n');
  });

  it('a pattern that matches nothing warns on stderr and prints nothing (exit 0)', async () => {
    const { deps } = fake();
    const r = await runCli(['offsets', 'nomatch.*'], { deps, env });
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(r.stderr).toMatch(/no topic matches nomatch\.\*/);
  });

  it.each([[['--topic', 'nomatch.*']], [['--topic', 'nope']], [['--topic-partitions', 'nope:0']]])(
    "kafka-get-offsets.sh's %j matching nothing: GetOffsetShell's error, exit 1",
    async (args) => {
      const { deps } = fake();
      const r = await runCli(['offsets', ...args], { deps, env });
      expect([r.code, r.stdout]).toEqual([1, '']);
      expect(r.stderr).toMatch(/^error: Could not match any topic-partitions with the specified filters\n/);
    },
  );

  it('a topic or partition that does not exist is exit 3; bad arguments are exit 2', async () => {
    const { deps } = fake();
    const missing = await runCli(['offsets', 'nope'], { deps, env });
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([
      3,
      '',
      'error: topic nope does not exist\nhint: ktool topics list shows the topics\n',
    ]);
    const partition = await runCli(['offsets', 'orders:5'], { deps, env });
    expect([partition.code, partition.stderr]).toEqual([3, 'error: topic orders has no partition 5 (it has 2)\n']);
    const time = await runCli(['offsets', 'orders', '--time', 'yesterday-ish'], { deps, env });
    expect(time.code).toBe(2);
    expect(time.stderr).toMatch(/^error: .*--time/);
    const isolation = await runCli(['offsets', 'orders', '--isolation', 'dirty'], { deps, env });
    expect([isolation.code, isolation.stderr]).toEqual([2, 'error: --isolation must be read_uncommitted or read_committed, got "dirty"\n']);
  });
});
