import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { removeOwnCluster, type OwnCluster } from '../helpers/own-cluster.js';
import { pollUntil } from '../helpers/poll.js';
import { windowRetentionMs } from '../../src/stats/time-windows.js';
import {
  brokerPid,
  cli,
  committedByKafka,
  coordinatorOf,
  fullIsr,
  kcatRead,
  leaderAvoiding,
  leaderOf,
  lines,
  partitions,
  replicatedTopic,
  restartCluster,
  killLeftovers,
  restartNode,
  reviveDeadNodes,
  spawnKtool,
  startCluster,
  startFaultCluster,
  stopCluster,
  tally,
  type Child,
} from './cluster.js';

// Faults on a three-node cluster of this file's own (topics: replication factor 3, min.insync.replicas 2).
// Every count comes from kcat, an independent reader, never from ktool itself.
let c: OwnCluster;
beforeAll(async () => {
  c = await startFaultCluster();
}, 180_000);
afterAll(() => removeOwnCluster(c), 120_000);
beforeEach(() => reviveDeadNodes(c), 120_000);
afterEach(killLeftovers);

const values = (prefix: string, from: number, to: number) => Array.from({ length: to - from }, (_, i) => `${prefix}-${from + i}`);

/** Writes the lines to the child's stdin a slice at a time, so that a fault lands mid-stream; `written()` counts them. */
function feed(p: Child, all: string[], slice = 50, everyMs = 20): { written: () => number; done: Promise<void> } {
  let n = 0;
  const done = (async () => {
    while (n < all.length) {
      const part = all.slice(n, n + slice);
      p.child.stdin!.write(part.map((v) => `${v}\n`).join(''));
      n += part.length;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return { written: () => n, done };
}

/** Exactly once: every value sent is in the topic one time, nothing else is. */
async function expectExactlyOnce(topic: string, sent: string[]): Promise<void> {
  const read = (await kcatRead(c.bootstrap, topic)).map((r) => r.value);
  const counts = tally(read);
  const missing = sent.filter((v) => !counts.has(v));
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([v]) => v);
  expect({ missing: missing.length, duplicated: duplicated.length, total: read.length }).toEqual({
    missing: 0,
    duplicated: 0,
    total: sent.length,
  });
}

/** A group reader's output (`-f '%p %o %s\n'`): each value's count, and by partition the next offset after what it wrote. */
function written(stdout: string): { counts: Map<string, number>; next: Map<number, number> } {
  const next = new Map<number, number>();
  const read: string[] = [];
  for (const l of lines(stdout)) {
    const [p, o, v] = l.split(' ');
    read.push(v);
    next.set(Number(p), Math.max(next.get(Number(p)) ?? 0, Number(o) + 1));
  }
  return { counts: tally(read), next };
}

/** A node killed or paused by a test is running and back in sync before the next test. */
async function recover(node: number, topic: string): Promise<void> {
  await restartNode(c, node);
  await fullIsr(c, topic, 90_000);
}

describe('faults on a three-node cluster', () => {
  it('kill -9 of the partition leader during produce --acks all: 0 records lost, 0 duplicated (idempotence)', async () => {
    const t = await replicatedTopic(c, 'fault-produce');
    const leader = await leaderOf(c, t);
    const pid = await brokerPid(c, leader);
    const sent = values('p', 0, 10_000);
    const p = spawnKtool(c, ['produce', t, '-b', c.bootstrap, '--acks', 'all']);
    const f = feed(p, sent);
    await pollUntil(() => f.written() >= 3_000, { what: 'a third of the input written' });
    process.kill(pid, 'SIGKILL');
    await f.done;
    p.child.stdin!.end();
    expect(await p.exit, p.stderr).toBe(0);
    expect(p.stderr).toMatch(/10000 records sent to topic .*, 0 failed/);
    expect((await leaderOf(c, t)) !== leader).toBe(true);
    await expectExactlyOnce(t, sent);
    await recover(leader, t);
  }, 150_000);

  it(
    'kill -9 of the group coordinator (also a partition leader) during consume -g: the reader waits out the ' +
      'fail-over, reads every record, and its commits are never ahead of what it wrote to stdout',
    async () => {
      const t = await replicatedTopic(c, 'fault-consume', 3);
      const group = uniqueName('fault-consume');
      const sent = values('g', 0, 6_000);
      const reader = spawnKtool(c, ['consume', t, '-g', group, '-o', 'start', '-f', '%p %o %s\\n', '-b', c.bootstrap]);
      const p = spawnKtool(c, ['produce', t, '-b', c.bootstrap, '--acks', 'all']);
      await feed(p, sent.slice(0, 2_000)).done;
      await pollUntil(() => lines(reader.stdout).length >= 2_000, { timeoutMs: 30_000, what: 'the first 2,000 records read' });
      const coordinator = await coordinatorOf(c, group);
      // Three partitions on three nodes: the coordinator leads one of them, so both a coordinator and a leader fail over.
      expect((await partitions(c, t)).map((x) => x.leader)).toContain(coordinator);
      process.kill(await brokerPid(c, coordinator), 'SIGKILL');
      await feed(p, sent.slice(2_000)).done;
      p.child.stdin!.end();
      expect(await p.exit, p.stderr).toBe(0);
      await pollUntil(() => written(reader.stdout).counts.size >= sent.length || reader.child.exitCode !== null, {
        timeoutMs: 90_000,
        intervalMs: 200,
        what: 'every record read by consume -g',
      });
      // Still running: the fail-over was waited out, not an exit.
      expect(reader.child.exitCode, reader.stderr).toBe(null);
      // Commits read by Kafka's own tool while the reader runs, then what the reader had written by then.
      const midway = await committedByKafka(c.bootstrap, group);
      const { next } = written(reader.stdout);
      for (const [partition, offset] of midway) expect(offset).toBeLessThanOrEqual(next.get(partition) ?? 0);
      reader.child.kill('SIGINT');
      expect(await reader.exit, reader.stderr).toBe(130);
      expect(reader.stderr).not.toMatch(/error:|\n\s+at /);
      const out = written(reader.stdout);
      const missing = sent.filter((v) => !out.counts.has(v));
      expect({ missing: missing.length, unexpected: [...out.counts.keys()].filter((v) => !v.startsWith('g-')).length }).toEqual({
        missing: 0,
        unexpected: 0,
      });
      // kcat, an independent reader, sees the topic as produced; the final commits are exactly what was written.
      await expectExactlyOnce(t, sent);
      expect(await committedByKafka(c.bootstrap, group)).toEqual(out.next);
      await recover(coordinator, t);
    },
    180_000,
  );

  it(
    'kill -9 of the target partition leader during mirror: the target is complete, 0 duplicated (the ' +
      'idempotent producer waits out the fail-over), mirror verify --deep passes after the restart',
    async () => {
      const SRC = process.env.KTOOL_TEST_BOOTSTRAP!;
      const topic = uniqueName('fault-mirror');
      const group = uniqueName('fault-mirror');
      expect((await cli(c, ['topics', 'create', topic, '-p', '1', '-b', SRC])).code).toBe(0);
      try {
        // Enough for a copy of seconds, and more than one fetch (one holds ~27,000 of these): the kill
        // lands mid-copy, with a fetch's batches still to send (a failed session used to send them all).
        const sent = values('m', 0, 100_000);
        expect((await cli(c, ['produce', topic, '-b', SRC], sent.map((v) => `${v}\n`).join(''))).code).toBe(0);
        // The target topic exists first, replicated: the mirror copies into it.
        expect(
          (await cli(c, ['topics', 'create', topic, '-p', '1', '-r', '3', '-c', 'min.insync.replicas=2', '-b', c.bootstrap])).code,
        ).toBe(0);
        const leader = await leaderOf(c, topic);
        const pid = await brokerPid(c, leader);
        // Small requests, one at a time: slow enough to be cut half-way.
        const m = spawnKtool(c, [
          'mirror',
          '--from-bootstrap',
          SRC,
          '--to-bootstrap',
          c.bootstrap,
          '--topics',
          topic,
          '--group',
          group,
          '--until-caught-up',
          '--batch-bytes',
          '2048',
          '--max-in-flight',
          '1',
        ]);
        const copied = await pollUntil(
          async () => {
            const end = (await partitions(c, topic))[0].latestOffset;
            return end > 0 ? end : undefined;
          },
          { timeoutMs: 30_000, intervalMs: 50, what: 'the copy started' },
        );
        process.kill(pid, 'SIGKILL');
        // The kill came mid-copy (what follows is about records sent across it).
        expect(copied).toBeLessThan(sent.length);
        expect(await m.exit, m.stderr).toBe(0);
        expect(m.stderr).not.toMatch(/\n\s+at /);
        await recover(leader, topic);
        await expectExactlyOnce(topic, sent);
        // Waited out inside the producer (same producer id), not by a new session: that would send again what the dead leader had written.
        expect(m.stderr).not.toMatch(/retrying in/);
        const v = await cli(c, [
          'mirror',
          'verify',
          '--from-bootstrap',
          SRC,
          '--to-bootstrap',
          c.bootstrap,
          '--topics',
          topic,
          '--deep',
          '--json',
        ]);
        const check = (JSON.parse(v.stdout) as { topics: { missing: number; unexpected: number; duplicated: number }[] }).topics[0];
        expect(check).toMatchObject({ missing: 0, unexpected: 0, duplicated: 0 });
        expect(v.code).toBe(0);
      } finally {
        // The shared source cluster keeps nothing of this test.
        await cli(c, ['topics', 'delete', topic, '--yes', '--if-exists', '-b', SRC]);
        await cli(c, ['groups', 'delete', group, '--yes', '-b', SRC]);
      }
    },
    150_000,
  );
});

describe('faults on a three-node cluster: exactly-once apps', () => {
  it(
    "kill -9 of the output partitions' leader during pipe -g (exactly once): the pipe rides out the fail-over " +
      'and OUT read with read_committed holds each input record once',
    async () => {
      const src = await replicatedTopic(c, 'fault-pipe-in', 3);
      const dst = await replicatedTopic(c, 'fault-pipe-out', 3);
      const app = uniqueName('fault-pipe');
      const sent = values('e', 0, 20_000);
      const send = async (part: string[]) =>
        expect((await cli(c, ['produce', src, '-b', c.bootstrap, '--acks', 'all'], part.map((v) => `${v}\n`).join(''))).code).toBe(0);
      await send(sent.slice(0, 10_000));
      const pipe = spawnKtool(c, ['pipe', src, dst, '-g', app, '--map', 'value + "!"', '-b', c.bootstrap, '--debug']);
      await pollUntil(async () => (await kcatRead(c.bootstrap, dst)).length > 0, { timeoutMs: 60_000, what: 'the first output' });
      const leader = (await partitions(c, dst))[0].leader;
      process.kill(await brokerPid(c, leader), 'SIGKILL');
      await send(sent.slice(10_000));
      const committed = async () => (await kcatRead(c.bootstrap, dst, 'read_committed')).map((r) => r.value);
      await pollUntil(async () => (await committed()).length >= sent.length || pipe.child.exitCode !== null, {
        timeoutMs: 120_000,
        intervalMs: 1_000,
        what: 'every record committed to OUT',
      });
      expect(pipe.child.exitCode, pipe.stderr).toBe(null);
      pipe.child.kill('SIGINT');
      expect(await pipe.exit, pipe.stderr).toBe(130);
      const counts = tally(await committed());
      const expected = sent.map((v) => `${v}!`);
      expect({
        missing: expected.filter((v) => !counts.has(v)).length,
        duplicated: [...counts].filter(([, n]) => n > 1).length,
        total: [...counts.values()].reduce((a, b) => a + b, 0),
      }).toEqual({ missing: 0, duplicated: 0, total: expected.length });
      await recover(leader, dst);
    },
    240_000,
  );
});

describe('faults on a three-node cluster: exactly-once stats', () => {
  // Keyed JSON records 10 ms apart in event time, stamped hours back (within the broker's retention).
  const N = 40_000;
  const KEYS = 100;
  const T0 = Math.floor((Date.now() - 3 * 3600_000) / 10_000) * 10_000;
  const STATS = ['--by', 'key', '--tumbling', '10s', '--count', '--sum', '.value.x', '--avg', '.value.x', '--emit', 'final'];
  /** The window an application's stream time never closes (no record after it): left out of the comparison. */
  const LAST_WINDOW = T0 + Math.floor(((N - 1) * 10) / 10_000) * 10_000;
  const records = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, j) => {
      const i = from + j;
      return JSON.stringify({ key: `k${i % KEYS}`, value: JSON.stringify({ x: i % 97 }), timestamp: T0 + i * 10 });
    });

  it(
    'kill -9 of a partition leader of OUT, the input and the changelog while stats -g --to (exactly once) reads a live ' +
      'input: stats rides out the fail-over (a transaction the broker aborted meanwhile is redone by a new producer) and ' +
      "OUT read with read_committed equals an uninterrupted run's final rows, each once",
    async () => {
      const src = await replicatedTopic(c, 'fault-stats-in', 3);
      const dst = await replicatedTopic(c, 'fault-stats-out', 3);
      const app = uniqueName('fault-stats');
      // The changelog replicated as the topics are (ktool would create it with the broker's default, 1 on a local
      // cluster, and a partition on the killed node would be offline): an existing one is used as it is.
      const changelog = await cli(c, [
        'topics',
        'create',
        `${app}-stats-store-changelog`,
        '-b',
        c.bootstrap,
        '-p',
        '3',
        '-r',
        '3',
        '-c',
        'min.insync.replicas=2',
        '-c',
        'cleanup.policy=compact,delete',
        '-c',
        `retention.ms=${windowRetentionMs(10_000, 0)}`,
      ]);
      expect(changelog.code, changelog.stderr).toBe(0);
      const stats = spawnKtool(c, [
        'stats',
        src,
        ...STATS,
        '-g',
        app,
        '--to',
        dst,
        '-b',
        c.bootstrap,
        // Shorter than the fail-over (the dead leader is fenced after 9 s): the transaction open at the kill is
        // aborted by the broker, and its work redone by a new producer.
        '--transaction-timeout',
        '3s',
        // A failure's stack in the assertion's message.
        '--debug',
      ]);
      // The input arrives while stats runs, so that a transaction is open when the leader dies.
      const p = spawnKtool(c, ['produce', src, '-b', c.bootstrap, '--input', 'json', '--acks', 'all']);
      const f = feed(p, records(0, N));
      await pollUntil(async () => f.written() >= N / 4 && (await kcatRead(c.bootstrap, dst)).length > 0, {
        timeoutMs: 90_000,
        what: 'the first rows',
      });
      const leader = (await partitions(c, dst))[0].leader;
      process.kill(await brokerPid(c, leader), 'SIGKILL');
      await f.done;
      p.child.stdin!.end();
      expect(await p.exit, p.stderr).toBe(0);
      // The uninterrupted run: stats without -g over the same input, to its end (every window closed at the end).
      const whole = await cli(c, ['stats', src, '-b', c.bootstrap, '-o', 'start', '-e', ...STATS, '--json', '--debug']);
      expect(whole.code, whole.stderr).toBe(0);
      const rows = lines(whole.stdout);
      expect(rows.length).toBe(KEYS * ((LAST_WINDOW - T0) / 10_000 + 1));
      const want = rows.filter((l) => (JSON.parse(l) as { windowStart: number }).windowStart < LAST_WINDOW).sort();
      const committed = async () => (await kcatRead(c.bootstrap, dst, 'read_committed')).map((r) => r.value);
      await pollUntil(async () => stats.child.exitCode !== null || (await committed()).length >= want.length, {
        timeoutMs: 180_000,
        intervalMs: 1_000,
        what: 'every final row committed to OUT',
      });
      expect(stats.child.exitCode, stats.stderr).toBe(null);
      stats.child.kill('SIGINT');
      expect(await stats.exit, stats.stderr).toBe(130);
      const got = (await committed()).sort();
      const twice = [...tally(got)].filter(([, n]) => n > 1).map(([v]) => v);
      expect({ duplicated: twice.slice(0, 3), total: got.length }).toEqual({ duplicated: [], total: want.length });
      expect(got).toEqual(want);
      await recover(leader, dst);
    },
    300_000,
  );
});

