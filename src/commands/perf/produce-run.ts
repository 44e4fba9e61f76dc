/**
 * One producer benchmark run, shared by `ktool perf produce` and kafka-producer-perf-test.sh's
 * spelling: the payloads, the producer, the transaction id, the loop (src/perf/produce-engine.ts)
 * and the producer closed before the totals, as ProducerPerformance closes it before printing them.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from '../../cli/context.js';
import type { AdminApi } from '../../kafka/types.js';
import { ProducePerf, type ProduceEvents, type ProduceOutcome } from '../../perf/produce-engine.js';
import { openPayloads, type PayloadSpec } from '../../perf/payload.js';
import type { PerfProducer } from './producer-props.js';

export interface ProduceRun {
  topic: string;
  numRecords: number;
  payload: PayloadSpec;
  /** Records per second; negative: no limit. */
  throughput: number;
  producer: PerfProducer;
  reportingIntervalMs: number;
  warmupRecords: number;
  /** --transaction-duration-ms; with a transactional id and none given, 3000 (as the Java tool). */
  transactionDurationMs?: number;
  wholeMs: boolean;
  /** A missing topic is created with the broker's defaults, as the broker's auto-creation does for the Java tool. */
  autoCreate?: boolean;
}

export const DEFAULT_TRANSACTION_DURATION_MS = 3000;

/** ProducerPerformance's rule: a duration without an id gets `performance-producer-<uuid>`; an id without a duration 3000 ms. */
export function withTransactions(run: ProduceRun, transactionalId: string | undefined, durationMs: number | undefined): ProduceRun {
  const id = transactionalId ?? run.producer.settings.transactionalId;
  if (id === undefined && durationMs === undefined) return run;
  const settings = { ...run.producer.settings, transactionalId: id ?? `performance-producer-${randomUUID()}`, idempotent: true };
  return {
    ...run,
    producer: { ...run.producer, settings },
    transactionDurationMs: durationMs ?? DEFAULT_TRANSACTION_DURATION_MS,
  };
}

export async function runProduce(
  ctx: Context,
  run: ProduceRun,
  /** `notes`: what the payloads printed (maybe none), once they are read, before the producer starts. */
  events: ProduceEvents & { notes?(lines: string[]): Promise<void> },
): Promise<ProduceOutcome> {
  const payloads = await openPayloads(run.payload);
  await events.notes?.(payloads.notes);
  const clients = await ctx.kafka();
  if (run.autoCreate) await createIfMissing(await clients.admin(), run.topic);
  const producer = await clients.producer(run.producer.settings, { signal: ctx.io.signal, onWarning: (m) => ctx.warn(m) });
  const plan = {
    topic: run.topic,
    numRecords: run.numRecords,
    throughput: run.throughput,
    batchBytes: run.producer.batchBytes,
    lingerMs: run.producer.lingerMs,
    maxInFlight: run.producer.maxInFlight,
    bufferBytes: run.producer.bufferBytes,
    maxBlockMs: run.producer.maxBlockMs,
    reportingIntervalMs: run.reportingIntervalMs,
    warmupRecords: run.warmupRecords,
    wholeMs: run.wholeMs,
    ...(run.transactionDurationMs !== undefined ? { transactionDurationMs: run.transactionDurationMs } : {}),
  };
  try {
    return await new ProducePerf(producer, plan, payloads, events, ctx.io.signal).run();
  } finally {
    await producer.close();
  }
}

/** What auto.create.topics.enable does on the Java producer's first metadata request: the broker's partitions and replication factor. */
async function createIfMissing(admin: AdminApi, topic: string): Promise<void> {
  const { missing } = await admin.describeTopics([topic]);
  if (missing.length === 0) return;
  const [result] = await admin.createTopics([{ name: topic }], { validateOnly: false });
  if (!result.ok && result.errorCode !== 'TOPIC_ALREADY_EXISTS')
    throw new Error(result.serverMessage ?? result.error ?? 'topic creation failed');
}
