/**
 * Session windows with Kafka Streams' semantics (kstream/SessionWindows.java,
 * internals/KStreamSessionWindowAggregate.java): per group, a session is [first time, last time],
 * both inclusive. A record at t merges every session of its group with end >= t - gap and
 * start <= t + gap (an inactivity gap of exactly `gap` still merges; a record between two sessions
 * bridges them), and the merged sessions are replaced: with --emit update each gives a tombstone
 * row (Streams forwards null), then the merged session its new value.
 * Stream time = the largest event time seen; close = streamTime - grace - gap. A record whose
 * merged session would end before close is dropped and counted late. A session whose end < close
 * after a record (or end <= close before the next one: when Streams' store expires it) is closed:
 * emit final gives it then, once, and it is forgotten: no later record merges with it.
 */
import { addTo, aggFromJson, aggToJson, mergeInto, newAgg, putMetrics, type Agg } from './agg.js';
import { CellLog } from './cell-log.js';
import { Emitter } from './emitter.js';
import { MinHeap } from './heap.js';
import type { EngineInput, MetricSpec, StatsRow } from './types.js';

export interface Session {
  /** CellLog's state (-g). */
  logged?: number;
  group: string;
  groupValue: unknown;
  start: number;
  end: number;
  agg: Agg;
  alive: boolean;
}

export interface SessionsSnapshot {
  kind: 'session';
  streamTime: number | null;
  late: number;
  sessions: [string, unknown, number, number, (number | null)[]][];
}

export class SessionEngine {
  streamTime = -Infinity;
  late = 0;
  /** Per group, its open sessions ordered by start (they never overlap). */
  private readonly groups = new Map<string, Session[]>();
  private readonly byEnd = new MinHeap<Session>((s) => s.end);
  readonly out: Emitter<Session>;
  /** With -g: the sessions changed since the last commit (the changelog). */
  log?: CellLog<Session>;

  constructor(
    private readonly gap: number,
    private readonly grace: number,
    private readonly emitUpdates: boolean,
    private readonly fields: number,
    private readonly metrics: MetricSpec[],
    coalesce: boolean,
  ) {
    this.out = new Emitter<Session>(coalesce, (s, final) => this.rowOf(s, final));
  }

  process(r: EngineInput): void {
    // Streams' session store expires a session once end <= its stream time - (gap + grace), before the
    // look-up, with the stream time before this record: it is closed then (at the latest).
    this.closeBefore(this.streamTime - this.grace - this.gap + 1);
    if (r.time > this.streamTime) this.streamTime = r.time;
    const close = this.streamTime - this.grace - this.gap;
    const t = r.time;
    const list = this.groups.get(r.group) ?? [];
    let i = 0;
    while (i < list.length && list[i].end < t - this.gap) i++;
    let j = i;
    while (j < list.length && list[j].start <= t + this.gap) j++;
    const merged = list.slice(i, j);
    const start = Math.min(t, merged[0]?.start ?? t);
    const end = Math.max(t, merged.at(-1)?.end ?? t);
    if (end < close) {
      this.late++;
      this.closeBefore(close);
      return;
    }
    const agg = newAgg(this.fields);
    // Streams sends no tombstone when the merged session is the record's own point [t, t] (it replaces it in place).
    const replaced = start !== t || end !== t;
    for (const s of merged) {
      mergeInto(agg, s.agg);
      s.alive = false;
      this.log?.remove(s);
      this.out.forget(s);
      if (this.emitUpdates && replaced) this.out.push(this.tombstone(s));
    }
    addTo(agg, t, r.values);
    const session: Session = { group: r.group, groupValue: r.groupValue, start, end, agg, alive: true, logged: 0 };
    list.splice(i, j - i, session);
    this.groups.set(r.group, list);
    this.byEnd.push(session);
    this.log?.touch(session);
    if (this.emitUpdates) this.out.update(session);
    this.closeBefore(close);
  }

  end(): void {
    this.closeBefore(Infinity);
  }

  /** Emits final and forgets every session with end < close, by end. */
  private closeBefore(close: number): void {
    for (let s = this.byEnd.peek(); s && s.end < close; s = this.byEnd.peek()) {
      this.byEnd.pop();
      if (!s.alive) continue;
      s.alive = false;
      this.out.final(s);
      this.log?.remove(s);
      const list = this.groups.get(s.group)!;
      list.splice(list.indexOf(s), 1);
      if (list.length === 0) this.groups.delete(s.group);
    }
  }

  *cells(): Iterable<Session> {
    for (const list of this.groups.values()) yield* list;
  }

  private tombstone(s: Session): StatsRow {
    return { key: s.groupValue, windowStart: s.start, windowEnd: s.end, tombstone: true, final: false };
  }

  rowOf(s: Session, final: boolean): StatsRow {
    const row = { key: s.groupValue, windowStart: s.start, windowEnd: s.end } as StatsRow;
    putMetrics(row, this.metrics, s.agg, s.end > s.start ? (s.end - s.start) / 1000 : null);
    row.timestamp = s.agg[1];
    row.final = final;
    return row;
  }

  snapshot(): SessionsSnapshot {
    const sessions: SessionsSnapshot['sessions'] = [];
    for (const s of this.cells()) sessions.push([s.group, s.groupValue, s.start, s.end, aggToJson(s.agg)]);
    return { kind: 'session', streamTime: Number.isFinite(this.streamTime) ? this.streamTime : null, late: this.late, sessions };
  }

  track(): void {
    this.log = new CellLog<Session>(
      (s) => `${s.start}|${s.group}`,
      (s) => [s.group, s.groupValue, s.start, s.end, aggToJson(s.agg)],
    );
  }

  /** State from the changelog: its header and the sessions (as the log's json) in any order. */
  restoreCells(streamTime: number | null, late: number, cells: unknown[]): void {
    const sessions = (cells as SessionsSnapshot['sessions']).slice().sort((a, b) => a[2] - b[2]);
    this.restore({ kind: 'session', streamTime, late, sessions });
    this.log?.clear();
    for (const s of this.cells()) this.log?.restored(s);
  }

  restore(snap: SessionsSnapshot): void {
    this.streamTime = snap.streamTime ?? -Infinity;
    this.late = snap.late;
    this.groups.clear();
    for (const [group, groupValue, start, end, agg] of snap.sessions) {
      const s: Session = { group, groupValue, start, end, agg: aggFromJson(agg), alive: true };
      const list = this.groups.get(group) ?? [];
      list.push(s);
      this.groups.set(group, list);
      this.byEnd.push(s);
    }
  }
}
