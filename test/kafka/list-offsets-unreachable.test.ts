import { describe, expect, it, vi } from 'vitest';
import type { Leaders } from '../../src/kafka/leaders.js';

// The metadata names broker 1 as p0's leader until "the controller fences it" (the second look names broker 2).
let looks = 0;
vi.mock('../../src/kafka/leaders.js', () => ({
  leadersOf: vi.fn(async (): Promise<Leaders> => {
    const fenced = looks++ > 0;
    return {
      partition: (_topic, partition) => ({
        topicId: 't',
        leader: partition === 9 ? 3 : partition === 0 && !fenced ? 1 : 2,
        leaderEpoch: 0,
        errorCode: 0,
      }),
      topicError: () => 0,
      broker: (id) => ({ host: '127.0.0.1', port: 9000 + id }),
    };
  }),
}));
vi.mock('../../src/kafka/raw-api.js', () => ({
  callApi: vi.fn(
    async (
      _client: unknown,
      _api: unknown,
      args: [number, number, { name: string; partitions: { partitionIndex: number }[] }[]],
      broker: { port: number },
    ) => {
      if (broker.port === 9001) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9001'), { code: 'ECONNREFUSED' });
      if (broker.port === 9003) throw Object.assign(new Error('Request timed out.'), { code: 'PLT_KFK_TIMEOUT' });
      const [, , topics] = args;
      return {
        topics: topics.map((t) => ({
          name: t.name,
          partitions: t.partitions.map((p) => ({
            partitionIndex: p.partitionIndex,
            errorCode: 0,
            offset: 10n + BigInt(p.partitionIndex),
            timestamp: -1n,
          })),
        })),
      };
    },
  ),
}));

// The fast tier shares modules between files (isolate: false): a file run before this one in the same
// worker may have loaded list-offsets.js with the real leaders and callApi, which the mocks above would not reach.
vi.resetModules();
const { listOffsetsByLeader } = await import('../../src/kafka/list-offsets.js');
const partitions = [
  { topic: 'in', partition: 0 },
  { topic: 'in', partition: 1 },
];

describe('ListOffsets to a leader that was killed (refused until the metadata names another)', () => {
  it('asks the metadata again and the new leader answers', async () => {
    looks = 0;
    const offsets = await listOffsetsByLeader({} as never, partitions, -1n, 0);
    expect(offsets.map((o) => [o.partition, o.offset]).sort()).toEqual([
      [0, 10n],
      [1, 11n],
    ]);
    expect(looks).toBe(2);
  });

  it('gives up with the connection error once the wait is over', async () => {
    looks = -1_000; // the dead leader is never fenced
    await expect(listOffsetsByLeader({} as never, partitions, -1n, 0, 300)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('a leader that does not answer is not asked again: its request waited --timeout once', async () => {
    looks = 0;
    await expect(listOffsetsByLeader({} as never, [{ topic: 'in', partition: 9 }], -1n, 0)).rejects.toThrow(/timed out/);
    expect(looks).toBe(1);
  });
});
