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
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { ensureChangelog } from '../../app/changelog.js';
import { runExactlyOnce } from '../../app/run-app.js';
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
  const engine = new PartitionedEngine(o.stats, { coalesce: true, trackChanges: true });
  const extract = extractor({ by: o.by, fields: o.fieldPaths, time: o.time });
  const c = await runExactlyOnce(ctx, clients, admin, {
    app: a.app,
    input: o.topic,
    fallback: o.offset.start.kind === 'end' ? 'latest' : 'earliest',
    isolation: o.isolation,
    commitIntervalMs: a.commitIntervalMs,
    untilCaughtUp: a.untilCaughtUp,
    transactionTimeoutMs: a.transactionTimeoutMs,
    fetchMaxBytes: o.fetchMaxBytes,
    producer: { compression: 'lz4' },
    stores: [{ name: STATS_STORE, store: new StatsStore(engine, a.app) }],
    processor: async (producer) => {
      const outPartitions = await producer.partitionCount(to);
      return {
        process(records) {
          for (const r of records) engine.process(extract(r));
          return rowRecords(engine.drain(), to, outPartitions, producer);
        },
      };
    },
    info: (m) => ctx.info(m),
  });
  const summary = { app: a.app, input: o.topic, output: to, changelog, read: c.read, rows: c.written, transactions: c.transactions };
  const result: CommandResult = {
    data: summary,
    stderr: `${c.read} records read, ${c.written} rows written to ${to} in ${c.transactions} transactions (${a.app})\n`,
  };
  if (c.error !== undefined) result.error = c.error;
  else if (ctx.io.signal.aborted) result.exitCode = ExitCode.interrupted;
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
