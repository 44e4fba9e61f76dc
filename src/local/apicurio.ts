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
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
  // Forced: only that binary counts (the others were not to be used).
  const seen = forced.length
    ? forced.map((c) => `${c.java} (Java ${c.major})`).join(', ')
    : env.KTOOL_REGISTRY_JAVA
      ? `no Java at ${env.KTOOL_REGISTRY_JAVA} (KTOOL_REGISTRY_JAVA)`
      : 'no Java at all';
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

/** Maven Central, or the repository KTOOL_MAVEN_REPO names (a mirror with the same layout). */
export const MAVEN_CENTRAL = 'https://repo.maven.apache.org/maven2';

/**
 * The distribution's directory: KTOOL_APICURIO_HOME (unpacked by hand), the cache, else fetched
 * once into <cache>/apicurio/<v>: with `mvn dependency:unpack` (io.apicurio:apicurio-registry-app:
 * <v>:tar.gz:all, kept in ~/.m2 too; honours the user's Maven settings and mirrors), else the same
 * archive downloaded from the Maven repository with its SHA-1 checked (mvn needs the artifact's
 * parent POMs too, and not every repository has them: 3.0.9's io.apicurio:apicurio-registry pom
 * is missing on some mirrors).
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
  const artifact = `io.apicurio:apicurio-registry-app:${o.version}:tar.gz:all`;
  const failures: string[] = [];
  const mvn = o.env.KTOOL_MVN ?? 'mvn';
  if (mvn !== 'none') {
    o.log(`fetching Apicurio Registry ${o.version} from Maven Central with ${mvn} (once, 110-160 MB)...`);
    try {
      await intoCache(dest, (staging, work) => unpack(mvn, work, staging, artifact));
      return dest;
    } catch (error) {
      failures.push(`mvn: ${(error as Error).message}`);
    }
  }
  const repo = (o.env.KTOOL_MAVEN_REPO ?? MAVEN_CENTRAL).replace(/\/$/, '');
  const url = `${repo}/io/apicurio/apicurio-registry-app/${o.version}/apicurio-registry-app-${o.version}-all.tar.gz`;
  o.log(`downloading ${url} (once)...`);
  try {
    await intoCache(dest, (staging, work) => downloadArchive(url, work, staging));
    return dest;
  } catch (error) {
    failures.push(`download: ${(error as Error).message}`);
  }
  throw new OperationError(`cannot get Apicurio Registry ${o.version} (${failures.join('; ')})`, {
    hint: `unpack ${artifact} by hand and set KTOOL_APICURIO_HOME to it, or KTOOL_MAVEN_REPO to a reachable Maven mirror`,
  });
}

/** Fills a staging directory, checks it holds a launcher, then renames it to `dest` (no half-unpacked cache). */
async function intoCache(dest: string, fill: (staging: string, work: string) => Promise<void>): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'ktool-apicurio-'));
  const staging = `${dest}.partial-${process.pid}`;
  try {
    await mkdir(staging, { recursive: true });
    await fill(staging, work);
    if (!apicurioLauncher(staging)) throw new OperationError(`the archive has no launcher jar`);
    await rm(dest, { recursive: true, force: true });
    await rename(staging, dest);
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(staging, { recursive: true, force: true });
  }
}

/** Downloads the archive and its .sha1 (as Maven repositories publish both), checks it, unpacks it into `into`. */
async function downloadArchive(url: string, work: string, into: string): Promise<void> {
  const expected = (await (await get(`${url}.sha1`)).text()).trim().split(/\s+/)[0].toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(expected)) throw new OperationError(`unreadable ${url}.sha1`);
  const archive = join(work, 'apicurio.tar.gz');
  const hash = createHash('sha1');
  const body = Readable.fromWeb((await get(url)).body as import('node:stream/web').ReadableStream);
  body.on('data', (chunk: Buffer) => hash.update(chunk));
  await pipeline(body, createWriteStream(archive));
  const actual = hash.digest('hex');
  if (actual !== expected) throw new OperationError(`checksum mismatch for ${url}: expected sha1 ${expected}, got ${actual}`);
  await new Promise<void>((resolve, reject) =>
    execFile('tar', ['-xzf', archive, '-C', into], (error) =>
      error ? reject(new OperationError(`cannot unpack ${url}: ${error.message}`)) : resolve(),
    ),
  );
}

async function get(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(10 * 60_000) });
  } catch (error) {
    const cause = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
    throw new OperationError(`cannot reach ${new URL(url).host}: ${cause}`);
  }
  if (!response.ok) throw new OperationError(`${url}: HTTP ${response.status}`);
  return response;
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
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new OperationError(`${mvn} not found`));
      // Maven colours its output even with -B on some versions: strip the escapes from the message.
      const detail = `${stdout}\n${stderr}`
        .replace(/\x1b\[[0-9;]*m/g, '')
        .split('\n')
        .filter((l) => /ERROR/.test(l))
        .slice(0, 1)
        .join(' ')
        .replace(/^\[ERROR\]\s*/, '')
        .trim();
      reject(new OperationError(`cannot fetch ${artifact}: ${detail || `mvn exit ${(error as { code?: unknown }).code}`}`));
    });
  });
}
