import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { needs } from '../helpers/needs.js';
import { removeOwnCluster, startOwnCluster, type OwnCluster } from '../helpers/own-cluster.js';
import { pollUntil } from '../helpers/poll.js';

const QUORUM = 'org.apache.kafka.tools.MetadataQuorumCommand';
const FEATURES = 'org.apache.kafka.tools.FeatureCommand';
/** What moves with the metadata log between two runs (as the drop-in harness's 'metadata-offsets'). */
const settled = (text: string) =>
  text.replace(/^(HighWatermark|MaxFollowerLag|MaxFollowerLagTimeMs):( +)-?\d+$/gm, '$1:$2N').replace(/Epoch: \d+$/gm, 'Epoch: N');

// Three combined broker+controller nodes: the quorum has three voters, no observer.
describe('cluster quorum on three nodes', needs('KTOOL_TEST_BOOTSTRAP_3'), () => {
  const b3 = () => process.env.KTOOL_TEST_BOOTSTRAP_3!;
  const ktool = (...argv: string[]) => runCli(argv, { env: { KTOOL_BROKERS: b3() } });
  let controller = '';

  it('three voters, the leader first with lag 0, each with its controller endpoint', async () => {
    const r = await ktool('cluster', 'quorum', '--json');
    expect(r.stderr).toBe('');
    const q = JSON.parse(r.stdout);
    expect(q.replicas.map((x: { role: string }) => x.role)).toEqual(['Leader', 'Follower', 'Follower']);
    expect(q.replicas[0]).toMatchObject({ id: q.leaderId, lag: 0 });
    for (const x of q.replicas) expect(x.endpoints[0]).toMatch(/^CONTROLLER:\/\/[\d.]+:\d+$/);
    expect(q.maxFollowerLag).toBeGreaterThanOrEqual(0);
    // A controller that is not the leader: DescribeQuorum must reach the active one.
    controller = q.replicas[1].endpoints[0].replace('CONTROLLER://', '');
  });

  it('--bootstrap-controller (a follower controller): the same quorum, also as Kafka prints it', async () => {
    const native = JSON.parse((await ktool('cluster', 'quorum', '--bootstrap-controller', controller, '--json')).stdout);
    const viaBroker = JSON.parse((await ktool('cluster', 'quorum', '--json')).stdout);
    expect(native.leaderId).toBe(viaBroker.leaderId);
    expect(native.clusterId).toBe(viaBroker.clusterId);
    const args = ['--bootstrap-controller', controller, 'describe', '--status'];
    const [kafka, ours] = [await runKafkaTool(QUORUM, args), await runCli(['cluster', 'quorum', ...args])];
    expect(ours.code).toBe(0);
    expect(kafka.code).toBe(0);
    expect(settled(ours.stdout)).toBe(settled(kafka.stdout));
  });

  it("kafka-features.sh --bootstrap-controller describe: the controller's own features, as Kafka prints them", async () => {
    const args = ['--bootstrap-controller', controller, 'describe'];
    const kafka = await runKafkaTool(FEATURES, args);
    const ours = await runCli(['cluster', 'features', ...args]);
    expect(ours.code).toBe(0);
    expect(settled(ours.stdout)).toBe(settled(kafka.stdout));
  });
});

// A real downgrade and upgrade change cluster-wide state: on a cluster of this file's own.
describe('cluster features upgrade and downgrade on an own cluster', () => {
  let c: OwnCluster | undefined;
  beforeAll(async () => {
    c = await startOwnCluster('features');
  }, 180_000);
  afterAll(() => removeOwnCluster(c), 60_000);

  const ktool = (...argv: string[]) => runCli(argv, { env: { KTOOL_BROKERS: c!.bootstrap } });
  const level = async (feature: string) => {
    const r = JSON.parse((await ktool('cluster', 'features', '--json')).stdout);
    return r.features.find((f: { feature: string }) => f.feature === feature)?.finalized;
  };

  it('group.version downgraded to 0 (a --dry-run changes nothing), Kafka sees it; upgraded back, original spelling', async () => {
    expect(await level('group.version')).toBe(1);
    const dry = await ktool('cluster', 'features', 'downgrade', '--feature', 'group.version=0', '--dry-run');
    expect(dry).toMatchObject({ code: 0, stdout: 'FEATURE        LEVEL  DRY-RUN\ngroup.version  0      valid\n' });
    expect(await level('group.version')).toBe(1);

    const done = await ktool('cluster', 'features', 'downgrade', '--feature', 'group.version=0', '--json');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout).results).toEqual([
      { feature: 'group.version', level: 0, type: 'safe-downgrade', ok: true, error: null },
    ]);
    await pollUntil(async () => (await level('group.version')) === 0, { timeoutMs: 30_000, what: 'group.version at 0' });
    const kafka = await runKafkaTool(FEATURES, ['--bootstrap-server', c!.bootstrap, 'describe']);
    expect(kafka.stdout).toMatch(/Feature: group\.version +SupportedMinVersion: 0 +SupportedMaxVersion: 1 +FinalizedVersionLevel: 0 /);

    const up = await runCli(['cluster', 'features', '--bootstrap-server', c!.bootstrap, 'upgrade', '--feature', 'group.version=1']);
    expect(up).toEqual({ code: 0, stdout: 'group.version was upgraded to 1.\n', stderr: '' });
    await pollUntil(async () => (await level('group.version')) === 1, { timeoutMs: 30_000, what: 'group.version at 1' });
  });

  it("Kafka's tool downgrades, ktool's drop-in describe prints what Kafka's does; a refused level: exit 1 both", async () => {
    const down = await runKafkaTool(FEATURES, ['--bootstrap-server', c!.bootstrap, 'downgrade', '--feature', 'share.version=0']);
    expect(down.stdout).toBe('share.version was downgraded to 0.\n');
    await pollUntil(async () => (await level('share.version')) === 0, { timeoutMs: 30_000, what: 'share.version at 0' });
    const args = ['--bootstrap-server', c!.bootstrap, 'describe'];
    expect(settled((await runCli(['cluster', 'features', ...args])).stdout)).toBe(settled((await runKafkaTool(FEATURES, args)).stdout));
    const bad = ['--bootstrap-server', c!.bootstrap, 'upgrade', '--feature', 'share.version=9'];
    const [k, t] = [await runKafkaTool(FEATURES, bad), await runCli(['cluster', 'features', ...bad])];
    expect([t.code, t.stdout]).toEqual([k.code, k.stdout]);
    expect(k.code).toBe(1);
  });
});
