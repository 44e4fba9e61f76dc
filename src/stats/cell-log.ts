/**
 * What changed in an engine since the last drain, cell by cell: the changelog of a stats
 * application (-g). Kafka Streams writes a store's changed keys at each commit, not the whole store
 * (one record per changed window and key, a tombstone for one it dropped); so does this. A whole
 * snapshot per commit would be over the broker's 1 MB record limit with some 20k open windows in a
 * partition (bench/stats.sh has that many) and would rewrite every open window 10 times a second.
 *
 * Cells are the engines' own objects; `id` is stable for a cell's life and unique among the open
 * cells of one engine (a window's start and group, a session's start and group, a group).
 */
export type CellEntry = [id: string, value: unknown];

export class CellLog<C> {
  /** Touched since the last drain (written then, whatever happens to them before). */
  private readonly changed = new Set<C>();
  /** Ids in the changelog of cells gone since the last drain (a tombstone each). */
  private readonly gone = new Set<string>();
  /** Cells whose id is in the changelog (drained, or restored). */
  private readonly stored = new WeakSet<object>();

  constructor(
    private readonly id: (cell: C) => string,
    private readonly json: (cell: C) => unknown,
  ) {}

  touch(cell: C): void {
    this.changed.add(cell);
  }

  /** The cell closed or merged away; a cell never written needs no tombstone. */
  remove(cell: C): void {
    this.changed.delete(cell);
    if (this.stored.has(cell as object)) {
      this.stored.delete(cell as object);
      this.gone.add(this.id(cell));
    }
  }

  /** A cell read back from the changelog. */
  restored(cell: C): void {
    this.stored.add(cell as object);
  }

  /** Tombstones (value null) first, then the changed cells' values; both sets empty after. */
  drain(): CellEntry[] {
    const out: CellEntry[] = [];
    const put = new Map<string, unknown>();
    for (const c of this.changed) {
      put.set(this.id(c), this.json(c));
      this.stored.add(c as object);
    }
    for (const id of this.gone) if (!put.has(id)) out.push([id, null]);
    for (const e of put) out.push(e);
    this.changed.clear();
    this.gone.clear();
    return out;
  }

  clear(): void {
    this.changed.clear();
    this.gone.clear();
  }
}
