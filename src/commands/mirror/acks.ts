import { tpKey } from '../../kafka/types.js';

/**
 * Which source offsets may be committed. Produce requests complete in any order; a source offset
 * becomes committable only when every request carrying records at or below it was acknowledged,
 * so requests are released strictly in the order they were sent.
 */
export interface Position {
  topic: string;
  partition: number;
  /** The next source offset to read. */
  offset: bigint;
}

export interface SentBatch {
  upTo: Map<string, Position>;
  records: number;
  bytes: number;
  perTopic: Map<string, number>;
  done: boolean;
}

export class AckTracker {
  private readonly queue: SentBatch[] = [];
  /** Acknowledged positions, per partition key. */
  readonly acked = new Map<string, Position>();
  private readonly dirty = new Set<string>();
  records = 0;
  bytes = 0;
  readonly perTopic = new Map<string, number>();

  sent(batch: Omit<SentBatch, 'done'>): SentBatch {
    const entry = { ...batch, done: false };
    this.queue.push(entry);
    return entry;
  }

  acknowledged(entry: SentBatch): void {
    entry.done = true;
    while (this.queue.length && this.queue[0].done) {
      const head = this.queue.shift()!;
      for (const [key, p] of head.upTo) {
        const prev = this.acked.get(key);
        if (!prev || prev.offset < p.offset) {
          this.acked.set(key, p);
          this.dirty.add(key);
        }
      }
      this.records += head.records;
      this.bytes += head.bytes;
      for (const [t, n] of head.perTopic) this.perTopic.set(t, (this.perTopic.get(t) ?? 0) + n);
    }
  }

  /** Marks a partition position as reached without records (the end of a caught-up partition). */
  reached(p: Position): void {
    const key = tpKey(p.topic, p.partition);
    const prev = this.acked.get(key);
    if (!prev || prev.offset < p.offset) {
      this.acked.set(key, p);
      this.dirty.add(key);
    }
  }

  /** Batches sent and not yet released (the failed one and everything after it, after an error). */
  get pending(): number {
    return this.queue.length;
  }

  /** Forgets unacknowledged batches (after a failure: they will be read and sent again). */
  dropPending(): void {
    this.queue.length = 0;
  }

  /** Positions acknowledged since the last call, limited to `keep` (the partitions still owned). */
  takeDirty(keep?: (key: string) => boolean): Position[] {
    const out: Position[] = [];
    for (const key of this.dirty) if (!keep || keep(key)) out.push(this.acked.get(key)!);
    return out;
  }

  committed(positions: Position[]): void {
    for (const p of positions) {
      const key = tpKey(p.topic, p.partition);
      if (this.acked.get(key)?.offset === p.offset) this.dirty.delete(key);
    }
  }

  /** Forgets what is not in `keep` (partitions revoked by a rebalance). */
  retain(keep: (key: string) => boolean): void {
    for (const key of [...this.acked.keys()]) {
      if (!keep(key)) {
        this.acked.delete(key);
        this.dirty.delete(key);
      }
    }
  }
}
