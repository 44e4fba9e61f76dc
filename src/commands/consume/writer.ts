import type { Writable } from 'node:stream';
import type { ByteSink } from './format.js';

/** Blocks kept for reuse once stdout is done with them: enough for a batch in flight and the next. */
const SPARE_BLOCKS = 16;

/**
 * Copies formatted output into 1 MB blocks and hands them to stdout at flush(), honouring
 * back-pressure. On stdout, blocks come back for reuse once written, so a long run allocates a
 * handful of blocks, not one per flush (fresh ones pile up as external memory until a full GC).
 * flush() resolves once the data was handed to stdout, so a group commits only what was written.
 * A closed pipe (EPIPE) ends it quietly.
 */
export class OutputWriter implements ByteSink {
  private block: Buffer;
  private used = 0;
  /** Filled blocks waiting for flush(): [block, bytes used]. */
  private full: [Buffer, number][] = [];
  private spare: Buffer[] = [];
  private closed = false;
  /**
   * Only a stream on a file descriptor (stdout itself) is done with a buffer when its write
   * callback runs; an in-process stream may hand the very buffer on (PassThrough does).
   */
  private readonly reusable: boolean;

  constructor(
    private readonly stream: Writable,
    private readonly blockSize = 1 << 20,
  ) {
    this.block = Buffer.allocUnsafe(blockSize);
    this.reusable = typeof (stream as { fd?: unknown }).fd === 'number';
    stream.on('error', () => {
      this.closed = true;
    });
  }

  get isClosed(): boolean {
    return this.closed || this.stream.destroyed || this.stream.writableEnded;
  }

  put(chunk: Buffer | string): void {
    // A string's UTF-8 length costs a pass over it: only asked when its worst case may not fit.
    const length =
      typeof chunk !== 'string' ? chunk.length : this.used + chunk.length * 3 <= this.block.length ? 0 : Buffer.byteLength(chunk);
    this.reserve(length);
    if (typeof chunk === 'string') this.used += this.block.write(chunk, this.used);
    else this.used += chunk.copy(this.block, this.used);
  }

  reserve(n: number): Buffer {
    if (this.used + n > this.block.length) {
      if (this.used > 0) this.full.push([this.block, this.used]);
      this.block = this.take(n);
      this.used = 0;
    }
    return this.block;
  }

  get position(): number {
    return this.used;
  }

  advance(to: number): void {
    this.used = to;
  }

  private take(atLeast: number): Buffer {
    if (atLeast <= this.blockSize && this.spare.length) return this.spare.pop()!;
    return Buffer.allocUnsafe(Math.max(this.blockSize, atLeast));
  }

  async flush(): Promise<boolean> {
    if (this.used > 0) this.full.push([this.block, this.used]);
    const blocks = this.full;
    this.full = [];
    if (this.used > 0) {
      // The written block must not be reused while the stream may still hold it.
      this.block = this.take(0);
      this.used = 0;
    }
    if (blocks.length === 0) return !this.isClosed;
    if (this.isClosed) return false;
    return new Promise((resolve) => {
      let settled = false;
      const done = (ok: boolean) => {
        if (!settled) resolve(ok);
        settled = true;
      };
      let ok = true;
      blocks.forEach(([block, used], i) => {
        const last = i === blocks.length - 1;
        ok = this.stream.write(
          block.subarray(0, used),
          last
            ? (error) => {
                // Written out (in order): every block of this flush can be reused.
                if (this.reusable)
                  for (const [b] of blocks) if (b.length === this.blockSize && this.spare.length < SPARE_BLOCKS) this.spare.push(b);
                done(!error && !this.isClosed);
              }
            : undefined,
        );
      });
      if (!ok) this.stream.once('drain', () => done(!this.isClosed));
    });
  }
}
