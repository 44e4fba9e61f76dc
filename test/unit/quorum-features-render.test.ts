import { describe, expect, it } from 'vitest';
import type { ClusterApi, FeatureUpdate } from '../../src/kafka/cluster-types.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka } from '../helpers/fake-kafka.js';

// Tier 2 for `ktool cluster quorum` and `cluster features`, native and with the Kafka tools'
// spellings (the drop-ins print MetadataQuorumCommand's and FeatureCommand's lines): a fake ClusterApi.
const NOW = 1_800_000_000_000;
const sent: { updates: FeatureUpdate[]; validateOnly: boolean }[] = [];
const api: ClusterApi = {
  describeCluster: async () => ({ clusterId: 'cid', controllerId: 2, brokers: [{ id: 1, host: 'k1', port: 9092, rack: null }] }),
  features: async () => ({
    finalizedEpoch: 42,
    finalized: [
      { name: 'metadata.version', minVersionLevel: 30, maxVersionLevel: 30 },
      { name: 'group.version', minVersionLevel: 1, maxVersionLevel: 1 },
    ],
    supported: [
      { name: 'metadata.version', minVersion: 7, maxVersion: 30 },
      { name: 'group.version', minVersion: 0, maxVersion: 1 },
      { name: 'kraft.version', minVersion: 0, maxVersion: 1 },
    ],
  }),
  apiVersions: async () => [],
  describeLogDirs: async () => [],
  describeQuorum: async () => ({
    leaderId: 2,
    leaderEpoch: 5,
    highWatermark: 1000,
    voters: [
      { id: 1, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: 990, lastFetchTimestamp: NOW - 40, lastCaughtUpTimestamp: NOW - 500 },
      { id: 2, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: 1000, lastFetchTimestamp: NOW - 1, lastCaughtUpTimestamp: NOW - 1 },
      { id: 3, directoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: 1000, lastFetchTimestamp: NOW - 30, lastCaughtUpTimestamp: NOW - 30 },
    ],
    observers: [{ id: 4, directoryId: 'q83vEjRWeJCrze8SNFZ4kA', logEndOffset: 1000, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1 }],
    nodes: [2, 1, 3].map((id) => ({ id, endpoints: [{ listener: 'CONTROLLER', host: `c${id}`, port: 9093 }] })),
  }),
  updateFeatures: async (updates, validateOnly) => {
    sent.push({ updates, validateOnly });
    return updates.map((u) => ({
      feature: u.feature,
      error:
        u.maxVersionLevel > 1 && u.feature !== 'metadata.version'
          ? { code: 'INVALID_UPDATE_VERSION', message: `no level ${u.maxVersionLevel}` }
          : null,
    }));
  },
};
const deps = { kafkaFactory: fakeKafka([], {}, { cluster: api }) };
const env = { KTOOL_BROKERS: 'fake:9092', KTOOL_CONFIG: '/nonexistent/config.yaml' };
const run = (argv: string[]) => runCli(argv, { deps, env, now: () => NOW });

describe('cluster quorum', () => {
  it('native: the summary and each replica with its lag, leader first, observers last', async () => {
    const r = await run(['cluster', 'quorum']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Cluster ID:            cid',
        'Leader:                2 (epoch 5)',
        'High watermark:        1000',
        'Max follower lag:      10 (499 ms)',
        'Voters:                3',
        'Observers:             1',
        '',
        'NODE  ROLE      LOG-END-OFFSET  LAG  LAST-FETCH  LAST-CAUGHT-UP  DIRECTORY-ID            ENDPOINTS',
        '   2  Leader              1000    0  1 ms ago    1 ms ago        AAAAAAAAAAAAAAAAAAAAAA  CONTROLLER://c2:9093',
        '   1  Follower             990   10  40 ms ago   500 ms ago      AAAAAAAAAAAAAAAAAAAAAA  CONTROLLER://c1:9093',
        '   3  Follower            1000    0  30 ms ago   30 ms ago       AAAAAAAAAAAAAAAAAAAAAA  CONTROLLER://c3:9093',
        '   4  Observer            1000    0                              q83vEjRWeJCrze8SNFZ4kA',
        '',
      ].join('\n'),
    );
  });

  it('--json: the figures and every replica', async () => {
    const json = JSON.parse((await run(['cluster', 'quorum', '--json'])).stdout);
    expect(json).toMatchObject({ clusterId: 'cid', leaderId: 2, maxFollowerLag: 10, maxFollowerLagTimeMs: 499 });
    expect(json.replicas.map((r: { id: number; role: string; lag: number }) => [r.id, r.role, r.lag])).toEqual([
      [2, 'Leader', 0],
      [1, 'Follower', 10],
      [3, 'Follower', 0],
      [4, 'Observer', 0],
    ]);
  });

  it("kafka-metadata-quorum.sh's spelling: its status lines and replication table", async () => {
    const status = await run(['cluster', 'quorum', '--bootstrap-server', 'fake:9092', 'describe', '--status']);
    expect(status.stdout).toBe(
      'ClusterId:              cid\nLeaderId:               2\nLeaderEpoch:            5\nHighWatermark:          1000\n' +
        'MaxFollowerLag:         10\nMaxFollowerLagTimeMs:   499\n' +
        'CurrentVoters:          [{"id": 1, "endpoints": ["CONTROLLER://c1:9093"]}, {"id": 2, "endpoints": ["CONTROLLER://c2:9093"]}, ' +
        '{"id": 3, "endpoints": ["CONTROLLER://c3:9093"]}]\n' +
        'CurrentObservers:       [{"id": 4, "directoryId": "q83vEjRWeJCrze8SNFZ4kA"}]\n',
    );
    const table = await run(['cluster', 'quorum', '--bootstrap-server', 'fake:9092', 'describe', '--replication', '--human-readable']);
    expect(table.stdout.split('\n')[2]).toBe(
      '1     \tAAAAAAAAAAAAAAAAAAAAAA\t990         \t10 \t40 ms ago         \t500 ms ago           \tFollower\t',
    );
    expect(table.stdout.split('\n')[4]).toBe(
      '4     \tq83vEjRWeJCrze8SNFZ4kA\t1000        \t0  \t-1                \t-1                   \tObserver\t',
    );
  });

  it('refusals: --status with --replication (exit 2 native, 1 with the original spelling); add-controller named unsupported', async () => {
    expect((await run(['cluster', 'quorum', '--status', '--replication'])).code).toBe(2);
    const both = await run(['cluster', 'quorum', '--bootstrap-server', 'x:1', 'describe', '--status', '--replication']);
    expect(both).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'Only one of --status or --replication should be specified with describe sub-command\n',
    });
    const add = await run(['cluster', 'quorum', '--bootstrap-server', 'x:1', 'add-controller']);
    expect(add.code).toBe(1);
    expect(add.stderr).toMatch(/^kafka-metadata-quorum.sh options ktool does not support: --add-controller/);
  });
});

