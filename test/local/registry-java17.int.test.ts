/**
 * The Java 17 fallback of `ktool local start --schema-registry` run for real: Apicurio 3.0.9 on the
 * machine's OpenJDK 17 (forced with KTOOL_REGISTRY_JAVA, since a newer JDK would win otherwise),
 * only the registry part (src/local/schema-registry.ts) in a throwaway cluster directory. The
 * distribution comes from the shared cache, fetched from Maven the first time. Then the same
 * checks through bin/ktool that the 3.3.3 registry passes: BACKWARD by default, register, get,
 * an incompatible schema refused (exit 6), and the database kept across a stop and a start.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { javaCandidates, javaMajor } from '../../src/local/apicurio.js';
import { registryUrl, startRegistry, stopRegistry, type RegistryState } from '../../src/local/schema-registry.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const root = mkdtempSync(join(tmpdir(), 'ktool-sr17-'));
const clusterDir = join(root, 'cluster');
const cacheDir = join(process.env.XDG_CACHE_HOME || join(process.env.HOME || homedir(), '.cache'), 'ktool');
let java17: string;
let state: RegistryState;

/** A Java 17 to 20 on this machine (OpenJDK 17 sits beside Temurin 25 here): the test needs one, it does not skip. */
async function findJava17(): Promise<string> {
  for (const java of javaCandidates(process.env)) {
    const major = await javaMajor(java);
    if (major !== undefined && major >= 17 && major < 21) return java;
  }
  throw new Error('no Java 17-20 found (JAVA_HOME, PATH, /usr/lib/jvm): install openjdk-17-jre-headless to run this test');
}

const start = () =>
  startRegistry({ clusterDir, cacheDir, env: { ...process.env, KTOOL_REGISTRY_JAVA: java17 }, log: () => {} }).then((r) => r.state);

beforeAll(async () => {
  java17 = await findJava17();
  state = await start();
}, 300_000);

afterAll(async () => {
  await stopRegistry(clusterDir);
  rmSync(root, { recursive: true, force: true });
});

const ktool = (args: string[]) => spawnKtool([...args, '--schema-registry', registryUrl(state)]);

describe('local Schema Registry on Java 17 (Apicurio 3.0.9)', () => {
  it('runs 3.0.9 on Java 17 and serves the Confluent API under /apis/ccompat/v7 with BACKWARD', async () => {
    expect(state).toMatchObject({ version: '3.0.9', javaMajor: 17, java: java17 });
    expect(registryUrl(state)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/apis\/ccompat\/v7$/);
    const config = await ktool(['schemas', 'config', '--json']);
    expect(config.stderr).toBe('');
    expect(JSON.parse(config.stdout)).toMatchObject({ compatibility: 'BACKWARD' });
  });

  it('registers, serves and refuses an incompatible schema (exit 6), and keeps them across a restart', async () => {
    const v1 = join(root, 'v1.avsc');
    const bad = join(root, 'bad.avsc');
    const record = (idType: string) =>
      JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'id', type: idType }] });
    writeFileSync(v1, record('string'));
    writeFileSync(bad, record('int'));
    const reg = await ktool(['schemas', 'register', 'orders-value', v1, '--type', 'avro', '--json']);
    expect(reg.code).toBe(0);
    const { id } = JSON.parse(reg.stdout) as { id: number };
    const refused = await ktool(['schemas', 'register', 'orders-value', bad, '--type', 'avro']);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(/incompatible/);

    await stopRegistry(clusterDir);
    const again = await start();
    expect(again.port).toBe(state.port);
    const get = await ktool(['schemas', 'get', '--id', String(id), '--schema-only']);
    expect(get.code).toBe(0);
    expect(JSON.parse(get.stdout)).toEqual(JSON.parse(record('string')));
  }, 240_000);
});
