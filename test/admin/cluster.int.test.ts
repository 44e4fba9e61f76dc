import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { pollUntil } from '../helpers/poll.js';
import { execFileSync } from 'node:child_process';
import { needs } from '../helpers/needs.js';

const created: { name: string; env: Record<string, string | undefined> }[] = [];

afterAll(async () => {
  for (const { name, env } of created) await runCli(['topics', 'delete', name, '--if-exists', '--yes'], { env });
});

/** Runs the cluster checks against one cluster (single node, or three nodes when available). */
function clusterSuite(bootstrap: () => string, nodes: () => number) {
  const env = () => ({ KTOOL_BROKERS: bootstrap() });
  const ktool = (...argv: string[]) => runCli(argv, { env: env() });
  const createTopic = async (...extra: string[]) => {
    const name = uniqueName('cluster');
    const r = await ktool('topics', 'create', name, ...extra);
    expect(r.stderr).toBe('');
    created.push({ name, env: env() });
    return name;
  };

  it('info: id, controller, brokers and features agree with Kafka tools', async () => {
    const r = await ktool('cluster', 'info', '--json');
    expect(r.stderr).toBe('');
    const info = JSON.parse(r.stdout);
    expect(info.brokers).toHaveLength(nodes());
    const ids = info.brokers.map((b: { id: number }) => b.id);
    expect(info.controllerId === -1 || ids.includes(info.controllerId)).toBe(true);

    const clusterTool = await runKafkaTool('org.apache.kafka.tools.ClusterTool', ['cluster-id', '--bootstrap-server', bootstrap()]);
    expect(clusterTool.stdout.trim()).toBe(`Cluster ID: ${info.clusterId}`);

    const versions = await runKafkaTool('org.apache.kafka.tools.BrokerApiVersionsCommand', ['--bootstrap-server', bootstrap()]);
    const toolBrokers = [...versions.stdout.matchAll(/^(\S+):(\d+) \(id: (\d+) rack: (\S+) isFenced/gm)].map((m) => ({
      id: Number(m[3]),
      host: m[1],
      port: Number(m[2]),
      rack: m[4] === 'null' ? null : m[4],
    }));
    expect(info.brokers).toEqual(toolBrokers.sort((a, b) => a.id - b.id));

    const features = await runKafkaTool('org.apache.kafka.tools.FeatureCommand', ['--bootstrap-server', bootstrap(), 'describe']);
    for (const m of features.stdout.matchAll(
      /^Feature: (\S+)\s+SupportedMinVersion: (\S+)\s+SupportedMaxVersion: (\S+)\s+FinalizedVersionLevel: (\S+)/gm,
    )) {
      const [, name, min, max, level] = m;
      if (name === 'metadata.version') {
        expect(info.features.finalized.find((f: { name: string }) => f.name === name)?.maxVersionLevel).toBeGreaterThan(0);
        continue; // kafka-features.sh names its levels (4.3-IV0)
      }
      expect(info.features.supported.find((f: { name: string }) => f.name === name)).toEqual({
        name,
        minVersion: Number(min),
        maxVersion: Number(max),
      });
      const finalized = info.features.finalized.find((f: { name: string }) => f.name === name)?.maxVersionLevel ?? 0;
      expect([name, finalized]).toEqual([name, Number(level)]);
    }

    const text = await ktool('cluster', 'info');
    expect(text.stdout).toContain(`Cluster ID: ${info.clusterId}`);
  });

  it('api-versions agrees with BrokerApiVersionsCommand', async () => {
    const tool = await runKafkaTool('org.apache.kafka.tools.BrokerApiVersionsCommand', ['--bootstrap-server', bootstrap()]);
    expect(tool.code).toBe(0);
    const r = await ktool('cluster', 'api-versions');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Same brokers and, per broker, the same API names, keys and version ranges (the usable
    // version depends on the client, and Java also lists APIs the broker does not offer).
    // Java prints brokers in hash order: compare broker blocks sorted.
    const ranges = (text: string) =>
      text
        .split(/\n(?=\S+:\d+ \(id)/)
        .map((block) =>
          block
            .split('\n')
            .filter((l) => /^\S+:\d+ \(id|^\t\w+\(\d+\): \d/.test(l))
            .map((l) =>
              l
                .replace(/ \[usable: \d+\]|\[UNUSABLE\]/, '')
                .replace(/,$/, '')
                .trim(),
            )
            .join('\n'),
        )
        .filter(Boolean)
        .sort();
    expect(ranges(r.stdout)).toEqual(ranges(tool.stdout));
    const json = JSON.parse((await ktool('cluster', 'api-versions', '--json')).stdout);
    expect(json).toHaveLength(nodes());
    expect(json[0].apis.find((a: { name: string }) => a.name === 'Fetch')).toMatchObject({ apiKey: 1, usableVersion: expect.any(Number) });
  });

  it('log-dirs agrees with LogDirsCommand', async () => {
    const t = await createTopic('-p', '2', '-r', String(Math.min(nodes(), 3)));
    execFileSync('kcat', ['-P', '-b', bootstrap(), '-t', t, '-p', '0'], { input: 'a\nbb\nccc\n' });
    await pollUntil(async () => (await ktool('offsets', `${t}:0`)).stdout === `${t}:0:3\n`, { what: 'records written' });
    const sizes = async () => {
      const r = await ktool('cluster', 'log-dirs', t, '--json');
      expect(r.stderr).toBe('');
      const dirs = JSON.parse(r.stdout) as {
        broker: number;
        logDir: string;
        error: string | null;
        partitions: { topic: string; partition: number; size: number; offsetLag: number; isFuture: boolean }[];
      }[];
      return dirs
        .flatMap((d) =>
          d.partitions.map((p) => ({
            broker: d.broker,
            logDir: d.logDir,
            partition: `${p.topic}-${p.partition}`,
            size: p.size,
            offsetLag: p.offsetLag,
            isFuture: p.isFuture,
          })),
        )
        .sort((a, b) => a.broker - b.broker || a.partition.localeCompare(b.partition));
    };
    // Followers may still be catching up: wait until every replica reports the same size.
    await pollUntil(
      async () => {
        const s = await sizes();
        return s.filter((p) => p.partition.endsWith('-0')).every((p) => p.size > 0 && p.offsetLag === 0);
      },
      { what: 'replicas in sync' },
    );
    const ours = await sizes();
    expect(ours).toHaveLength(2 * Math.min(nodes(), 3));

    const tool = await runKafkaTool('org.apache.kafka.tools.LogDirsCommand', [
      '--bootstrap-server',
      bootstrap(),
      '--describe',
      '--topic-list',
      t,
    ]);
    expect(tool.code).toBe(0);
    const json = JSON.parse(tool.stdout.split('\n').find((l) => l.startsWith('{'))!);
    const theirs = (
      json.brokers as {
        broker: number;
        logDirs: { logDir: string; partitions: { partition: string; size: number; offsetLag: number; isFuture: boolean }[] }[];
      }[]
    )
      .flatMap((b) =>
        b.logDirs.flatMap((d) =>
          d.partitions.map((p) => ({
            broker: b.broker,
            logDir: d.logDir,
            partition: p.partition,
            size: p.size,
            offsetLag: p.offsetLag,
            isFuture: p.isFuture,
          })),
        ),
      )
      .sort((a, b) => a.broker - b.broker || a.partition.localeCompare(b.partition));
    expect(ours).toEqual(theirs);

    const text = await ktool('cluster', 'log-dirs', t);
    expect(text.stdout).toMatch(/BROKER\s+LOG-DIR/);
    const missing = await ktool('cluster', 'log-dirs', uniqueName('missing'));
    expect(missing.code).toBe(3);
  });

  it('health: exit 0 when healthy, 6 with an under-min-ISR partition', async () => {
    const rf = Math.min(nodes(), 3);
    const ok = await createTopic('-p', '2', '-r', String(rf));
    // A topic just created on three brokers takes a moment to be known everywhere with its followers in sync.
    let r = await pollUntil(
      async () => {
        const h = await ktool('cluster', 'health', ok, '--json');
        return h.code === 0 && h;
      },
      { timeoutMs: 30_000, what: `${ok} healthy` },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      healthy: true,
      topics: 1,
      partitions: 2,
      offline: [],
      underReplicated: [],
      underMinIsr: [],
    });

    // min.insync.replicas above the replication factor: every partition is under min ISR.
    const bad = await createTopic('-p', '1', '-r', String(rf), '-c', `min.insync.replicas=${rf + 1}`);
    r = await pollUntil(
      async () => {
        const h = await ktool('cluster', 'health', ok, bad, '--json');
        return h.code === 6 && h.stdout.includes(`"underMinIsr"`) && JSON.parse(h.stdout).offline.length === 0 && h;
      },
      { timeoutMs: 30_000, what: `${bad} known, under min ISR` },
    );
    expect(r.code).toBe(6);
    const health = JSON.parse(r.stdout);
    expect(health.healthy).toBe(false);
    expect(health.underMinIsr).toEqual([expect.objectContaining({ topic: bad, partition: 0, minIsr: rf + 1 })]);
    expect(health.offline).toEqual([]);

    r = await ktool('cluster', 'health', bad);
    expect(r.code).toBe(6);
    expect(r.stdout).toMatch(/^UNHEALTHY/);
    expect(r.stdout).toMatch(new RegExp(`under-min-isr\\s+${bad}\\s+0`));

    // The whole cluster: exit code and verdict agree.
    r = await ktool('cluster', 'health', '--json');
    const all = JSON.parse(r.stdout);
    expect(r.code).toBe(all.healthy ? 0 : 6);
    expect(all.underMinIsr.map((p: { topic: string }) => p.topic)).toContain(bad);
  });
}

describe('cluster against the single-node broker', () => {
  clusterSuite(
    () => process.env.KTOOL_TEST_BOOTSTRAP!,
    () => 1,
  );
});

describe('cluster against the three-node cluster', needs('KTOOL_TEST_BOOTSTRAP_3'), () => {
  clusterSuite(
    () => process.env.KTOOL_TEST_BOOTSTRAP_3!,
    () => 3,
  );

  it('configs of one broker are asked of that broker and agree with ConfigCommand', async () => {
    const env = { KTOOL_BROKERS: process.env.KTOOL_TEST_BOOTSTRAP_3 };
    const info = JSON.parse((await runCli(['cluster', 'info', '--json'], { env })).stdout);
    const id = String(info.brokers[2].id);
    const r = await runCli(['configs', 'alter', '--broker', id, '--add-config', 'log.cleaner.threads=2'], { env });
    expect(r.stderr).toBe('');
    try {
      // The broker takes a dynamic config in asynchronously: the entry can show the new source a
      // moment before the new value.
      const ours = await pollUntil(
        async () => {
          const c = JSON.parse((await runCli(['configs', 'describe', '--broker', id, '--json'], { env })).stdout)[0].configs;
          return c.some((x: { name: string; value: string }) => x.name === 'log.cleaner.threads' && x.value === '2') ? c : undefined;
        },
        { what: 'broker config visible' },
      );
      expect(ours).toContainEqual(expect.objectContaining({ name: 'log.cleaner.threads', value: '2', source: 'DYNAMIC_BROKER_CONFIG' }));
      const tool = await runKafkaTool('kafka.admin.ConfigCommand', [
        '--bootstrap-server',
        process.env.KTOOL_TEST_BOOTSTRAP_3!,
        '--describe',
        '--entity-type',
        'brokers',
        '--entity-name',
        id,
      ]);
      expect(tool.stdout).toMatch(/log\.cleaner\.threads=2 sensitive=false/);
    } finally {
      await runCli(['configs', 'alter', '--broker', id, '--delete-config', 'log.cleaner.threads'], { env });
    }
  });
});
