/**
 * The stats engine: pure and incremental. Records go in (EngineInput, see extract.ts), rows come out
 * (take() after each batch, end() at the end of input). One engine is one Kafka Streams task: one
 * stream time over the records it is given. Its whole state is plain JSON (snapshot / restore), so a
 * changelog can keep it per input partition and a restored engine continues exactly as one never stopped.
 */
import type { CellEntry } from './cell-log.js';
import { PerRecordEngine, type PerRecordSnapshot } from './per-record.js';
import { SessionEngine, type SessionsSnapshot } from './sessions.js';
import { TimeWindowEngine, type TimeWindowsSnapshot } from './time-windows.js';
import type { EngineCounts, EngineInput, StatsRow, StatsSpec } from './types.js';

export interface EngineSnapshot {
  /** The spec the state was computed with: restoring it under another spec is refused. */
  spec: string;
  records: number;
  badTime: number;
  notNumber: number[];
  state: TimeWindowsSnapshot | SessionsSnapshot | PerRecordSnapshot;
}

export interface EngineOptions {
  /** Coalesce updates per take() (one row per changed cell), as Streams' record cache; default false: every update. */
  coalesce?: boolean;
}

type Inner = TimeWindowEngine | SessionEngine | PerRecordEngine;

/** A snapshot without its cells: the changelog's record per partition beside the cells' (see cell-log.ts). */
export interface EngineHeader extends Omit<EngineSnapshot, 'state'> {
  kind: EngineSnapshot['state']['kind'];
  streamTime: number | null;
  late: number;
}

export class StatsEngine {
  private records = 0;
  private badTime = 0;
  private readonly notNumber: number[];
  private readonly inner: Inner;

  constructor(
    readonly spec: StatsSpec,
    options: EngineOptions = {},
  ) {
    const coalesce = Boolean(options.coalesce);
    const updates = spec.emit === 'update';
    const w = spec.window;
    const n = spec.fields.length;
    this.notNumber = new Array<number>(n).fill(0);
    if (w.kind === 'time') this.inner = new TimeWindowEngine(w.size, w.advance, spec.grace, updates, n, spec.metrics, coalesce);
    else if (w.kind === 'session') this.inner = new SessionEngine(w.gap, spec.grace, updates, n, spec.metrics, coalesce);
    else this.inner = new PerRecordEngine(spec, updates, coalesce);
  }

  /** One record. A time that is not a non-negative integer is counted (badTime) and the record skipped. */
  process(r: EngineInput): void {
    this.records++;
    const v = r.values;
    for (let i = 0; i < v.length; i++) if (v[i] !== v[i]) this.notNumber[i]++;
    if (!(r.time >= 0) || !Number.isSafeInteger(r.time)) {
      this.badTime++;
      return;
    }
    this.inner.process(r);
  }

  /** The rows since the last take(). */
  take(): StatsRow[] {
    return this.inner.out.take();
  }

  /** As take(), the rows built as they are read (once, before the engine processes more). */
  drain(): Iterable<StatsRow> {
    return this.inner.out.drain();
  }

  /** End of input: every window closes and is emitted final; returns the remaining rows. */
  end(): StatsRow[] {
    this.inner.end();
    return this.take();
  }

  /** The current value of every open window or group (the live table). */
  open(): StatsRow[] {
    const inner = this.inner;
    const rows: StatsRow[] = [];
    if (inner instanceof TimeWindowEngine) for (const c of inner.cells()) rows.push(inner.rowOf(c, false));
    else if (inner instanceof SessionEngine) for (const c of inner.cells()) rows.push(inner.rowOf(c, false));
    else for (const c of inner.cells()) rows.push(inner.rowOf(c, false));
    return rows;
  }

  counts(): EngineCounts {
    return {
      records: this.records,
      late: this.inner.late,
      badTime: this.badTime,
      notNumber: [...this.notNumber],
      streamTime: this.inner.streamTime,
    };
  }

  snapshot(): EngineSnapshot {
    return {
      spec: JSON.stringify(this.spec),
      records: this.records,
      badTime: this.badTime,
      notNumber: [...this.notNumber],
      state: this.inner.snapshot(),
    };
  }

  /** From now on, changes() gives the cells changed since its last call (a stats application's changelog). */
  trackChanges(): void {
    this.inner.track();
  }

  /** The header and the cells changed since the last call (value null: the cell is gone). After trackChanges(). */
  changes(): { header: EngineHeader; cells: CellEntry[] } {
    const { spec, records, badTime, notNumber, state } = this.snapshotHeader();
    return { header: { spec, records, badTime, notNumber, ...state }, cells: this.inner.log?.drain() ?? [] };
  }

  /** Continues from a changelog: the header and the latest value of each cell, in any order. */
  restoreChanges(h: EngineHeader, cells: unknown[]): void {
    if (h.spec !== JSON.stringify(this.spec)) throw new Error('the changelog was written with other stats flags');
    if (h.kind !== this.snapshotHeader().state.kind) throw new Error(`the changelog holds ${h.kind} state`);
    this.records = h.records;
    this.badTime = h.badTime;
    this.notNumber.splice(0, this.notNumber.length, ...h.notNumber);
    this.inner.restoreCells(h.streamTime, h.late, cells);
  }

  private snapshotHeader(): Omit<EngineSnapshot, 'state'> & { state: Pick<EngineHeader, 'kind' | 'streamTime' | 'late'> } {
    const inner = this.inner;
    const kind = inner instanceof TimeWindowEngine ? 'time' : inner instanceof SessionEngine ? 'session' : 'per-record';
    return {
      spec: JSON.stringify(this.spec),
      records: this.records,
      badTime: this.badTime,
      notNumber: [...this.notNumber],
      state: { kind, streamTime: Number.isFinite(inner.streamTime) ? inner.streamTime : null, late: inner.late },
    };
  }

  /** Continues from a snapshot (of an engine with the same spec); pending rows are not part of a snapshot. */
  restore(s: EngineSnapshot): void {
    if (s.spec !== JSON.stringify(this.spec)) throw new Error('the snapshot was taken with other stats flags');
    this.records = s.records;
    this.badTime = s.badTime;
    this.notNumber.splice(0, this.notNumber.length, ...s.notNumber);
    const { inner } = this;
    if (inner instanceof TimeWindowEngine && s.state.kind === 'time') inner.restore(s.state);
    else if (inner instanceof SessionEngine && s.state.kind === 'session') inner.restore(s.state);
    else if (inner instanceof PerRecordEngine && s.state.kind === 'per-record') inner.restore(s.state);
    else throw new Error(`the snapshot holds ${s.state.kind} state`);
  }
}
