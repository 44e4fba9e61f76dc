import { describe, expect, it, vi } from 'vitest';

// Two brokers; broker 2's metadata still shows the replicas from before a reassignment for its first `lag` answers.
let lag = 0;
let asked = 0;
const partition = (replicas: number[]) => ({
  partitionIndex: 0,
  leaderId: replicas[0],
  leaderEpoch: 1,
  replicaNodes: replicas,
  isrNodes: replicas,
  offlineReplicas: [],
});
vi.mock('../../src/kafka/raw-api.js', () => ({
  callApi: vi.fn(async (_client: unknown, _api: unknown, args: [string[] | null], broker?: { port: number }) => {
    const brokers = [1, 2].map((nodeId) => ({ nodeId, host: '127.0.0.1', port: 9000 + nodeId, rack: null }));
    if (!broker) return { brokers, topics: [] };
    const stale = broker.port === 9002 && asked++ < lag;
    return {
      brokers,
      topics: (args[0] ?? []).map((name) => ({
        name,
        topicId: '00000000-0000-0000-0000-000000000001',
        errorCode: 0,
        isInternal: false,
        partitions: [partition(stale ? [1, 2, 3] : [1, 2])],
      })),
    };
  }),
}));

// The fast tier shares modules between files (isolate: false): reload with the stand-in callApi.
vi.resetModules();
const { platformaticAdmin } = await import('../../src/kafka/admin.js');

describe('describeTopics with agreed (topics alter -r plans from it)', () => {
  it("waits until every broker's metadata shows the same replicas", async () => {
    lag = 3;
    asked = 0;
    const admin = platformaticAdmin({} as never, 1_000);
    const { topics } = await admin.describeTopics(['t'], { agreed: true });
    expect(topics[0].partitions[0].replicas).toEqual([1, 2]);
    expect(asked).toBeGreaterThan(3);
  });
});
