/**
 * The local cluster's Schema Registry (`ktool local start --schema-registry`): an Apicurio
 * Registry JVM next to the brokers, on free 127.0.0.1 ports, Confluent's default compatibility
 * (BACKWARD; Apicurio's own default is NONE), its H2 database in a file under the cluster's
 * directory so that subjects and ids survive `local stop` / `local start` (`--fresh` and
 * `local delete` wipe them with the topics, whose records name those ids).
 * State: <cluster dir>/schema-registry/state.json.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { OperationError } from '../errors.js';
import { apicurioLauncher, chooseRegistryJava, type RegistryJava, resolveApicurio } from './apicurio.js';
import { portHolders, type PortHolder } from './port-holder.js';
import { freePorts, portTaken } from './ports.js';
import { pidAlive } from './state.js';

/** Where Apicurio serves the Confluent API: the URL profiles and clients get. */
export const CCOMPAT_PATH = '/apis/ccompat/v7';

export interface RegistryState {
  pid: number;
  port: number;
  /** Apicurio 3.1+ serves /health and /metrics on a second port (0.0.0.0:9000 unless moved). */
  managementPort: number;
  version: string;
  java: string;
  javaMajor: number;
  dir: string;
  startedAt: string;
}

export interface RegistryStatus {
  url: string;
  running: boolean;
  pid: number;
  port: number;
  version: string;
  java: string;
  dir: string;
}

export const registryDir = (clusterDir: string) => join(clusterDir, 'schema-registry');
export const registryUrl = (state: Pick<RegistryState, 'port'>) => `http://127.0.0.1:${state.port}${CCOMPAT_PATH}`;

export async function readRegistryState(clusterDir: string): Promise<RegistryState | undefined> {
  try {
    return JSON.parse(await readFile(join(registryDir(clusterDir), 'state.json'), 'utf8')) as RegistryState;
  } catch {
    return undefined;
  }
}

async function writeRegistryState(state: RegistryState): Promise<void> {
  await mkdir(state.dir, { recursive: true });
  const tmp = join(state.dir, `state.json.${process.pid}`);
  await writeFile(tmp, JSON.stringify(state, null, 2));
  await rename(tmp, join(state.dir, 'state.json'));
}

/** The pid is alive and (where /proc shows it) the JVM whose database is this registry's. */
export function registryAlive(state: Pick<RegistryState, 'pid' | 'dir'>): boolean {
  if (!state.pid || !pidAlive(state.pid)) return false;
  try {
    return readFileSync(`/proc/${state.pid}/cmdline`, 'utf8').includes(join(state.dir, 'data'));
  } catch {
    return process.platform !== 'linux';
  }
}

export interface PreparedRegistry {
  java: RegistryJava;
  /** The unpacked Apicurio distribution. */
  home: string;
}

/**
 * The Java and the Apicurio release to run, fetched if need be: `local start` does this before it
 * starts the brokers, so that no Java or no download fails with nothing started.
 */
export async function prepareRegistry(o: {
  cacheDir: string;
  env: Record<string, string | undefined>;
  log: (message: string) => void;
}): Promise<PreparedRegistry> {
  const java = await chooseRegistryJava(o.env);
  return { java, home: await resolveApicurio({ version: java.version, cacheDir: o.cacheDir, env: o.env, log: o.log }) };
}

/**
 * Starts the registry of the cluster in `clusterDir` unless it already runs; again on its old
 * port when that is free (the profile names it), else on a new one (`moved`).
 */
