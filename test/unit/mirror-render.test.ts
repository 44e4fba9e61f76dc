import { describe, expect, it } from 'vitest';
import type { ConnectApi, ConnectorInfo } from '../../src/kafka/connect.js';
import type { ConsumedRecord, PartitionReaderOptions } from '../../src/kafka/consumer-types.js';
import type { MirrorGroupOptions } from '../../src/kafka/mirror-types.js';
import type { ProduceRecord } from '../../src/kafka/producer-types.js';
import { tpKey, type KafkaFactory, type ListedOffset, type TopicPartition } from '../../src/kafka/types.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic, type FakeCapabilities } from '../helpers/fake-kafka.js';

// Tier 2 for `ktool mirror` and its verbs: two fake clusters (routed by bootstrap) with records in
// memory, a fake source group, reader and target producer; a fake Kafka Connect. No broker.

/** One fake cluster: topics, the records of each partition (offsets from `base`), committed offsets. */
class FakeCluster {
  readonly records = new Map<string, ConsumedRecord[]>();
  readonly committed = new Map<string, { offset: bigint; metadata: string | null }>();
  readonly topics: ReturnType<typeof topic>[] = [];
  constructor(readonly id: string) {}

  topic(name: string, partitions: number, perPartition = 0, base = 0): this {
    this.topics.push(topic(name, partitions));
    for (let p = 0; p < partitions; p++) for (let i = 0; i < perPartition; i++) this.append(name, p, `k${i}`, `${name}-${p}-${i}`, base);
    return this;
  }

  append(name: string, partition: number, key: string | null, value: string, base = 0): void {
    const list = this.records.get(tpKey(name, partition)) ?? [];
    list.push({
      topic: name,
      partition,
      offset: base + list.length,
      timestamp: 1_700_000_000_000 + list.length,
      timestampType: 'CreateTime',
      key: key === null ? null : Buffer.from(key),
      value: Buffer.from(value),
      headers: [],
    });
    this.records.set(tpKey(name, partition), list);
  }

  private bounds(tp: TopicPartition): [bigint, bigint] {
    const list = this.records.get(tpKey(tp.topic, tp.partition)) ?? [];
    const start = BigInt(list[0]?.offset ?? 0);
    return [start, start + BigInt(list.length)];
  }

  factory(): KafkaFactory {
    const partitionsOf = (name: string) => this.topics.find((t) => t.name === name)?.partitions.length ?? 0;
    return fakeKafka(
      this.topics,
      {
        cluster: async () => ({ clusterId: this.id, controllerId: 1, brokers: [{ id: 1, host: this.id, port: 9092, rack: null }] }),
        listOffsets: async (partitions, query) =>
          partitions.map((tp): ListedOffset => ({ ...tp, offset: this.bounds(tp)[query === 'earliest' ? 0 : 1], timestamp: -1n })),
      },
      {
        mirrorGroup: async (o: MirrorGroupOptions) => ({
          generation: () => 1,
          memberId: () => 'member-1',
          assignment: () => o.topics.flatMap((t) => Array.from({ length: partitionsOf(t) }, (_, partition) => ({ topic: t, partition }))),
          committed: async (tps: TopicPartition[]) =>
            new Map(
              tps.flatMap((tp) =>
                this.committed.has(tpKey(tp.topic, tp.partition))
                  ? [[tpKey(tp.topic, tp.partition), this.committed.get(tpKey(tp.topic, tp.partition))!]]
                  : [],
              ),
            ),
          commit: async (offsets: { topic: string; partition: number; offset: bigint }[]) => {
            for (const c of offsets)
              this.committed.set(tpKey(c.topic, c.partition), { offset: c.offset, metadata: o.commitMetadata?.(c.topic) ?? null });
          },
          close: async () => {},
        }),
        partitionReader: async (o: PartitionReaderOptions) => {
          let done = false;
          return {
            next: async () => {
              if (done) return null;
              done = true;
              return o.ranges.flatMap((r) =>
                (this.records.get(tpKey(r.topic, r.partition)) ?? []).filter(
                  (x) => BigInt(x.offset) >= r.start && (r.end === undefined || BigInt(x.offset) < r.end),
                ),
              );
            },
            close: async () => {},
          };
        },
        producer: async () => ({
          send: async (records: ProduceRecord[]) => {
            for (const r of records) this.append(r.topic, r.partition, r.key?.toString() ?? null, r.value!.toString());
          },
          close: async () => {},
        }),
        // Only what the mirror and verify use of each (a producer that sends, a group that commits).
      } as unknown as FakeCapabilities,
    );
  }
}

