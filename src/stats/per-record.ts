/**
 * Per-record metrics (a row per input record, SQL's OVER rather than GROUP BY), per group:
 * - running (no window): count, sum, avg, min, max of every record of the group so far;
 * - --last D: over the group's records with time in [t - D, t], both inclusive (Flink's
 *   RANGE BETWEEN D PRECEDING AND CURRENT ROW; pandas rolling(D, closed='both')). A record older
 *   than streamTime - grace is dropped and counted late, so what it needs is always still kept;
 * - --last N: over the group's last N records in arrival order (Flink's ROWS N-1 PRECEDING);
 * - EMA (ema.ts) next to any of them.
 */
import { addTo, aggFromJson, aggToJson, newAgg, putMetrics, type Agg } from './agg.js';
import { CellLog } from './cell-log.js';
import { emaAdd, emaValue, newEma, type EmaState } from './ema.js';
import { Emitter } from './emitter.js';
import type { EngineInput, MetricSpec, StatsRow, StatsSpec } from './types.js';

interface Entry {
  time: number;
  values: number[];
}

export interface GroupState {
  /** CellLog's state (-g). */
  logged?: number;
  group: string;
  groupValue: unknown;
  /** running: everything; --last: the records inside the last window. */
  agg: Agg;
  /** First record's time (running rate). */
  first: number;
  /** --last: kept records, by time (D) or arrival (N), from `head`. */
  entries: Entry[];
  head: number;
  ema: EmaState | null;
  /** The last record's time, partition, offset: the row's. */
  time: number;
  partition?: number;
  offset?: number;
  /** The metrics at the last record (the window relative to it). */
  current: Agg;
}

export interface PerRecordSnapshot {
  kind: 'per-record';
  streamTime: number | null;
  late: number;
  groups: {
    group: string;
    groupValue: unknown;
    agg: (number | null)[];
    first: number;
    entries: [number, (number | null)[]][];
    ema: number[] | null;
    time: number;
    partition?: number;
    offset?: number;
    current: (number | null)[];
  }[];
}

export class PerRecordEngine {
  streamTime = -Infinity;
  late = 0;
  private readonly groups = new Map<string, GroupState>();
  readonly out: Emitter<GroupState>;
  /** With -g: the groups changed since the last commit (the changelog). */
  log?: CellLog<GroupState>;
  private readonly fields: number;
  private readonly metrics: MetricSpec[];

  constructor(
    private readonly spec: StatsSpec,
    private readonly emitUpdates: boolean,
    coalesce: boolean,
  ) {
    this.fields = spec.fields.length;
    this.metrics = spec.metrics;
    this.out = new Emitter<GroupState>(coalesce, (g, final) => this.rowOf(g, final));
  }

  process(r: EngineInput): void {
    if (r.time > this.streamTime) this.streamTime = r.time;
    const w = this.spec.window;
    if (w.kind === 'last-time' && r.time < this.streamTime - this.spec.grace) {
      this.late++;
      return;
    }
    let g = this.groups.get(r.group);
    if (!g) {
      g = {
        group: r.group,
        groupValue: r.groupValue,
        agg: newAgg(this.fields),
        first: r.time,
        entries: [],
        head: 0,
        ema: this.spec.ema ? newEma(this.fields) : null,
        time: r.time,
        current: newAgg(this.fields),
      };
      this.groups.set(r.group, g);
    }
    if (r.time < g.first) g.first = r.time;
    if (w.kind === 'none') {
      addTo(g.agg, r.time, r.values);
      g.current = g.agg;
    } else if (w.kind === 'last-count') this.lastCount(g, r, w.n);
    else if (w.kind === 'last-time') this.lastTime(g, r, w.span);
    if (g.ema) for (let i = 0; i < this.fields; i++) emaAdd(this.spec.ema!, g.ema, i, r.time, r.values[i]);
    g.time = r.time;
    g.partition = r.partition;
    g.offset = r.offset;
    this.log?.touch(g);
    if (this.emitUpdates) this.out.update(g);
  }

  private lastCount(g: GroupState, r: EngineInput, n: number): void {
    g.entries.push({ time: r.time, values: r.values });
    if (g.entries.length - g.head > n) g.head++;
    if (g.head > 1024 && g.head * 2 > g.entries.length) {
      g.entries = g.entries.slice(g.head);
      g.head = 0;
    }
    g.current = this.aggregate(g.entries, g.head, g.entries.length);
  }

