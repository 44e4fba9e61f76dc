import { describe, expect, it } from 'vitest';
import { resolvePartitions } from '../../src/commands/offsets/resolve.js';
import type { AdminApi } from '../../src/kafka/types.js';

/** kafka-get-offsets.sh --exclude-internal-topics leaves internal topics out, named, matched or listed (GetOffsetShell's filter). */
const topics = [
  { name: '__consumer_offsets', id: 'a', internal: true, partitions: [{ partition: 0 }, { partition: 1 }] },
  { name: 'orders', id: 'b', internal: false, partitions: [{ partition: 0 }] },
];
const admin = {
  listTopics: async ({ includeInternal }: { includeInternal: boolean }) =>
    topics.filter((t) => includeInternal || !t.internal).map((t) => t.name),
  describeTopics: async (names: string[]) => ({ topics: topics.filter((t) => names.includes(t.name)), missing: [] }),
} as unknown as AdminApi;

describe('resolvePartitions with excludeInternal', () => {
  it.each([
    ['no topic named', [], true, ['orders:0']],
    ['an internal topic named', [{ topic: '__consumer_offsets', regex: false }], true, []],
    ['a pattern matching it', [{ topic: '__consumer_offsets|orders', regex: true }], true, ['orders:0']],
    ['without the flag', [{ topic: '__consumer_offsets', regex: false, partitions: [1] }], false, ['__consumer_offsets:1']],
  ])('%s', async (_name, selections, excludeInternal, wanted) => {
    const got = await resolvePartitions(admin, selections, { excludeInternal });
    expect(got.map((p) => `${p.topic}:${p.partition}`)).toEqual(wanted);
  });
});
