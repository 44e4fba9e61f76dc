import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectionSettings } from '../../src/config/connection.js';
import type { ClusterApi } from '../../src/kafka/cluster-types.js';
import type { PartitionsApi } from '../../src/kafka/partitions-types.js';
import type { KafkaFactory } from '../../src/kafka/types.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';

// kafka-reassign-partitions.sh's and kafka-leader-election.sh's connection and safety flags, with a fake
// PartitionsApi (the harness, test/dropin/cases-partitions.ts, compares them with Kafka's tools on a broker).
const dir = mkdtempSync(join(tmpdir(), 'ktool-dropin-partitions-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const props = file('admin.properties', 'client.id=from-file\n');
const plan = file('plan.json', JSON.stringify({ version: 1, partitions: [{ topic: 't', partition: 0, replicas: [1] }] }));

function setup() {
  const calls: { elect: unknown[]; alter: unknown[] } = { elect: [], alter: [] };
  const connections: ConnectionSettings[] = [];
  const partitions: Partial<PartitionsApi> = {
    listReassignments: async () => [],
    electLeaders: async (type, tps) => {
      calls.elect.push([type, tps]);
      return (tps ?? [{ topic: 't', partition: 0 }]).map((tp) => ({ ...tp, error: 'ELECTION_NOT_NEEDED', message: 'not needed' }));
    },
    alterReassignments: async (changes, allow) => {
      calls.alter.push([changes, allow]);
      return changes.map((c) => ({ topic: c.topic, partition: c.partition }));
    },
  };
  // The rollback plan's log directories: none described (`any`).
  const cluster = { describeLogDirs: async () => [] } as Partial<ClusterApi> as ClusterApi;
  const inner = fakeKafka([topic('t', 1)], {}, { partitions: partitions as PartitionsApi, cluster });
  const kafkaFactory: KafkaFactory = (settings) => (connections.push(settings), inner(settings));
  const run = (argv: string[]) => runCli(argv, { deps: { kafkaFactory }, env: { KTOOL_CONFIG: '/nonexistent/config.yaml' } });
  return { calls, connections, run };
}

const ELECT = ['partitions', 'elect-leaders', '--bootstrap-server', 'b:9092', '--election-type', 'PREFERRED'];
const REASSIGN = ['partitions', 'reassign'];
const DEPRECATED = 'Option --admin.config has been deprecated and will be removed in a future version. Use --command-config instead.\n';

describe('kafka-leader-election.sh: --admin.config, --command-config, --all-topic-partitions', () => {
  it('--admin.config: its file is the admin client properties, and the deprecation line comes first on stdout', async () => {
    const { run, connections } = setup();
    const r = await run([...ELECT, '--topic', 't', '--partition', '0', '--admin.config', props]);
    expect(r).toMatchObject({ code: 0, stdout: `${DEPRECATED}Valid replica already elected for partitions t-0\n` });
    expect(connections[0]).toMatchObject({ bootstrap: ['b:9092'], clientId: 'from-file' });
  });

  it('--command-config: the same file, no deprecation line', async () => {
    const { run, connections } = setup();
    const r = await run([...ELECT, '--topic', 't', '--partition', '0', '--command-config', props]);
    expect(r).toMatchObject({ code: 0, stdout: 'Valid replica already elected for partitions t-0\n' });
    expect(connections[0]).toMatchObject({ clientId: 'from-file' });
  });

  it('both spellings: refused before anything is read or asked (exit 1)', async () => {
    const { run, calls } = setup();
    const r = await run([...ELECT, '--topic', 't', '--partition', '0', '--command-config', '/nope', '--admin.config', props]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Option "\[admin.config\]" can't be used with option "\[command-config\]"/);
    expect(calls.elect).toEqual([]);
  });

  it('--all-topic-partitions: the election of every partition (null), exclusive with --topic and --partition', async () => {
    const { run, calls } = setup();
    expect((await run([...ELECT, '--all-topic-partitions'])).code).toBe(0);
    expect(calls.elect).toEqual([['PREFERRED', null]]);
    const withPartition = await run([...ELECT, '--all-topic-partitions', '--partition', '0']);
    expect(withPartition).toMatchObject({ code: 1, stderr: 'Option partition is only allowed if topic is used\n' });
    const withTopic = await run([...ELECT, '--all-topic-partitions', '--topic', 't', '--partition', '0']);
    expect(withTopic.stderr).toMatch(/^One and only one of the following options is required: topic, all-topic-partitions, path-to-json/);
  });
});

describe('kafka-reassign-partitions.sh: --bootstrap-controller, --command-config, --disallow-replication-factor-change, --timeout', () => {
  it('--bootstrap-controller with --list: the connection is to the controllers', async () => {
    const { run, connections } = setup();
    const r = await run([...REASSIGN, '--bootstrap-controller', 'c1:9093,c2:9093', '--list', '--command-config', props]);
    expect(r).toMatchObject({ code: 0, stdout: 'No partition reassignments found.\n' });
    expect(connections[0]).toMatchObject({ bootstrap: ['c1:9093', 'c2:9093'], clientId: 'from-file' });
  });

  it('--bootstrap-controller with --execute: refused as the original does (exit 1), nothing asked', async () => {
    const { run, connections } = setup();
    const r = await run([...REASSIGN, '--bootstrap-controller', 'c:9093', '--execute', '--reassignment-json-file', plan]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Option "\[bootstrap-controller\]" can't be used with action "\[execute\]"/);
    expect(connections).toEqual([]);
  });

  it('--disallow-replication-factor-change: the reassignment is asked with replica count changes refused', async () => {
    const { run, calls } = setup();
    const r = await run([
      ...REASSIGN,
      '--bootstrap-server',
      'b:9092',
      '--execute',
      '--reassignment-json-file',
      plan,
      '--disallow-replication-factor-change',
    ]);
    expect(r.stdout + r.stderr).toMatch(/Successfully started partition reassignment for t-0\n$/);
    expect(r.code).toBe(0);
    expect(calls.alter).toMatchObject([[[{ topic: 't', partition: 0, replicas: [1] }], false]]);
  });

  it("--timeout: a Long, converted when the action reads it (Java's `Error: ...` on stdout, exit 1, nothing changed)", async () => {
    const { run, calls } = setup();
    const ok = await run([...REASSIGN, '--bootstrap-server', 'b:9092', '--execute', '--reassignment-json-file', plan, '--timeout', '5000']);
    expect(ok.code).toBe(0);
    const bad = await run([...REASSIGN, '--bootstrap-server', 'b:9092', '--execute', '--reassignment-json-file', plan, '--timeout', '5s']);
    expect(bad).toMatchObject({ code: 1, stdout: "Error: Cannot parse argument '5s' of option timeout\n" });
    const cancel = await run([...REASSIGN, '--bootstrap-server', 'b:9092', '--cancel', '--reassignment-json-file', plan, '--timeout', 'x']);
    expect(cancel).toMatchObject({ code: 1, stdout: "Error: Cannot parse argument 'x' of option timeout\n" });
    expect(calls.alter).toHaveLength(1);
  });
});
