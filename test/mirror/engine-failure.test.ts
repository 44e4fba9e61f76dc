import { describe, expect, it } from 'vitest';
import type { TopicPlan } from '../../src/commands/mirror/topics.js';
import { ConnectionError } from '../../src/errors.js';
import type { ConsumedRecord } from '../../src/kafka/consumer-types.js';
import type { ProduceRecord, ProducerApi } from '../../src/kafka/producer-types.js';
import { oneFetchEngine } from './one-fetch-engine.js';

const TOPIC = 'events';
const COUNT = 1_000;
// Small enough that one fetch of COUNT records becomes many produce requests (the batcher splits by it).
const plan: TopicPlan = {
  source: TOPIC,
  target: TOPIC,
  sourcePartitions: 1,
  targetPartitions: 1,
  mapping: 'same',
  maxMessageBytes: 2_000,
  created: false,
};

const record = (offset: number): ConsumedRecord => ({
  topic: TOPIC,
  partition: 0,
  offset,
  timestamp: Date.now(),
  timestampType: 'CreateTime',
  key: null,
  value: Buffer.from(`v-${offset}`),
  headers: [],
});

/**
 * A mirror of COUNT records whose target refuses the third produce request (a leader lost past the
 * producer's retries) and takes every other one: what reached the target, per source offset.
 */
async function mirrorWithOneFailedSend(): Promise<{ written: Map<number, number>; retries: number; outcome: string }> {
  const written = new Map<number, number>();
  let sends = 0;
  const producer = {
    async send(records: ProduceRecord[]) {
      sends++;
      await new Promise((r) => setTimeout(r, 1));
      if (sends === 3) throw new ConnectionError('lost the connection to the target');
      for (const r of records) {
        const offset = Number(r.value!.toString().slice(2));
        written.set(offset, (written.get(offset) ?? 0) + 1);
      }
    },
    async close() {},
  } as unknown as ProducerApi;
  const engine = oneFetchEngine({ plan, count: COUNT, record, producer, batchBytes: 1 << 20 });
  const outcome = await engine.run();
  return { written, retries: engine.retries, outcome };
}

describe('mirror engine: a failed send', () => {
  it('ends its session at once: nothing after it is sent, so the retried session copies each record once', async () => {
    const { written, retries, outcome } = await mirrorWithOneFailedSend();
    expect({ outcome, retries }).toEqual({ outcome: 'caught-up', retries: 1 });
    const twice = [...written].filter(([, n]) => n > 1).length;
    expect({ records: written.size, twice }).toEqual({ records: COUNT, twice: 0 });
  });
});
