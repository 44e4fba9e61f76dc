import { describe, expect, it } from 'vitest';
import type { ClusterApi } from '../../src/kafka/cluster-types.js';
import type { TopicInfo } from '../../src/kafka/types.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka, topic } from '../helpers/fake-kafka.js';

// Tier 2 for `ktool cluster`: a fake ClusterApi and the fake admin (whose topic configs say
// min.insync.replicas=2), no broker.
const k1 = { id: 1, host: 'k1', port: 9092, rack: null };
const k2 = { id: 2, host: 'k2', port: 9092, rack: 'r2' };
const api: ClusterApi = {
  describeCluster: async () => ({ clusterId: 'abc', controllerId: 2, brokers: [k1, k2] }),
  features: async () => ({
    finalizedEpoch: 7,
    finalized: [{ name: 'metadata.version', minVersionLevel: 27, maxVersionLevel: 27 }],
    supported: [
      { name: 'metadata.version', minVersion: 7, maxVersion: 27 },
      { name: 'kraft.version', minVersion: 0, maxVersion: 1 },
    ],
  }),
  apiVersions: async () => [
    {
      broker: k1,
      apis: [
        { apiKey: 0, name: 'Produce', minVersion: 3, maxVersion: 12, usableVersion: 11 },
        { apiKey: 1, name: 'Fetch', minVersion: 4, maxVersion: 4, usableVersion: null },
        { apiKey: 3, name: 'Metadata', minVersion: 0, maxVersion: 13, usableVersion: 12 },
      ],
      unsupported: [{ apiKey: 2, name: 'ListOffsets' }],
    },
    { broker: k2, apis: [], error: 'connect ECONNREFUSED' },
  ],
  describeLogDirs: async (topics) => [
    {
      broker: 1,
      logDir: '/data/k1',
      error: null,
      totalBytes: 10 * 1024 ** 3,
      usableBytes: 5 * 1024 ** 3,
      partitions: [
        { topic: 'orders', partition: 0, size: 2048, offsetLag: 0, isFuture: false },
        { topic: 'orders', partition: 1, size: 100, offsetLag: 3, isFuture: true },
      ].filter((p) => !topics || topics.includes(p.topic)),
    },
    { broker: 2, logDir: '/data/k2', error: 'KAFKA_STORAGE_ERROR', totalBytes: -1, usableBytes: -1, partitions: [] },
  ],
  // cluster quorum and features: test/unit/quorum-features-render.test.ts.
  describeQuorum: () => Promise.reject(new Error('not used here')),
  updateFeatures: () => Promise.reject(new Error('not used here')),
};
// payments: partition 0 under-replicated and under min ISR, partition 1 offline as well.
const payments: TopicInfo = {
  ...topic('payments', 2, [1, 2]),
  partitions: [
    { partition: 0, leader: 1, leaderEpoch: 0, replicas: [1, 2], isr: [1], offline: [] },
    { partition: 1, leader: -1, leaderEpoch: 0, replicas: [1, 2], isr: [], offline: [1, 2] },
  ],
};
const topics = [topic('orders', 2, [1, 2]), payments];
const deps = { kafkaFactory: fakeKafka(topics, {}, { cluster: api }) };
const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };
const colour = { ...env, NO_COLOR: undefined, FORCE_COLOR: '1' };

describe('cluster info rendering', () => {
  it('off a TTY: summary, brokers (the controller marked) and features (a supported one not finalized is at 0)', async () => {
    expect(await runCli(['cluster', 'info'], { deps, env })).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Cluster ID: abc',
        'Controller: 2',
        'Brokers:    2',
        '',
        'Brokers',
        'ID  HOST:PORT  RACK  CONTROLLER',
        ' 1  k1:9092',
        ' 2  k2:9092    r2    yes',
        '',
        'Features (epoch 7)',
        'FEATURE           FINALIZED  SUPPORTED',
        'kraft.version     0          0-1',
        'metadata.version  27         7-27',
        '',
      ].join('\n'),
    });
  });

  it('on a TTY with FORCE_COLOR: bold headers', async () => {
    expect((await runCli(['cluster', 'info'], { deps, env: colour, tty: true })).stdout).toContain('\u001b[1mFEATURE');
  });

  it('--json and --format yaml', async () => {
    const json = JSON.parse((await runCli(['cluster', 'info', '--json'], { deps, env })).stdout);
    expect(json).toEqual({ clusterId: 'abc', controllerId: 2, brokers: [k1, k2], features: await api.features() });
    expect((await runCli(['cluster', 'info', '--format', 'yaml'], { deps, env })).stdout).toMatch(
      /^clusterId: abc\ncontrollerId: 2\nbrokers:\n  - id: 1\n    host: k1\n    port: 9092\n    rack: null\n/,
    );
  });
});

