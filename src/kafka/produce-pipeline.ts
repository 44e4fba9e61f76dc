/**
 * Produce requests pipelined as Kafka's Java producer does: several in flight on one connection
 * (max.in.flight.requests.per.connection, 5 by default), each batch's outcome read from its own
 * partition's answer, and the retries Java makes.
 *
 * With idempotence the broker keeps each partition in order by sequence number. A batch that fails
 * with a retriable error stops its partition: the later batches in flight come back (with
 * OUT_OF_ORDER_SEQUENCE_NUMBER behind the gap, or the same error), new ones wait, and once none is
 * in flight the failed batches are sent again one at a time in sequence order, then the waiting
 * ones. OUT_OF_ORDER_SEQUENCE_NUMBER is retried only while an earlier batch of the partition is
 * still unacknowledged (Java's TransactionManager.canRetry): otherwise records were lost, a fatal
 * error. DUPLICATE_SEQUENCE_NUMBER means the broker already holds the batch: acknowledged.
 *
 * Without idempotence each failed batch is sent again on its own, as soon as its backoff ends:
 * with more than one request in flight a retry may land after a later batch (as in Java).
 *
 * A batch refused as too large (MESSAGE_TOO_LARGE, RECORD_LIST_TOO_LARGE) is split and its pieces
 * sent in its place, as Java's Sender.splitAndReenqueue: they share out its sequence numbers (the
 * broker wrote none of them), go before the partition's later batches (which come back out of
 * order behind the gap) one at a time (as Java sends batches that already have sequence numbers)
 * and are split again if still too large. The pieces are at most half the
 * smallest batch of the topic refused so far: a too-small limit is learnt, not halved down to
 * every time. A refused batch of one record fails (RecordTooLargeError). Without idempotence the
 * pieces go one at a time, so that they land in order.
 */
import type { Connection } from '@platformatic/kafka';
import { kafkaErrorId } from './errors.js';
import { RecordTooLargeError } from './record-too-large.js';
import { partitionError, type ProduceRequestParts } from './produce-request.js';
import { sendProduce } from './produce-socket.js';
import { sleep } from '../util/sleep.js';

export interface Batch {
  topic: string;
  partition: number;
  bytes: Buffer;
  /** Sent inside this transaction (kept for its retries). */
  transactionalId?: string;
}

/** `Leader`: whatever names a partition's leader to connection() (the producer's are the client library's brokers). */
export interface PipelineDeps<Leader = unknown> {
  /** The batches grouped by their partition's leader broker (fresh metadata when force). */
  leaders(batches: Batch[], force: boolean): Promise<Map<Leader, Batch[]>>;
  connection(leader: Leader): Promise<Connection>;
  request(batches: Batch[]): ProduceRequestParts;
  /** acks=0: the broker sends no response. */
  noResponse: boolean;
  idempotent: boolean;
  retries: number;
  backoffMs: number;
  deliveryTimeoutMs: number;
  signal?: AbortSignal;
  isClosed(): boolean;
  retriable(error: unknown): boolean;
  /** A batch failed and will be sent again, until the deadline. */
  onFailing?(error: unknown, deadline: number): void;
  /** A batch sent again was acknowledged. */
  onRecovered?(): void;
  /** A batch refused as too large, in batches of at most maxBytes (record-batch-split.ts); absent: it fails. */
  split?(batch: Batch, maxBytes: number): Promise<Batch[]>;
  /** How many records a batch holds (a refused batch of one cannot be split). */
  count?(batch: Batch): number;
}

const MAX_BACKOFF_MS = 1_000;
const NEVER = new AbortController().signal;

interface Entry {
  batch: Batch;
  lane: Lane;
  /** Position in its partition: the order of the sequence numbers; a split batch shares [order, order + span) out. */
  order: number;
  span: number;
  attempts: number;
  error?: unknown;
  deadline?: number;
  /** Refused as too large: its pieces, once split. */
  pieces?: Promise<Batch[]>;
  /**
   * A piece of a split batch: sent only once nothing of its partition is in flight, as Java sends
   * a batch that has its sequence numbers already. A partition the broker holds no state for yet
   * takes any first sequence number: pieces pipelined could land out of order.
   */
  piece?: true;
  resolve(): void;
  reject(error: unknown): void;
}

/** One partition's batches not yet acknowledged. */
interface Lane {
  next: number;
  /** Handed to a connection (or on the way to one), waiting for the answer. */
  inflight: Set<Entry>;
  /** Waiting to be sent (again), in sequence order, while the partition recovers. */
  held: Entry[];
  recovering: boolean;
  /** Woken when nothing of the partition is in flight. */
  idle: (() => void)[];
}

const isDuplicate = (error: unknown) => kafkaErrorId(error) === 'DUPLICATE_SEQUENCE_NUMBER';
const isOutOfOrder = (error: unknown) => kafkaErrorId(error) === 'OUT_OF_ORDER_SEQUENCE_NUMBER';
const TOO_LARGE = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

