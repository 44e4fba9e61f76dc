import { describe, expect, it } from 'vitest';
import { spawnKtool } from '../helpers/spawn-ktool.js';

// bin/ktool's exit codes for `cluster quorum` and `cluster features`, native and with the Kafka tools' spellings.
describe('cluster quorum / features exit codes (bin/ktool)', () => {
  const b = () => process.env.KTOOL_TEST_BOOTSTRAP!;

  it('quorum: 0 with the summary; --status with --replication: usage, 2; the original spelling refusing the same: 1', async () => {
    const ok = await spawnKtool(['cluster', 'quorum', '--status', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).leaderId).toBeGreaterThanOrEqual(0);
    expect((await spawnKtool(['cluster', 'quorum', '--status', '--replication'])).code).toBe(2);
    const orig = await spawnKtool(['cluster', 'quorum', '--bootstrap-server', b(), 'describe']);
    expect(orig).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'One of --status or --replication must be specified with describe sub-command\n',
    });
  });

  it("features: a dry run 0; a bad level: usage 2; refused by the controller: Kafka's code natively, 1 as the original", async () => {
    expect((await spawnKtool(['cluster', 'features', 'upgrade', '--feature', 'group.version=1', '--dry-run'])).code).toBe(0);
    expect((await spawnKtool(['cluster', 'features', 'upgrade', '--feature', 'group.version=x'])).code).toBe(2);
    expect((await spawnKtool(['cluster', 'features', 'version-mapping', '--release-version', '2.8'])).code).toBe(2);
    const refused = await spawnKtool(['cluster', 'features', 'upgrade', '--feature', 'group.version=7', '--dry-run']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/^error: cannot upgrade group\.version to 7: .*\(INVALID_UPDATE_VERSION\)/m);
    const orig = await spawnKtool([
      'cluster',
      'features',
      '--bootstrap-server',
      b(),
      'upgrade',
      '--feature',
      'group.version=7',
      '--dry-run',
    ]);
    expect(orig.code).toBe(1);
    expect(orig.stderr).toBe('1 out of 1 operation(s) failed.\n');
  });
});
