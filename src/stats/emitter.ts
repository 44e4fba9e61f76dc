/**
 * Where an engine's rows go. Without coalescing every update is a row (the stream Kafka Streams
 * forwards with its record cache off); with it, a changed cell gives one row when the rows are
 * taken (once per fetched batch: Streams' cache coalescing per commit). Final rows and tombstones
 * are never coalesced; a cell's final row replaces its pending update.
 */
import type { StatsRow } from './types.js';

/** A cell's final row, built when it is read: a window closing for 60k keys does not make 60k rows at once. */
class Final<C> {
  constructor(readonly cell: C) {}
}

export class Emitter<C> {
  private rows: (StatsRow | Final<C>)[] = [];
  private readonly dirty = new Set<C>();

  constructor(
    readonly coalesce: boolean,
    private readonly rowOf: (cell: C, final: boolean) => StatsRow,
  ) {}

  update(cell: C): void {
    if (!this.coalesce) this.rows.push(this.rowOf(cell, false));
    else {
      this.dirty.delete(cell);
      this.dirty.add(cell);
    }
  }

  final(cell: C): void {
    this.dirty.delete(cell);
    // A closed cell does not change: its row is the same built now or when taken.
    this.rows.push(new Final(cell));
  }

  /** A row that is not a cell's state (a session's tombstone). */
  push(row: StatsRow): void {
    this.rows.push(row);
  }

  /** The cell is gone: a pending update for it is dropped. */
  forget(cell: C): void {
    this.dirty.delete(cell);
  }

  take(): StatsRow[] {
    return [...this.drain()];
  }

  /** The rows since the last take (taken now), final rows built as they are read, once. */
  drain(): Iterable<StatsRow> {
    for (const c of this.dirty) this.rows.push(this.rowOf(c, false));
    this.dirty.clear();
    const out = this.rows;
    this.rows = [];
    return this.build(out);
  }

  private *build(rows: (StatsRow | Final<C>)[]): Iterable<StatsRow> {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      // Read rows are not kept alive by the array until its last one is.
      rows[i] = undefined as unknown as StatsRow;
      yield r instanceof Final ? this.rowOf(r.cell, true) : r;
    }
  }
}
