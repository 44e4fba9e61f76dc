import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { pollUntil } from '../helpers/poll.js';
import { cli, countRecords, keyedLines, localTarget, spawnMirror, type Target } from './helpers.js';

const SRC = process.env.KTOOL_TEST_BOOTSTRAP!;
let t: Target;

async function sourceTopic(partitions: number, records: number): Promise<string> {
  const topic = uniqueName('mirror-fault');
  expect((await cli(t, ['topics', 'create', topic, '-p', String(partitions), '-b', SRC])).code).toBe(0);
  const r = await cli(t, ['produce', topic, '-b', SRC, '-K', '\t'], keyedLines(records, topic));
  expect(r.code).toBe(0);
  return topic;
}

// Small requests, one at a time: slow enough to be interrupted half-way.
const SLOW = ['--batch-bytes', '2048', '--max-in-flight', '1'];

/** Fault tests (registered by mirror.int.test.ts, which owns the target cluster). */
export function faultTests(target: () => Target): void {
  describe('mirror faults', () => {
    beforeAll(() => {
      t = target();
    });

    it('kill -9 mid-run, then a restart: nothing missing, duplicates counted', async () => {
      const topic = await sourceTopic(3, 40_000);
      const group = uniqueName('mirror-kill');
      const m = await spawnMirror(t, ['--from', 'src', '--to', 'dst', '--topics', topic, '--group', group, ...SLOW]);
      await pollUntil(async () => (await countRecords(t, t.bootstrap, topic)) >= 3_000, {
        timeoutMs: 30_000,
        what: 'a part of the topic copied',
      });
      m.child.kill('SIGKILL');
      await m.exit;
      const copied = await countRecords(t, t.bootstrap, topic);
      expect(copied).toBeLessThan(40_000);
      // The killed member's session must expire (10 s) before the restart gets the partitions.
      const r = await cli(t, [
        'mirror',
        '--from',
        'src',
        '--to',
        'dst',
        '--topics',
        topic,
        '--group',
        group,
        '--until-caught-up',
        '--json',
      ]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).records).toBeLessThanOrEqual(40_000);
      const v = await cli(t, ['mirror', 'verify', '--from', 'src', '--to', 'dst', '--topics', topic, '--deep', '--json']);
      const check = JSON.parse(v.stdout).topics[0];
      expect(check.missing).toBe(0);
      expect(check.unexpected).toBe(0);
      expect(check.duplicated).toBe(check.targetRecords - 40_000);
      expect(v.code).toBe(check.duplicated > 0 ? 6 : 0);
    }, 60_000);

    it('target broker stopped mid-run and restarted: the mirror waits and resumes, nothing lost', async () => {
      const topic = await sourceTopic(2, 5_000);
      const m = await spawnMirror(t, ['--from', 'src', '--to', 'dst', '--topics', topic, '--group', uniqueName('mirror-restart'), ...SLOW]);
      let stopped = false;
      const restart = async () => {
        if (!stopped) return;
        stopped = false;
        expect(await localTarget(t, 'start')).toBe(t.bootstrap);
      };
      try {
        await pollUntil(async () => (await countRecords(t, t.bootstrap, topic)) >= 5_000, {
          timeoutMs: 45_000,
          what: 'the first records copied',
        });
        // Stop the target cluster, write more to the source, then start the target again: same port, same data.
        stopped = true;
        await localTarget(t, 'stop');
        expect((await cli(t, ['produce', topic, '-b', SRC, '-K', '\t'], keyedLines(5_000, `${topic}-later`))).code).toBe(0);
        // Its producer says so first (it waits out an outage of up to 2 minutes itself), its session after that.
        await pollUntil(() => /retrying (for up to|in)/.test(m.stderr), { timeoutMs: 30_000, what: 'the mirror to notice' });
        await restart();
        await pollUntil(async () => (await countRecords(t, t.bootstrap, topic)) >= 10_000, {
          timeoutMs: 60_000,
          intervalMs: 500,
          what: 'everything copied after the restart',
        });
      } catch (error) {
        throw new Error(`${(error as Error).message}; mirror stderr: ${m.stderr}`);
      } finally {
        m.child.kill('SIGTERM');
        await restart();
      }
      expect(await m.exit).toBe(143);
      expect(m.stderr).toMatch(/warning: .*retrying (for up to|in)/);
      const v = await cli(t, ['mirror', 'verify', '--from', 'src', '--to', 'dst', '--topics', topic, '--deep', '--json']);
      const check = JSON.parse(v.stdout).topics[0];
      expect(check.missing).toBe(0);
      expect(check.unexpected).toBe(0);
    }, 120_000);

    it('a record larger than the target max.message.bytes: clear error, nothing committed past it', async () => {
      const topic = uniqueName('mirror-large');
      const group = uniqueName('mirror-large');
      expect((await cli(t, ['topics', 'create', topic, '-p', '1', '-b', SRC])).code).toBe(0);
      expect((await cli(t, ['topics', 'create', topic, '-p', '1', '-c', 'max.message.bytes=2000', '-b', t.bootstrap])).code).toBe(0);
      const lines = `${keyedLines(10, 'a')}big\t${'B'.repeat(5000)}\n${keyedLines(5, 'b')}`;
      expect((await cli(t, ['produce', topic, '-b', SRC, '-K', '\t'], lines)).code).toBe(0);
      const r = await cli(t, ['mirror', '--from', 'src', '--to', 'dst', '--topics', topic, '--group', group, '--until-caught-up']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(`error: record at ${topic} partition 0 offset 10 is about \\d+ bytes, more than max.message.bytes=2000`),
      );
      expect(r.stderr).toMatch(/hint: raise it on the target \(ktool configs alter --topic/);
      expect(await countRecords(t, t.bootstrap, topic)).toBe(10);
      // Once the target accepts it, the same group resumes at offset 10: no duplicates, nothing missing.
      expect(
        (await cli(t, ['configs', 'alter', '--topic', topic, '--add-config', 'max.message.bytes=10000', '-b', t.bootstrap])).code,
      ).toBe(0);
      const again = await cli(t, [
        'mirror',
        '--from',
        'src',
        '--to',
        'dst',
        '--topics',
        topic,
        '--group',
        group,
        '--until-caught-up',
        '--json',
      ]);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).records).toBe(6);
      const v = await cli(t, ['mirror', 'verify', '--from', 'src', '--to', 'dst', '--topics', topic, '--deep', '--json']);
      expect(v.code).toBe(0);
    });
  });
}
