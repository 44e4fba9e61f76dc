/**
 * `--to TOPIC`: rows as records. Key: canonical JSON of the group and the window start
 * ({"key":...,"windowStart":...}, keys sorted, no spaces), so a compacted topic keeps the latest
 * row per window (a KTable); value: the row's JSON; timestamp: the row's (the newest input record
 * in it). At least once: a batch is acknowledged before the next is read; a failure ends the run.
 * The exactly-once variant (-g, app.ts: one transaction per commit with the changelog and the input
 * offsets) writes the same records.
 */
import type { ProduceRecord, ProducerApi } from '../../kafka/producer-types.js';
import type { StatsRow } from '../../stats/types.js';
import type { RowSink } from './sinks.js';

/** JSON with object keys sorted: the same group and window always give the same bytes. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

export function rowKey(r: StatsRow): Buffer {
  const k = r.key;
  // The usual key (a string or a number) without canonicalJson's generic walk: the same bytes.
  const key = typeof k === 'string' || typeof k === 'number' || k === null ? JSON.stringify(k) : canonicalJson(k);
  return Buffer.from(r.windowStart === undefined ? `{"key":${key}}` : `{"key":${key},"windowStart":${r.windowStart}}`);
}

/** A row as the record --to writes. */
export function rowRecord(r: StatsRow, topic: string, partitions: number, producer: Pick<ProducerApi, 'partitionFor'>): ProduceRecord {
  const key = rowKey(r);
  return {
    topic,
    partition: producer.partitionFor(key, partitions),
    key,
    // A merged-away session is a tombstone, as Streams writes it: a compacted topic forgets it.
    value: r.tombstone ? null : Buffer.from(JSON.stringify(r)),
    ...(typeof r.timestamp === 'number' && r.timestamp >= 0 ? { timestamp: r.timestamp } : {}),
  };
}

export class TopicSink implements RowSink {
  readonly closed = false;
  written = 0;
  private constructor(
    private readonly producer: ProducerApi,
    private readonly topic: string,
    private readonly partitions: number,
  ) {}

  static async open(producer: ProducerApi, topic: string): Promise<TopicSink> {
    return new TopicSink(producer, topic, await producer.partitionCount(topic));
  }

  async rows(rows: StatsRow[]): Promise<void> {
    if (!rows.length) return;
    const records = rows.map((r) => rowRecord(r, this.topic, this.partitions, this.producer));
    await this.producer.send(records);
    this.written += records.length;
  }

  async end(): Promise<void> {
    await this.producer.close();
  }
}
