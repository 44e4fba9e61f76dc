/**
 * `ktool pipe IN OUT -g APP`: exactly once, resumable, shared by every process of APP (the
 * ExactlyOnceLoop of src/app/). Pipe keeps no state, so it has no store; `ktool stats` plugs its
 * engine in as one.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from '../../cli/context.js';
import { ExactlyOnceLoop, type LoopCounts } from '../../app/exactly-once.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import type { ProduceRecord } from '../../kafka/producer-types.js';
import type { PipeOptions } from './options.js';
import { outputRecord } from './route.js';
import type { Transform } from './transform.js';

export async function runApp(
  o: PipeOptions & { app: string },
  ctx: Context,
  transform: Transform,
): Promise<LoopCounts & { error?: unknown }> {
  const clients = await ctx.kafka();
  const admin = await clients.admin();
  const { missing } = await admin.describeTopics([o.input]);
  if (missing.length) throw topicsNotFound(missing, `create it first: ktool topics create ${o.input}`);
  const { signal } = ctx.io;
  // One transactional id per process, kept by a producer renewed after the broker aborted its transaction.
  const transactionalId = `${o.app}-${randomUUID()}`;
  const openProducer = () =>
    clients.producer(
      // KIP-447: one transactional producer per process; the group's generation fences a zombie.
      {
        ...o.producer,
        acks: -1,
        idempotent: true,
        transactionalId,
        transactionTimeoutMs: o.transactionTimeoutMs,
      },
      { signal, onWarning: (m) => ctx.warn(m) },
    );
  const producer = await openProducer();
  const count = await producer.partitionCount(o.output);
  const group = await clients.mirrorGroup({ groupId: o.app, topics: [o.input] });
  const loop = new ExactlyOnceLoop({
    app: o.app,
    input: o.input,
    fallback: o.offset.start.kind === 'end' ? 'latest' : 'earliest',
    isolation: o.isolation,
    commitIntervalMs: o.commitIntervalMs,
    // A killed process's transaction is aborted after transaction.timeout.ms; the coordinator checks every 10 s.
    stableWaitMs: o.transactionTimeoutMs + 30_000,
    stores: [],
    processor: {
      process(records) {
        const out: ProduceRecord[] = [];
        for (const r of records) {
          const t = transform.apply(r);
          if (t !== null) out.push(outputRecord(o.output, count, r, t));
        }
        return out;
      },
    },
    producer,
    renewProducer: openProducer,
    warn: (m) => ctx.warn(m),
    group,
    admin,
    openReader: (ranges, isolation) =>
      clients.partitionReader({
        ranges,
        isolation,
        maxBytes: o.fetchMaxBytes,
        onWarning: (m) => ctx.warn(m),
        logStart: async (topic, partition) => (await admin.listOffsets([{ topic, partition }], 'earliest'))[0].offset,
        maxOutageMs: clients.settings.timeoutMs,
      }),
    signal,
    now: () => ctx.io.now(),
    info: o.verbose ? (m) => ctx.info(m) : undefined,
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
