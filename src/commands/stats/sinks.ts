/**
 * Where stats rows go (a RowSink): NDJSON on stdout, collected for a table or YAML at the end, or
 * a Kafka topic (to-topic.ts). The reading loop (run-stats.ts) only calls rows() and end(): the seam
 * where a transactional sink (exactly once with -g) fits in.
 */
import type { StatsRow } from '../../stats/types.js';
import { OutputWriter } from '../consume/writer.js';
import type { Writable } from 'node:stream';

export interface RowSink {
  /** Rows of one batch, in order; resolves when they were handed on (stdout, or acknowledged by Kafka). */
  rows(rows: StatsRow[]): Promise<void>;
  /** Stdout was closed (a pipe's reader left): stop reading. */
  readonly closed: boolean;
  end(): Promise<void>;
}

/** One JSON object per line, in the documented field order. */
export class NdjsonSink implements RowSink {
  private readonly writer: OutputWriter;
  constructor(stdout: Writable) {
    this.writer = new OutputWriter(stdout);
  }
  get closed(): boolean {
    return this.writer.isClosed;
  }
  async rows(rows: StatsRow[]): Promise<void> {
    for (const r of rows) this.writer.put(JSON.stringify(r) + '\n');
    if (rows.length) await this.writer.flush();
  }
  async end(): Promise<void> {
    await this.writer.flush();
  }
}

/** Keeps the rows for a table or YAML printed at the end (-e). With emit final, one row per window. */
export class CollectSink implements RowSink {
  readonly all: StatsRow[] = [];
  readonly closed = false;
  rows(rows: StatsRow[]): Promise<void> {
    for (const r of rows) this.all.push(r);
    return Promise.resolve();
  }
  end(): Promise<void> {
    return Promise.resolve();
  }
}
