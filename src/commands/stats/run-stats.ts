/**
 * The stats run: read the topic as `consume` does (same offsets, partitions, isolation, -e, -n),
 * hand each record to the engine, and each batch's rows to the sink: NDJSON, the live table, a
 * table or YAML at the end, or a topic. With --by key / partition an engine per partition (its own
 * stream time, as Streams' tasks); otherwise one engine, records taken in timestamp order across
 * partitions (as a Kafka Streams task picks the partition with the oldest head record).
 */
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { ExitCode } from '../../errors.js';
import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import type { KafkaClients } from '../../kafka/types.js';
import { tpKey } from '../../kafka/types.js';
import { toPlain } from '../../output/render.js';
import { toYaml } from '../../output/yaml.js';
import { StatsEngine } from '../../stats/engine.js';
import { extractor } from '../../stats/extract.js';
import { groupsStayInPartition, PartitionedEngine, type Stats } from '../../stats/partitioned.js';
import type { StatsRow } from '../../stats/types.js';
import { openRangeReader, partitionsToRead, resolveRanges } from '../consume/positions.js';
import { LiveTable } from './live.js';
import { rowsTable } from './rows-view.js';
import { CollectSink, NdjsonSink, type RowSink } from './sinks.js';
import type { StatsOptions } from './stats.js';

/** Offsets read and ends known, per partition: the footer's lag. */
class Lag {
  readonly next = new Map<string, number>();
  readonly end = new Map<string, number>();
  observe(r: ConsumedRecord): void {
    this.next.set(tpKey(r.topic, r.partition), r.offset + 1);
  }
  total(): number | null {
    if (this.end.size === 0) return null;
    let sum = 0;
    for (const [k, end] of this.end) sum += Math.max(0, end - (this.next.get(k) ?? end));
    return sum;
  }
}

async function openSink(o: StatsOptions, ctx: Context, clients: KafkaClients, engine: Stats): Promise<RowSink> {
  if (o.to) {
    const { TopicSink } = await import('./to-topic.js');
    const producer = await clients.producer({ acks: -1, idempotent: true, compression: 'lz4' }, { signal: ctx.io.signal });
    return TopicSink.open(producer, o.to);
  }
  const live = ctx.io.stdoutIsTTY && (o.output === 'auto' || o.output === 'table');
  if (live) {
    const title = `ktool stats ${o.topic}${o.byText.length ? ` by ${o.byText.join(', ')}` : ''}  (Ctrl-C to stop)`;
    return new LiveTable(ctx.io, engine, o.stats, o.by.length > 0, title, 'table', ctx.chalk);
  }
  if (o.output === 'json' || o.output === 'auto') return new NdjsonSink(ctx.io.stdout);
  return new CollectSink();
}

/**
 * For the single engine (groups spanning partitions). Records in the order a Kafka Streams task takes
 * them: each partition in offset order, and across partitions the one whose next record is the oldest
 * first (PartitionGroup). Records wait here while a partition that has not reached its end has nothing
 * buffered (its next record may be older), so a partition fetched later than another is not made late
 * by it; when the reader is caught up (three empty fetches in a row), at the end, or past BUFFER
 * records (it bounds memory: the reader cannot pause a partition as Streams does), what is buffered
 * goes anyway.
 */
export class StreamsOrder {
  static readonly BUFFER = 50_000;
  private readonly queues = new Map<string, { records: ConsumedRecord[]; at: number }>();
  private buffered = 0;
  /**
   * The partition the last take() stopped for (nothing of it buffered), for the reader to hand its
   * records first: the others' then wait a slice at a time, not a whole response each (1M records:
   * 240 MB RSS buffering whole responses).
   */
  wanted: { topic: string; partition: number } | undefined;
  constructor(
    partitions: string[],
    private readonly active: (tp: string) => boolean,
  ) {
    // Every partition from the start: one not fetched yet holds the others back too.
    for (const k of partitions) this.queues.set(k, { records: [], at: 0 });
  }

  push(records: ConsumedRecord[]): void {
    for (const r of records) {
      const k = tpKey(r.topic, r.partition);
      let q = this.queues.get(k);
      if (!q) this.queues.set(k, (q = { records: [], at: 0 }));
      q.records.push(r);
    }
    this.buffered += records.length;
  }

  /** Hands on records in order while every partition still reading has one buffered (all of them when `force`). */
  *take(force: boolean): Generator<ConsumedRecord> {
    force ||= this.buffered > StreamsOrder.BUFFER;
    this.wanted = undefined;
    for (;;) {
      let best: { records: ConsumedRecord[]; at: number } | undefined;
      for (const [k, q] of this.queues) {
        if (q.at >= q.records.length) {
          if (!force && this.active(k)) {
            const sep = k.lastIndexOf('\u0000');
            this.wanted = { topic: k.slice(0, sep), partition: Number(k.slice(sep + 1)) };
            return;
          }
          continue;
        }
        if (!best || q.records[q.at].timestamp < best.records[best.at].timestamp) best = q;
      }
      if (!best) return;
      this.buffered--;
      yield best.records[best.at++];
      if (best.at === best.records.length) {
        best.records = [];
        best.at = 0;
      }
    }
  }
}

