/**
 * What `pipe -g APP` and `stats -g APP --to OUT` share around the ExactlyOnceLoop: one transactional
 * producer per process (renewed after the broker aborted its transaction), the group APP on the
 * input, readers that wait out a lost broker, and the closing of both whatever the loop ended with.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from '../cli/context.js';
import type { ProducerApi, ProducerSettings } from '../kafka/producer-types.js';
import type { AdminApi, KafkaClients } from '../kafka/types.js';
import { ExactlyOnceLoop, type AppProcessor, type ExactlyOnceOptions, type LoopCounts } from './exactly-once.js';

/** The loop's own options, but for what the runner opens itself (producer, group, readers) and what it derives. */
export interface AppRun extends Pick<
  ExactlyOnceOptions,
  'app' | 'input' | 'fallback' | 'isolation' | 'commitIntervalMs' | 'untilCaughtUp' | 'stores' | 'info'
> {
  transactionTimeoutMs: number;
  fetchMaxBytes: number;
  /** The producer's settings besides the transactional ones (compression ...). */
  producer: Partial<ProducerSettings>;
  /** The processor, once the producer is open (the output's partition count, its partitioner). */
  processor: (producer: ProducerApi) => Promise<AppProcessor>;
}

export async function runExactlyOnce(
  ctx: Context,
  clients: KafkaClients,
  admin: AdminApi,
  run: AppRun,
): Promise<LoopCounts & { error?: unknown }> {
  const { signal } = ctx.io;
  // One transactional id per process, kept by a producer renewed after the broker aborted its transaction.
  const transactionalId = `${run.app}-${randomUUID()}`;
  const openProducer = () =>
    clients.producer(
      // KIP-447: one transactional producer per process; the group's generation fences a zombie.
      {
        compression: 'none',
        ...run.producer,
        acks: -1,
        idempotent: true,
        transactionalId,
        transactionTimeoutMs: run.transactionTimeoutMs,
      },
      { signal, onWarning: (m) => ctx.warn(m) },
    );
  const producer = await openProducer();
  const processor = await run.processor(producer);
  const group = await clients.mirrorGroup({ groupId: run.app, topics: [run.input] });
  const loop = new ExactlyOnceLoop({
    app: run.app,
    input: run.input,
    fallback: run.fallback,
    isolation: run.isolation,
    commitIntervalMs: run.commitIntervalMs,
    untilCaughtUp: run.untilCaughtUp,
    // A killed process's transaction is aborted after transaction.timeout.ms; the coordinator checks every 10 s.
    stableWaitMs: run.transactionTimeoutMs + 30_000,
    stores: run.stores,
    processor,
    producer,
    renewProducer: openProducer,
    warn: (m) => ctx.warn(m),
    group,
    admin,
    openReader: (ranges, isolation) =>
      clients.partitionReader({
        ranges,
        isolation,
        maxBytes: run.fetchMaxBytes,
        onWarning: (m) => ctx.warn(m),
        logStart: async (topic, partition) => (await admin.listOffsets([{ topic, partition }], 'earliest'))[0].offset,
        maxOutageMs: clients.settings.timeoutMs,
      }),
    signal,
    now: () => ctx.io.now(),
    info: run.info,
  });
  let error: unknown;
  try {
    await loop.run();
  } catch (e) {
    error = e;
  } finally {
    await group.close();
    await loop.producer.close();
  }
  return { ...loop.counts, error };
}