/** Both clusters behind one factory: -b/--*-bootstrap src:9092 or dst:9092. */
function clusters(source: FakeCluster, target: FakeCluster): KafkaFactory {
  const [s, t] = [source.factory(), target.factory()];
  return (settings) => (settings.bootstrap[0].startsWith('src') ? s(settings) : t(settings));
}

const env = { KTOOL_CONFIG: '/nonexistent/config.yaml', KTOOL_BROKERS: undefined, KTOOL_PROFILE: undefined };
const sides = ['--from-bootstrap', 'src:9092', '--to-bootstrap', 'dst:9092'];

describe('mirror usage errors (exit 2, nothing opened)', () => {
  it.each([
    [
      ['--to-bootstrap', 'dst:9092', '--topics', 'x'],
      'error: the source cluster is missing\nhint: pass --from PROFILE, --from-bootstrap HOST:PORT or --from-config FILE\n',
    ],
    [
      ['--from', 'a', '--topics', 'x'],
      'error: the target cluster is missing\nhint: pass --to PROFILE, --to-bootstrap HOST:PORT or --to-config FILE\n',
    ],
    [sides, "error: --topics REGEX is required\nhint: e.g. --topics 'orders|payments' or --topics '.*'\n"],
    [[...sides, '--topics', 'x', '--compression', 'brotli'], 'error: --compression must be one of none, gzip, snappy, lz4, zstd\n'],
    [[...sides, '--topics', 'x', '--start', 'middle'], 'error: --start must be earliest or latest\n'],
    [[...sides, '--topics', 'x', '--max-in-flight', '9'], /--max-in-flight/],
  ])('%j', async (args, stderr) => {
    const r = await runCli(['mirror', ...args], {
      env,
      deps: { kafkaFactory: () => Promise.reject(new Error('no cluster may be opened')) as never },
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    if (typeof stderr === 'string') expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
  });
});

describe('mirror run rendering', () => {
  const fresh = () => {
    const source = new FakeCluster('src').topic('orders', 2, 3).topic('payments', 1, 2).topic('tmp', 1, 1);
    const target = new FakeCluster('dst');
    return { source, target, deps: { kafkaFactory: clusters(source, target) } };
  };

  it('--until-caught-up off a TTY: the topic table and the outcome line; every record copied to its partition', async () => {
    const { target, deps } = fresh();
    const r = await runCli(['mirror', ...sides, '--topics', 'orders|payments', '--until-caught-up'], { env, deps });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [table, outcome] = r.stdout.split('\n\n');
    expect(table).toBe(
      'SOURCE    TARGET    PARTITIONS  MAPPING  CREATED  RECORDS\n' +
        'orders    orders             2  same     true           6\n' +
        'payments  payments           1  same     true           2',
    );
    expect(outcome).toMatch(/^caught-up: 8 records \(\d+ bytes\) in \d+\.\ds, \d+ records\/s, group ktool-mirror\.[0-9a-f]{12}\n$/);
    expect(target.records.get(tpKey('orders', 1))?.map((x) => x.value!.toString())).toEqual(['orders-1-0', 'orders-1-1', 'orders-1-2']);
  });

  it('--json: the summary as data (starts per partition, group, counts)', async () => {
    const { deps } = fresh();
    const r = await runCli(
      ['mirror', ...sides, '--topics', 'orders', '--rename', 'src.{topic}', '-g', 'g1', '--until-caught-up', '--json'],
      { env, deps },
    );
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data).toMatchObject({ source: 'src:9092', target: 'dst:9092', group: 'g1', outcome: 'caught-up', records: 6, retries: 0 });
    expect(data.topics).toEqual([
      {
        source: 'orders',
        target: 'src.orders',
        partitions: 2,
        targetPartitions: 2,
        mapping: 'same',
        created: true,
        records: 6,
        resumed: false,
        starts: [
          { partition: 0, offset: 0, from: 'earliest' },
          { partition: 1, offset: 0, from: 'earliest' },
        ],
      },
    ]);
    const yaml = await runCli(['mirror', ...sides, '--topics', 'orders', '-g', 'g2', '--until-caught-up', '--format', 'yaml'], {
      env,
      deps: fresh().deps,
    });
    expect(yaml.stdout).toMatch(/^source: src:9092\ntarget: dst:9092\ngroup: g2\noutcome: caught-up\nrecords: 6\n/);
  });

  it('on a TTY with FORCE_COLOR: bold headers, and where each topic starts on stderr', async () => {
    const { deps } = fresh();
    const r = await runCli(['mirror', ...sides, '--topics', 'payments', '--until-caught-up'], {
      env: { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' },
      deps,
      tty: true,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\u001b[1mSOURCE');
    expect(r.stderr).toContain('copying payments -> payments from earliest (partition 0 at 0)');
  });

  it('a second run resumes from the committed offsets: says so on stderr, copies nothing again', async () => {
    const { source, target, deps } = fresh();
    expect((await runCli(['mirror', ...sides, '--topics', 'payments', '--until-caught-up'], { env, deps })).code).toBe(0);
    source.append('payments', 0, 'k', 'late');
    const r = await runCli(['mirror', ...sides, '--topics', 'payments', '--until-caught-up', '--json'], { env, deps });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('resuming payments -> payments from committed offsets (partition 0 at 2)\n');
    expect(JSON.parse(r.stdout)).toMatchObject({
      records: 1,
      topics: [{ created: false, resumed: true, starts: [{ partition: 0, offset: 2, from: 'committed' }] }],
    });
    expect(target.records.get(tpKey('payments', 0))?.map((x) => x.value!.toString())).toEqual(['payments-0-0', 'payments-0-1', 'late']);
  });

  it('no source topic matches: exit 3; the same cluster on both sides without --rename: exit 2', async () => {
    const { deps } = fresh();
    expect(await runCli(['mirror', ...sides, '--topics', 'nope.*'], { env, deps })).toEqual({
      code: 3,
      stdout: '',
      stderr: "error: no source topic matches --topics 'nope.*'\nhint: list them with `ktool topics list` on the source\n",
    });
    const same = await runCli(['mirror', '--from-bootstrap', 'src:9092', '--to-bootstrap', 'src:9093', '--topics', 'orders'], {
      env,
      deps,
    });
    expect(same).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: source and target are the same cluster: the mirror would copy topics onto themselves\n' +
        "hint: rename the targets, e.g. --rename 'copy.{topic}'\n",
    });
    const loop = await runCli(
      ['mirror', '--from-bootstrap', 'src:9092', '--to-bootstrap', 'src:9093', '--topics', '.*', '--rename', 'copy.{topic}'],
      { env, deps },
    );
    expect(loop.code).toBe(2);
    expect(loop.stderr).toMatch(/^error: target topic copy\.orders also matches --topics on the same cluster/);
  });
});

describe('mirror verify rendering', () => {
  const pair = () => {
    const source = new FakeCluster('src').topic('orders', 2, 3).topic('payments', 1, 2);
    const target = new FakeCluster('dst').topic('orders', 2, 3).topic('payments', 1, 2);
    return { source, target, deps: { kafkaFactory: clusters(source, target) } };
  };

  it('equal counts: the table and "match", exit 0; --json', async () => {
    const { deps } = pair();
    const r = await runCli(['mirror', 'verify', ...sides, '--topics', '.*'], { env, deps });
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'SOURCE    TARGET    PARTITION  SOURCE-RECORDS  TARGET-RECORDS  DIFF  MATCH\n' +
        'orders    orders            0               3               3     0  true\n' +
        'orders    orders            1               3               3     0  true\n' +
        'payments  payments          0               2               2     0  true\n' +
        '\nmatch: 2 topic(s) have the same record counts\n',
    });
    const json = JSON.parse((await runCli(['mirror', 'verify', ...sides, '--topics', 'payments', '--json'], { env, deps })).stdout);
    expect(json).toEqual({
      match: true,
      deep: false,
      topics: [
        {
          source: 'payments',
          target: 'payments',
          mapping: 'same',
          sourceRecords: 2,
          targetRecords: 2,
          difference: 0,
          match: true,
          partitions: [{ partition: 0, source: 2, target: 2, difference: 0 }],
        },
      ],
    });
  });

  it('a missing record: MISMATCH, a one-line summary on stderr, exit 6', async () => {
    const { source, deps } = pair();
    source.append('orders', 1, 'k', 'extra');
    const r = await runCli(['mirror', 'verify', ...sides, '--topics', 'orders'], { env, deps });
    expect(r.code).toBe(6);
    expect(r.stderr).toBe('mismatch: 1 of 1 topic(s) differ, e.g. orders -> orders: 7 vs 6 records\n');
    expect(r.stdout.split('\n').slice(2)).toEqual([
      'orders  orders          1               4               3    -1  false',
      '',
      'MISMATCH in orders',
      '',
    ]);
  });

  it('--deep: the same counts but another value is found by the digests, exit 6', async () => {
    const { target, deps } = pair();
    target.records.get(tpKey('payments', 0))![1].value = Buffer.from('changed');
    const r = await runCli(['mirror', 'verify', ...sides, '--topics', 'payments', '--deep', '--json'], { env, deps });
    expect(r.code).toBe(6);
    const data = JSON.parse(r.stdout);
    expect(data).toMatchObject({
      match: false,
      deep: true,
      topics: [{ source: 'payments', sourceRecords: 2, targetRecords: 2, match: false }],
    });
    expect(data.topics[0].partitions[0].firstDifference).toEqual({ index: 1, sourceOffset: 1, targetOffset: 1 });
    expect(r.stderr).toMatch(
      new RegExp(
        String.raw`^mismatch: 1 of 1 topic\(s\) differ, e\.g\. payments -> payments: 2 vs 2 records, .*first ` +
          String.raw`difference at source offset 1 \/ target offset 1\n$`,
      ),
    );
    const same = await runCli(['mirror', 'verify', ...sides, '--topics', 'orders', '--deep'], { env, deps });
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/\nmatch: 1 topic\(s\) identical\n$/);
  });

  it('a target topic that is missing: mapping missing, no match, exit 6', async () => {
    const source = new FakeCluster('src').topic('orders', 1, 2);
    const r = await runCli(['mirror', 'verify', ...sides, '--topics', 'orders', '--json'], {
      env,
      deps: { kafkaFactory: clusters(source, new FakeCluster('dst')) },
    });
    expect(r.code).toBe(6);
    expect(JSON.parse(r.stdout).topics[0]).toMatchObject({ mapping: 'missing', sourceRecords: 2, targetRecords: 0, match: false });
  });
});

