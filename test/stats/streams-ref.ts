/**
 * Kafka Streams 4.3.1 as the reference for `ktool stats`: Ref.java (a single-file source program
 * run by java, no javac) over TopologyTestDriver, with kafka-streams and its test utils from Maven
 * Central (streams-ref/pom.xml, fetched once by mvn into ktool's cache directory).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from '../../src/config/paths.js';

const HERE = join(import.meta.dirname, 'streams-ref');

function exec(cmd: string, args: string[], input?: string, timeout = 600_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { timeout, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${cmd} failed: ${error.message}\n${stderr}`)) : resolve(stdout),
    );
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** The jars' directory, fetched with mvn the first time (KTOOL_STREAMS_REF_JARS overrides). */
export async function streamsJars(): Promise<string> {
  const dir = process.env.KTOOL_STREAMS_REF_JARS ?? join(cacheDir(process.env), 'kafka-streams', '4.3.1');
  if (existsSync(join(dir, 'kafka-streams-4.3.1.jar'))) return dir;
  const partial = `${dir}.partial-${process.pid}`;
  await exec('mvn', [
    '-B',
    '-q',
    '-f',
    join(HERE, 'pom.xml'),
    'dependency:copy-dependencies',
    `-DoutputDirectory=${partial}`,
    '-DincludeScope=runtime',
  ]);
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
  return dir;
}

export interface Scenario {
  mode: 'tumbling' | 'hopping' | 'session';
  /** Window size, or the session gap (ms). */
  size: number;
  advance: number;
  grace: number;
  emit: 'update' | 'final';
  records: { key: string; time: number; value: number }[];
}

export interface RefRow {
  s: number;
  i: number;
  key: string;
  windowStart: number;
  windowEnd: number;
  count?: number;
  sum?: number;
  tombstone?: true;
}

/** Runs every scenario through Kafka Streams in one JVM. */
export async function runStreams(scenarios: Scenario[]): Promise<RefRow[]> {
  const jars = await streamsJars();
  const input = scenarios
    .map(
      (s) =>
        `# ${s.mode} ${s.size} ${s.advance} ${s.grace} ${s.emit}\n` + s.records.map((r) => `${r.key}\t${r.time}\t${r.value}\n`).join(''),
    )
    .join('');
  const out = await exec('java', ['-cp', `${jars}/*`, join(HERE, 'Ref.java')], input);
  return out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as RefRow);
}
