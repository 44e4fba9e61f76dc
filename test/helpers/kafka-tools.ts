import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The jars Kafka's own tools run from (set by test/global-setup.ts). */
export function kafkaLibs(): string {
  const libs = process.env.KTOOL_TEST_KAFKA_LIBS;
  if (!libs) throw new Error('KTOOL_TEST_KAFKA_LIBS is not set (test/global-setup.ts sets it)');
  return libs;
}

let log4j: string | undefined;
function quietLog4j(): string {
  if (log4j) return log4j;
  const dir = mkdtempSync(join(tmpdir(), 'ktool-log4j-'));
  log4j = join(dir, 'log4j2.properties');
  writeFileSync(
    log4j,
    'rootLogger.level=WARN\nrootLogger.appenderRef.err.ref=ERR\nappender.err.type=Console\n' +
      'appender.err.name=ERR\nappender.err.target=SYSTEM_ERR\nappender.err.layout.type=PatternLayout\n' +
      'appender.err.layout.pattern=%p %m%n\n',
  );
  return log4j;
}

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of Kafka's own command-line tools from the test jars, e.g.
 * runKafkaTool('org.apache.kafka.tools.TopicCommand', ['--bootstrap-server', b, '--list']).
 */
export function runKafkaTool(
  mainClass: string,
  args: string[],
  options: { stdin?: string | Buffer; timeoutMs?: number } = {},
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'java',
      [
        '-Xmx256m',
        '-XX:TieredStopAtLevel=1',
        '-XX:+UseSerialGC',
        `-Dlog4j2.configurationFile=${quietLog4j()}`,
        '-cp',
        `${kafkaLibs()}/*`,
        mainClass,
        ...args,
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
