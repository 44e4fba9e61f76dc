/**
 * One end-to-end latency run, shared by `ktool perf e2e` and kafka-e2e-latency.sh's spelling: the
 * topic created when missing (1 partition, replication factor 1, as EndToEndLatency does), a
 * producer with linger 0 and the given acks, a reader at the end of every partition, the loop
 * (src/perf/e2e-engine.ts).
 */
import type { Context } from '../../cli/context.js';
import type { Acks } from '../../kafka/producer-types.js';
import { e2ePerf, type E2ePlan } from '../../perf/e2e-engine.js';
import { openRangeReader } from '../consume/positions.js';

export interface E2eRun extends Omit<E2ePlan, 'partition'> {
  acks: Acks;
}

export async function ensureTopic(ctx: Context, topic: string, onCreate: () => Promise<void>): Promise<void> {
  const admin = await (await ctx.kafka()).admin();
  const { missing } = await admin.describeTopics([topic]);
  if (missing.length === 0) return;
  await onCreate();
  const [result] = await admin.createTopics([{ name: topic, partitions: 1, replicationFactor: 1 }], { validateOnly: false });
  if (!result.ok && result.errorCode !== 'TOPIC_ALREADY_EXISTS') throw new Error(`Creation of topic ${topic} failed`);
}

export async function runE2e(ctx: Context, run: E2eRun, onRecord: (i: number, ms: number) => void) {
  const clients = await ctx.kafka();
  const admin = await clients.admin();
  const producer = await clients.producer(
    { acks: run.acks, idempotent: run.acks === -1, compression: 'none' },
    { signal: ctx.io.signal, onWarning: (m) => ctx.warn(m) },
  );
  try {
    const count = await producer.partitionCount(run.topic);
    const partitions = Array.from({ length: count }, (_, partition) => ({ topic: run.topic, partition }));
    const ends = await admin.listOffsets(partitions, 'latest');
    const reader = await openRangeReader(clients, admin, {
      ranges: ends.map((e) => ({ topic: e.topic, partition: e.partition, start: e.offset })),
      isolation: 'read_uncommitted',
      warn: (m) => ctx.warn(m),
    });
    try {
      const plan: E2ePlan = { ...run, partition: Math.floor(Math.random() * count) };
      return await e2ePerf((record) => producer.send([record]), reader, plan, onRecord, ctx.io.signal);
    } finally {
      await reader.close();
    }
  } finally {
    await producer.close();
  }
}