/** A failure that came after some of the batch's records were written (a piece of a split batch failed). */
export class PartlyWritten extends Error {
  constructor(
    readonly error: unknown,
    readonly written: number,
  ) {
    super((error as Error)?.message ?? String(error), { cause: error });
  }
}

/** Records of the batch written before the error: only pieces of a split batch can have some. */
export const writtenBefore = (error: unknown): number => (error instanceof PartlyWritten ? error.written : 0);

export class ProducePipeline<Leader = unknown> {
  private readonly lanes = new Map<string, Lane>();
  /** Per topic, the smallest batch refused as too large (bytes). */
  private readonly refused = new Map<string, number>();

  constructor(private readonly deps: PipelineDeps<Leader>) {}

  /**
   * Sends the batches (at most one per partition; call in sequence order): returns once each was
   * handed to its leader's connection, with a promise per batch settled by its acknowledgement.
   */
  async submit(batches: Batch[]): Promise<Promise<void>[]> {
    const entries: Entry[] = [];
    const promises = batches.map((batch) => {
      const lane = this.lane(batch);
      return new Promise<void>((resolve, reject) => {
        const entry: Entry = { batch, lane, order: lane.next++, span: 1, attempts: 0, resolve, reject };
        // A partition that recovers sends its new batches after the ones it sends again.
        if (lane.recovering) lane.held.push(entry);
        else {
          lane.inflight.add(entry);
          entries.push(entry);
        }
      });
    });
    // Rejections are the caller's; these keep one awaited after another failed from being "unhandled".
    for (const p of promises) p.catch(() => undefined);
    await this.transmit(entries, false);
    return promises;
  }

