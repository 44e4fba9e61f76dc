import { execFile } from 'node:child_process';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotFoundError } from '../errors.js';

import { usesLog4j1 } from './versions.js';

/** Log4j2 binding for a 4.x broker's SLF4J logging: no Kafka POM carries one. */
const LOG4J_VERSION = '2.24.3';
/** What the 3.x distributions ship for their log4j 1 logging (Kafka 3.x code calls log4j 1 itself). */
const RELOAD4J_VERSION = '1.2.25';
const SLF4J_1_VERSION = '1.7.36';

/**
 * The broker and its tools, a logging binding for the version's line and, with `connect`,
 * MirrorMaker 2 (connect-*: only the tests' Connect worker uses them, and not every release has
 * them on every Maven repository).
 */
export function kafkaPom(version: string, o: { connect?: boolean } = {}): string {
  const dep = (g: string, a: string, v: string) =>
    `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`;
  const logging = usesLog4j1(version)
    ? [dep('ch.qos.reload4j', 'reload4j', RELOAD4J_VERSION), dep('org.slf4j', 'slf4j-reload4j', SLF4J_1_VERSION)]
    : [dep('org.apache.logging.log4j', 'log4j-core', LOG4J_VERSION), dep('org.apache.logging.log4j', 'log4j-slf4j-impl', LOG4J_VERSION)];
  const connect =
    o.connect === false ? [] : [dep('org.apache.kafka', 'connect-mirror', version), dep('org.apache.kafka', 'connect-runtime', version)];
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>ktool</groupId><artifactId>kafka-runtime</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
${[dep('org.apache.kafka', 'kafka_2.13', version), dep('org.apache.kafka', 'kafka-tools', version), ...connect, ...logging].join('\n')}
  </dependencies>
</project>
`;
}

/** Copies Kafka's runtime jars from Maven Central into `dest` (atomically: a temp dir, then rename). */
export async function fetchWithMaven(o: { mvn: string; version: string; dest: string }): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'ktool-mvn-'));
  const staging = `${o.dest}.partial-${process.pid}`;
  try {
    try {
      await copyDependencies(o.mvn, work, staging, kafkaPom(o.version));
    } catch (error) {
      // A release whose connect-* artifacts the repository lacks still runs a broker without them.
      if (error instanceof NotFoundError) throw error;
      await rm(staging, { recursive: true, force: true });
      await copyDependencies(o.mvn, work, staging, kafkaPom(o.version, { connect: false })).catch(() => Promise.reject(error));
    }
    await rm(o.dest, { recursive: true, force: true });
    await rename(staging, o.dest);
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(staging, { recursive: true, force: true });
  }
}

function copyDependencies(mvn: string, work: string, staging: string, pom: string): Promise<void> {
  return writeFile(join(work, 'pom.xml'), pom).then(
    () =>
      new Promise<void>((resolve, reject) => {
        execFile(
          mvn,
          ['-B', '-q', 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`, '-DincludeScope=runtime'],
          { cwd: work, timeout: 15 * 60_000, maxBuffer: 16 << 20 },
          (error, stdout, stderr) => {
            if (!error) return resolve();
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new NotFoundError(`${mvn} not found`));
            const detail = `${stdout}\n${stderr}`
              .split('\n')
              .filter((l) => /ERROR/.test(l))
              .slice(0, 2)
              .join(' ')
              .trim();
            reject(new Error(detail || `exit ${(error as { code?: unknown }).code}`));
          },
        );
      }),
  );
}
