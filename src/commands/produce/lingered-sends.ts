import type { Sender } from './sender.js';

/**
 * When the records read go out, for both batchers (plain lines, parsed records): when full (the
 * subclass calls flush()), once --linger-ms old and the sender has room, and at the end. Sends
 * queue behind each other in read order, so awaiting the last flush means everything read so far
 * was handed to the sender.
 */
export abstract class LingeredSends {
  private linger: NodeJS.Timeout | undefined;
  /** A lingered batch waits for room among the requests in flight. */
  private lingering = false;
  /** Batches flushed so far: which batch a linger was for. */
  private batchNo = 0;
  private ended = false;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    protected readonly sender: Sender,
    private readonly lingerMs: number,
  ) {}

  /** Records read and not yet handed to a send. */
  protected abstract pending(): number;

  /** Takes the pending records (there are some) and returns their send, run after the sends before it. */
  protected abstract take(): () => Promise<void>;

  /** Starts --linger-ms for the batch being filled, unless it runs already (or a lingered batch waits for room). */
  protected arm(): void {
    if (this.pending() === 0 || this.linger || this.lingering || this.ended) return;
    const batch = this.batchNo;
    if (this.lingerMs === 0) void this.sendLingered(batch);
    else
      this.linger = setTimeout(() => {
        this.linger = undefined;
        void this.sendLingered(batch);
      }, this.lingerMs);
  }

  /**
   * The batch has lingered: it goes out as soon as the sender has room for it, and takes what was
   * read until then (as Java's accumulator drains a batch only when a request can go to its broker):
   * sealed at once while 5 requests are in flight, it would be one more small batch waiting.
   */
  private async sendLingered(batch: number): Promise<void> {
    this.lingering = true;
    try {
      await this.flushing;
      await this.sender.room();
    } finally {
      this.lingering = false;
    }
    if (batch === this.batchNo) void this.flush();
    else this.arm();
  }

  /** Sends what was read, after the sends before it (each waits for room among the requests in flight). */
  flush(): Promise<void> {
    // --linger-ms counts from a batch's first records: the timer of a batch sent full is not the next one's.
    this.clearLinger();
    if (this.pending() === 0) return this.flushing;
    this.batchNo++;
    this.flushing = this.flushing.then(this.take());
    return this.flushing;
  }

  /** Reading ended: no more linger timers (flush() sends the rest). */
  stop(): void {
    this.ended = true;
    this.clearLinger();
  }

  private clearLinger(): void {
    if (this.linger) clearTimeout(this.linger);
    this.linger = undefined;
  }
}
