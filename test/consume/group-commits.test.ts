import { describe, expect, it } from 'vitest';
import { COMMIT_INTERVAL_MS, GroupCommits } from '../../src/commands/consume/group-commits.js';
import type { ConsumedRecord } from '../../src/kafka/consumer-types.js';

const rec = (partition: number, offset: number): ConsumedRecord => ({
  topic: 't',
  partition,
  offset,
  timestamp: 0,
  timestampType: 'CreateTime',
  key: null,
  value: null,
  headers: [],
});

describe('group commits', () => {
  it(
    'commits the next offset of the last written record per partition, only once flushed, at most once ' + 'per interval, all at the end',
    async () => {
      let now = 10_000;
      const commits: string[][] = [];
      const c = new GroupCommits(
        async (offsets) => void commits.push(offsets.map((o) => `${o.partition}@${o.offset}`)),
        () => now,
      );
      c.formatted([rec(0, 5), rec(0, 6), rec(1, 2), rec(0, 7)]);
      await c.commitIfDue();
      expect(commits).toEqual([]); // formatted, not written
      c.flushed();
      await c.commitIfDue();
      expect(commits).toEqual([['0@8', '1@3']]);
      c.formatted([rec(1, 3)]);
      c.flushed();
      now += COMMIT_INTERVAL_MS - 1;
      await c.commitIfDue();
      expect(commits).toHaveLength(1); // too soon
      c.formatted([rec(0, 8)]); // never flushed: never committed
      await c.commitWritten();
      expect(commits).toEqual([['0@8', '1@3'], ['1@4']]);
      await c.commitWritten();
      expect(commits).toHaveLength(2); // nothing new
    },
  );
});
