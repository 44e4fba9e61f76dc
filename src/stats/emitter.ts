/**
 * Where an engine's rows go. Without coalescing every update is a row (the stream Kafka Streams
 * forwards with its record cache off); with it, a changed cell gives one row when the rows are
 * taken (once per fetched batch: Streams' cache coalescing per commit). Final rows and tombstones
 * are never coalesced; a cell's final row replaces its pending update.
 */
import type { StatsRow } from './types.js';

export class Emitter<C> {
  private rows: StatsRow[] = [];
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
    this.rows.push(this.rowOf(cell, true));
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
    for (const c of this.dirty) this.rows.push(this.rowOf(c, false));
    this.dirty.clear();
    const out = this.rows;
    this.rows = [];
    return out;
  }
}
