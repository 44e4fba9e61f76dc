/**
 * A share group's offsets (KIP-932) through the groups verbs, on a group ktool's own share consumer
 * made: `groups describe` shows each partition's start offset and lag as Kafka 4.3.1's
 * ShareGroupCommand does (DescribeShareGroupOffsets), `reset-offsets` moves them
 * (AlterShareGroupOffsets) so the group reads again from there, `delete-offsets` drops the topic's
 * state (DeleteShareGroupOffsets) and `groups delete` the group.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { needs } from '../helpers/needs.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const B = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const ktool = async (...args: string[]) => {
  const r = await spawnKtool([...args, '-b', B()], { timeoutMs: 60_000 });
  return { ...r, lines: r.stdout.split('\n').filter(Boolean) };
};
type Row = { topic: string; partition: number; currentOffset: number | null; lag: number | null };

describe(
  'groups describe/reset-offsets/delete-offsets/delete: share groups',
  needs('KTOOL_TEST_BOOTSTRAP', 'KTOOL_TEST_KAFKA_LIBS'),
  () => {
    const topic = uniqueName('share-offsets');
    const group = uniqueName('share-offsets-group');
    const values = Array.from({ length: 20 }, (_, i) => `v${i}`);

    afterAll(async () => {
      await ktool('groups', 'delete', group, '--yes');
      await ktool('topics', 'delete', topic, '--yes');
    }, 60_000);

    it('describe: the start offset and lag of every partition, as ShareGroupCommand --describe prints them', async () => {
      expect((await ktool('topics', 'create', topic, '-p', '2')).code).toBe(0);
      expect((await spawnKtool(['produce', topic, '-b', B()], { stdin: values.join('\n') + '\n' })).code).toBe(0);
      const reset = ['--entity-type', 'groups', '--entity-name', group, '--add-config', 'share.auto.offset.reset=earliest'];
      expect((await ktool('configs', 'alter', ...reset)).code).toBe(0);
      // 12 of the 20 acknowledged; the other 8 released.
      const read = await ktool('consume', topic, '--share-group', group, '-n', '12');
      expect(read.code, read.stderr).toBe(0);
      const r = await ktool('groups', 'describe', group, '--json');
      expect(r.code, r.stderr).toBe(0);
      const rows = (JSON.parse(r.stdout)[0].offsets as Row[]).map((o) => [o.topic, o.partition, o.currentOffset ?? '-', o.lag ?? '-']);
      const java = await runKafkaTool('org.apache.kafka.tools.consumer.group.ShareGroupCommand', [
        ...['--bootstrap-server', B(), '--describe', '--group', group],
      ]);
      expect(java.code, java.stderr).toBe(0);
      const javaRows = java.stdout
        .split('\n')
        .filter((l) => l.startsWith(group))
        .map((l) => l.trim().split(/\s+/))
        .map(([, t, p, start, lag]) => [t, Number(p), start === '-' ? '-' : Number(start), lag === '-' ? '-' : Number(lag)]);
      expect(rows).toEqual(javaRows);
      expect(rows.length).toBe(2);
    }, 120_000);

    it('reset-offsets --to-earliest --execute: the group delivers every record again', async () => {
      const r = await ktool('groups', 'reset-offsets', group, '--topic', topic, '--to-earliest', '--execute', '--json');
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { newOffset: number; executed: boolean }[]).map((x) => [x.newOffset, x.executed])).toEqual([
        [0, true],
        [0, true],
      ]);
      const again = await ktool('consume', topic, '--share-group', group, '--timeout-ms', '4000');
      expect(again.code, again.stderr).toBe(0);
      expect(again.lines.sort()).toEqual([...values].sort());
    }, 120_000);

    it('delete-offsets --topic: the topic state is gone; partitions of a share group are refused', async () => {
      const partial = await ktool('groups', 'delete-offsets', group, '--topic', `${topic}:0`, '--yes');
      expect(partial.code).toBe(2);
      expect(partial.stderr).toMatch(/is a share group: its offsets are deleted by whole topic/);
      const r = await ktool('groups', 'delete-offsets', group, '--topic', topic, '--yes', '--json');
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { deleted: boolean }[]).map((x) => x.deleted)).toEqual([true, true]);
      const d = await ktool('groups', 'describe', group, '--json');
      expect(JSON.parse(d.stdout)[0].offsets).toEqual([]);
    }, 60_000);

    it('groups delete removes the share group', async () => {
      const r = await ktool('groups', 'delete', group, '--yes');
      expect(r.code, r.stderr).toBe(0);
      const d = await ktool('groups', 'describe', group);
      expect(d.code).toBe(3);
    }, 60_000);
  },
);