  private lane(batch: Batch): Lane {
    const key = `${batch.topic}:${batch.partition}`;
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { next: 0, inflight: new Set(), held: [], recovering: false, idle: [] }));
    return lane;
  }

  /** One Produce request per leader; every entry gets settle() once, whatever happens. */
  private async transmit(entries: Entry[], force: boolean): Promise<void> {
    if (entries.length === 0) return;
    const byBatch = new Map(entries.map((e) => [e.batch, e]));
    let byLeader: Map<Leader, Batch[]>;
    try {
      byLeader = await this.deps.leaders(
        entries.map((e) => e.batch),
        force,
      );
    } catch (error) {
      for (const e of entries) this.settle(e, error);
      return;
    }
    for (const [leader, list] of byLeader) {
      const group = list.map((b) => byBatch.get(b)!);
      try {
        const connection = await this.deps.connection(leader);
        sendProduce(connection, this.deps.request(list), this.deps.noResponse, (error, response) => {
          for (const e of group)
            this.settle(e, error ?? (response ? partitionError(response, e.batch.topic, e.batch.partition) : undefined));
        });
      } catch (error) {
        // This leader only: the requests already handed to others stand.
        for (const e of group) this.settle(e, error);
      }
    }
  }

  private settle(e: Entry, error: unknown): void {
    const lane = e.lane;
    lane.inflight.delete(e);
    if (error === undefined || (this.deps.idempotent && isDuplicate(error))) {
      if (e.error !== undefined) this.deps.onRecovered?.();
      e.resolve();
    } else if (this.deps.split && TOO_LARGE.has(kafkaErrorId(error) ?? '')) {
      this.split(e, error);
    } else if (!this.mayRetry(e, error)) {
      this.fail(e, error);
    } else {
      e.error = error;
      this.deps.onFailing?.(error, e.deadline!);
      if (!this.deps.idempotent) void this.resendAlone(e);
      else {
        const at = lane.held.findIndex((h) => h.order > e.order);
        lane.held.splice(at === -1 ? lane.held.length : at, 0, e);
        if (!lane.recovering) {
          lane.recovering = true;
          void this.recover(lane);
        }
      }
    }
    if (lane.inflight.size === 0) for (const wake of lane.idle.splice(0)) wake();
  }

  /**
   * A batch refused as too large: split (pieces of at most half the smallest refused batch of the
   * topic), the pieces sent in its place; a single record fails with an error naming it.
   */
  private split(e: Entry, error: unknown): void {
    const { topic, bytes } = e.batch;
    if ((this.deps.count?.(e.batch) ?? 0) < 2) return this.fail(e, new RecordTooLargeError(topic, e.batch.partition, bytes.length, error));
    const smallest = Math.min(this.refused.get(topic) ?? Infinity, bytes.length);
    this.refused.set(topic, smallest);
    e.error = error;
    e.deadline ??= Date.now() + this.deps.deliveryTimeoutMs;
    e.pieces = this.deps.split!(e.batch, Math.floor(smallest / 2));
    e.pieces.catch(() => undefined);
    if (!this.deps.idempotent) {
      void this.sendPieces(e);
      return;
    }
    const lane = e.lane;
    const at = lane.held.findIndex((h) => h.order > e.order);
    lane.held.splice(at === -1 ? lane.held.length : at, 0, e);
    if (!lane.recovering) {
      lane.recovering = true;
      void this.recover(lane);
    }
  }

  /** Entries for a split batch's pieces, in its place; it settles once they all have (failed: with what was written). */
  private pieceEntries(e: Entry, batches: Batch[]): Entry[] {
    let left = batches.length;
    let written = 0;
    let failure: unknown;
    const settled = () => {
      if (--left > 0) return;
      if (failure === undefined) e.resolve();
      else e.reject(written > 0 ? new PartlyWritten(failure instanceof PartlyWritten ? failure.error : failure, written) : failure);
    };
    const span = e.span / batches.length;
    return batches.map((batch, i) => ({
      batch,
      lane: e.lane,
      order: e.order + i * span,
      span,
      attempts: 0,
      deadline: e.deadline,
      piece: true as const,
      resolve: () => {
        written += this.deps.count?.(batch) ?? 0;
        settled();
      },
      reject: (error: unknown) => {
        failure ??= error;
        written += writtenBefore(error);
        settled();
      },
    }));
  }

  /** Without idempotence: the pieces one at a time, each once the previous one was answered (in order, however they fare). */
  private async sendPieces(e: Entry): Promise<void> {
    let batches: Batch[];
    try {
      batches = await e.pieces!;
    } catch {
      return this.fail(e, e.error);
    }
    for (const piece of this.pieceEntries(e, batches)) {
      const answered = new Promise<void>((done) => {
        const { resolve, reject } = piece;
        piece.resolve = () => (resolve(), done());
        piece.reject = (error) => (reject(error), done());
      });
      piece.lane.inflight.add(piece);
      await this.transmit([piece], false);
      await answered;
    }
  }

  /** As Java: a retriable error (or out of order behind a gap being filled), within retries and delivery.timeout.ms. */
  private mayRetry(e: Entry, error: unknown): boolean {
    e.deadline ??= Date.now() + this.deps.deliveryTimeoutMs;
    if (!this.stillTrying(e)) return false;
    if (this.deps.retriable(error)) return true;
    if (!this.deps.idempotent || !isOutOfOrder(error)) return false;
    const earlier = (x: Entry) => x.order < e.order;
    return [...e.lane.inflight].some(earlier) || e.lane.held.some(earlier);
  }

  private stillTrying(e: Entry): boolean {
    return e.attempts < this.deps.retries && !this.deps.isClosed() && !this.deps.signal?.aborted && Date.now() < (e.deadline ?? Infinity);
  }

  /** Gives up on the batch; with idempotence the held ones behind it too (they follow a gap). */
  private fail(e: Entry, error: unknown): void {
    e.reject(error);
    if (!this.deps.idempotent) return;
    const lane = e.lane;
    const behind = lane.held.filter((h) => h.order > e.order);
    lane.held = lane.held.filter((h) => h.order < e.order);
    for (const h of behind) h.reject(error);
  }

  private backoff(e: Entry): Promise<void> {
    return sleep(Math.min(this.deps.backoffMs * (e.attempts + 1), MAX_BACKOFF_MS), this.deps.signal ?? NEVER);
  }

  private async resendAlone(e: Entry): Promise<void> {
    await this.backoff(e);
    if (!this.stillTrying(e)) return this.fail(e, e.error);
    e.attempts++;
    e.lane.inflight.add(e);
    await this.transmit([e], true);
  }

  /**
   * Once nothing of the partition is in flight: the failed batches one at a time (each waits for
   * its answer, after a backoff), then the held new ones, all in sequence order.
   */
  private async recover(lane: Lane): Promise<void> {
    while (lane.held.length > 0) {
      const e = lane.held[0];
      if (e.pieces) {
        // A batch refused as too large: its pieces take its place.
        let batches: Batch[] | undefined;
        try {
          batches = await e.pieces;
        } catch {
          batches = undefined;
        }
        if (lane.held[0] !== e) continue;
        lane.held.shift();
        if (batches) lane.held.unshift(...this.pieceEntries(e, batches));
        else this.fail(e, e.error);
        continue;
      }
      if (e.error === undefined && !e.piece) {
        // Every batch before it was sent again: the new ones go out pipelined, in order.
        lane.held.shift();
        lane.inflight.add(e);
        await this.transmit([e], false);
        continue;
      }
      if (lane.inflight.size > 0) {
        await new Promise<void>((wake) => lane.idle.push(wake));
        continue;
      }
      // A piece never sent goes at once; a failed batch (or piece) after a backoff.
      const retry = e.error !== undefined;
      if (retry) {
        await this.backoff(e);
        if (lane.held[0] !== e) continue;
        if (!this.stillTrying(e)) {
          lane.held.shift();
          this.fail(e, e.error);
          continue;
        }
        e.attempts++;
      }
      lane.held.shift();
      lane.inflight.add(e);
      await this.transmit([e], retry);
    }
    lane.recovering = false;
  }
}
