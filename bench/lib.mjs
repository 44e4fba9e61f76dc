// Shared bits of the benchmarks: argument parsing, the broker to use, Kafka's own tools from the jars.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchArgs(argv, defaultRuns) {
  const out = { runs: defaultRuns, bootstrap: process.env.KTOOL_BENCH_BOOTSTRAP, libs: process.env.KAFKA_LIBS };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') out.runs = Number(argv[++i]);
    else if (argv[i] === '-b') out.bootstrap = argv[++i];
    else if (argv[i] === '--libs') out.libs = argv[++i];
  }
  out.libs ??= join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ktool', 'kafka', '4.3.1', 'libs');
  if (!existsSync(out.libs)) throw new Error(`Kafka jars not found in ${out.libs}: run \`bin/ktool local start\` once, or pass --libs DIR`);
  return out;
}

/** The bootstrap of the `local` profile, starting the local broker if needed. */
export async function resolveBroker(ktool) {
  execFileSync(ktool, ['local', 'start'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const status = JSON.parse(execFileSync(ktool, ['local', 'status', '--json'], { encoding: 'utf8' }));
  return status.bootstrap;
}

let log4j;
export function kafkaToolArgv(libs, mainClass, args) {
  if (!log4j) {
    log4j = join(mkdtempSync(join(tmpdir(), 'ktool-bench-')), 'log4j2.properties');
    writeFileSync(
      log4j,
      'rootLogger.level=WARN\nrootLogger.appenderRef.err.ref=ERR\n' +
        'appender.err.type=Console\nappender.err.name=ERR\nappender.err.target=SYSTEM_ERR\n' +
        'appender.err.layout.type=PatternLayout\nappender.err.layout.pattern=%p %m%n\n',
    );
  }
  return ['java', `-Dlog4j2.configurationFile=${log4j}`, '-cp', `${libs}/*`, mainClass, ...args];
}