describe('cluster health rendering', () => {
  it('problems: the summary and one row per problem, exit 6', async () => {
    expect(await runCli(['cluster', 'health'], { deps, env })).toEqual({
      code: 6,
      stderr: '',
      stdout: [
        'UNHEALTHY: 1 broker(s), 2 topic(s), 4 partition(s)',
        'offline: 1  under-replicated: 2  under-min-isr: 2',
        '',
        'PROBLEM           TOPIC     PARTITION  LEADER  REPLICAS  ISR  MIN-ISR',
        'offline           payments          1  none    1,2                  2',
        'under-replicated  payments          0  1       1,2       1          2',
        'under-replicated  payments          1  none    1,2                  2',
        'under-min-isr     payments          0  1       1,2       1          2',
        'under-min-isr     payments          1  none    1,2                  2',
        '',
      ].join('\n'),
    });
  });

  it('healthy topics: OK, exit 0; --json', async () => {
    expect(await runCli(['cluster', 'health', 'orders'], { deps, env })).toEqual({
      code: 0,
      stderr: '',
      stdout: 'OK: 1 broker(s), 1 topic(s), 2 partition(s)\noffline: 0  under-replicated: 0  under-min-isr: 0\n',
    });
    const json = await runCli(['cluster', 'health', '--json'], { deps, env });
    expect(json.code).toBe(6);
    expect(JSON.parse(json.stdout)).toMatchObject({
      healthy: false,
      clusterId: 'fake',
      brokers: 1,
      topics: 2,
      partitions: 4,
      offline: [{ topic: 'payments', partition: 1, leader: -1, replicas: [1, 2], isr: [], minIsr: 2 }],
    });
  });

  it('a topic that does not exist: exit 3, a did-you-mean hint', async () => {
    expect(await runCli(['cluster', 'health', 'ordrs'], { deps, env })).toEqual({
      code: 3,
      stdout: '',
      stderr: 'error: topic ordrs does not exist\nhint: did you mean orders? (ktool topics list shows the topics)\n',
    });
  });
});

describe('cluster log-dirs rendering', () => {
  it('dirs with human sizes, then replicas (bytes, future flag and dir in wide)', async () => {
    expect(await runCli(['cluster', 'log-dirs'], { deps, env })).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'BROKER  LOG-DIR   ERROR                PARTITIONS     SIZE     TOTAL   USABLE',
        '     1  /data/k1                                2  2.1 KiB  10.0 GiB  5.0 GiB',
        '     2  /data/k2  KAFKA_STORAGE_ERROR           0      0 B',
        '',
        'BROKER  TOPIC   PARTITION     SIZE  OFFSET-LAG',
        '     1  orders          0  2.0 KiB           0',
        '     1  orders          1    100 B           3',
        '',
      ].join('\n'),
    });
    const wide = await runCli(['cluster', 'log-dirs', '--format', 'wide'], { deps, env });
    expect(wide.stdout.split('\n').slice(4, 7)).toEqual([
      'BROKER  TOPIC   PARTITION     SIZE  BYTES  OFFSET-LAG  FUTURE  LOG-DIR',
      '     1  orders          0  2.0 KiB   2048           0          /data/k1',
      '     1  orders          1    100 B    100           3  yes     /data/k1',
    ]);
  });

  it('--json is the broker data; --topic-list a,b and --topic select topics; an unknown one: exit 3', async () => {
    expect(JSON.parse((await runCli(['cluster', 'log-dirs', '--json'], { deps, env })).stdout)).toEqual(await api.describeLogDirs(null));
    const some = JSON.parse((await runCli(['cluster', 'log-dirs', '--topic-list', 'payments', '--json'], { deps, env })).stdout);
    expect(some[0].partitions).toEqual([]);
    expect(await runCli(['cluster', 'log-dirs', '--topic', 'orders', '--topic', 'nope'], { deps, env })).toEqual({
      code: 3,
      stdout: '',
      stderr: 'error: topic nope does not exist\nhint: ktool topics list shows the topics\n',
    });
  });
});

describe('cluster api-versions rendering', () => {
  // The client's APIs the broker lacks are UNSUPPORTED lines among the others, in key order.
  it("table: kafka-broker-api-versions.sh's text; a broker that did not answer: partial, exit 5", async () => {
    expect(await runCli(['cluster', 'api-versions'], { deps, env })).toEqual({
      code: 5,
      stdout:
        'k1:9092 (id: 1 rack: null isFenced: false) -> (\n\tProduce(0): 3 to 12 [usable: 11],\n' +
        '\tFetch(1): 4 [UNUSABLE],\n\tListOffsets(2): UNSUPPORTED,\n\tMetadata(3): 0 to 13 [usable: 12]\n)\n' +
        'k2:9092 (id: 2 rack: r2 isFenced: false) -> ERROR: connect ECONNREFUSED\n',
      stderr: 'error: broker 2 (k2:9092) did not tell its API versions: connect ECONNREFUSED\n',
    });
  });

  it('wide: a table per broker; --json: the data', async () => {
    const wide = await runCli(['cluster', 'api-versions', '--format', 'wide'], { deps, env });
    expect(wide.stdout).toBe(
      'Broker 1 (k1:9092)\nAPI       KEY  MIN  MAX  USABLE\nProduce     0    3   12      11\n' +
        'Fetch       1    4    4    none\nMetadata    3    0   13      12\n\nBroker 2 (k2:9092): connect ECONNREFUSED\n' +
        'API  KEY  MIN  MAX  USABLE\n',
    );
    const json = await runCli(['cluster', 'api-versions', '--json'], { deps, env });
    expect(json.code).toBe(5);
    expect(JSON.parse(json.stdout)).toEqual(await api.apiVersions());
  });

  it('every broker answered: exit 0; none did: a connection error, exit 4', async () => {
    const one = fakeKafka(topics, {}, { cluster: { ...api, apiVersions: async () => (await api.apiVersions()).slice(0, 1) } });
    expect((await runCli(['cluster', 'api-versions'], { deps: { kafkaFactory: one }, env })).code).toBe(0);
    const none = fakeKafka(topics, {}, { cluster: { ...api, apiVersions: async () => (await api.apiVersions()).slice(1) } });
    const r = await runCli(['cluster', 'api-versions'], { deps: { kafkaFactory: none }, env });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(
      new RegExp(
        String.raw`^error: broker 2 \(k2:9092\) did not tell its API versions: connect ECONNREFUSED\n` +
          String.raw`hint: check that the brokers' advertised\.listeners are reachable`,
      ),
    );
  });
});
