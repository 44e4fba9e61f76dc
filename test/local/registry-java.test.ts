/** Which Java and which Apicurio `local start --schema-registry` picks (src/local/apicurio.ts), with stand-in java binaries. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseRegistryJava } from '../../src/local/apicurio.js';

const root = mkdtempSync(join(tmpdir(), 'ktool-jvms-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A directory of JDKs whose `java -version` prints these versions (as `openjdk version "X"` on stderr). */
function jvms(name: string, versions: string[]): string {
  const dir = join(root, name);
  for (const version of versions) {
    const bin = join(dir, `jdk-${version}`, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'java'), `#!/bin/sh\necho 'openjdk version "${version}" 2026-01-01' >&2\n`);
    chmodSync(join(bin, 'java'), 0o755);
  }
  return dir;
}

const env = { PATH: '/nonexistent' };

describe('chooseRegistryJava', () => {
  it('the newest Java 21+ runs Apicurio 3.3.3', async () => {
    const dir = jvms('modern', ['17.0.12', '25.0.1', '21.0.5']);
    expect(await chooseRegistryJava(env, dir)).toEqual({ java: join(dir, 'jdk-25.0.1', 'bin', 'java'), major: 25, version: '3.3.3' });
  });

  it('only Java 17: Apicurio 3.0.9', async () => {
    const dir = jvms('old', ['17.0.12', '1.8.0_412']);
    expect(await chooseRegistryJava(env, dir)).toMatchObject({ major: 17, version: '3.0.9' });
  });

  it('KTOOL_REGISTRY_JAVA forces a binary', async () => {
    const dir = jvms('forced', ['17.0.12', '25.0.1']);
    const java17 = join(dir, 'jdk-17.0.12', 'bin', 'java');
    expect(await chooseRegistryJava({ ...env, KTOOL_REGISTRY_JAVA: java17 }, dir)).toMatchObject({ java: java17, version: '3.0.9' });
  });

  it('nothing new enough: an error naming what was found and what to do', async () => {
    const dir = jvms('ancient', ['1.8.0_412', '11.0.2']);
    await expect(chooseRegistryJava(env, dir)).rejects.toThrow(
      /needs Java 21\+ \(Apicurio 3\.3\.3\) or Java 17\+ \(Apicurio 3\.0\.9\); found .*jdk-1\.8\.0_412\/bin\/java \(Java 8\), .*11/,
    );
    await expect(chooseRegistryJava(env, join(root, 'none'))).rejects.toThrow(/found no Java at all/);
  });
});
