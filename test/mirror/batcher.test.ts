import { describe, expect, it } from 'vitest';
import { Batcher, type PendingBatch } from '../../src/commands/mirror/batcher.js';
import { recordSize } from '../../src/commands/mirror/records.js';
import type { TopicPlan } from '../../src/commands/mirror/topics.js';
import type { ConsumedRecord } from '../../src/kafka/consumer-types.js';
import type { ProduceRecord, ProducerApi } from '../../src/kafka/producer-types.js';
import { tpKey } from '../../src/kafka/types.js';
import { oneFetchEngine } from './one-fetch-engine.js';

// The target's default max.message.bytes: far above the request sizes chosen here.
const plan: TopicPlan = {
  source: 's',
  target: 't',
  sourcePartitions: 2,
  targetPartitions: 2,
  mapping: 'same',
  maxMessageBytes: 1_048_588,
  created: false,
};

/** A source record whose copy is `bytes` by recordSize (32 framing + 1 key byte + the value). */
const rec = (partition: number, offset: number, bytes = 100): ConsumedRecord => ({
  topic: 's',
  partition,
  offset,
  timestamp: 1,
  timestampType: 'CreateTime',
  key: Buffer.from('k'),
  value: Buffer.alloc(bytes - 33),
  headers: [],
});

/** The requests a Batcher with --batch-bytes `batchBytes` forms from one fetch of `records`. */
async function requests(records: ConsumedRecord[], batchBytes: number, p = plan): Promise<PendingBatch[]> {
  const b = new Batcher(new Map([['s', p]]), false, false, () => 0, batchBytes);
  const sent: PendingBatch[] = [];
  await b.add(records, async () => void sent.push(b.take()));
  sent.push(b.take());
  return sent.filter((x) => x.records.length > 0);
}

const sizes = (sent: PendingBatch[]) => sent.map((x) => x.records.map((r) => recordSize(r)));
const offsetsOf = (sent: PendingBatch[]) => sent.flatMap((x) => x.records.map((r) => `${r.partition}/${r.value!.length}`));

describe('mirror --batch-bytes: the produce requests one fetch becomes', () => {
  it('a 20,000-record fetch goes out in requests of at most --batch-bytes, in order, every record once', async () => {
    const records = Array.from({ length: 20_000 }, (_, i) => rec(0, i));
    const sent = await requests(records, 4_096);
    // 100 bytes each: 40 per request of 4,096 bytes.
    expect(sent).toHaveLength(500);
    expect(Math.max(...sent.map((x) => x.bytes))).toBe(4_000);
    expect(sent.reduce((n, x) => n + x.records.length, 0)).toBe(20_000);
    // Positions chain: each request starts where the one before it ends, the last ends after the fetch.
    sent.forEach((x, i) => {
      expect(x.from.get(tpKey('s', 0))?.offset).toBe(BigInt(i * 40));
      expect(x.upTo.get(tpKey('s', 0))?.offset).toBe(BigInt(i * 40 + 40));
      expect(x.perTopic.get('s')).toBe(40);
    });
  });

  it('a request may be exactly --batch-bytes', async () => {
    expect(sizes(await requests([rec(0, 0), rec(0, 1), rec(0, 2), rec(0, 3)], 300))).toEqual([[100, 100, 100], [100]]);
  });

  it('a record larger than --batch-bytes goes alone (it fits max.message.bytes), the records around it keep their order', async () => {
    const sent = await requests([rec(0, 0), rec(0, 1), rec(0, 2, 5_000), rec(0, 3), rec(0, 4, 3_000), rec(0, 5, 2_000)], 1_024);
    expect(sizes(sent)).toEqual([[100, 100], [5_000], [100], [3_000], [2_000]]);
    expect(sent.map((x) => [x.from.get(tpKey('s', 0))?.offset, x.upTo.get(tpKey('s', 0))?.offset])).toEqual([
      [0n, 2n],
      [2n, 3n],
      [3n, 4n],
      [4n, 5n],
      [5n, 6n],
    ]);
  });

  it('runs of several partitions share requests up to --batch-bytes; each partition keeps its order and positions', async () => {
    const records = [...Array.from({ length: 15 }, (_, i) => rec(0, i)), ...Array.from({ length: 15 }, (_, i) => rec(1, 100 + i))];
    const sent = await requests(records, 1_000);
    expect(sent.map((x) => x.records.map((r) => r.partition).join(''))).toEqual(['0000000000', '0000011111', '1111111111']);
    expect(sent[1].upTo.get(tpKey('s', 0))?.offset).toBe(15n);
    expect(sent[1].from.get(tpKey('s', 1))?.offset).toBe(100n);
    expect(sent[1].upTo.get(tpKey('s', 1))?.offset).toBe(105n);
    expect(sent[2].from.get(tpKey('s', 1))?.offset).toBe(105n);
    expect(sent[2].upTo.get(tpKey('s', 1))?.offset).toBe(115n);
    expect(offsetsOf(sent)).toEqual(records.map((r) => `${r.partition}/67`));
  });

  it('max.message.bytes still splits a partition below --batch-bytes', async () => {
    const sent = await requests(
      Array.from({ length: 12 }, (_, i) => rec(0, i)),
      1 << 20,
      { ...plan, maxMessageBytes: 500 },
    );
    // 73 bytes of batch overhead: four 100-byte records per 500-byte batch.
    expect(sizes(sent).map((x) => x.length)).toEqual([4, 4, 4]);
  });
});

describe('mirror engine with --batch-bytes', () => {
  it('sends a one-fetch topic as produce requests of at most --batch-bytes (the "small requests" of the fault tests)', async () => {
    const requestBytes: number[] = [];
    const copied: number[] = [];
    const producer = {
      async send(records: ProduceRecord[]) {
        requestBytes.push(records.reduce((n, r) => n + recordSize(r), 0));
        for (const r of records) copied.push(r.timestamp!);
      },
      async close() {},
    } as unknown as ProducerApi;
    const count = 20_000;
    // The whole topic in one fetch, as a broker answers for a small topic.
    const record = (offset: number) => ({ ...rec(0, offset), timestamp: offset });
    const engine = oneFetchEngine({ plan, count, record, producer, batchBytes: 2_048 });
    expect(await engine.run()).toBe('caught-up');
    expect(Math.max(...requestBytes)).toBeLessThanOrEqual(2_048);
    expect(requestBytes).toHaveLength(1_000);
    expect(copied).toEqual(Array.from({ length: count }, (_, i) => i));
  });
});
