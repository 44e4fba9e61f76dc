import type { ConsumedRecord } from '../../kafka/consumer-types.js';
import { tpKey } from '../../kafka/types.js';
import { forEachRunEnd } from './group-end.js';

type Offset = { topic: string; partition: number; offset: bigint };

/** While reading, commits go at most this often (a rebalance re-delivers what was read since); at the end, at once. */
export const COMMIT_INTERVAL_MS = 200;

/**
 * A group reader's commits: an offset is committed only once its record reached stdout (the
 * writer flushed it), never sooner. Committing after every flush cost a round trip per batch and
 * kept records waiting long enough to fill the old generation of the heap (RSS 250+ MB).
 */
export class GroupCommits {
  /** Formatted into the writer's buffer, not known to be written yet. */
  private readonly pending = new Map<string, Offset>();
  /** Written to stdout, not committed yet. */
  private readonly written = new Map<string, Offset>();
  private last = 0;

  constructor(
    private readonly commit: (offsets: Offset[]) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * `records` went into the writer's buffer. `reached`: the fetch positions after them (past transaction
   * markers and aborted records), given when every record they follow was taken; committed in place of
   * the last record's next offset, as Java's consumer commits its position (no lag of one marker).
   */
  formatted(records: ConsumedRecord[], reached?: ReadonlyMap<string, Offset>): void {
    forEachRunEnd(records, (r) =>
      this.pending.set(tpKey(r.topic, r.partition), { topic: r.topic, partition: r.partition, offset: BigInt(r.offset + 1) }),
    );
    if (reached) for (const [k, position] of reached) this.pending.set(k, position);
  }

  /** The writer flushed everything formatted so far. */
  flushed(): void {
    for (const [k, v] of this.pending) this.written.set(k, v);
    this.pending.clear();
  }

  async commitIfDue(): Promise<void> {
    if (this.now() - this.last >= COMMIT_INTERVAL_MS) await this.commitWritten();
  }

  async commitWritten(): Promise<void> {
    if (this.written.size === 0) return;
    const offsets = [...this.written.values()];
    this.written.clear();
    this.last = this.now();
    await this.commit(offsets);
  }
}
