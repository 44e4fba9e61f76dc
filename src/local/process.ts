import { execFile, spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OperationError } from '../errors.js';

/** A broker's heap unless KAFKA_HEAP_OPTS says otherwise (as for Kafka's kafka-server-start.sh, whose default is 1 GB). */
const BROKER_HEAP = ['-Xms256m', '-Xmx768m'];
/** The rest of a broker's JVM flags unless KAFKA_JVM_PERFORMANCE_OPTS says otherwise (as for Kafka's kafka-run-class.sh). */
const BROKER_JVM = ['-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true'];

const split = (opts: string | undefined, fallback: string[]) => (opts?.trim() ? opts.trim().split(/\s+/) : fallback);

/**
 * A broker's JVM flags: KAFKA_HEAP_OPTS (else 256 MB growing to 768 MB), then KAFKA_JVM_PERFORMANCE_OPTS (else G1
 * with 20 ms pauses), each split on spaces, as Kafka's own start scripts take them.
 */
export function brokerJvm(env: Record<string, string | undefined>): string[] {
  return [...split(env.KAFKA_HEAP_OPTS, BROKER_HEAP), ...split(env.KAFKA_JVM_PERFORMANCE_OPTS, BROKER_JVM)];
}

/** Logging settings in `dir` for either line: log4j2 (Kafka 4.x) and log4j 1 / reload4j (3.x). */
function logConfig(dir: string): string[] {
  return [`-Dlog4j2.configurationFile=${join(dir, 'log4j2.properties')}`, `-Dlog4j.configuration=file:${join(dir, 'log4j.properties')}`];
}

/** Runs a Kafka main class from the jars to completion (StorageTool format ...), logging as configured in `logDir`. */
export function runJava(java: string, libs: string, mainClass: string, args: string[], logDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      java,
      ['-Xmx256m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', ...logConfig(logDir), '-cp', `${libs}/*`, mainClass, ...args],
      { timeout: 120_000, maxBuffer: 8 << 20 },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new OperationError(
              `${mainClass.split('.').pop()} failed: ${(stderr || stdout || error.message).trim().split('\n').slice(-3).join(' ')}`,
            ),
          );
        else resolve(stdout);
      },
    );
  });
}

/** Starts a broker JVM detached from this process (it outlives `ktool local start`); `jvm`: brokerJvm(). */
export function spawnBroker(java: string, libs: string, dir: string, jvm: string[] = brokerJvm({})): number {
  const out = openSync(join(dir, 'stdout.log'), 'a');
  try {
    const child = spawn(
      java,
      [...jvm, ...logConfig(dir), `-Dkafka.logs.dir=${dir}`, '-cp', `${libs}/*`, 'kafka.Kafka', join(dir, 'server.properties')],
      {
        detached: true,
        stdio: ['ignore', out, out],
      },
    );
    child.unref();
    if (!child.pid) throw new OperationError('could not start java for the broker');
    return child.pid;
  } finally {
    closeSync(out);
  }
}

export async function logTail(dir: string, lines = 15): Promise<string> {
  const parts: string[] = [];
  for (const file of ['server.log', 'stdout.log']) {
    try {
      const text = await readFile(join(dir, file), 'utf8');
      parts.push(...text.trimEnd().split('\n').slice(-lines));
    } catch {
      // a log that was never written
    }
  }
  return parts.slice(-lines).join('\n');
}
