import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { pollUntil } from '../helpers/poll.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];

async function ktool(...argv: string[]) {
  return runCli(argv);
}

async function createTopic(partitions: number, ...extra: string[]) {
  const name = uniqueName('topics');
  const r = await ktool('topics', 'create', name, '-p', String(partitions), ...extra);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  created.push(name);
  return name;
}

interface ToolTopic {
  topicId: string;
  partitionCount: number;
  replicationFactor: number;
  configs: Record<string, string>;
  partitions: { partition: number; leader: number; replicas: number[]; isr: number[] }[];
}

/** Parses `kafka-topics.sh --describe` output. */
function parseTopicCommand(text: string): Map<string, ToolTopic> {
  const topics = new Map<string, ToolTopic>();
  const nums = (s: string) => (s.trim() ? s.split(',').map(Number) : []);
  for (const line of text.split('\n')) {
    const fields = Object.fromEntries(
      line
        .trim()
        .split('\t')
        .map((f) => [f.slice(0, f.indexOf(':')), f.slice(f.indexOf(':') + 1).trim()]),
    );
    if (!line.startsWith('\t') && fields.TopicId) {
      topics.set(fields.Topic, {
        topicId: fields.TopicId,
        partitionCount: Number(fields.PartitionCount),
        replicationFactor: Number(fields.ReplicationFactor),
        configs: Object.fromEntries(
          (fields.Configs || '')
            .split(',')
            .filter(Boolean)
            .map((kv: string) => kv.split('=')),
        ),
        partitions: [],
      });
    } else if (fields.Partition !== undefined && fields.Topic) {
      topics.get(fields.Topic)!.partitions.push({
        partition: Number(fields.Partition),
        leader: Number(fields.Leader),
        replicas: nums(fields.Replicas),
        isr: nums(fields.Isr),
      });
    }
  }
  return topics;
}

afterAll(async () => {
  if (created.length) await ktool('topics', 'delete', ...created, '--if-exists', '--yes');
});

