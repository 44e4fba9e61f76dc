import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { VERSION } from '../../src/cli/version.js';
import { scratchCache } from './fake-cluster.js';

const s = scratchCache('version-flag');
afterAll(() => s.dispose());
// No mvn and a download URL nothing answers: the start stops at fetching the jars, naming the version it was asked for.
const noJars = { XDG_CACHE_HOME: s.cache, KTOOL_CONFIG: s.config, KTOOL_MVN: 'none', KTOOL_KAFKA_DIST_URL: 'http://127.0.0.1:1' };

describe("local start --version / --kafka-version: the Kafka version, not ktool's", () => {
  it.each([
    [['--version', '4.2.0'], '4.2.0'],
    [['--version=3.9.2'], '3.9.2'],
    [['--kafka-version', '3.6.2'], '3.6.2'],
    [['--kafka-version', '4.0.2', '--version', '4.0.2'], '4.0.2'],
  ])('local start %j asks for Kafka %s', async (flags, version) => {
    const r = await runCli(['local', 'start', '--name', 'vflag', ...flags], { env: noJars });
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`cannot get the Kafka ${version} jars`);
    expect(r.code).toBe(1);
  });

  it('a version older than 3.3 (no KRaft), a malformed one or two that disagree: usage errors', async () => {
    const old = await runCli(['local', 'start', '--name', 'vflag', '--version', '2.8.2'], { env: noJars });
    expect(old).toMatchObject({ code: 2, stdout: '' });
    expect(old.stderr).toMatch(/^error: ktool local runs Kafka 3\.3 or newer \(KRaft, no ZooKeeper\); 2\.8\.2 is older\nhint: /);
    const bad = await runCli(['local', 'start', '--name', 'vflag', '--kafka-version', 'latest'], { env: noJars });
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/invalid Kafka version "latest"/);
    const both = await runCli(['local', 'start', '--name', 'vflag', '--kafka-version', '4.0.2', '--version', '3.9.2'], { env: noJars });
    expect(both).toMatchObject({ code: 2, stdout: '' });
    expect(both.stderr).toMatch(/--kafka-version 4\.0\.2 and --version 3\.9\.2 disagree/);
  });

  it("ktool's own --version / -V before any command still prints ktool's version", async () => {
    for (const flag of ['--version', '-V']) expect(await runCli([flag])).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });
});