/** A Kafka Connect worker in memory. */
function fakeConnect(connectors: ConnectorInfo[]) {
  const calls: string[] = [];
  const api: ConnectApi = {
    list: async () => connectors,
    put: async (name) => (calls.push(`put ${name}`), !connectors.some((c) => c.name === name)),
    status: async (name) => connectors.find((c) => c.name === name)!.status,
    pause: async (name) => void calls.push(`pause ${name}`),
    resume: async (name) => void calls.push(`resume ${name}`),
    remove: async (name) => void calls.push(`delete ${name}`),
  };
  return { calls, connectFactory: () => api };
}

const connector = (name: string, kind: string, state = 'RUNNING', task = 'RUNNING'): ConnectorInfo => ({
  name,
  config: {
    'connector.class': `org.apache.kafka.connect.mirror.${kind}`,
    ...(kind === 'MirrorSourceConnector' ? { topics: 'orders.*' } : {}),
  },
  status: {
    name,
    connector: { state, worker_id: 'w1:8083' },
    tasks: [
      { id: 0, state: task, worker_id: 'w1:8083', ...(task === 'FAILED' ? { trace: 'java.lang.RuntimeException: boom\n\tat x' } : {}) },
    ],
    type: 'source',
  } as ConnectorInfo['status'],
});