  /** Keeps what a record not yet late may need ([streamTime - grace - D, ...]); aggregates [t - D, t]. */
  private lastTime(g: GroupState, r: EngineInput, span: number): void {
    const e = g.entries;
    let i = e.length;
    while (i > g.head && e[i - 1].time > r.time) i--;
    e.splice(i, 0, { time: r.time, values: r.values });
    const keepFrom = this.streamTime - this.spec.grace - span;
    while (g.head < e.length && e[g.head].time < keepFrom) g.head++;
    if (g.head > 1024 && g.head * 2 > e.length) {
      g.entries = e.slice(g.head);
      g.head = 0;
    }
    const list = g.entries;
    g.current = this.aggregate(list, firstAtLeast(list, g.head, r.time - span), firstAtLeast(list, g.head, r.time + 1));
  }

  private aggregate(entries: Entry[], from: number, to: number): Agg {
    const a = newAgg(this.fields);
    for (let k = from; k < to; k++) addTo(a, entries[k].time, entries[k].values);
    return a;
  }

  end(): void {
    for (const g of this.groups.values()) this.out.final(g);
  }

  cells(): Iterable<GroupState> {
    return this.groups.values();
  }

  rowOf(g: GroupState, final: boolean): StatsRow {
    const w = this.spec.window;
    const row = { key: g.groupValue, timestamp: g.time } as StatsRow;
    if (g.partition !== undefined) row.partition = g.partition;
    if (g.offset !== undefined) row.offset = g.offset;
    const a = g.current;
    const seconds = w.kind === 'last-time' ? w.span / 1000 : a[0] > 1 ? (w.kind === 'none' ? (a[1] - g.first) / 1000 : null) : null;
    putMetrics(row, this.metrics, a, seconds || null);
    if (g.ema) for (const m of this.metrics) if (m.kind === 'ema') row[m.name] = emaValue(this.spec.ema!, g.ema, m.field!);
    row.final = final;
    return row;
  }

  track(): void {
    this.log = new CellLog<GroupState>(
      (g) => g.group,
      (g) => groupJson(g),
    );
  }

  /** State from the changelog: its header and the groups (as the log's json) in any order. */
  restoreCells(streamTime: number | null, late: number, cells: unknown[]): void {
    this.restore({ kind: 'per-record', streamTime, late, groups: cells as PerRecordSnapshot['groups'] });
    this.log?.clear();
    for (const g of this.cells()) this.log?.restored(g);
  }

  snapshot(): PerRecordSnapshot {
    const groups = [...this.groups.values()].map(groupJson);
    return { kind: 'per-record', streamTime: Number.isFinite(this.streamTime) ? this.streamTime : null, late: this.late, groups };
  }

  restore(s: PerRecordSnapshot): void {
    this.streamTime = s.streamTime ?? -Infinity;
    this.late = s.late;
    this.groups.clear();
    for (const g of s.groups) {
      const agg = aggFromJson(g.agg);
      this.groups.set(g.group, {
        ...g,
        agg,
        entries: g.entries.map(([time, values]) => ({ time, values: values.map((v) => (v === null ? NaN : v)) })),
        head: 0,
        current: this.spec.window.kind === 'none' ? agg : aggFromJson(g.current),
      });
    }
  }
}

/** First index in [from, end) whose time >= t (times are integers: t + 1 finds the first after t). */
function firstAtLeast(entries: Entry[], from: number, t: number): number {
  let lo = from;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].time < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function groupJson(g: GroupState): PerRecordSnapshot['groups'][number] {
  return {
    group: g.group,
    groupValue: g.groupValue,
    agg: aggToJson(g.agg),
    first: g.first,
    entries: g.entries.slice(g.head).map((e): [number, (number | null)[]] => [e.time, e.values.map((v) => (v === v ? v : null))]),
    ema: g.ema ? [...g.ema] : null,
    time: g.time,
    ...(g.partition !== undefined ? { partition: g.partition } : {}),
    ...(g.offset !== undefined ? { offset: g.offset } : {}),
    current: aggToJson(g.current),
  };
}
