import type { Writable } from 'node:stream';

/**
 * Batches output chunks into large writes and honours back-pressure; knows how many records are
 * fully flushed, so a group commits only what reached stdout. A closed pipe (EPIPE) ends it quietly.
 */
export class OutputWriter {
  private chunks: (Buffer | string)[] = [];
  private size = 0;
  private closed = false;
  constructor(private readonly stream: Writable, private readonly limit = 256 * 1024) {
    stream.on('error', () => {
      this.closed = true;
    });
  }

  get isClosed(): boolean {
    return this.closed || this.stream.destroyed || this.stream.writableEnded;
  }

  /** The array formatters append to; call `added()` after each record. */
  get buffer(): (Buffer | string)[] {
    return this.chunks;
  }

  added(bytesHint = 0): boolean {
    this.size += bytesHint || 64;
    return this.size >= this.limit;
  }

  /** Writes everything buffered; resolves once the stream accepted it (or is gone). */
  async flush(): Promise<boolean> {
    if (this.chunks.length === 0) return !this.isClosed;
    if (this.isClosed) return false;
    const data = Buffer.concat(this.chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
    this.chunks = [];
    this.size = 0;
    return new Promise((resolve) => {
      const ok = this.stream.write(data, (error) => {
        if (error) {
          this.closed = true;
          resolve(false);
        } else if (ok) resolve(true);
      });
      if (!ok) this.stream.once('drain', () => resolve(!this.isClosed));
    });
  }
}
