import type { Writable } from 'node:stream';
import type { Sink } from './format.js';

/**
 * Copies formatted output into large blocks and writes a block at a time, honouring back-pressure.
 * flush() resolves once the data was handed to stdout, so a group commits only what was written.
 * A closed pipe (EPIPE) ends it quietly.
 */
export class OutputWriter implements Sink {
  private block: Buffer;
  private used = 0;
  private closed = false;

  constructor(private readonly stream: Writable, private readonly blockSize = 1 << 20) {
    this.block = Buffer.allocUnsafe(blockSize);
    stream.on('error', () => {
      this.closed = true;
    });
  }

  get isClosed(): boolean {
    return this.closed || this.stream.destroyed || this.stream.writableEnded;
  }

  put(chunk: Buffer | string): void {
    const length = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (this.used + length > this.block.length) this.grow(length);
    if (typeof chunk === 'string') this.used += this.block.write(chunk, this.used);
    else this.used += chunk.copy(this.block, this.used);
  }

  private grow(needed: number): void {
    // Keep what is buffered; grow geometrically so a large batch costs amortised O(n) copies.
    const next = Buffer.allocUnsafe(Math.max(this.blockSize, 2 * (this.used + needed)));
    this.block.copy(next, 0, 0, this.used);
    this.block = next;
  }

  async flush(): Promise<boolean> {
    if (this.used === 0) return !this.isClosed;
    if (this.isClosed) return false;
    const data = this.block.subarray(0, this.used);
    // The written block must not be reused while the stream may still hold it.
    this.block = Buffer.allocUnsafe(this.blockSize);
    this.used = 0;
    return new Promise((resolve) => {
      let settled = false;
      const done = (ok: boolean) => {
        if (!settled) resolve(ok);
        settled = true;
      };
      const ok = this.stream.write(data, (error) => done(!error && !this.isClosed));
      if (!ok) this.stream.once('drain', () => done(!this.isClosed));
    });
  }
}
