import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { kafkaLibs, runKafkaTool } from '../helpers/kafka-tools.js';
import { pollUntil } from '../helpers/poll.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const ktool = (...argv: string[]) => runCli(argv);
const created: string[] = [];
const groups: string[] = [];
const stoppers: (() => Promise<void>)[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'ktool-groups-'));

beforeAll(async () => {
  // The first group request of a fresh cluster creates __consumer_offsets; ktool waits for its coordinator.
  await ktool('groups', 'describe', uniqueName('warm-up'));
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(stoppers.map((s) => s()));
  if (groups.length) await ktool('groups', 'delete', ...groups, '--yes');
  if (created.length) await ktool('topics', 'delete', ...created, '--if-exists', '--yes');
});

async function createTopic(partitions: number): Promise<string> {
  const name = uniqueName('groups');
  const r = await ktool('topics', 'create', name, '-p', String(partitions));
  expect(r.stderr).toBe('');
  created.push(name);
  return name;
}

function group(prefix = 'g'): string {
  const g = uniqueName(prefix);
  groups.push(g);
  return g;
}

/** Writes `count` records to one partition with kcat. */
function produce(topic: string, partition: number, count: number): void {
  const lines = Array.from({ length: count }, (_, i) => `v${i}`).join('\n') + '\n';
  execFileSync('kcat', ['-P', '-b', bootstrap(), '-t', topic, '-p', String(partition)], { input: lines });
}

async function waitForEnds(topic: string, ends: number[]): Promise<void> {
  const expected = ends.map((e, p) => `${topic}:${p}:${e}\n`).join('');
  await pollUntil(async () => (await ktool('offsets', topic)).stdout === expected, { what: `end offsets ${expected}` });
}

const kcg = async (...args: string[]) =>
  runKafkaTool('org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', ['--bootstrap-server', bootstrap(), ...args]);

interface Row {
  current: number | null;
  end: number | null;
  lag: number | null;
  consumerId: string | null;
  host: string | null;
  clientId: string | null;
}
const dash = (v: string) => (v === '-' ? null : v);
const num = (v: string) => (v === '-' ? null : Number(v));

