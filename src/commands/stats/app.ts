/**
 * `ktool stats TOPIC --by key -g APP --to OUT`: exactly once, resumable, shared by every process of
 * APP (the ExactlyOnceLoop of src/app/, as pipe -g). An engine per input partition (a Kafka Streams
 * task), its state in the compacted changelog APP-stats-store-changelog: each commit is one
 * transaction with the rows, the cells of the state that changed and the input offsets; on every
 * assignment the partitions' state is read back before their records are. A restart or a rebalance
 * thus continues exactly where the last commit left off: read_committed, OUT holds the rows an
 * uninterrupted run writes (with --emit final: each window's final row once).
 *
 * The store's name is ktool's own, not Streams' generated KSTREAM-AGGREGATE-STATE-STORE-000000000N
 * (its number depends on the topology, and its records would look like a Streams store's while they
 * are ktool's JSON); Streams' naming rule (APP- ... -changelog) is kept, so
 * kafka-streams-application-reset and ktool stats reset find it.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { ensureChangelog } from '../../app/changelog.js';
import { ExactlyOnceLoop } from '../../app/exactly-once.js';
import { changelogTopic } from '../../app/state-store.js';
import { ExitCode } from '../../errors.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import type { ProducerApi, ProduceRecord } from '../../kafka/producer-types.js';
import type { StatsRow } from '../../stats/types.js';
import { StatsStore } from '../../stats/changelog-store.js';
import { extractor } from '../../stats/extract.js';
import { PartitionedEngine } from '../../stats/partitioned.js';
import { windowRetentionMs } from '../../stats/time-windows.js';
import type { StatsAppOptions } from './app-options.js';
import type { StatsOptions } from './stats.js';
import { rowRecord } from './to-topic.js';

export const STATS_STORE = 'stats-store';

export async function runStatsApp(o: StatsOptions, a: StatsAppOptions, ctx: Context): Promise<CommandResult> {
  const clients = await ctx.kafka();
  const admin = await clients.admin();
  const to = o.to!;
  const { topics, missing } = await admin.describeTopics([o.topic, to]);
  if (missing.length) throw topicsNotFound(missing, `create it first: ktool topics create ${missing[0]}`);
  const inputPartitions = topics.find((t) => t.name === o.topic)!.partitions.length;
  const changelog = changelogTopic(a.app, STATS_STORE);
  const w = o.stats.window;
  const configs: Record<string, string> =
    w.kind === 'time'
      ? { 'cleanup.policy': 'compact,delete', 'retention.ms': String(windowRetentionMs(w.size, o.stats.grace)) }
      : { 'cleanup.policy': 'compact' };
  if ((await ensureChangelog(admin, changelog, inputPartitions, a.app, configs)) === 'created') ctx.info(`created ${changelog}`);
  const { signal } = ctx.io;
  // One transactional id per process, kept by a producer renewed after the broker aborted its transaction.
  const transactionalId = `${a.app}-${randomUUID()}`;
  const openProducer = () =>
    clients.producer(
      // KIP-447: one transactional producer per process; the group's generation fences a zombie.
      {
        acks: -1,
        idempotent: true,
        compression: 'lz4',
        transactionalId,
        transactionTimeoutMs: a.transactionTimeoutMs,
      },
      { signal, onWarning: (m) => ctx.warn(m) },
    );
  const producer = await openProducer();
  const outPartitions = await producer.partitionCount(to);
  const engine = new PartitionedEngine(o.stats, { coalesce: true, trackChanges: true });
  const extract = extractor({ by: o.by, fields: o.fieldPaths, time: o.time });
  const group = await clients.mirrorGroup({ groupId: a.app, topics: [o.topic] });
  const loop = new ExactlyOnceLoop({
    app: a.app,
    input: o.topic,
    fallback: o.offset.start.kind === 'end' ? 'latest' : 'earliest',
    isolation: o.isolation,
    commitIntervalMs: a.commitIntervalMs,
    untilCaughtUp: a.untilCaughtUp,
    // A killed process's transaction is aborted after transaction.timeout.ms; the coordinator checks every 10 s.
    stableWaitMs: a.transactionTimeoutMs + 30_000,
    stores: [{ name: STATS_STORE, store: new StatsStore(engine, a.app) }],
    processor: {
      process(records) {
        for (const r of records) engine.process(extract(r));
        return rowRecords(engine.drain(), to, outPartitions, producer);
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
    info: (m) => ctx.info(m),
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
  const c = loop.counts;
  const summary = { app: a.app, input: o.topic, output: to, changelog, read: c.read, rows: c.written, transactions: c.transactions };
  const result: CommandResult = {
    data: summary,
    stderr: `${c.read} records read, ${c.written} rows written to ${to} in ${c.transactions} transactions (${a.app})\n`,
  };
  if (error !== undefined) result.error = error;
  else if (signal.aborted) result.exitCode = ExitCode.interrupted;
  return result;
}

/** The rows' records, built as they are sent (a closing window's final rows, one per key, go a slice at a time). */
function* rowRecords(
  rows: Iterable<StatsRow>,
  to: string,
  partitions: number,
  producer: Pick<ProducerApi, 'partitionFor'>,
): Iterable<ProduceRecord> {
  for (const row of rows) yield rowRecord(row, to, partitions, producer);
}
