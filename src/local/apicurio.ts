/**
 * Apicurio Registry for `ktool local start --schema-registry`: which release runs on which Java,
 * and its distribution from Maven Central (../shared/notes/schema-registry.md has the recipe and
 * measurements). Confluent's own registry is not on Maven Central; Apicurio serves the Confluent
 * REST API under /apis/ccompat/v7, which is what ktool (and every Confluent serializer) talks to.
 *
 * - Apicurio 3.3.3 needs Java 21+ (class files version 65). ktool picks the newest Java 21+ among
 *   $KTOOL_REGISTRY_JAVA, $JAVA_HOME, `java` on PATH and the JDKs installed side by side in
 *   /usr/lib/jvm (Debian/Ubuntu keep them there).
 * - Without one, Apicurio 3.0.9 on Java 17 (the same Confluent API; older layout, no management port).
 * - Neither: an error naming what was found and what to install.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OperationError } from '../errors.js';

export const APICURIO_VERSION = '3.3.3';
/** The newest line that still runs on Java 17. */
export const APICURIO_JAVA17_VERSION = '3.0.9';

export interface RegistryJava {
  java: string;
  major: number;
  /** The Apicurio release that runs on it. */
  version: string;
}

/** The Java binaries worth trying, most explicit first (duplicates removed). */
export function javaCandidates(env: Record<string, string | undefined>, jvmRoot = '/usr/lib/jvm'): string[] {
  const list: string[] = [];
  if (env.KTOOL_REGISTRY_JAVA) list.push(env.KTOOL_REGISTRY_JAVA);
  if (env.JAVA_HOME) list.push(join(env.JAVA_HOME, 'bin', 'java'));
  list.push('java');
  try {
    for (const entry of readdirSync(jvmRoot).sort()) {
      const bin = join(jvmRoot, entry, 'bin', 'java');
      if (existsSync(bin)) list.push(bin);
    }
  } catch {
    // no /usr/lib/jvm (macOS, other layouts): JAVA_HOME and PATH only
  }
  return [...new Set(list)];
}

export function javaMajor(java: string, env: Record<string, string | undefined> = process.env): Promise<number | undefined> {
  return new Promise((resolve) => {
    execFile(java, ['-version'], { timeout: 30_000, env: env as NodeJS.ProcessEnv }, (error, _stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return resolve(undefined);
      const m = /version "(\d+)(?:\.(\d+))?/.exec(String(stderr));
      resolve(m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : undefined);
    });
  });
}

/** Java 21+ with Apicurio 3.3.3 when there is one, else Java 17+ with 3.0.9 (KTOOL_REGISTRY_JAVA forces a binary). */
export async function chooseRegistryJava(env: Record<string, string | undefined>, jvmRoot?: string): Promise<RegistryJava> {
  const candidates = javaCandidates(env, jvmRoot);
  const found = (await Promise.all(candidates.map(async (java) => ({ java, major: await javaMajor(java, env) })))).filter(
    (c): c is { java: string; major: number } => c.major !== undefined,
  );
  const forced = env.KTOOL_REGISTRY_JAVA ? found.filter((c) => c.java === env.KTOOL_REGISTRY_JAVA) : found;
  const best = [...forced].sort((a, b) => b.major - a.major)[0];
  if (best && best.major >= 21) return { ...best, version: APICURIO_VERSION };
  if (best && best.major >= 17) return { ...best, version: APICURIO_JAVA17_VERSION };
  const seen = found.length ? found.map((c) => `${c.java} (Java ${c.major})`).join(', ') : 'no Java at all';
  throw new OperationError(
    `the local Schema Registry (Apicurio) needs Java 21+ (Apicurio ${APICURIO_VERSION}) ` +
      `or Java 17+ (Apicurio ${APICURIO_JAVA17_VERSION}); found ${seen}`,
    { hint: 'install one (e.g. apt-get install openjdk-21-jre-headless) or point KTOOL_REGISTRY_JAVA at its bin/java' },
  );
}

/** The unpacked distribution: `quarkus-run.jar` (3.1+) or `apicurio-registry-app-<v>-runner.jar` (3.0). */
export function apicurioLauncher(dir: string): string | undefined {
  if (existsSync(join(dir, 'quarkus-run.jar'))) return join(dir, 'quarkus-run.jar');
  const runner = existsSync(dir) ? readdirSync(dir).find((f) => /^apicurio-registry-app-.*-runner\.jar$/.test(f)) : undefined;
  return runner && join(dir, runner);
}

/**
 * The distribution's directory: KTOOL_APICURIO_HOME (unpacked by hand), the cache, else fetched
 * once with `mvn dependency:unpack` (io.apicurio:apicurio-registry-app:<v>:tar.gz:all, 158 MB,
 * kept in ~/.m2 too) into <cache>/apicurio/<v>.
 */
export async function resolveApicurio(o: {
  version: string;
  cacheDir: string;
  env: Record<string, string | undefined>;
  log: (message: string) => void;
}): Promise<string> {
  const home = o.env.KTOOL_APICURIO_HOME;
  if (home) {
    if (!apicurioLauncher(home))
      throw new OperationError(`${home} (KTOOL_APICURIO_HOME) is not an unpacked Apicurio Registry (no quarkus-run.jar)`);
    return home;
  }
  const dest = join(o.cacheDir, 'apicurio', o.version);
  if (apicurioLauncher(dest)) return dest;
  const mvn = o.env.KTOOL_MVN ?? 'mvn';
  if (mvn === 'none')
    throw new OperationError('the Apicurio Registry distribution is not cached and KTOOL_MVN=none forbids fetching it', {
      hint: 'unpack io.apicurio:apicurio-registry-app:<version>:tar.gz:all and set KTOOL_APICURIO_HOME to it',
    });
  o.log(`fetching Apicurio Registry ${o.version} from Maven Central with ${mvn} (once, 158 MB)...`);
  const work = await mkdtemp(join(tmpdir(), 'ktool-apicurio-'));
  const staging = `${dest}.partial-${process.pid}`;
  try {
    await unpack(mvn, work, staging, `io.apicurio:apicurio-registry-app:${o.version}:tar.gz:all`);
    if (!apicurioLauncher(staging)) throw new OperationError(`the Apicurio ${o.version} archive has no launcher jar`);
    await rm(dest, { recursive: true, force: true });
    await rename(staging, dest);
    return dest;
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(staging, { recursive: true, force: true });
  }
}

function unpack(mvn: string, cwd: string, outputDirectory: string, artifact: string): Promise<void> {
  const args = [
    '-B',
    '-q',
    'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:unpack',
    `-Dartifact=${artifact}`,
    `-DoutputDirectory=${outputDirectory}`,
  ];
  return new Promise((resolve, reject) => {
    execFile(mvn, args, { cwd, timeout: 15 * 60_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (!error) return resolve();
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return reject(new OperationError(`${mvn} not found: Maven fetches the Schema Registry`, { hint: 'apt-get install maven' }));
      const detail = `${stdout}\n${stderr}`
        .split('\n')
        .filter((l) => /ERROR/.test(l))
        .slice(0, 2)
        .join(' ')
        .trim();
      reject(new OperationError(`cannot fetch ${artifact}: ${detail || `mvn exit ${(error as { code?: unknown }).code}`}`));
    });
  });
}
