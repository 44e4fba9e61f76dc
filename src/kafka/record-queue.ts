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
  /** Some of its records were handed out. */
  started: boolean;
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

/**
 * Chunks waiting, past which a taker's wanted partition (see `wanted`) is no longer fetched for:
 * following a topic, a partition with nothing new must not make the others' responses pile up.
 */
const MAX_CHUNKS_FOR_WANTED = 8;

/** The partition of a chunk's records, as shift()'s `prefer` names it. */
function partitionOf(source: ConsumedRecord[] | BatchCursor): TopicPartition | undefined {
  return Array.isArray(source) ? source[0] : source.partition;
}

/**
 * Records fetched but not yet taken by the reader's next(), shared by both readers: the fetching
 * side pushes one array per partition and response and wakes the taker; the taker waits at most
 * one poll (and not past Ctrl-C) for them; the fetching side may wait until they are taken
 * (back-pressure). A failure of the fetching side is kept for the taker to throw.
 */
export class RecordQueue {
  private readonly chunks: Chunk[] = [];
  private wake: (() => void) | undefined;
  private taken: (() => void) | undefined;
  private error: Error | undefined;

  constructor(private readonly signal?: AbortSignal) {}

  /** Arrays of records or fetched bytes waiting (one per partition and response). */
  get length(): number {
    return this.chunks.length;
  }

  /** The partition the taker waits for (a partition reader's next(prefer)): none of it waiting is a reason to fetch. */
  wanted: TopicPartition | undefined;

  /** The taker has started on the last chunk waiting (or waits for a partition none is of): the time to fetch the next ones. */
  get onLast(): boolean {
    const n = this.chunks.length;
    if (n === 0 || (n === 1 && this.chunks[0].started)) return true;
    return this.wanted !== undefined && n < MAX_CHUNKS_FOR_WANTED && !this.has(this.wanted);
  }

  get failure(): Error | undefined {
    return this.error;
  }

  /** Records, or fetched bytes decoded as they are taken; `taken` is told as shift() hands them out. */
  push(records: ConsumedRecord[] | BatchCursor, taken?: Taken): void {
    this.chunks.push({ source: records, taken, started: false });
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
   * `prefer`: only that partition's records (undefined when none wait), so a taker merging partitions
   * by time (stats' StreamsOrder) need not decode and hold the others' while the one it lacks is fetched.
   */
  shift(prefer?: TopicPartition): ConsumedRecord[] | undefined {
    while (this.chunks.length) {
      const at = prefer ? this.indexOf(prefer) : 0;
      if (at < 0) return undefined;
      const head = this.chunks[at];
      let records: ConsumedRecord[];
      let done = true;
      if (Array.isArray(head.source)) records = head.source;
      else {
        records = [];
        head.source.take(records, SLICE);
        done = head.source.done;
      }
      head.started = !done;
      if (done) this.chunks.splice(at, 1);
      head.taken?.(done);
      this.release();
      if (records.length) return records;
    }
    return undefined;
  }

  /** Whether records (or bytes) of that partition wait. */
  has(tp: TopicPartition): boolean {
    return this.indexOf(tp) >= 0;
  }

  private indexOf(tp: TopicPartition): number {
    return this.chunks.findIndex((c) => {
      const of = partitionOf(c.source);
      return of !== undefined && of.partition === tp.partition && of.topic === tp.topic;
    });
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
