#!/usr/bin/env node
// Lag benchmark (issue 4): `ktool lag --json` for every group against Kafka's
// `kafka-consumer-groups.sh --describe --all-groups` (ConsumerGroupCommand from the same jars),
// on 200 groups over 50 topics x 20 partitions, each group with committed offsets on 5 topics
// (100 partitions). Checks that both tools report the same total lag, prints medians and the ratio.
//   node bench/lag.mjs [--runs N] [-b HOST:PORT] [--libs DIR] [--groups 200] [--topics 50] [--partitions 20] [--keep]
// Without -b it uses the `local` profile's broker (ktool local start). KTOOL_BIN overrides bin/ktool.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs, kafkaToolArgv, median, resolveBroker } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const ktool = process.env.KTOOL_BIN || `${root}bin/ktool`;
const argv = process.argv.slice(2);
const { runs, bootstrap, libs } = await benchArgs(argv, 5);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const GROUPS = opt('--groups', 200);
const TOPICS = opt('--topics', 50);
const PARTITIONS = opt('--partitions', 20);
const PER_GROUP = Math.min(5, TOPICS);
const RECORDS_PER_TOPIC = PARTITIONS * 100;
const broker = bootstrap ?? (await resolveBroker(ktool));
const work = mkdtempSync(join(tmpdir(), 'ktool-bench-lag-'));
const prefix = `bench-lag-${process.pid}`;
const topics = Array.from({ length: TOPICS }, (_, i) => `${prefix}-t${i}`);
const groups = Array.from({ length: GROUPS }, (_, i) => `${prefix}-g${i}`);

const run = (args, input) =>
  execFileSync(ktool, [...args, '-b', broker], { input, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });

function cleanup() {
  if (argv.includes('--keep')) return;
  spawnSync(ktool, ['groups', 'delete', ...groups, '-b', broker], { stdio: 'ignore' });
  spawnSync(ktool, ['topics', 'delete', ...topics, '--if-exists', '--yes', '-b', broker], { stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
}

try {
  const t0 = Date.now();
  run(['topics', 'create', ...topics, '-p', String(PARTITIONS)]);
  const lines = Array.from({ length: RECORDS_PER_TOPIC }, (_, i) => `record-${i}-${'x'.repeat(40)}`).join('\n') + '\n';
  const file = join(work, 'records.txt');
  writeFileSync(file, lines);
  for (const t of topics) execFileSync('kcat', ['-P', '-b', broker, '-t', t, '-l', file, '-X', 'topic.partitioner=random']);
  // Each group: 5 consecutive topics, a committed offset somewhere inside every partition.
  const plan = [];
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  groups.forEach((g, i) => {
    for (let k = 0; k < PER_GROUP; k++) {
      const t = topics[(i + k) % TOPICS];
      for (let p = 0; p < PARTITIONS; p++) plan.push(`${g},${t},${p},${Math.floor(random() * 60)}`);
    }
  });
  const planFile = join(work, 'plan.csv');
  writeFileSync(planFile, plan.join('\n') + '\n');
  run(['groups', 'reset-offsets', '--from-file', planFile, '--execute', '--json']);
  console.log(
    `setup: ${TOPICS} topics x ${PARTITIONS} partitions, ${GROUPS} groups x ` +
      `${PER_GROUP * PARTITIONS} committed partitions (${plan.length} in all), ` +
      `${((Date.now() - t0) / 1000).toFixed(1)} s, broker ${broker}`,
  );

  function time(label, argvToRun, n) {
    const times = [];
    let stdout = '';
    for (let i = 0; i < n; i++) {
      const start = process.hrtime.bigint();
      const r = spawnSync(argvToRun[0], argvToRun.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30 });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (r.status !== 0) throw new Error(`${label} failed (${r.status}): ${r.stderr}`);
      stdout = r.stdout;
    }
    return { ms: median(times), all: times, stdout };
  }

  const ours = time('ktool lag --json', [ktool, 'lag', '--json', '-b', broker], runs);
  const oursNoTime = time('ktool lag --json --no-time-lag', [ktool, 'lag', '--json', '--no-time-lag', '-b', broker], runs);
  const theirs = time(
    'kafka-consumer-groups.sh',
    kafkaToolArgv(libs, 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', [
      '--bootstrap-server',
      broker,
      '--describe',
      '--all-groups',
    ]),
    Math.min(runs, 3),
  );

  // Same state, same answer: total lag over the bench groups.
  const mine = new Set(groups);
  const ourLag = JSON.parse(ours.stdout)
    .filter((g) => mine.has(g.group))
    .reduce((s, g) => s + g.lag, 0);
  const ourPartitions = JSON.parse(ours.stdout)
    .filter((g) => mine.has(g.group))
    .reduce((s, g) => s + g.partitions.length, 0);
  const withTime = JSON.parse(ours.stdout)
    .filter((g) => mine.has(g.group))
    .flatMap((g) => g.partitions)
    .filter((p) => p.timeLagMs !== null).length;
  let theirLag = 0;
  let theirPartitions = 0;
  for (const line of theirs.stdout.split('\n')) {
    const c = line.trim().split(/\s+/);
    if (!mine.has(c[0])) continue;
    theirPartitions++;
    if (/^\d+$/.test(c[5])) theirLag += Number(c[5]);
  }
  console.log(
    `total lag: ktool ${ourLag} over ${ourPartitions} partitions (${withTime} with a time ` +
      `lag), kafka-consumer-groups.sh ${theirLag} over ${theirPartitions} ` +
      `partitions${ourLag === theirLag && ourPartitions === theirPartitions ? ' (same)' : ' (DIFFERENT)'}`,
  );
  const fmt = (x) => `${x.ms.toFixed(0).padStart(7)} ms  (runs: ${x.all.map((m) => m.toFixed(0)).join(', ')})`;
  console.log(`ktool lag --json                       ${fmt(ours)}`);
  console.log(`ktool lag --json --no-time-lag         ${fmt(oursNoTime)}`);
  console.log(`kafka-consumer-groups.sh --describe --all-groups ${fmt(theirs)}`);
  console.log(
    `ratio: ktool lag is ${(theirs.ms / ours.ms).toFixed(1)}x faster (${(theirs.ms / oursNoTime.ms).toFixed(1)}x without time lag)`,
  );
} finally {
  cleanup();
}