describe('faults on a three-node cluster: a hung broker, a whole restart', () => {
  it(
    'SIGSTOP of the leader longer than broker.session.timeout.ms (9 s), then SIGCONT: produce --acks ' +
      'all goes on elsewhere, 0 lost, 0 duplicated, the hung broker rejoins',
    async () => {
      const t = await replicatedTopic(c, 'fault-hung');
      const leader = await leaderOf(c, t);
      const pid = await brokerPid(c, leader);
      const sent = values('h', 0, 6_000);
      const p = spawnKtool(c, ['produce', t, '-b', c.bootstrap, '--acks', 'all']);
      const f = feed(p, sent.slice(0, 2_000));
      await f.done;
      // Stopped mid-produce, not before produce's first metadata answer (a loaded machine can take seconds):
      // the first 2,000 are written first.
      await pollUntil(async () => (await partitions(c, t))[0].latestOffset >= 2_000, {
        timeoutMs: 60_000,
        what: 'the first 2,000 written',
      });
      process.kill(pid, 'SIGSTOP');
      const stoppedAt = Date.now();
      try {
        // The controllers fence the hung broker after its session timeout: another replica leads.
        await pollUntil(async () => (await leaderAvoiding(c, t, leader)) !== leader, {
          timeoutMs: 40_000,
          intervalMs: 500,
          what: 'a new leader',
        });
        await feed(p, sent.slice(2_000, 4_000)).done;
        await pollUntil(() => Date.now() - stoppedAt > 12_000, { timeoutMs: 20_000, what: 'past the session timeout' });
      } finally {
        process.kill(pid, 'SIGCONT');
      }
      await feed(p, sent.slice(4_000)).done;
      p.child.stdin!.end();
      expect(await p.exit, p.stderr).toBe(0);
      expect(p.stderr).toMatch(/6000 records sent to topic .*, 0 failed/);
      await fullIsr(c, t, 90_000);
      await expectExactlyOnce(t, sent);
    },
    150_000,
  );

  it('every broker gone longer than --timeout (3s) during consume -g: one error line and exit 4, soon after, never a hang', async () => {
    const t = await replicatedTopic(c, 'fault-gone');
    const group = uniqueName('fault-gone');
    const reader = spawnKtool(c, ['consume', t, '-g', group, '-o', 'start', '--timeout', '3s', '-b', c.bootstrap]);
    expect((await cli(c, ['produce', t, '-b', c.bootstrap], 'a\nb\n')).code).toBe(0);
    await pollUntil(() => lines(reader.stdout).length >= 2, { timeoutMs: 30_000, what: 'the records read' });
    try {
      await stopCluster(c);
      const stoppedAt = Date.now();
      const code = await Promise.race([reader.exit, new Promise((r) => setTimeout(() => r('still running'), 45_000))]);
      expect(code, reader.stderr).toBe(4);
      // --timeout for the outage, then the final commit's, at most: not the library's nested retries (33 s before).
      expect(Date.now() - stoppedAt).toBeLessThan(15_000);
      expect(reader.stderr.split('\n').filter((l) => l.startsWith('error:'))).toHaveLength(1);
      expect(reader.stderr).not.toMatch(/\n\s+at /);
      expect(lines(reader.stdout)).toEqual(['a', 'b']);
    } finally {
      expect(await startCluster(c)).toBe(c.bootstrap);
    }
  }, 150_000);

  it('Ctrl-C while every broker is gone during consume -g (--timeout 60s): ends with exit 130 within seconds', async () => {
    const t = await replicatedTopic(c, 'fault-gone-int');
    const group = uniqueName('fault-gone-int');
    const reader = spawnKtool(c, ['consume', t, '-g', group, '-o', 'start', '--timeout', '60s', '-b', c.bootstrap]);
    expect((await cli(c, ['produce', t, '-b', c.bootstrap], 'a\n')).code).toBe(0);
    await pollUntil(() => lines(reader.stdout).length >= 1, { timeoutMs: 30_000, what: 'the record read' });
    try {
      await stopCluster(c);
      reader.child.kill('SIGINT');
      const at = Date.now();
      const code = await Promise.race([reader.exit, new Promise((r) => setTimeout(() => r('still running'), 45_000))]);
      expect(code, reader.stderr).toBe(130);
      expect(Date.now() - at).toBeLessThan(10_000);
      expect(reader.stderr).not.toMatch(/\n\s+at /);
    } finally {
      expect(await startCluster(c)).toBe(c.bootstrap);
    }
  }, 150_000);

  it(
    'the whole cluster restarted mid-run: produce waits, then delivers everything once; consume -g (--timeout ' +
      'longer than the restart) goes on reading, every record written, commits exactly what was written',
    async () => {
      const t = await replicatedTopic(c, 'fault-restart', 2);
      const group = uniqueName('fault-restart');
      const sent = values('r', 0, 4_000);
      const reader = spawnKtool(c, ['consume', t, '-g', group, '-o', 'start', '-f', '%p %o %s\\n', '--timeout', '2m', '-b', c.bootstrap]);
      const p = spawnKtool(c, ['produce', t, '-b', c.bootstrap, '--acks', 'all']);
      try {
        await feed(p, sent.slice(0, 2_000)).done;
        await pollUntil(() => lines(reader.stdout).length >= 2_000, { timeoutMs: 30_000, what: 'the first 2,000 records read' });
        expect(await restartCluster(c)).toBe(c.bootstrap);
        await feed(p, sent.slice(2_000)).done;
        p.child.stdin!.end();
        expect(await p.exit, p.stderr).toBe(0);
        expect(p.stderr).toMatch(/4000 records sent to topic .*, 0 failed/);
        await pollUntil(() => written(reader.stdout).counts.size >= sent.length || reader.child.exitCode !== null, {
          timeoutMs: 120_000,
          intervalMs: 200,
          what: 'every record read by consume -g after the restart',
        });
        expect(reader.child.exitCode, reader.stderr).toBe(null);
        reader.child.kill('SIGINT');
        expect(await reader.exit, reader.stderr).toBe(130);
      } finally {
        p.child.kill('SIGINT');
        reader.child.kill('SIGINT');
      }
      await expectExactlyOnce(t, sent);
      const out = written(reader.stdout);
      expect(sent.filter((v) => !out.counts.has(v))).toEqual([]);
      expect(await committedByKafka(c.bootstrap, group)).toEqual(out.next);
    },
    240_000,
  );
});
