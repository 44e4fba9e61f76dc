/**
 * Tumbling and hopping windows with Kafka Streams' semantics (kstream/TimeWindows.java,
 * internals/KStreamWindowAggregate.java, AbstractKStreamTimeWindowAggregateProcessor.java):
 * - windows are epoch-aligned, [start, start + size), one every `advance` ms (tumbling: advance = size);
 *   a record at t belongs to every window with start <= t < start + size and start >= 0 (windowsFor);
 * - stream time = the largest event time seen, the record's own included (it advances before the check);
 * - a record is added to a window while end > streamTime - grace, else dropped for that window and
 *   counted late (a record can be late for one hopping window and on time for the next);
 * - a window closes once end <= streamTime - grace: emit final gives it then, exactly once.
 */
import { addTo, aggFromJson, aggToJson, newAgg, putMetrics, type Agg } from './agg.js';
import { CellLog } from './cell-log.js';
import { Emitter } from './emitter.js';
import type { EngineInput, MetricSpec, StatsRow } from './types.js';

export interface TimeCell {
  /** CellLog's state (-g). */
  logged?: number;
  group: string;
  groupValue: unknown;
  start: number;
  agg: Agg;
}

export interface TimeWindowsSnapshot {
  kind: 'time';
  streamTime: number | null;
  late: number;
  windows: [number, [string, unknown, (number | null)[]][]][];
}

/** Window starts containing t (TimeWindows.windowsFor, including its clamp at 0). */
export function windowsFor(t: number, size: number, advance: number): number[] {
  const out: number[] = [];
  for (let start = Math.floor(Math.max(0, t - size + advance) / advance) * advance; start <= t; start += advance) out.push(start);
  return out;
}

export class TimeWindowEngine {
  streamTime = -Infinity;
  late = 0;
  /** Open windows by start, each by group; `starts` holds their starts in order. */
  private readonly windows = new Map<number, Map<string, TimeCell>>();
  private starts: number[] = [];
  readonly out: Emitter<TimeCell>;
  /** With -g: the cells changed since the last commit (the changelog). */
  log?: CellLog<TimeCell>;

  constructor(
    private readonly size: number,
    private readonly advance: number,
    private readonly grace: number,
    private readonly emitUpdates: boolean,
    private readonly fields: number,
    private readonly metrics: MetricSpec[],
    coalesce: boolean,
  ) {
    this.out = new Emitter<TimeCell>(coalesce, (c, final) => this.rowOf(c, final));
  }

  process(r: EngineInput): void {
    if (r.time > this.streamTime) this.streamTime = r.time;
    const close = this.streamTime - this.grace;
    const { size, advance } = this;
    for (let start = Math.floor(Math.max(0, r.time - size + advance) / advance) * advance; start <= r.time; start += advance) {
      if (start + size <= close) {
        this.late++;
        continue;
      }
      let byGroup = this.windows.get(start);
      if (!byGroup) {
        byGroup = new Map();
        this.windows.set(start, byGroup);
        this.insertStart(start);
      }
      let cell = byGroup.get(r.group);
      if (!cell) {
        cell = { group: r.group, groupValue: r.groupValue, start, agg: newAgg(this.fields), logged: 0 };
        byGroup.set(r.group, cell);
      }
      addTo(cell.agg, r.time, r.values);
      this.log?.touch(cell);
      if (this.emitUpdates) this.out.update(cell);
    }
    this.closeUpTo(close);
  }

  /** End of input (-e): every window closes. */
  end(): void {
    this.closeUpTo(Infinity);
  }

  /** Closes (emits final and forgets) every window with end <= close, oldest first. */
  private closeUpTo(close: number): void {
    const { starts, size } = this;
    let i = 0;
    while (i < starts.length && starts[i] + size <= close) {
      const byGroup = this.windows.get(starts[i])!;
      for (const cell of byGroup.values()) {
        this.out.final(cell);
        // No tombstone: restoreCells leaves closed windows out, and the changelog's retention deletes them (see track()).
        this.log?.forget(cell);
      }
      this.windows.delete(starts[i]);
      i++;
    }
    if (i) this.starts = starts.slice(i);
  }

  private insertStart(start: number): void {
    const s = this.starts;
    if (s.length === 0 || s[s.length - 1] < start) s.push(start);
    else {
      let i = s.length;
      while (i > 0 && s[i - 1] > start) i--;
      s.splice(i, 0, start);
    }
  }

  /** Open windows, for the live table. */
  *cells(): Iterable<TimeCell> {
    for (const start of this.starts) yield* this.windows.get(start)!.values();
  }

  rowOf(c: TimeCell, final: boolean): StatsRow {
    const row = { key: c.groupValue, windowStart: c.start, windowEnd: c.start + this.size } as StatsRow;
    putMetrics(row, this.metrics, c.agg, this.size / 1000);
    row.timestamp = c.agg[1];
    row.final = final;
    return row;
  }

  snapshot(): TimeWindowsSnapshot {
    return {
      kind: 'time',
      streamTime: Number.isFinite(this.streamTime) ? this.streamTime : null,
      late: this.late,
      windows: this.starts.map((s) => [s, [...this.windows.get(s)!.values()].map((c) => [c.group, c.groupValue, aggToJson(c.agg)])]),
    };
  }

  /**
   * The changelog of time windows is written as Kafka Streams writes a window store's: a record per
   * changed window and group, no tombstone when a window closes (a third fewer records than with
   * them), the topic's retention (windowRetentionMs) deleting closed windows' records, and restoring
   * leaving out the windows the restored stream time has closed.
   */
  track(): void {
    this.log = new CellLog<TimeCell>(
      (c) => `${c.start}|${c.group}`,
      (c) => [c.start, c.group, c.groupValue, aggToJson(c.agg)],
    );
  }

  /** State from the changelog: its header and the cells (as the log's json) in any order. */
  restoreCells(streamTime: number | null, late: number, cells: unknown[]): void {
    const byStart = new Map<number, [string, unknown, (number | null)[]][]>();
    for (const c of cells as [number, string, unknown, (number | null)[]][]) {
      const list = byStart.get(c[0]) ?? [];
      list.push([c[1], c[2], c[3]]);
      byStart.set(c[0], list);
    }
    // Closed already (closeUpTo ran after the last record): their final rows were committed; their records await retention.
    const close = (streamTime ?? -Infinity) - this.grace;
    const open = [...byStart].filter(([start]) => start + this.size > close).sort((a, b) => a[0] - b[0]);
    this.restore({ kind: 'time', streamTime, late, windows: open });
    this.log?.clear();
    for (const c of this.cells()) this.log?.restored(c);
  }

  restore(s: TimeWindowsSnapshot): void {
    this.streamTime = s.streamTime ?? -Infinity;
    this.late = s.late;
    this.windows.clear();
    this.starts = s.windows.map(([start]) => start);
    for (const [start, cells] of s.windows)
      this.windows.set(
        start,
        new Map(cells.map(([group, groupValue, agg]) => [group, { group, groupValue, start, agg: aggFromJson(agg) }])),
      );
  }
}

/**
 * retention.ms of a time-window changelog: as Kafka Streams (window size + grace + its
 * windowstore.changelog.additional.retention.ms, 1 day). A window still open must have been written
 * within that (it closes once stream time passes end + grace), unless the partition's input stops
 * for longer: then, as with Streams, its records may be gone.
 */
export const windowRetentionMs = (size: number, grace: number): number => size + grace + 86_400_000;
