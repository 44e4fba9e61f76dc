import { execFile } from 'node:child_process';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Log4j2 binding for the broker's SLF4J logging: no Kafka POM carries one. */
const LOG4J_VERSION = '2.24.3';

export function kafkaPom(version: string): string {
  const dep = (g: string, a: string, v: string) => `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`;
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>ktool</groupId><artifactId>kafka-runtime</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
${dep('org.apache.kafka', 'kafka_2.13', version)}
${dep('org.apache.kafka', 'kafka-tools', version)}
${dep('org.apache.kafka', 'connect-mirror', version)}
${dep('org.apache.kafka', 'connect-runtime', version)}
${dep('org.apache.logging.log4j', 'log4j-core', LOG4J_VERSION)}
${dep('org.apache.logging.log4j', 'log4j-slf4j-impl', LOG4J_VERSION)}
  </dependencies>
</project>
`;
}

/** Copies Kafka's runtime jars from Maven Central into `dest` (atomically: a temp dir, then rename). */
export async function fetchWithMaven(o: { mvn: string; version: string; dest: string }): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'ktool-mvn-'));
  const staging = `${o.dest}.partial-${process.pid}`;
  try {
    await writeFile(join(work, 'pom.xml'), kafkaPom(o.version));
    await new Promise<void>((resolve, reject) => {
      execFile(o.mvn, ['-B', '-q', 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`, '-DincludeScope=runtime'], { cwd: work, timeout: 15 * 60_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
        if (!error) return resolve();
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new Error(`${o.mvn} not found`));
        const detail = `${stdout}\n${stderr}`.split('\n').filter((l) => /ERROR/.test(l)).slice(0, 2).join(' ').trim();
        reject(new Error(detail || `exit ${(error as { code?: unknown }).code}`));
      });
    });
    await rm(o.dest, { recursive: true, force: true });
    await rename(staging, o.dest);
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(staging, { recursive: true, force: true });
  }
}