describe('cluster features', () => {
  it('native describe: a table, metadata.version by name and level; --json', async () => {
    expect((await run(['cluster', 'features'])).stdout).toBe(
      [
        'Features (epoch 42)',
        'FEATURE           SUPPORTED-MIN  SUPPORTED-MAX  FINALIZED',
        'group.version     0              1              1',
        'kraft.version     0              1              0',
        'metadata.version  3.3-IV3        4.3-IV0        4.3-IV0 (30)',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await run(['cluster', 'features', '--json'])).stdout);
    expect(json.features[2]).toEqual({
      feature: 'metadata.version',
      supportedMin: 7,
      supportedMax: 30,
      finalized: 30,
      finalizedName: '4.3-IV0',
    });
  });

  it("kafka-features.sh describe: FeatureCommand's padded lines", async () => {
    const r = await run(['cluster', 'features', '--bootstrap-server', 'fake:9092', 'describe']);
    expect(r.stdout.split('\n')[2]).toBe(
      'Feature: metadata.version                          SupportedMinVersion: 3.3-IV3          ' +
        'SupportedMaxVersion: 4.3-IV0          FinalizedVersionLevel: 4.3-IV0          Epoch: 42',
    );
  });

  it('upgrade --dry-run validates only; a refused feature: exit 5 native, the counts and exit 1 with the original spelling', async () => {
    sent.length = 0;
    const ok = await run(['cluster', 'features', 'upgrade', '--feature', 'group.version=1', '--dry-run']);
    expect(ok).toMatchObject({ code: 0, stdout: 'FEATURE        LEVEL  DRY-RUN\ngroup.version  1      valid\n' });
    expect(sent[0]).toEqual({ validateOnly: true, updates: [{ feature: 'group.version', maxVersionLevel: 1, upgradeType: 1 }] });
    const some = await run(['cluster', 'features', 'upgrade', '--feature', 'group.version=1', '--feature', 'kraft.version=2']);
    expect(some.code).toBe(5);
    expect(some.stderr).toBe('error: cannot upgrade kraft.version to 2: no level 2 (INVALID_UPDATE_VERSION)\n');
    const orig = await run([
      'cluster',
      'features',
      '--bootstrap-server',
      'x:1',
      'upgrade',
      '--feature',
      'kraft.version=2',
      '--feature',
      'group.version=1',
    ]);
    expect(orig).toEqual({
      code: 1,
      stdout: 'group.version was upgraded to 1.\nCould not upgrade kraft.version to 2. no level 2\n',
      stderr: '1 out of 2 operation(s) failed.\n',
    });
  });

  it('downgrade --release-version sends every production feature at its level, safe unless --unsafe', async () => {
    sent.length = 0;
    await run(['cluster', 'features', 'downgrade', '--release-version', '3.9', '--unsafe', '--dry-run']);
    expect(sent[0].updates.map((u) => `${u.feature}=${u.maxVersionLevel}/${u.upgradeType}`)).toEqual([
      'metadata.version=21/3',
      'kraft.version=1/3',
      'transaction.version=0/3',
      'group.version=0/3',
      'eligible.leader.replicas.version=0/3',
      'share.version=0/3',
      'streams.version=0/3',
    ]);
  });

  it('version-mapping and feature-dependencies need no cluster', async () => {
    const map = await runCli(['cluster', 'features', 'version-mapping', '--release-version', '4.0', '--json'], { env });
    expect(JSON.parse(map.stdout).features.map((f: { level: number }) => f.level)).toEqual([25, 1, 2, 1, 0, 0, 0]);
    const deps2 = await runCli(['cluster', 'features', 'feature-dependencies', '--feature', 'eligible.leader.replicas.version=1'], { env });
    expect(deps2.stdout).toBe(
      'FEATURE                             REQUIRES\neligible.leader.replicas.version=1  metadata.version=4.0-IV1\n',
    );
    expect((await runCli(['cluster', 'features', 'version-mapping', '--release-version', '2.8'], { env })).code).toBe(2);
  });
});