describe('mirror status, pause, resume, delete (Kafka Connect)', () => {
  const worker = () =>
    fakeConnect([
      connector('m-dr-MirrorSourceConnector', 'MirrorSourceConnector'),
      connector('m-dr-MirrorCheckpointConnector', 'MirrorCheckpointConnector'),
      connector('other', 'MirrorHeartbeatConnector'),
      { ...connector('file', 'FileStreamSource'), config: { 'connector.class': 'FileStreamSource' } },
    ]);
  const url = ['--connect-url', 'http://connect:8083'];

  it('status: connectors and task states, exit 0; wide adds WORKER and TOPICS; --json', async () => {
    const { connectFactory } = worker();
    const r = await runCli(['mirror', 'status', ...url, '--name', 'm-dr'], { env, deps: { connectFactory } });
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'CONNECTOR                       CLASS                      STATE    TASKS\n' +
        'm-dr-MirrorCheckpointConnector  MirrorCheckpointConnector  RUNNING  1 RUNNING\n' +
        'm-dr-MirrorSourceConnector      MirrorSourceConnector      RUNNING  1 RUNNING\n',
    });
    expect(
      (await runCli(['mirror', 'status', ...url, '--format', 'wide'], { env, deps: { connectFactory } })).stdout.split('\n')[0],
    ).toMatch(/TASKS +WORKER +TOPICS$/);
    const json = JSON.parse(
      (await runCli(['mirror', 'status', ...url, '--name', 'other', '--json'], { env, deps: { connectFactory } })).stdout,
    );
    expect(json).toEqual({
      connectUrl: 'http://connect:8083',
      healthy: true,
      connectors: [
        {
          name: 'other',
          class: 'MirrorHeartbeatConnector',
          state: 'RUNNING',
          worker: 'w1:8083',
          topics: null,
          tasks: [{ id: 0, state: 'RUNNING', worker: 'w1:8083' }],
        },
      ],
    });
  });

  it('status with a FAILED task: its first trace line on stderr, exit 6', async () => {
    const { connectFactory } = fakeConnect([connector('m-MirrorSourceConnector', 'MirrorSourceConnector', 'RUNNING', 'FAILED')]);
    const r = await runCli(['mirror', 'status', ...url], { env, deps: { connectFactory } });
    expect(r.code).toBe(6);
    expect(r.stderr).toBe('m-MirrorSourceConnector: FAILED: java.lang.RuntimeException: boom\n');
    expect(r.stdout).toContain('1 FAILED');
  });

  it('no MirrorMaker 2 connector (by that name): exit 3; no --connect-url: exit 2', async () => {
    const { connectFactory } = worker();
    for (const verb of ['status', 'pause', 'resume']) {
      expect(await runCli(['mirror', verb, ...url, '--name', 'nope'], { env, deps: { connectFactory } })).toEqual({
        code: 3,
        stdout: '',
        stderr: 'error: no MirrorMaker 2 connectors named nope-* on http://connect:8083\nhint: create them with `ktool mirror deploy`\n',
      });
    }
    expect(await runCli(['mirror', 'pause'], { env, deps: { connectFactory } })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --connect-url URL is required\nhint: the Kafka Connect REST address, e.g. --connect-url http://localhost:8083\n',
    });
  });

  it('pause and resume act on each selected connector and say so', async () => {
    const { calls, connectFactory } = worker();
    const r = await runCli(['mirror', 'pause', ...url, '--name', 'm-dr'], { env, deps: { connectFactory } });
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'CONNECTOR                       CLASS                      ACTION\n' +
        'm-dr-MirrorCheckpointConnector  MirrorCheckpointConnector  paused\n' +
        'm-dr-MirrorSourceConnector      MirrorSourceConnector      paused\n',
    });
    expect(
      JSON.parse((await runCli(['mirror', 'resume', ...url, '--name', 'other', '--json'], { env, deps: { connectFactory } })).stdout),
    ).toEqual({ connectUrl: 'http://connect:8083', connectors: [{ name: 'other', class: 'MirrorHeartbeatConnector', action: 'resumed' }] });
    expect(calls).toEqual(['pause m-dr-MirrorCheckpointConnector', 'pause m-dr-MirrorSourceConnector', 'resume other']);
  });

  it('delete: refused off a terminal without --yes (exit 2, nothing deleted), asks on one, deletes with --yes', async () => {
    const { calls, connectFactory } = worker();
    const refused = await runCli(['mirror', 'delete', ...url, '--name', 'm-dr'], { env, deps: { connectFactory } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    const no = await runCli(['mirror', 'delete', ...url, '--name', 'm-dr'], { env, deps: { connectFactory }, tty: true, stdin: 'n\n' });
    expect(no.code).toBe(1);
    expect(no.stderr).toMatch(/delete 2 MirrorMaker 2 connectors from http:\/\/connect:8083/i);
    expect(calls).toEqual([]);
    const r = await runCli(['mirror', 'delete', ...url, '--name', 'm-dr', '--yes', '--json'], { env, deps: { connectFactory } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).connectors.map((c: { action: string }) => c.action)).toEqual(['deleted', 'deleted']);
    expect(calls).toEqual(['delete m-dr-MirrorCheckpointConnector', 'delete m-dr-MirrorSourceConnector']);
  });
});

