import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OperationError } from '../errors.js';
import { fetchWithMaven } from './maven.js';
import { fetchTarball } from './tarball.js';

export interface JarSourceOptions {
  version: string;
  cacheDir: string;
  kafkaHome?: string;
  env: Record<string, string | undefined>;
  log: (message: string) => void;
}

export function cachedLibs(cacheDir: string, version: string): string {
  return join(cacheDir, 'kafka', version, 'libs');
}

function hasJars(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => /^kafka_2\.13-.*\.jar$/.test(f));
}

/**
 * Finds Kafka's jars, in order: --kafka-home / KAFKA_HOME (an unpacked distribution), the cache,
 * Maven Central through `mvn` (KTOOL_MVN names the binary; `none` skips it), then the official
 * tarball with its SHA-512 checked (KTOOL_KAFKA_DIST_URL overrides the base URL). Returns the
 * directory holding the jars.
 */
export async function resolveKafkaJars(
  o: JarSourceOptions,
): Promise<{ libs: string; source: 'kafka-home' | 'cache' | 'maven' | 'tarball' }> {
  const home = o.kafkaHome ?? o.env.KAFKA_HOME;
  if (home) {
    const libs = join(home, 'libs');
    if (!hasJars(libs))
      throw new OperationError(`${home} is not a Kafka distribution (no libs/kafka_2.13-*.jar)`, {
        hint: 'point --kafka-home/KAFKA_HOME at an unpacked kafka_2.13-<version> directory',
      });
    return { libs, source: 'kafka-home' };
  }
  const cache = cachedLibs(o.cacheDir, o.version);
  if (hasJars(cache)) return { libs: cache, source: 'cache' };

  const failures: string[] = [];
  const mvn = o.env.KTOOL_MVN ?? 'mvn';
  if (mvn !== 'none') {
    try {
      o.log(`fetching Kafka ${o.version} jars from Maven Central with ${mvn} (once)...`);
      await fetchWithMaven({ mvn, version: o.version, dest: cache });
      return { libs: cache, source: 'maven' };
    } catch (error) {
      failures.push(`mvn: ${(error as Error).message}`);
    }
  }
  try {
    o.log(`downloading the Kafka ${o.version} distribution (once)...`);
    await fetchTarball({ version: o.version, dest: cache, baseUrl: o.env.KTOOL_KAFKA_DIST_URL });
    return { libs: cache, source: 'tarball' };
  } catch (error) {
    failures.push(`download: ${(error as Error).message}`);
  }
  throw new OperationError(`cannot get the Kafka ${o.version} jars (${failures.join('; ')})`, {
    hint: 'install Maven (apt-get install maven) with access to Maven Central, or pass --kafka-home DIR of an unpacked Kafka distribution',
  });
}
