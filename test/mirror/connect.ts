import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { kafkaLibs } from '../helpers/kafka-tools.js';
import { pollUntil } from '../helpers/poll.js';
import { stablePort } from '../helpers/stable-port.js';
import { cli, countRecords, keyedLines, type Target } from './helpers.js';

const SRC = process.env.KTOOL_TEST_BOOTSTRAP!;
let t: Target;
let worker: ChildProcess | undefined;
let url: string;
let log = '';

/** A real Kafka Connect distributed worker from the jars, storing its state on the target cluster. */
async function startWorker(bootstrap: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ktool-connect-'));
  const port = await stablePort();
  const id = uniqueName('ktool-connect');
  writeFileSync(
    join(dir, 'worker.properties'),
    [
      `bootstrap.servers=${bootstrap}`,
      `group.id=${id}`,
      `config.storage.topic=${id}-configs`,
      `offset.storage.topic=${id}-offsets`,
      `status.storage.topic=${id}-status`,
      'config.storage.replication.factor=1',
      'offset.storage.replication.factor=1',
      'status.storage.replication.factor=1',
      'offset.storage.partitions=1',
      'status.storage.partitions=1',
      'key.converter=org.apache.kafka.connect.converters.ByteArrayConverter',
      'value.converter=org.apache.kafka.connect.converters.ByteArrayConverter',
      'offset.flush.interval.ms=1000',
      `listeners=http://127.0.0.1:${port}`,
      // The Mirror connectors come from the classpath (connect-mirror jar); no plugin.path needed.
      'plugin.discovery=hybrid_warn',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'log4j2.properties'),
    'rootLogger.level=WARN\nrootLogger.appenderRef.err.ref=ERR\nappender.err.type=Console\n' +
      'appender.err.name=ERR\nappender.err.target=SYSTEM_ERR\nappender.err.layout.type=PatternLayout\n' +
      'appender.err.layout.pattern=%p %c{1} %m%n\n',
  );
  worker = spawn(
    'java',
    [
      '-Xmx512m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      `-Dlog4j2.configurationFile=${join(dir, 'log4j2.properties')}`,
      '-cp',
      `${kafkaLibs()}/*`,
      'org.apache.kafka.connect.cli.ConnectDistributed',
      join(dir, 'worker.properties'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  worker.stdout!.on('data', (c: Buffer) => (log += c));
  worker.stderr!.on('data', (c: Buffer) => (log += c));
  url = `http://127.0.0.1:${port}`;
  await pollUntil(async () => (await fetch(`${url}/connectors`)).ok, {
    timeoutMs: 120_000,
    intervalMs: 500,
    what: `the Connect worker at ${url}`,
  });
}

const status = async () => {
  const r = await cli(t, ['mirror', 'status', '--connect-url', url, '--json']);
  return { ...r, data: r.stdout ? JSON.parse(r.stdout) : undefined };
};

/** Connect tests (registered by mirror.int.test.ts, which owns the target cluster). */
export function connectTests(target: () => Target): void {
  describe('mirror deploy/status/pause/resume/delete on a real Kafka Connect worker', () => {
    beforeAll(async () => {
      t = target();
      await startWorker(t.bootstrap);
    }, 180_000);

    afterAll(() => {
      worker?.kill('SIGKILL');
    });

    it('deploys MirrorMaker 2 connectors that mirror records; status, pause, resume, delete', async () => {
      const topic = uniqueName('mirror-connect');
      expect((await cli(t, ['topics', 'create', topic, '-p', '2', '-b', SRC])).code).toBe(0);
      expect((await cli(t, ['produce', topic, '-b', SRC, '-K', '\t'], keyedLines(500, topic))).code).toBe(0);

      const dry = await cli(t, [
        'mirror',
        'deploy',
        '--from',
        'src',
        '--to',
        'dst',
        '--topics',
        topic,
        '--rename',
        'src.{topic}',
        '--dry-run',
        '--json',
      ]);
      expect(dry.code).toBe(0);
      const configs = JSON.parse(dry.stdout).connectors;
      expect(configs.map((c: { class: string }) => c.class)).toEqual([
        'MirrorSourceConnector',
        'MirrorCheckpointConnector',
        'MirrorHeartbeatConnector',
      ]);
      expect(configs[0].config).toMatchObject({
        'source.cluster.alias': 'src',
        'target.cluster.alias': 'target',
        topics: topic,
        'replication.policy.separator': '.',
        'source.cluster.bootstrap.servers': SRC,
        'target.cluster.bootstrap.servers': t.bootstrap,
      });

      const deployed = await cli(t, [
        'mirror',
        'deploy',
        '--connect-url',
        url,
        '--from',
        'src',
        '--to',
        'dst',
        '--topics',
        topic,
        '--rename',
        'src.{topic}',
        '--name',
        'mm2t',
        '--json',
      ]);
      expect(deployed.stderr).toBe('');
      expect(deployed.code).toBe(0);
      expect(JSON.parse(deployed.stdout).connectors.map((c: { name: string; action: string }) => [c.name, c.action])).toEqual([
        ['mm2t-source', 'created'],
        ['mm2t-checkpoint', 'created'],
        ['mm2t-heartbeat', 'created'],
      ]);

      await pollUntil(async () => (await countRecords(t, t.bootstrap, `src.${topic}`)) >= 500, {
        timeoutMs: 90_000,
        intervalMs: 1000,
        what: `MirrorMaker 2 copying into src.${topic} (worker log: ${log.slice(-2000)})`,
      });
      const s = await pollUntil(
        async () => {
          const r = await status();
          return (
            r.code === 0 &&
            r.data.connectors.every(
              (c: { state: string; tasks: { state: string }[] }) => c.state === 'RUNNING' && c.tasks.every((x) => x.state === 'RUNNING'),
            ) &&
            r
          );
        },
        { timeoutMs: 30_000, what: 'every connector and task RUNNING' },
      );
      expect(s.data.connectors.find((c: { name: string }) => c.name === 'mm2t-source')).toMatchObject({
        class: 'MirrorSourceConnector',
        state: 'RUNNING',
        topics: topic,
      });
      // MirrorMaker 2 keeps keys, values, headers, timestamps and partitions: the ktool counter agrees.
      const v = await cli(t, [
        'mirror',
        'verify',
        '--from',
        'src',
        '--to',
        'dst',
        '--topics',
        topic,
        '--rename',
        'src.{topic}',
        '--deep',
        '--json',
      ]);
      expect(JSON.parse(v.stdout)).toMatchObject({ match: true });

      expect((await cli(t, ['mirror', 'pause', '--connect-url', url, '--name', 'mm2t'])).code).toBe(0);
      await pollUntil(async () => (await status()).data.connectors.every((c: { state: string }) => c.state === 'PAUSED'), {
        timeoutMs: 30_000,
        what: 'paused connectors',
      });
      expect((await cli(t, ['mirror', 'resume', '--connect-url', url, '--name', 'mm2t'])).code).toBe(0);
      await pollUntil(async () => (await status()).data.connectors.every((c: { state: string }) => c.state === 'RUNNING'), {
        timeoutMs: 30_000,
        what: 'running connectors',
      });

      const again = await cli(t, [
        'mirror',
        'deploy',
        '--connect-url',
        url,
        '--from',
        'src',
        '--to',
        'dst',
        '--topics',
        topic,
        '--rename',
        'src.{topic}',
        '--name',
        'mm2t',
        '--no-heartbeats',
        '--json',
      ]);
      expect(JSON.parse(again.stdout).connectors.map((c: { action: string }) => c.action)).toEqual(['updated', 'updated']);

      // An update restarts the connectors: wait until they run again.
      const table = await pollUntil(
        async () => {
          const r = await cli(t, ['mirror', 'status', '--connect-url', url]);
          return /mm2t-source\s+MirrorSourceConnector\s+RUNNING\s+1 RUNNING/.test(r.stdout) && r;
        },
        { timeoutMs: 30_000, what: 'the updated source connector running' },
      );
      expect(table.code).toBe(0);
      const deleted = await cli(t, ['mirror', 'delete', '--connect-url', url, '--name', 'mm2t', '--yes', '--json']);
      expect(JSON.parse(deleted.stdout).connectors).toHaveLength(3);
      await pollUntil(async () => (await status()).code === 3, { timeoutMs: 30_000, what: 'connectors gone' });
    }, 150_000);

    it('errors: unreachable worker, missing --connect-url', async () => {
      const closed = await stablePort();
      const down = await cli(t, ['mirror', 'status', '--connect-url', `http://127.0.0.1:${closed}`]);
      expect(down.code).toBe(4);
      expect(down.stderr).toMatch(new RegExp(`cannot reach Kafka Connect at http://127.0.0.1:${closed}: connection refused`));
      const missing = await cli(t, ['mirror', 'status']);
      expect(missing.code).toBe(2);
    });
  });
}
