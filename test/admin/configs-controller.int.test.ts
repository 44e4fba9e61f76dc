import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { needs } from '../helpers/needs.js';
import { pollUntil } from '../helpers/poll.js';

const CONFIG_COMMAND = 'kafka.admin.ConfigCommand';

// kafka-configs.sh --bootstrap-controller naming a controller that is not the quorum's leader (three combined
// broker+controller nodes): it answers DescribeConfigs itself but refuses IncrementalAlterConfigs (NOT_CONTROLLER),
// which Java's admin client then sends to the active controller. The one-node harness (test/dropin/cases-configs.ts)
// has a single controller, always the active one.
describe('kafka-configs.sh --bootstrap-controller: a follower controller', needs('KTOOL_TEST_BOOTSTRAP_3', 'KTOOL_TEST_KAFKA_LIBS'), () => {
  const env = () => ({ KTOOL_BROKERS: process.env.KTOOL_TEST_BOOTSTRAP_3! });
  const ktool = (...argv: string[]) => runCli(argv, { env: env() });
  const topic = uniqueName('cfgctl');
  const group = uniqueName('cfgctl-g');
  let follower = '';
  let followerId = 0;
  const viaFollower = (...args: string[]) => ['--bootstrap-controller', follower, ...args];
  /** Kafka's ConfigCommand, then ktool's drop-in, with the same arguments. */
  const both = async (...args: string[]) => [
    await runKafkaTool(CONFIG_COMMAND, viaFollower(...args)),
    await ktool('configs', ...viaFollower(...args)),
  ];
  const topicConfigs = async () => {
    const r = await ktool('configs', 'describe', '--topic', topic, '--json');
    return Object.fromEntries((JSON.parse(r.stdout)[0].configs as { name: string; value: string }[]).map((c) => [c.name, c.value]));
  };

  beforeAll(async () => {
    const q = JSON.parse((await ktool('cluster', 'quorum', '--json')).stdout);
    const f = q.replicas.find((x: { role: string }) => x.role === 'Follower');
    follower = f.endpoints[0].replace(/^[A-Z_]+:\/\//, '');
    followerId = f.id;
    expect((await ktool('topics', 'create', topic)).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await ktool('topics', 'delete', topic, '--yes');
  }, 60_000);

  it("a topic's configs: added and deleted through it as Kafka adds them, then described with --all", async () => {
    const add = await runKafkaTool(CONFIG_COMMAND, viaFollower('--alter', '--topic', topic, '--add-config', 'retention.ms=7200000'));
    const ours = await ktool('configs', ...viaFollower('--alter', '--topic', topic, '--add-config', 'segment.ms=3600000'));
    expect(add).toMatchObject({ code: 0, stdout: `Completed updating config for topic ${topic}.\n` });
    expect(ours).toMatchObject({ code: 0, stdout: add.stdout, stderr: '' });
    await pollUntil(async () => (await topicConfigs())['segment.ms'] === '3600000', { what: 'segment.ms set' });
    // The follower's metadata may trail the broker's by a moment: compared once it shows both keys.
    const [kafka, t] = await pollUntil(
      async () => {
        const r = await both('--describe', '--topic', topic, '--all');
        return r.every((x) => x.stdout.includes('segment.ms=3600000') && x.stdout.includes('retention.ms=7200000')) && r;
      },
      { what: 'both keys through the follower' },
    );
    expect(t).toMatchObject({ code: 0, stdout: kafka.stdout });
    expect(await ktool('configs', ...viaFollower('--alter', '--topic', topic, '--delete-config', 'segment.ms,retention.ms'))).toMatchObject(
      {
        code: 0,
      },
    );
    await pollUntil(async () => Object.keys(await topicConfigs()).length === 0, { what: 'both keys deleted' });
  }, 90_000);

  it("a group's config, a broker's and the broker default: the same lines and exit codes as Kafka's", async () => {
    for (const args of [
      ['--alter', '--group', group, '--add-config', 'consumer.session.timeout.ms=50000'],
      ['--alter', '--group', group, '--delete-config', 'consumer.session.timeout.ms'],
      // Keys that are not set: nothing changes on the shared brokers, the request is still the controllers' to answer.
      ['--alter', '--broker', String(followerId), '--delete-config', 'log.cleaner.backoff.ms'],
      ['--alter', '--broker-defaults', '--delete-config', 'log.cleaner.backoff.ms'],
    ]) {
      const [kafka, ours] = await both(...args);
      expect(kafka.code, `${args.join(' ')}: ${kafka.stderr}`).toBe(0);
      expect(ours, args.join(' ')).toMatchObject({ code: 0, stdout: kafka.stdout, stderr: '' });
    }
  }, 120_000);
});
