#!/usr/bin/env node
// Start-up benchmark (issue: "a CLI's first impression"): wall time of `ktool --help`,
// `ktool topics list`, Kafka's own `kafka-topics.sh --list` (TopicCommand from the same jars) and
// `kcat -L`, against one broker, side by side; the standalone executable too when
// `npm run build:sea` has made dist-sea/ktool. Prints medians and ratios; asserts nothing.
//   node bench/startup.mjs [--runs N] [-b HOST:PORT] [--libs DIR]
// Without -b it uses the `local` profile's broker (ktool local start).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchArgs, kafkaToolArgv, median, resolveBroker } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const ktool = `${root}bin/ktool`;
const standalone = `${root}dist-sea/ktool`;
const { runs, bootstrap, libs } = await benchArgs(process.argv.slice(2), 15);
const broker = bootstrap ?? (await resolveBroker(ktool));

function time(argv) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
    times.push(ms);
  }
  return median(times);
}

const rows = [
  // What Node itself takes to start and exit on this machine now: the floor under both budgets, and
  // a gauge of the machine's speed at the time (a shared VM's varies by half from hour to hour).
  ['node -e 0', [process.execPath, '-e', '0']],
  ['ktool --help', [ktool, '--help']],
  ['ktool topics list', [ktool, 'topics', 'list', '-b', broker]],
  ...(existsSync(standalone)
    ? [
        ['standalone --help', [standalone, '--help']],
        ['standalone topics list', [standalone, 'topics', 'list', '-b', broker]],
      ]
    : []),
  ['kcat -L', ['kcat', '-b', broker, '-L']],
  ['kafka-topics.sh --list', kafkaToolArgv(libs, 'org.apache.kafka.tools.TopicCommand', ['--bootstrap-server', broker, '--list'])],
];
const results = rows.map(([name, argv]) => [name, time(argv)]);
const byName = Object.fromEntries(results);
console.log(`start-up, median of ${runs} runs against ${broker}`);
for (const [name, ms] of results) console.log(`  ${name.padEnd(26)} ${ms.toFixed(0).padStart(6)} ms`);
const list = byName['ktool topics list'];
console.log('ratios (how many times faster ktool topics list is):');
console.log(`  vs kafka-topics.sh --list  ${(byName['kafka-topics.sh --list'] / list).toFixed(1)}x`);
console.log(`  vs kcat -L                 ${(byName['kcat -L'] / list).toFixed(2)}x`);
console.log(`targets: --help < 80 ms (${byName['ktool --help'].toFixed(0)}), topics list < 150 ms (${list.toFixed(0)})`);
if (byName['standalone --help'] !== undefined) {
  const help = byName['standalone --help'].toFixed(0);
  console.log(`  standalone: --help ${help} ms, topics list ${byName['standalone topics list'].toFixed(0)} ms`);
}
