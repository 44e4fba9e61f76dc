import type { ConsumedRecord } from './consumer-types.js';
import type { BatchCursor } from './record-batch-decode.js';

/** How long next() waits for records before it returns none, so the caller can check its idle timeout. */
const POLL_MS = 500;

/** Records handed out at a time from fetched bytes: far fewer objects alive than a young generation holds. */
const SLICE = 1000;

/**
 * Told each time shift() handed out records of a chunk (or passed it, empty): `done` once the chunk
 * is used up, every record of it handed out (a group reader's position after it is then reached).
 */
export type Taken = (done: boolean) => void;

interface Chunk {
  source: ConsumedRecord[] | BatchCursor;
  taken?: Taken;
}

/**
 * Records fetched but not yet taken by the reader's next(), shared by both readers: the fetching
 * side pushes one array per partition and response and wakes the taker; the taker waits at most
 * one poll (and not past Ctrl-C) for them; the fetching side may wait until they are taken
 * (back-pressure). A failure of the fetching side is kept for the taker to throw.
 */
export class RecordQueue {
  private readonly chunks: Chunk[] = [];
  private headStarted = false;
  private wake: (() => void) | undefined;
  private taken: (() => void) | undefined;
  private error: Error | undefined;

  constructor(private readonly signal?: AbortSignal) {}

  /** Arrays of records or fetched bytes waiting (one per partition and response). */
  get length(): number {
    return this.chunks.length;
  }

  /** The taker has started on the last chunk waiting: the time to fetch the next ones. */
  get onLast(): boolean {
    return this.chunks.length === 0 || (this.chunks.length === 1 && this.headStarted);
  }

  get failure(): Error | undefined {
    return this.error;
  }

  /** Records, or fetched bytes decoded as they are taken; `taken` is told as shift() hands them out. */
  push(records: ConsumedRecord[] | BatchCursor, taken?: Taken): void {
    this.chunks.push({ source: records, taken });
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

  /**
   * The oldest records (one partition's, from one response; a slice of them when they arrived as
   * bytes); lets the fetching side go on. Chunks that hold no record (only transaction markers or
   * aborted records) are passed on the way; undefined when nothing but those was waiting.
   */
  shift(): ConsumedRecord[] | undefined {
    while (this.chunks.length) {
      const head = this.chunks[0];
      let records: ConsumedRecord[];
      let done = true;
      if (Array.isArray(head.source)) records = head.source;
      else {
        records = [];
        head.source.take(records, SLICE);
        done = head.source.done;
      }
      this.headStarted = !done;
      if (done) this.chunks.shift();
      head.taken?.(done);
      this.release();
      if (records.length) return records;
    }
    return undefined;
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
