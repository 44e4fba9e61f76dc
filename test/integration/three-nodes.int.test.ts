import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { needs } from '../helpers/needs.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP_3!;
const env = () => ({ KTOOL_BROKERS: bootstrap() });
const created: string[] = [];

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists'], { env: env() });
});

describe('topics on a three-node cluster (ktool local --nodes 3)', needs('KTOOL_TEST_BOOTSTRAP_3'), () => {
  it('replication factor 3: create, describe (same as TopicCommand), alter, delete', async () => {
    const name = uniqueName('rf3');
    created.push(name);
    const create = await runCli(['topics', 'create', name, '-p', '6', '-r', '3', '-c', 'min.insync.replicas=2'], { env: env() });
    expect(create.stderr).toBe('');
    const [t] = JSON.parse((await runCli(['topics', 'describe', name, '--json'], { env: env() })).stdout);
    expect(t.replicationFactor).toBe(3);
    expect(new Set(t.partitions.map((p: { leader: number }) => p.leader))).toEqual(new Set([1, 2, 3]));
    for (const p of t.partitions) expect([...p.isr].sort()).toEqual([1, 2, 3]);

    const tool = await runKafkaTool('org.apache.kafka.tools.TopicCommand', [
      '--bootstrap-server',
      bootstrap(),
      '--describe',
      '--topic',
      name,
    ]);
    const lines = tool.stdout
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('\t'));
    expect(lines).toHaveLength(6);
    for (const line of lines) {
      const f = Object.fromEntries(
        line
          .trim()
          .split('\t')
          .map((x) => [x.slice(0, x.indexOf(':')), x.slice(x.indexOf(':') + 1).trim()]),
      );
      const ours = t.partitions[Number(f.Partition)];
      expect(ours.leader).toBe(Number(f.Leader));
      expect(ours.replicas.join(',')).toBe(f.Replicas);
      expect(ours.isr.join(',')).toBe(f.Isr);
    }
    expect((await runCli(['topics', 'describe', name, '--at-min-isr-partitions', '--json'], { env: env() })).stdout).toBe('[]\n');
    expect((await runCli(['topics', 'describe', '--under-replicated-partitions', '--json'], { env: env() })).stdout).toBe('[]\n');

    expect((await runCli(['topics', 'alter', name, '--partitions', '9'], { env: env() })).code).toBe(0);
    const del = await runCli(['topics', 'delete', name, '--yes'], { env: env() });
    expect(del.code).toBe(0);
  });

  it('a replication factor above the broker count is refused by the broker', async () => {
    const r = await runCli(['topics', 'create', uniqueName('rf4'), '-r', '4'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/replication factor of 4 cannot be reached because only 3 broker/);
  });
});