describe('mirror deploy rendering', () => {
  const deploy = ['mirror', 'deploy', ...sides, '--topics', 'orders.*', '--rename', 'prod.{topic}'];

  it('--dry-run: each connector config as a KEY/VALUE table, Connect never called; --json', async () => {
    const r = await runCli([...deploy, '--dry-run'], {
      env,
      deps: { connectFactory: () => Promise.reject(new Error('no Connect')) as never },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      new RegExp(
        String.raw`^mirror-prod-target-source\nKEY +VALUE\nsource\.cluster\.alias +prod\n` +
          String.raw`target\.cluster\.alias +target\nsource\.cluster\.bootstrap\.servers +src:9092\n`,
      ),
    );
    expect(r.stdout.split('\n').filter((l) => l.startsWith('connector.class'))).toEqual([
      'connector.class                        org.apache.kafka.connect.mirror.MirrorSourceConnector',
      'connector.class                       org.apache.kafka.connect.mirror.MirrorCheckpointConnector',
      'connector.class                      org.apache.kafka.connect.mirror.MirrorHeartbeatConnector',
    ]);
    const json = JSON.parse((await runCli([...deploy, '--dry-run', '--no-heartbeats', '--json'], { env })).stdout);
    expect(json.connectUrl).toBe(null);
    expect(json.connectors.map((c: { class: string; action: string }) => [c.class, c.action])).toEqual([
      ['MirrorSourceConnector', 'dry-run'],
      ['MirrorCheckpointConnector', 'dry-run'],
    ]);
  });

  it('deploys to Connect: created or updated per connector, and where to look next', async () => {
    const { calls, connectFactory } = fakeConnect([connector('mirror-prod-target-source', 'MirrorSourceConnector')]);
    const r = await runCli([...deploy, '--connect-url', 'http://connect:8083'], { env, deps: { connectFactory } });
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'CONNECTOR                      CLASS                      ACTION\n' +
        'mirror-prod-target-source      MirrorSourceConnector      updated\n' +
        'mirror-prod-target-checkpoint  MirrorCheckpointConnector  created\n' +
        'mirror-prod-target-heartbeat   MirrorHeartbeatConnector   created\n' +
        '\ncheck progress with: ktool mirror status --connect-url http://connect:8083\n',
    });
    expect(calls).toEqual(['put mirror-prod-target-source', 'put mirror-prod-target-checkpoint', 'put mirror-prod-target-heartbeat']);
  });

  it('without --connect-url (and not --dry-run), or with an argument: exit 2', async () => {
    expect((await runCli(deploy, { env })).stderr).toBe(
      'error: --connect-url URL is required\nhint: the Kafka Connect REST address, e.g. --connect-url http://localhost:8083\n',
    );
    expect((await runCli([...deploy, '--dry-run', 'extra'], { env })).code).toBe(2);
  });
});
