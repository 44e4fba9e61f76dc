/**
 * What changed in an engine since the last drain, cell by cell: the changelog of a stats
 * application (-g). Kafka Streams writes a store's changed keys at each commit, not the whole store
 * (one record per changed window and key, a tombstone for one it dropped); so does this. A whole
 * snapshot per commit would be over the broker's 1 MB record limit with some 20k open windows in a
 * partition (bench/stats.sh has that many) and would rewrite every open window 10 times a second.
 *
 * Cells are the engines' own objects; `id` is stable for a cell's life and unique among the open
 * cells of one engine (a window's start and group, a session's start and group, a group). A cell
 * carries its log state in `logged` (bits below: a flag and an array are several times cheaper than
 * a Set at a million touches).
 */
export type CellEntry = [id: string, value: unknown];

export interface Loggable {
  logged?: number;
}

const CHANGED = 1;
const STORED = 2;
const GONE = 4;

export class CellLog<C extends Loggable> {
  /** Touched since the last drain (written then, unless gone by then). */
  private changed: C[] = [];
  /** Ids in the changelog of cells gone since the last drain (a tombstone each). */
  private gone: string[] = [];

  constructor(
    private readonly id: (cell: C) => string,
    private readonly json: (cell: C) => unknown,
  ) {}

  touch(cell: C): void {
    const s = cell.logged ?? 0;
    if (s & CHANGED) return;
    cell.logged = s | CHANGED;
    this.changed.push(cell);
  }

  /** The cell closed or merged away; a cell never written needs no tombstone. */
  remove(cell: C): void {
    if ((cell.logged ?? 0) & STORED) this.gone.push(this.id(cell));
    cell.logged = GONE;
  }

  /** The cell is gone and needs no tombstone: restoring leaves it out anyway (a closed time window). */
  forget(cell: C): void {
    cell.logged = GONE;
  }

  /** A cell read back from the changelog. */
  restored(cell: C): void {
    cell.logged = STORED;
  }

  /** Tombstones (value null) first, then the changed cells' values; empty after. */
  drain(): CellEntry[] {
    const puts: CellEntry[] = [];
    for (const c of this.changed) {
      if ((c.logged ?? 0) & GONE) continue;
      c.logged = STORED;
      puts.push([this.id(c), this.json(c)]);
    }
    let out = puts;
    if (this.gone.length) {
      // A session merged away and the merged one can share an id (same start): the value wins.
      const put = new Set(puts.map((e) => e[0]));
      out = this.gone.filter((id) => !put.has(id)).map((id): CellEntry => [id, null]);
      for (const e of puts) out.push(e);
    }
    this.clear();
    return out;
  }

  clear(): void {
    this.changed = [];
    this.gone = [];
  }
}
