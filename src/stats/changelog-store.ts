/**
 * The stats engines of an application (-g) as a state store (src/app/state-store.ts): per input
 * partition, key `h` holds the engine's header (the flags it runs with, stream time, counts) and
 * key `c<id>` each open cell (a window of a group, a session, a group's running state), as JSON;
 * a cell that closed gets a tombstone. Restoring reads the header and the cells back into a fresh
 * engine for the partition, which then continues as if it had never stopped.
 */
import type { ChangelogRecord, StateStore } from '../app/state-store.js';
import { UsageError } from '../errors.js';
import type { CellEntry } from './cell-log.js';
import type { EngineHeader } from './engine.js';
import type { PartitionedEngine } from './partitioned.js';

function* encodeChanges(header: string, cells: CellEntry[]): Iterable<ChangelogRecord> {
  yield { key: 'h', value: Buffer.from(header) };
  for (let i = 0; i < cells.length; i++) {
    const [id, value] = cells[i];
    // The encoded cell is not kept here: a large commit's values are not all alive at once.
    cells[i] = undefined as unknown as CellEntry;
    yield { key: `c${id}`, value: value === null ? null : Buffer.from(JSON.stringify(value)) };
  }
}

export class StatsStore implements StateStore {
  constructor(
    private readonly engine: PartitionedEngine,
    private readonly app: string,
  ) {}

  /** Drained now; each cell's record is encoded as it is read (a commit sends them a slice at a time). */
  changes(partition: number): Iterable<ChangelogRecord> {
    const { header, cells } = this.engine.changes(partition);
    return encodeChanges(JSON.stringify(header), cells);
  }

  restore(partition: number, entries: Map<string, Buffer>): void {
    const h = entries.get('h');
    const cells: unknown[] = [];
    for (const [key, value] of entries) if (key.startsWith('c')) cells.push(JSON.parse(value.toString('utf8')));
    const header = h ? (JSON.parse(h.toString('utf8')) as EngineHeader) : null;
    if (header && header.spec !== JSON.stringify(this.engine.spec))
      throw new UsageError(
        `application ${this.app} kept its state with other stats flags (metrics, --by, window, --grace or --emit)`,
        `run it with the flags it was started with, use another -g, or start it over: ktool stats reset ${this.app} --execute`,
      );
    this.engine.restorePartition(partition, header, cells);
  }

  release(partition: number): void {
    this.engine.release(partition);
  }
}
