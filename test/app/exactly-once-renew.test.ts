import { describe, expect, it } from 'vitest';
import { ExactlyOnceLoop } from '../../src/app/exactly-once.js';
import { OperationError } from '../../src/errors.js';
import type { ConsumedRecord, PartitionRange } from '../../src/kafka/consumer-types.js';
import type { MirrorGroup } from '../../src/kafka/mirror-types.js';
import type { ProducerApi } from '../../src/kafka/producer-types.js';
import type { AdminApi } from '../../src/kafka/types.js';
import { fakeProducer, type FakeProducer } from '../helpers/fake-producer.js';

/**
 * The exactly-once loop (pipe -g, stats -g) when the broker aborts its open transaction (open longer
 * than transaction.timeout.ms while a send waited out a leader's fail-over): the fenced producer is
 * replaced and the work redone from the committed offsets, as Kafka Streams does on
 * ProducerFencedException; a run that keeps being fenced without committing stops with the error.
 */
const INPUT = 'in';
const N = 10;

const record = (offset: number): ConsumedRecord => ({
  topic: INPUT,
  partition: 0,
  offset,
  timestamp: 0,
  timestampType: 'CreateTime',
  key: null,
  value: Buffer.from(`v${offset}`),
  headers: [],
});

const group: MirrorGroup = {
  generation: () => 1,
  memberId: () => 'member',
  assignment: () => [{ topic: INPUT, partition: 0 }],
  committed: async () => new Map(),
  commit: async () => undefined,
  close: async () => undefined,
};

// Nothing committed: each session starts at the earliest offset (0); the input ends at N.
const admin = {
  listOffsets: async (tps: { partition: number }[], at: string) =>
    tps.map((tp) => ({ topic: INPUT, partition: tp.partition, offset: at === 'latest' ? BigInt(N) : 0n })),
} as unknown as AdminApi;

/** Reads [start, end) in one batch, then null (the end). */
async function openReader(ranges: PartitionRange[]) {
  const [r] = ranges;
  let done = false;
  return {
    async next() {
      if (done) return null;
      done = true;
      return Array.from({ length: Number(r.end! - r.start) }, (_, i) => record(Number(r.start) + i));
    },
    close: async () => undefined,
  };
}

const fenced = () => new OperationError('the broker aborted it (PRODUCER_FENCED)', { kafkaCode: 'PRODUCER_FENCED' });

function loop(first: ProducerApi, renew: () => Promise<ProducerApi>, warnings: string[]): ExactlyOnceLoop {
  return new ExactlyOnceLoop({
    app: 'app',
    input: INPUT,
    fallback: 'earliest',
    isolation: 'read_committed',
    commitIntervalMs: 1_000_000,
    untilCaughtUp: true,
    stableWaitMs: 1_000,
    stores: [],
    processor: { process: (records) => records.map((r) => ({ topic: 'out', partition: 0, key: null, value: r.value })) },
    producer: first,
    renewProducer: renew,
    group,
    admin,
    openReader,
    signal: new AbortController().signal,
    now: () => 0,
    warn: (m) => warnings.push(m),
  });
}

describe('exactly-once loop: a transaction the broker aborted', () => {
  it('is redone by a new producer: its output once, the fenced producer closed', async () => {
    const first = fakeProducer({ out: 1 }, { failCommit: fenced() });
    const second = fakeProducer({ out: 1 });
    const warnings: string[] = [];
    const l = loop(first, async () => second, warnings);
    await l.run();
    expect(first.calls).toContain('close');
    expect(second.calls).toEqual(['begin', 'offsets', 'commit']);
    expect(second.records.map((r) => r.value)).toEqual(Array.from({ length: N }, (_, i) => `v${i}`));
    expect(second.offsets.map((o) => o.offsets.map((x) => x.offset))).toEqual([[BigInt(N)]]);
    expect(l.producer).toBe(second);
    expect(l.counts).toMatchObject({ read: N, written: N, transactions: 1, redone: 1 });
    expect(warnings).toEqual([expect.stringMatching(/aborted the open transaction \(PRODUCER_FENCED.*a new producer redoes its work/)]);
  });

  it('fenced again and again without a commit: the error after three new producers', async () => {
    const made: FakeProducer[] = [];
    const renew = async () => {
      made.push(fakeProducer({ out: 1 }, { failCommit: fenced() }));
      return made[made.length - 1];
    };
    const l = loop(fakeProducer({ out: 1 }, { failCommit: fenced() }), renew, []);
    await expect(l.run()).rejects.toMatchObject({ kafkaCode: 'PRODUCER_FENCED' });
    expect(made).toHaveLength(3);
  });

  it('another error is not retried', async () => {
    let renewed = 0;
    const other = new OperationError('denied', { kafkaCode: 'TOPIC_AUTHORIZATION_FAILED' });
    const l = loop(
      fakeProducer({ out: 1 }, { failCommit: other }),
      async () => {
        renewed++;
        return fakeProducer({ out: 1 });
      },
      [],
    );
    await expect(l.run()).rejects.toBe(other);
    expect(renewed).toBe(0);
  });
});