describe('topics against a real broker', () => {
  it('create, list, describe, alter and delete', async () => {
    const name = await createTopic(3, '-c', 'retention.ms=3600000', '-c', 'cleanup.policy=compact');
    const list = await ktool('topics', 'list', '--json');
    expect(JSON.parse(list.stdout)).toContainEqual({ name, partitions: 3, replicationFactor: 1, internal: false });

    const describe = await ktool('topics', 'describe', name, '--json');
    const [t] = JSON.parse(describe.stdout);
    expect(t.partitionCount).toBe(3);
    expect(t.configs).toMatchObject({ 'retention.ms': '3600000', 'cleanup.policy': 'compact' });
    expect(t.partitions.map((p: { messages: number }) => p.messages)).toEqual([0, 0, 0]);

    const alter = await ktool('topics', 'alter', name, '--partitions', '5', '--json');
    expect(JSON.parse(alter.stdout)).toEqual({ name, partitionsBefore: 3, partitionsAfter: 5, dryRun: false });
    await pollUntil(
      async () => JSON.parse((await ktool('topics', 'describe', name, '--json', '--no-offsets')).stdout)[0].partitionCount === 5,
      { what: 'partition count 5' },
    );
    // -p, as create takes it.
    const short = await ktool('topics', 'alter', name, '-p', '6');
    expect(short.code, short.stderr).toBe(0);
    expect(short.stdout).toBe(`${name}: partitions 5 -> 6\n`);

    const del = await ktool('topics', 'delete', name, '--yes', '--json');
    expect(JSON.parse(del.stdout)).toEqual([{ name, status: 'deleted' }]);
    await pollUntil(
      async () => !JSON.parse((await ktool('topics', 'list', '--json')).stdout).some((x: { name: string }) => x.name === name),
      { what: 'topic gone' },
    );
  });

  it('describe agrees with Kafka TopicCommand from the same jars', async () => {
    const a = await createTopic(4, '-c', 'retention.ms=86400000');
    const b = await createTopic(1, '-c', 'max.message.bytes=200000', '-c', 'segment.bytes=10485760');
    const tool = await runKafkaTool('org.apache.kafka.tools.TopicCommand', [
      '--bootstrap-server',
      bootstrap(),
      '--describe',
      '--topic',
      `${a}|${b}`,
    ]);
    expect(tool.code).toBe(0);
    const reference = parseTopicCommand(tool.stdout);
    const ours = JSON.parse((await ktool('topics', 'describe', a, b, '--json')).stdout) as {
      name: string;
      id: string;
      partitionCount: number;
      replicationFactor: number;
      configs: Record<string, string>;
      partitions: ToolTopic['partitions'];
    }[];
    expect(ours.map((t) => t.name).sort()).toEqual([...reference.keys()].sort());
    for (const t of ours) {
      const ref = reference.get(t.name)!;
      expect(t.id).toBe(ref.topicId);
      expect(t.partitionCount).toBe(ref.partitionCount);
      expect(t.replicationFactor).toBe(ref.replicationFactor);
      expect(t.configs).toEqual(ref.configs);
      expect(t.partitions.map(({ partition, leader, replicas, isr }) => ({ partition, leader, replicas, isr }))).toEqual(ref.partitions);
    }
  });

  it('kafka-topics.sh spellings work end to end', async () => {
    const name = uniqueName('legacy');
    created.push(name);
    const create = await ktool(
      'topics',
      '--create',
      '--topic',
      name,
      '--partitions',
      '2',
      '--replication-factor',
      '1',
      '--config',
      'retention.ms=1000',
      '--bootstrap-server',
      bootstrap(),
    );
    expect(create.code).toBe(0);
    const describe = await ktool('topics', '--describe', '--topic', name, '--bootstrap-server', bootstrap(), '--json');
    expect(JSON.parse(describe.stdout)[0]).toMatchObject({ name, partitionCount: 2, configs: { 'retention.ms': '1000' } });
    const list = await ktool('topics', '--list', '--exclude-internal');
    expect(list.stdout).toContain(name);
    expect(list.stdout).not.toContain('__consumer_offsets');
  });

  it('errors name the broker reason with the right exit code', async () => {
    const name = await createTopic(2);
    const exists = await ktool('topics', 'create', name);
    expect(exists.code).toBe(1);
    expect(exists.stderr).toMatch(new RegExp(`cannot create topic ${name}: Topic '${name}' already exists`));
    expect((await ktool('topics', 'create', name, '--if-not-exists')).code).toBe(0);

    const rf = await ktool('topics', 'create', uniqueName('rf'), '-r', '3');
    expect(rf.code).toBe(2);
    expect(rf.stderr).toMatch(/replication factor of 3 cannot be reached because only 1 broker/);

    const badConfig = await ktool('topics', 'create', uniqueName('cfg'), '-c', 'no.such.config=1');
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/no.such.config/);

    const badValue = await ktool('topics', 'create', uniqueName('cfg'), '-c', 'retention.ms=soon');
    expect(badValue.code).toBe(2);
    expect(badValue.stderr).toMatch(/retention.ms/);

    const shrink = await ktool('topics', 'alter', name, '--partitions', '1');
    expect(shrink.code).toBe(2);
    expect(shrink.stderr).toMatch(/cannot reduce/);

    const missing = await ktool('topics', 'describe', uniqueName('missing'));
    expect(missing.code).toBe(3);
    const missingAlter = uniqueName('missing');
    expect((await ktool('topics', 'alter', missingAlter, '-p', '2')).code).toBe(3);
    const ignored = await ktool('topics', 'alter', missingAlter, '-p', '2', '--if-exists', '--json');
    expect(ignored.code, ignored.stderr).toBe(0);
    expect(JSON.parse(ignored.stdout)).toEqual({ name: missingAlter, exists: false, dryRun: false });
    expect(ignored.stderr).toBe(`warning: not found (ignored with --if-exists): ${missingAlter}\n`);
    const missingDelete = await ktool('topics', 'delete', uniqueName('missing'), '--yes');
    expect(missingDelete.code).toBe(3);
    expect((await ktool('topics', 'delete', uniqueName('missing'), '--yes', '--if-exists')).code).toBe(0);
  });

  it('--dry-run validates without creating', async () => {
    const name = uniqueName('dry');
    const r = await ktool('topics', 'create', name, '-p', '2', '--dry-run', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ name, status: 'validated' }]);
    expect((await ktool('topics', 'describe', name)).code).toBe(3);
    const bad = await ktool('topics', 'create', name, '-r', '9', '--dry-run');
    expect(bad.code).toBe(2);
  });

  it('describe filters select partitions like TopicCommand', async () => {
    const name = await createTopic(2, '-c', 'min.insync.replicas=1');
    const atMin = JSON.parse((await ktool('topics', 'describe', name, '--at-min-isr-partitions', '--json')).stdout);
    expect(atMin[0].partitions).toHaveLength(2);
    const under = JSON.parse((await ktool('topics', 'describe', name, '--under-replicated-partitions', '--json')).stdout);
    expect(under).toEqual([]);
    const tool = await runKafkaTool('org.apache.kafka.tools.TopicCommand', [
      '--bootstrap-server',
      bootstrap(),
      '--describe',
      '--topic',
      name,
      '--at-min-isr-partitions',
    ]);
    expect(tool.stdout.trim().split('\n')).toHaveLength(2);
  });
});
