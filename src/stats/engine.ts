/**
 * The stats engine: pure and incremental. Records go in (EngineInput, see extract.ts), rows come out
 * (take() after each batch, end() at the end of input). One engine is one Kafka Streams task: one
 * stream time over the records it is given. Its whole state is plain JSON (snapshot / restore), so a
 * changelog can keep it per input partition and a restored engine continues exactly as one never stopped.
 */
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