/** kafka-consumer-groups.sh --describe, per topic:partition. */
async function kafkaDescribe(g: string): Promise<Map<string, Row>> {
  const r = await kcg('--describe', '--group', g);
  expect(r.code, r.stderr).toBe(0);
  const out = new Map<string, Row>();
  for (const line of r.stdout.split('\n')) {
    const c = line.trim().split(/\s+/);
    if (c[0] !== g || c.length < 9) continue;
    out.set(`${c[1]}:${c[2]}`, {
      current: num(c[3]),
      end: num(c[4]),
      lag: num(c[5]),
      consumerId: dash(c[6]),
      host: dash(c[7])?.replace(/^\//, '') ?? null,
      clientId: dash(c[8]),
    });
  }
  return out;
}

async function ktoolDescribe(g: string): Promise<Map<string, Row>> {
  const r = await ktool('groups', 'describe', g, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const [detail] = JSON.parse(r.stdout) as {
    offsets: {
      topic: string;
      partition: number;
      currentOffset: number | null;
      logEndOffset: number | null;
      lag: number | null;
      memberId: string | null;
      host: string | null;
      clientId: string | null;
    }[];
  }[];
  return new Map(
    detail.offsets.map((o) => [
      `${o.topic}:${o.partition}`,
      { current: o.currentOffset, end: o.logEndOffset, lag: o.lag, consumerId: o.memberId, host: o.host, clientId: o.clientId },
    ]),
  );
}

async function committed(...gs: string[]): Promise<Record<string, Record<string, number | null>>> {
  const r = await ktool('groups', 'describe', ...gs, '--json');
  expect(r.stderr).toBe('');
  const out: Record<string, Record<string, number | null>> = {};
  for (const d of JSON.parse(r.stdout) as {
    group: string;
    offsets: { topic: string; partition: number; currentOffset: number | null }[];
  }[]) {
    out[d.group] = Object.fromEntries(d.offsets.map((o) => [`${o.topic}:${o.partition}`, o.currentOffset]));
  }
  return out;
}

/** ktool consume as a live group member, in-process, until stopped. */
function ktoolMember(topic: string, g: string, protocol: 'classic' | 'consumer') {
  const ac = new AbortController();
  // On a fresh cluster the first JoinGroup can fail while __consumer_offsets is being created:
  // a member that gave up is started again until the test stops it.
  const done = (async () => {
    while (!ac.signal.aborted) {
      await runCli(['consume', topic, '-g', g, '--group-protocol', protocol, '-o', 'start'], { signal: ac.signal });
      if (!ac.signal.aborted) await new Promise((r) => setTimeout(r, 300));
    }
  })();
  const stop = async () => {
    ac.abort();
    await done;
  };
  stoppers.push(stop);
  return stop;
}

/** Kafka's ConsoleConsumer from the jars as a live group member. */
function consoleMember(topic: string, g: string): () => Promise<void> {
  const child: ChildProcess = spawn(
    'java',
    [
      '-Xmx256m',
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      '-cp',
      `${kafkaLibs()}/*`,
      'org.apache.kafka.tools.consumer.ConsoleConsumer',
      '--bootstrap-server',
      bootstrap(),
      '--topic',
      topic,
      '--group',
      g,
      '--from-beginning',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  stoppers.push(stop);
  return stop;
}

async function caughtUp(g: string, partitions: number): Promise<void> {
  await pollUntil(
    async () => {
      const rows = [...(await ktoolDescribe(g)).values()];
      return rows.length === partitions && rows.every((r) => r.lag === 0 && r.consumerId !== null);
    },
    { timeoutMs: 40_000, intervalMs: 300, what: `group ${g} to catch up` },
  );
}

async function empty(g: string): Promise<void> {
  await pollUntil(
    async () => {
      const r = JSON.parse((await ktool('groups', 'describe', g, '--state', '--json')).stdout) as { state: string; members: unknown[] }[];
      return r[0].state === 'Empty' && r[0].members.length === 0;
    },
    { timeoutMs: 60_000, intervalMs: 300, what: `group ${g} to be empty` },
  );
}

describe('groups and lag against a real broker, with real consumers', () => {
  it('describe, list and lag agree with kafka-consumer-groups.sh for ktool, ConsoleConsumer and KIP-848 members', async () => {
    const t = await createTopic(3);
    produce(t, 0, 10);
    produce(t, 1, 20);
    produce(t, 2, 5);
    await waitForEnds(t, [10, 20, 5]);
    const [gKtool, gConsole, gKip848] = [group('live-classic'), group('live-console'), group('live-kip848')];
    const stops = [ktoolMember(t, gKtool, 'classic'), consoleMember(t, gConsole), ktoolMember(t, gKip848, 'consumer')];
    for (const g of [gKtool, gConsole, gKip848]) await caughtUp(g, 3);

    // Live members: offsets and owners the same as Kafka's tool shows them.
    for (const g of [gKtool, gConsole, gKip848]) expect(await ktoolDescribe(g), g).toEqual(await kafkaDescribe(g));

    const list = JSON.parse((await ktool('groups', 'list', '--json')).stdout) as {
      group: string;
      state: string;
      type: string;
      members: number;
      lag: number;
    }[];
    expect(list.find((g) => g.group === gKtool)).toMatchObject({ state: 'Stable', type: 'classic', members: 1, lag: 0 });
    expect(list.find((g) => g.group === gConsole)).toMatchObject({ state: 'Stable', type: 'classic', members: 1, lag: 0 });
    expect(list.find((g) => g.group === gKip848)).toMatchObject({ state: 'Stable', type: 'consumer', members: 1, lag: 0 });
    const stable = JSON.parse((await ktool('groups', 'list', '--state', 'Stable', '--type', 'consumer', '--json')).stdout) as {
      group: string;
    }[];
    expect(stable.map((g) => g.group)).toContain(gKip848);
    expect(stable.map((g) => g.group)).not.toContain(gKtool);

    const members = JSON.parse((await ktool('groups', 'describe', gKip848, '--members', '--json')).stdout) as {
      type: string;
      members: { assignment: unknown[] }[];
    }[];
    expect(members[0].type).toBe('consumer');
    expect(members[0].members[0].assignment).toHaveLength(3);

    // Active groups: --execute, delete and delete-offsets are refused; a dry run is allowed.
    const refused = await ktool('groups', 'reset-offsets', gKtool, '--topic', t, '--to-earliest', '--execute');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/active member.*empty/);
    const dry = await ktool('groups', 'reset-offsets', gKtool, '--topic', t, '--to-earliest', '--json');
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/--execute would be refused/);
    expect((await ktool('groups', 'delete', gKip848, '--yes')).code).toBe(1);

    // Stop them, write more: the lag and the time lag.
    await Promise.all(stops.map((s) => s()));
    for (const g of [gKtool, gConsole, gKip848]) await empty(g);
    produce(t, 0, 7);
    produce(t, 1, 3);
    await waitForEnds(t, [17, 23, 5]);
    for (const g of [gKtool, gConsole, gKip848]) expect(await ktoolDescribe(g), g).toEqual(await kafkaDescribe(g));

    const lag = await ktool('lag', gKtool, gConsole, gKip848, '--json');
    expect(lag.stderr).toBe('');
    const data = JSON.parse(lag.stdout) as {
      group: string;
      lag: number;
      timeLagMs: number;
      partitions: { partition: number; lag: number; timeLagMs: number }[];
    }[];
    expect(data.map((g) => g.lag)).toEqual([10, 10, 10]);
    for (const g of data) {
      expect(g.partitions.find((p) => p.partition === 2)!.timeLagMs).toBe(0);
      expect(g.partitions.find((p) => p.partition === 0)!.timeLagMs).toBeGreaterThan(0);
      expect(g.partitions.find((p) => p.partition === 0)!.timeLagMs).toBeLessThan(120_000);
    }

    // Once empty, a KIP-848 group's offsets can be reset from outside like a classic group's.
    const reset = await ktool('groups', 'reset-offsets', gKip848, '--topic', t, '--to-earliest', '--execute');
    expect(reset.code, reset.stderr).toBe(0);
    expect((await committed(gKip848))[gKip848]).toEqual({ [`${t}:0`]: 0, [`${t}:1`]: 0, [`${t}:2`]: 0 });
    expect(await ktoolDescribe(gKip848)).toEqual(await kafkaDescribe(gKip848));
  }, 180_000);

  it('time lag is the age of the record at the committed offset', async () => {
    const t = await createTopic(1);
    const old = Date.now() - 3_600_000;
    const lines = [0, 1, 2].map((i) => JSON.stringify({ value: `r${i}`, timestamp: old + i * 60_000 })).join('\n') + '\n';
    const p = await runCli(['produce', t, '--input', 'json'], { stdin: lines });
    expect(p.code, p.stderr).toBe(0);
    const g = group('timelag');
    expect((await ktool('groups', 'reset-offsets', g, '--topic', t, '--to-offset', '1', '--execute')).code).toBe(0);
    const r = await ktool('lag', g, '--json');
    const [data] = JSON.parse(r.stdout) as { partitions: { lag: number; timeLagMs: number }[] }[];
    expect(data.partitions[0].lag).toBe(2);
    const expected = Date.now() - (old + 60_000);
    expect(Math.abs(data.partitions[0].timeLagMs - expected)).toBeLessThan(10_000);
    expect((await ktool('lag', g)).stdout).toMatch(/59m|1h/);
  });

  it('reset-offsets says whether it committed: dry run on stderr, then how many partitions per group', async () => {
    const t = await createTopic(2);
    produce(t, 0, 3);
    await waitForEnds(t, [3, 0]);
    const g = group('said');
    const dry = await ktool('groups', 'reset-offsets', g, '--topic', t, '--to-latest');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toBe('dry run: nothing committed; add --execute to apply\n');
    expect(dry.stdout).toMatch(/NEW-OFFSET/);
    const dryJson = await ktool('groups', 'reset-offsets', g, '--topic', t, '--to-latest', '--json');
    expect((JSON.parse(dryJson.stdout) as { executed: boolean }[]).map((r) => r.executed)).toEqual([false, false]);
    expect(dryJson.stderr).toBe('dry run: nothing committed; add --execute to apply\n');

    const done = await ktool('groups', 'reset-offsets', g, '--topic', t, '--to-latest', '--execute');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toBe(`committed new offsets for 2 partitions of group ${g}\n`);
    const one = await ktool('groups', 'reset-offsets', g, '--topic', `${t}:0`, '--to-earliest', '--execute', '--json');
    expect(one.stderr).toBe(`committed new offsets for 1 partition of group ${g}\n`);
    expect(JSON.parse(one.stdout)).toEqual([expect.objectContaining({ partition: 0, newOffset: 0, executed: true })]);
  });

  it('each reset strategy commits what kafka-consumer-groups.sh commits on a twin group', async () => {
    const t = await createTopic(3);
    produce(t, 0, 10);
    produce(t, 1, 10);
    produce(t, 2, 4);
    await waitForEnds(t, [10, 10, 4]);
    await new Promise((r) => setTimeout(r, 30));
    const middle = new Date(Date.now()).toISOString().replace('Z', '');
    await new Promise((r) => setTimeout(r, 30));
    produce(t, 0, 5);
    produce(t, 1, 5);
    await waitForEnds(t, [15, 15, 4]);
    expect((await ktool('delete-records', `${t}:0`, '--before', '3', '--yes')).code).toBe(0);

    const [theirs, ours] = [group('twin-kafka'), group('twin-ktool')];
    const start = join(scratch, 'start.csv');
    writeFileSync(start, [theirs, ours].flatMap((g) => [`${g},${t},0,6`, `${g},${t},1,12`]).join('\n') + '\n');
    const plan = join(scratch, 'plan.csv');
    writeFileSync(plan, `${t},0,1\n${t},1,9\n${t},2,99\n`);

    const cases: string[][] = [
      ['--topic', t, '--to-earliest'],
      ['--topic', t, '--to-latest'],
      ['--topic', t, '--to-current'],
      ['--topic', t, '--to-offset', '2'],
      ['--topic', `${t}:1,2`, '--to-offset', '11'],
      ['--topic', t, '--to-offset', '1000'],
      ['--all-topics', '--shift-by', '-5'],
      ['--all-topics', '--shift-by', '4'],
      ['--topic', t, '--to-datetime', middle],
      ['--topic', t, '--by-duration', 'PT1H'],
      ['--topic', t, '--by-duration', 'PT0S'],
      ['--from-file', plan],
    ];
    for (const args of cases) {
      const setup = await ktool('groups', 'reset-offsets', '--from-file', start, '--execute');
      expect(setup.code, setup.stderr).toBe(0);
      const before = await committed(theirs, ours);
      expect(before[theirs]).toEqual(before[ours]);

      const dry = await ktool('groups', 'reset-offsets', ours, ...args, '--json');
      expect(dry.code, `${args.join(' ')}: ${dry.stderr}`).toBe(0);
      expect(await committed(ours), 'a dry run changes nothing').toEqual({ [ours]: before[ours] });

      const k = await kcg('--reset-offsets', '--group', theirs, ...args, '--execute');
      expect(k.code, `${args.join(' ')}: ${k.stderr}`).toBe(0);
      const r = await ktool('groups', 'reset-offsets', ours, ...args, '--execute', '--json');
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      const after = await committed(theirs, ours);
      expect(after[ours], args.join(' ')).toEqual(after[theirs]);
      // The dry run planned exactly what --execute committed.
      const planned = Object.fromEntries(
        (JSON.parse(dry.stdout) as { topic: string; partition: number; newOffset: number }[]).map((x) => [
          `${x.topic}:${x.partition}`,
          x.newOffset,
        ]),
      );
      for (const [tp, offset] of Object.entries(planned)) expect(after[ours][tp], `${args.join(' ')} ${tp}`).toBe(offset);
    }

    // Clamping is said on stderr.
    const clamped = await ktool('groups', 'reset-offsets', ours, '--topic', t, '--to-offset', '1000');
    expect(clamped.stderr).toMatch(/outside the log .* using the log end/);

    // --export writes what --from-file reads.
    const exported = await ktool('groups', 'reset-offsets', ours, '--all-topics', '--to-earliest', '--export');
    expect(exported.stdout).toBe(`${t},0,3\n${t},1,0\n${t},2,0\n`);
    const file = join(scratch, 'exported.csv');
    writeFileSync(file, exported.stdout);
    expect((await ktool('groups', 'reset-offsets', ours, '--from-file', file, '--execute')).code).toBe(0);
    expect((await committed(ours))[ours]).toEqual({ [`${t}:0`]: 3, [`${t}:1`]: 0, [`${t}:2`]: 0 });
  }, 240_000);

  it('delete-offsets and delete, with kafka-consumer-groups.sh spellings too', async () => {
    const t = await createTopic(2);
    produce(t, 0, 3);
    produce(t, 1, 3);
    await waitForEnds(t, [3, 3]);
    const [a, b] = [group('del-a'), group('del-b')];
    for (const g of [a, b]) expect((await ktool('groups', 'reset-offsets', g, '--topic', t, '--to-latest', '--execute')).code).toBe(0);
    // Shell completion offers both groups by prefix.
    const completed = await ktool('__complete', 'groups', '--', 'del-');
    expect(completed.stdout.split('\n')).toEqual(expect.arrayContaining([a, b]));

    const d = await ktool('groups', 'delete-offsets', a, '--topic', `${t}:0`, '--yes', '--json');
    expect(d.code, d.stderr).toBe(0);
    expect(JSON.parse(d.stdout)).toEqual([{ group: a, topic: t, partition: 0, deleted: true }]);
    expect([...(await kafkaDescribe(a)).keys()]).toEqual([`${t}:1`]);

    const legacy = await ktool('groups', '--delete-offsets', '--group', b, '--topic', t);
    expect(legacy.code, legacy.stderr).toBe(0);

    // kafka-consumer-groups.sh's spelling: its words (test/dropin/ compares them with the original's).
    const del = await ktool('groups', '--delete', '--group', a);
    expect(del.code, del.stderr).toBe(0);
    expect(del.stdout).toBe(`Deletion of requested consumer groups ('${a}') was successful.\n`);
    const listed = (await kcg('--list')).stdout.split('\n');
    expect(listed).not.toContain(a);
    const again = await ktool('groups', 'delete', a, '--yes');
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/GROUP_ID_NOT_FOUND/);
    const missing = await ktool('groups', 'describe', uniqueName('nope'));
    expect(missing.code).toBe(3);

    const described = await ktool('groups', '--describe', '--group', b, '--state');
    expect(described.stdout).toMatch(new RegExp(`${b}\\s+.*Empty`));
  });

  it('lag thresholds set the exit code; Prometheus output is valid; watch prints NDJSON', async () => {
    const t = await createTopic(2);
    produce(t, 0, 8);
    produce(t, 1, 2);
    await waitForEnds(t, [8, 2]);
    const g = group('lagcheck');
    expect((await ktool('groups', 'reset-offsets', g, '--topic', t, '--to-earliest', '--execute')).code).toBe(0);

    const ok = await ktool('lag', g, '--max-lag', '8', '--max-time-lag', '1h');
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    const over = await ktool('lag', g, '--max-lag', '5', '--json');
    expect(over.code).toBe(6);
    expect(over.stderr).toContain(`${g} ${t}:0 lag 8 > 5`);
    expect(over.stderr).not.toContain(`${t}:1`);
    expect(JSON.parse(over.stdout)[0].lag).toBe(10);
    const slow = await ktool('lag', g, '--max-time-lag', '1ms');
    expect(slow.code).toBe(6);
    expect(slow.stderr).toMatch(/time lag/);

    const prom = await ktool('lag', g, '--format', 'prometheus');
    expect(prom.code).toBe(0);
    const { validateOpenMetrics } = await import('./openmetrics.js');
    expect(validateOpenMetrics(prom.stdout)).toEqual([]);
    expect(prom.stdout).toContain(`kafka_consumergroup_lag{group="${g}",topic="${t}",partition="0"} 8\n`);
    expect(prom.stdout).toContain(`kafka_consumergroup_group_lag{group="${g}"} 10\n`);
    expect(prom.stdout).toMatch(
      new RegExp(`kafka_consumergroup_lag_seconds\\{group="${g}",topic="${t}",partition="1"\\} \\d+(\\.\\d+)?\\n`),
    );

    const watch = await ktool('lag', g, '--watch', '200ms', '--count', '3');
    expect(watch.code).toBe(0);
    const lines = watch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { time: number; groups: { group: string; lag: number; ratePerSec: number | null }[] });
    expect(lines).toHaveLength(3);
    expect(lines[0].groups[0]).toMatchObject({ group: g, lag: 10, ratePerSec: null });
    expect(lines[2].groups[0].ratePerSec).toBe(0);
    expect(lines[2].time).toBeGreaterThan(lines[0].time);

    // On a terminal the table is redrawn in place, with the trend columns.
    const live = await runCli(['lag', g, '--watch', '100ms', '--count', '2'], { tty: true });
    expect(live.code).toBe(0);
    expect(live.stdout.split('\x1b[H\x1b[2J')).toHaveLength(3);
    expect(live.stdout).toMatch(/RATE\/S\s+CATCH-UP/);

    // The real binary: exit code 6 and the offending partition on stderr, data on stdout.
    const spawned = await spawnKtool(['lag', g, '--max-lag', '3', '--json']);
    expect(spawned.code).toBe(6);
    expect(spawned.stderr).toContain(`lag check failed: ${g} ${t}:0 lag 8 > 3`);
    expect(JSON.parse(spawned.stdout)[0].group).toBe(g);
    const legacy = await spawnKtool(['groups', '--describe', '--group', g, '--bootstrap-server', bootstrap()]);
    expect(legacy.code).toBe(0);
    expect(legacy.stdout).toMatch(new RegExp(`${g}\\s+${t}\\s+0\\s+0\\s+8\\s+8`));

    const topicOnly = JSON.parse((await ktool('lag', '--topic', t, '--json')).stdout) as { group: string }[];
    expect(topicOnly.map((x) => x.group)).toEqual([g]);
  });
});
