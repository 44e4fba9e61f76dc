import type { ConsumedRecord } from './consumer-types.js';

/** How long next() waits for records before it returns none, so the caller can check its idle timeout. */
const POLL_MS = 500;

/**
 * Records fetched but not yet taken by the reader's next(), shared by both readers: the fetching
 * side pushes one array per partition and response and wakes the taker; the taker waits at most
 * one poll (and not past Ctrl-C) for them; the fetching side may wait until they are taken
 * (back-pressure). A failure of the fetching side is kept for the taker to throw.
 */
export class RecordQueue {
  private readonly chunks: ConsumedRecord[][] = [];
  private wake: (() => void) | undefined;
  private taken: (() => void) | undefined;
  private error: Error | undefined;

  constructor(private readonly signal?: AbortSignal) {}

  /** Arrays of records waiting (one per partition and response). */
  get length(): number {
    return this.chunks.length;
  }

  get failure(): Error | undefined {
    return this.error;
  }

  push(records: ConsumedRecord[]): void {
    this.chunks.push(records);
  }

  /** Wakes a taker waiting in waitForRecords(): after a response, a failure or the end. */
  notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** The first failure wins; the taker is woken to throw it. */
  fail(error: Error): void {
    this.error ??= error;
    this.notify();
  }

  /** The oldest array (one partition's records from one response); lets the fetching side go on. */
  shift(): ConsumedRecord[] | undefined {
    const records = this.chunks.shift();
    if (records) this.release();
    return records;
  }

  /** Everything waiting, in one array. */
  takeAll(): ConsumedRecord[] {
    const records = this.chunks.length === 1 ? this.chunks[0] : this.chunks.flat();
    this.chunks.length = 0;
    this.release();
    return records;
  }

  /** Until notify(), one poll, or the signal, whichever comes first. */
  waitForRecords(): Promise<void> {
    return new Promise<void>((resolve) => {
      const signal = this.signal;
      const done = () => {
        this.wake = undefined;
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, POLL_MS);
      this.wake = done;
      signal?.addEventListener('abort', done, { once: true });
      if (signal?.aborted) done();
    });
  }

  /** The fetching side's back-pressure: until the taker took something, or release(). */
  waitUntilTaken(): Promise<void> {
    return new Promise<void>((resolve) => (this.taken = resolve));
  }

  /** Lets a fetching side waiting in waitUntilTaken() go on (something was taken, or closing). */
  release(): void {
    const taken = this.taken;
    this.taken = undefined;
    taken?.();
  }
}
