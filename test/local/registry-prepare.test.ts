/**
 * How `local start --schema-registry` gets Apicurio when it is not cached (a stand-in archive on a
 * local HTTP server laid out as a Maven repository), and that a machine without a fitting Java
 * fails in one line before anything is started.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apicurioLauncher, resolveApicurio } from '../../src/local/apicurio.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const root = mkdtempSync(join(tmpdir(), 'ktool-apicurio-fetch-'));
const quiet = () => {};
let server: Server;
let repo: string;
const served: string[] = [];

/** <repo>/io/apicurio/apicurio-registry-app/9.9.9/apicurio-registry-app-9.9.9-all.tar.gz (+ .sha1), 3.0.x layout. */
function archive(): Buffer {
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'lib'), { recursive: true });
  writeFileSync(join(dist, 'apicurio-registry-app-9.9.9-runner.jar'), 'jar');
  writeFileSync(join(dist, 'lib', 'a.jar'), 'lib');
  execFileSync('tar', ['-czf', join(root, 'all.tar.gz'), '-C', dist, '.']);
  return readFileSync(join(root, 'all.tar.gz'));
}

beforeAll(async () => {
  const tgz = archive();
  const sha1 = createHash('sha1').update(tgz).digest('hex');
  const path = '/io/apicurio/apicurio-registry-app/9.9.9/apicurio-registry-app-9.9.9-all.tar.gz';
  server = createServer((req, res) => {
    served.push(req.url!);
    const url = req.url!.replace(/^\/(good|bad)/, '');
    if (url === path) return res.end(tgz);
    if (url === `${path}.sha1`) return res.end(req.url!.startsWith('/bad') ? '0'.repeat(40) : `${sha1}\n`);
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  repo = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
});

describe('resolveApicurio', () => {
  it('mvn failing (here: not installed), the archive is downloaded from the Maven repository, SHA-1 checked, unpacked', async () => {
    const cache = mkdtempSync(join(root, 'cache-'));
    const env = { KTOOL_MVN: '/nonexistent/mvn', KTOOL_MAVEN_REPO: `${repo}/good` };
    const dir = await resolveApicurio({ version: '9.9.9', cacheDir: cache, env, log: quiet });
    expect(dir).toBe(join(cache, 'apicurio', '9.9.9'));
    expect(apicurioLauncher(dir)).toBe(join(dir, 'apicurio-registry-app-9.9.9-runner.jar'));
    expect(existsSync(join(dir, 'lib', 'a.jar'))).toBe(true);
    // Cached: no second download.
    const before = served.length;
    expect(await resolveApicurio({ version: '9.9.9', cacheDir: cache, env, log: quiet })).toBe(dir);
    expect(served.length).toBe(before);
  });

  it('a wrong checksum: refused, nothing cached, both attempts named', async () => {
    const cache = mkdtempSync(join(root, 'cache-'));
    const env = { KTOOL_MVN: '/nonexistent/mvn', KTOOL_MAVEN_REPO: `${repo}/bad` };
    const error = await resolveApicurio({ version: '9.9.9', cacheDir: cache, env, log: quiet }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^cannot get Apicurio Registry 9\.9\.9 \(mvn: \/nonexistent\/mvn not found; download: /);
    expect((error as Error).message).toMatch(/checksum mismatch for http:.*: expected sha1 0{40}, got [0-9a-f]{40}\)$/);
    expect(existsSync(join(cache, 'apicurio', '9.9.9'))).toBe(false);
  });

  it('KTOOL_MVN=none and an unreachable repository: one message with what to do', async () => {
    const cache = mkdtempSync(join(root, 'cache-'));
    const error = (await resolveApicurio({
      version: '9.9.9',
      cacheDir: cache,
      env: { KTOOL_MVN: 'none', KTOOL_MAVEN_REPO: 'http://127.0.0.1:1' },
      log: quiet,
    }).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error & { hint?: string };
    expect(error.message).toMatch(/^cannot get Apicurio Registry 9\.9\.9 \(download: cannot reach 127\.0\.0\.1:1: .*\)$/);
    expect(error.hint).toMatch(/KTOOL_APICURIO_HOME/);
  });
});

describe('local start --schema-registry without a fitting Java', () => {
  it('fails in one line (and a hint) naming what it found, exit 1, and starts no broker', async () => {
    const java = join(root, 'jdk-11', 'bin', 'java');
    mkdirSync(join(root, 'jdk-11', 'bin'), { recursive: true });
    writeFileSync(java, `#!/bin/sh\necho 'openjdk version "11.0.2" 2019-01-15' >&2\n`);
    chmodSync(java, 0o755);
    const cache = join(root, 'xdg');
    const env = { XDG_CACHE_HOME: cache, KTOOL_CONFIG: join(root, 'config.yaml'), KTOOL_REGISTRY_JAVA: java };
    const r = await spawnKtool(['local', 'start', '--name', 'nojava', '--schema-registry'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `error: the local Schema Registry (Apicurio) needs Java 21+ (Apicurio 3.3.3) or Java 17+ (Apicurio 3.0.9); found ${java} (Java 11)`,
      'hint: install one (e.g. apt-get install openjdk-21-jre-headless) or point KTOOL_REGISTRY_JAVA at its bin/java',
    ]);
    expect(existsSync(join(cache, 'ktool', 'clusters', 'nojava', 'state.json'))).toBe(false);
    expect(existsSync(join(root, 'config.yaml'))).toBe(false);
  });
});