export async function runStats(o: StatsOptions, ctx: Context): Promise<CommandResult> {
  const clients = await ctx.kafka();
  const admin = await clients.admin();
  const partitions = await partitionsToRead(admin, [o.topic], undefined, (t) => o.topicPartitions?.[t] ?? o.partitions);
  const ranges = await resolveRanges(admin, partitions, o.offset, o.isolation, o.exitAtEnd);
  // Each group in one partition (--by key / partition): an engine per partition, each its own stream time,
  // as Streams' tasks; records need no order across partitions then. Otherwise one engine over all of them.
  const perPartition = groupsStayInPartition(o.by);
  const engine: Stats = perPartition ? new PartitionedEngine(o.stats, { coalesce: true }) : new StatsEngine(o.stats, { coalesce: true });
  const extract = extractor({ by: o.by, fields: o.fieldPaths, time: o.time });
  const sink = await openSink(o, ctx, clients, engine);
  const lag = new Lag();
  for (const r of ranges) {
    lag.next.set(tpKey(r.topic, r.partition), Number(r.start));
    if (r.end !== undefined) lag.end.set(tpKey(r.topic, r.partition), Number(r.end));
  }
  const live = sink instanceof LiveTable ? sink : undefined;
  const refresh = live && lag.end.size === 0 ? refreshEnds(ctx, clients, partitions, o.isolation, lag) : undefined;
  const reader = await openRangeReader(clients, admin, {
    ranges,
    isolation: o.isolation,
    fetchMaxBytes: o.fetchMaxBytes,
    warn: (m) => ctx.warn(m),
  });
  let reachedEnd = false;
  let taken = 0;
  // Every partition read is active until it reaches its end (a bounded read); unbounded ones stay active.
  const active = (tp: string) => !lag.end.has(tp) || lag.next.get(tp)! < lag.end.get(tp)!;
  const order = new StreamsOrder(
    partitions.map((p) => tpKey(p.topic, p.partition)),
    (tp) => !perPartition && o.time.kind === 'record' && partitions.length > 1 && active(tp),
  );
  const limit = () => o.maxMessages !== undefined && taken >= o.maxMessages;
  let idle = 0;
  try {
    while (!ctx.io.signal.aborted && !sink.closed && !limit()) {
      const batch = await reader.next(order.wanted);
      if (batch === null) reachedEnd = true;
      order.push(batch ?? []);
      // Caught up (several empty fetches in a row): a partition with nothing new no longer holds the others back.
      idle = batch?.length ? 0 : idle + 1;
      for (const r of order.take(batch === null || idle >= 3)) {
        if (limit()) break;
        taken++;
        lag.observe(r);
        engine.process(extract(r));
      }
      await sink.rows(engine.take());
      await live?.tick({ lag: lag.total() });
      if (batch === null) {
        for (const [k, end] of lag.end) lag.next.set(k, end);
        break;
      }
    }
    if (limit()) reachedEnd = true;
  } finally {
    refresh?.stop();
    await reader.close();
  }
  // -e (or an end offset, or -n): the end of input closes every window.
  if (reachedEnd) await sink.rows(engine.end());
  await live?.tick({ lag: lag.total() }, true);
  await sink.end();
  return finish(o, ctx, engine, sink);
}

function finish(o: StatsOptions, ctx: Context, engine: Stats, sink: RowSink): CommandResult {
  const c = engine.counts();
  const notes: string[] = [];
  if (c.late) notes.push(`${c.late} late (record, window) pairs dropped: their window had closed (--grace to keep them)`);
  c.notNumber.forEach((n, i) => n && notes.push(`${n} of ${c.records} records had no number at ${o.stats.fields[i]}`));
  if (c.badTime) notes.push(`${c.badTime} records skipped: no usable event time at ${o.timeText}`);
  for (const n of notes) ctx.warn(n);
  if (o.to && 'written' in sink) ctx.io.stderr.write(`${c.records} records read, ${String(sink.written)} rows written to ${o.to}\n`);
  const interrupted = ctx.io.signal.aborted && ctx.io.signal.reason !== 'EPIPE';
  if (sink instanceof CollectSink) {
    const rows: StatsRow[] = sink.all;
    if (o.output === 'yaml') return { text: toYaml(toPlain(rows)), ...(interrupted ? { exitCode: ExitCode.interrupted } : {}) };
    return { data: rows, view: [rowsTable(rows, o.stats, o.by.length > 0)], ...(interrupted ? { exitCode: ExitCode.interrupted } : {}) };
  }
  return interrupted ? { exitCode: ExitCode.interrupted } : {};
}

/** Following a topic on a terminal: the high watermarks every 5 s, for the footer's lag. */
function refreshEnds(
  ctx: Context,
  clients: KafkaClients,
  partitions: { topic: string; partition: number }[],
  isolation: 'read_committed' | 'read_uncommitted',
  lag: Lag,
): { stop(): void } {
  const poll = async () => {
    try {
      const admin = await clients.admin();
      for (const e of await admin.listOffsets(partitions, 'latest', isolation)) lag.end.set(tpKey(e.topic, e.partition), Number(e.offset));
    } catch {
      // the footer keeps the last lag it had
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), 5000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
