import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveKafkaJars } from '../../src/local/kafka-jars.js';

const libs = () => process.env.KTOOL_TEST_KAFKA_LIBS!;
const quiet = () => {};

describe('where the Kafka jars come from', () => {
  let server: Server;
  let base = '';
  let tarball: Buffer;
  let checksum = '';

  beforeAll(async () => {
    // A distribution tarball built from the cached jars, served from 127.0.0.1 like the Apache archive.
    const work = mkdtempSync(join(tmpdir(), 'ktool-dist-src-'));
    const dist = join(work, 'kafka_2.13-4.3.1', 'libs');
    mkdirSync(dist, { recursive: true });
    for (const jar of readdirSync(libs()).filter((f) => /^kafka_2\.13-|^kafka-clients-/.test(f)))
      symlinkSync(join(libs(), jar), join(dist, jar));
    execFileSync('tar', ['-czhf', join(work, 'kafka.tgz'), '-C', work, 'kafka_2.13-4.3.1']);
    tarball = readFileSync(join(work, 'kafka.tgz'));
    checksum = createHash('sha512').update(tarball).digest('hex').toUpperCase().match(/.{8}/g)!.join(' ');
    server = createServer((req, res) => {
      if (req.url === '/4.3.1/kafka_2.13-4.3.1.tgz') res.end(tarball);
      else if (req.url === '/4.3.1/kafka_2.13-4.3.1.tgz.sha512')
        res.end(`kafka_2.13-4.3.1.tgz: ${req.headers['x-bad'] ? '00' : ''}${checksum}\n`);
      else if (req.url === '/bad/4.3.1/kafka_2.13-4.3.1.tgz') res.end(tarball);
      else if (req.url === '/bad/4.3.1/kafka_2.13-4.3.1.tgz.sha512') res.end(`kafka_2.13-4.3.1.tgz: ${'0'.repeat(128)}\n`);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => server?.close());

  it('KAFKA_HOME comes first', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ktool-home-'));
    symlinkSync(libs(), join(home, 'libs'));
    const r = await resolveKafkaJars({ version: '4.3.1', cacheDir: '/nonexistent', env: { KAFKA_HOME: home }, log: quiet });
    expect(r).toEqual({ libs: join(home, 'libs'), source: 'kafka-home' });
  });

  it('a KAFKA_HOME that is not a distribution is a clear error', async () => {
    await expect(
      resolveKafkaJars({ version: '4.3.1', cacheDir: '/nonexistent', env: { KAFKA_HOME: tmpdir() }, log: quiet }),
    ).rejects.toThrow(/not a Kafka distribution/);
  });

  it('then the cache', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'ktool-cache-'));
    mkdirSync(join(cache, 'kafka', '4.3.1'), { recursive: true });
    symlinkSync(libs(), join(cache, 'kafka', '4.3.1', 'libs'));
    expect((await resolveKafkaJars({ version: '4.3.1', cacheDir: cache, env: {}, log: quiet })).source).toBe('cache');
  });

  it('the official tarball when Maven is unavailable, with its SHA-512 checked', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'ktool-cache-'));
    const r = await resolveKafkaJars({
      version: '4.3.1',
      cacheDir: cache,
      env: { KTOOL_MVN: 'none', KTOOL_KAFKA_DIST_URL: base },
      log: quiet,
    });
    expect(r.source).toBe('tarball');
    expect(readdirSync(r.libs)).toContain('kafka_2.13-4.3.1.jar');
  });

  it('a wrong checksum is rejected and nothing is cached', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'ktool-cache-'));
    await expect(
      resolveKafkaJars({ version: '4.3.1', cacheDir: cache, env: { KTOOL_MVN: 'none', KTOOL_KAFKA_DIST_URL: `${base}/bad` }, log: quiet }),
    ).rejects.toThrow(/checksum mismatch/);
    expect(existsSync(join(cache, 'kafka', '4.3.1', 'libs'))).toBe(false);
  });

  it('no Maven and no reachable download: one message saying what to install', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'ktool-cache-'));
    const error = await resolveKafkaJars({
      version: '4.3.1',
      cacheDir: cache,
      env: { KTOOL_MVN: '/nonexistent/mvn', KTOOL_KAFKA_DIST_URL: 'http://127.0.0.1:1' },
      log: quiet,
    }).catch((e) => e);
    expect(error.message).toMatch(
      /cannot get the Kafka 4.3.1 jars \(mvn: \/nonexistent\/mvn not found; download: cannot reach 127.0.0.1:1/,
    );
    expect(error.hint).toMatch(/apt-get install maven/);
  });

  it('Maven Central through mvn (from the local Maven repository when warm)', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'ktool-cache-'));
    const r = await resolveKafkaJars({ version: '4.3.1', cacheDir: cache, env: { KTOOL_MVN: 'mvn' }, log: quiet });
    expect(r.source).toBe('maven');
    const jars = readdirSync(r.libs);
    for (const prefix of ['kafka_2.13-4.3.1', 'kafka-tools-4.3.1', 'connect-mirror-4.3.1', 'log4j-slf4j-impl-'])
      expect(jars.some((j) => j.startsWith(prefix))).toBe(true);
    writeFileSync(join(cache, 'done'), '');
  }, 600_000);
});