export async function startRegistry(o: {
  clusterDir: string;
  cacheDir: string;
  env: Record<string, string | undefined>;
  log: (message: string) => void;
  signal?: AbortSignal;
  /** From prepareRegistry, done before the cluster starts. */
  prepared?: PreparedRegistry;
}): Promise<{ state: RegistryState; alreadyRunning: boolean; moved?: MovedPort[] }> {
  const previous = await readRegistryState(o.clusterDir);
  if (previous && registryAlive(previous) && (await answers(registryUrl(previous)))) return { state: previous, alreadyRunning: true };
  if (previous) await stopRegistry(o.clusterDir);
  const { java, home } = o.prepared ?? (await prepareRegistry(o));
  const dir = registryDir(o.clusterDir);
  const { port, managementPort, moved } = await registryPorts(previous);
  await mkdir(join(dir, 'data'), { recursive: true });
  const state: RegistryState = {
    pid: 0,
    port,
    managementPort,
    version: java.version,
    java: java.java,
    javaMajor: java.major,
    dir,
    startedAt: new Date().toISOString(),
  };
  o.log(`starting Apicurio Registry ${java.version} (Java ${java.major})`);
  state.pid = spawnRegistry(state, home, o.cacheDir);
  await writeRegistryState(state);
  try {
    await waitRegistryReady(state, o.env, o.signal);
    if (!previous) await defaultCompatibility(registryUrl(state));
  } catch (error) {
    await stopRegistry(o.clusterDir);
    throw error;
  }
  return { state, alreadyRunning: false, moved };
}

/** A registry port that moved on a restart (its old one taken): `local start` says so on stderr. */
export interface MovedPort {
  what: 'port' | 'management port';
  from: number;
  to: number;
  holder?: PortHolder;
}

/**
 * Its old ports when they are free, else new ones. Unlike the brokers' ports, the registry's can
 * move: it keeps no Kafka quorum state, only its H2 file, and the profiles are saved again with its URL.
 */
export async function registryPorts(
  previous: RegistryState | undefined,
): Promise<{ port: number; managementPort: number; moved: MovedPort[] }> {
  // Four, less the old two (which may be free now), leaves two new ones that collide with neither.
  const [newPort, newManagement] = (await freePorts(4)).filter((p) => p !== previous?.port && p !== previous?.managementPort);
  if (!previous) return { port: newPort, managementPort: newManagement, moved: [] };
  const moved: MovedPort[] = [];
  const keep = async (what: MovedPort['what'], from: number, to: number) => {
    if (!(await portTaken(from))) return from;
    moved.push({ what, from, to, holder: portHolders([from]).get(from) });
    return to;
  };
  const port = await keep('port', previous.port, newPort);
  const managementPort = await keep('management port', previous.managementPort, newManagement);
  return { port, managementPort, moved };
}

/** The registry's port taken by another process since the last start: it moved, which profiles and clients must learn. */
export function describeMoved(moved: MovedPort[], url: string): string {
  const each = moved.map(
    (m) => `its ${m.what} ${m.from} is taken${m.holder ? ` (by pid ${m.holder.pid}, ${m.holder.command})` : ''}, now ${m.to}`,
  );
  const urlMoved = moved.some((m) => m.what === 'port');
  return (
    `the Schema Registry moved: ${each.join('; ')}` +
    (urlMoved ? `; its URL is now ${url} (saved in the profiles; other clients need it too)` : '') +
    '; its schemas are kept'
  );
}

/** JVM flags: 2.2 s to ready and ~190 MB instead of 4 s and ~280 MB (measured, notes/schema-registry.md). */
function spawnRegistry(state: RegistryState, home: string, cacheDir: string): number {
  const launcher = apicurioLauncher(home)!;
  const args = [
    '-Xms32m',
    '-Xmx256m',
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    // A class-data archive written on the first start and reused (Java 19+ only).
    ...(state.javaMajor >= 19
      ? ['-XX:+AutoCreateSharedArchive', `-XX:SharedArchiveFile=${join(cacheDir, 'apicurio', `${state.version}.jsa`)}`]
      : []),
    '-Dquarkus.http.host=127.0.0.1',
    `-Dquarkus.http.port=${state.port}`,
    // Default 0.0.0.0:9000: a second registry (or anything on 9000) would clash.
    '-Dquarkus.management.host=127.0.0.1',
    `-Dquarkus.management.port=${state.managementPort}`,
    '-Dapicurio.rules.global.compatibility=BACKWARD',
    `-Dapicurio.datasource.url=jdbc:h2:file:${join(state.dir, 'data', 'registry')}`,
    '-Dapicurio.datasource.jdbc.initial-size=2',
    '-Dapicurio.datasource.jdbc.min-size=2',
    '-Dapicurio.datasource.jdbc.max-size=10',
    '-Dquarkus.log.console.color=false',
    '-jar',
    launcher,
  ];
  const out = openSync(join(state.dir, 'registry.log'), 'a');
  try {
    const child = spawn(state.java, args, { cwd: home, detached: true, stdio: ['ignore', out, out] });
    child.unref();
    if (!child.pid) throw new OperationError('could not start java for the Schema Registry');
    return child.pid;
  } finally {
    closeSync(out);
  }
}

async function waitRegistryReady(state: RegistryState, env: Record<string, string | undefined>, signal?: AbortSignal): Promise<void> {
  const limitMs = Number(env.KTOOL_LOCAL_START_TIMEOUT_MS ?? 120_000);
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (signal?.aborted) throw new OperationError('interrupted while the Schema Registry was starting; stopped it');
    if (!pidAlive(state.pid))
      throw new OperationError(`the Schema Registry exited during start-up. Last log lines:\n${await registryLogTail(state.dir)}`, {
        hint: `full log: ${join(state.dir, 'registry.log')}`,
      });
    if (await answers(registryUrl(state))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new OperationError(
    `the Schema Registry did not answer within ${Math.round(limitMs / 1000)}s. Last log lines:\n${await registryLogTail(state.dir)}`,
  );
}

/**
 * A new registry's global compatibility is BACKWARD, Confluent's default. Apicurio 3.3 reports the
 * `apicurio.rules.global.compatibility` default in GET /config; 3.0.9 enforces it but reports NONE,
 * so on a first start with another answer the level is set explicitly (never on a restart, where
 * the user may have changed it).
 */
async function defaultCompatibility(url: string): Promise<void> {
  const current = await call(url, 'GET', '/config');
  if (/"compatibilityLevel"\s*:\s*"BACKWARD"/.test(current.body)) return;
  const put = await call(url, 'PUT', '/config', JSON.stringify({ compatibility: 'BACKWARD' }));
  if (put.status !== 200) throw new OperationError(`could not set the new Schema Registry's compatibility to BACKWARD: HTTP ${put.status}`);
}

function call(url: string, method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = body ? { 'content-type': 'application/vnd.schemaregistry.v1+json' } : undefined;
    const req = request(`${url}${path}`, { method, headers, timeout: 30_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 30 s`)));
    req.on('error', (error) => reject(new OperationError(`the new Schema Registry did not answer ${method} ${path}: ${error.message}`)));
    req.end(body);
  });
}

/** GET /subjects answers 200: the API is up (the management port's /health/ready exists only on 3.1+). */
export function answers(url: string, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${url}/subjects`, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** SIGTERM (Quarkus closes the H2 file cleanly in ~0.1 s), SIGKILL after the grace period. */
export async function stopRegistry(clusterDir: string, graceMs = 20_000): Promise<boolean> {
  const state = await readRegistryState(clusterDir);
  if (!state || !registryAlive(state)) return false;
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (registryAlive(state) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (registryAlive(state)) process.kill(state.pid, 'SIGKILL');
  return true;
}

export async function registryStatus(clusterDir: string): Promise<RegistryStatus | undefined> {
  const state = await readRegistryState(clusterDir);
  if (!state) return undefined;
  const url = registryUrl(state);
  const running = registryAlive(state) && (await answers(url));
  return { url, running, pid: state.pid, port: state.port, version: state.version, java: state.java, dir: state.dir };
}

async function registryLogTail(dir: string, lines = 15): Promise<string> {
  try {
    return (await readFile(join(dir, 'registry.log'), 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
