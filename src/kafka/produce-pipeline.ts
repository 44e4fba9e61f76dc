/**
 * Produce requests pipelined as Kafka's Java producer does: several in flight on one connection
 * (max.in.flight.requests.per.connection, 5 by default), each batch's outcome read from its own
 * partition's answer, and the retries Java makes.
 *
 * With idempotence the broker keeps each partition in order by sequence number, and the pipeline
 * keeps each partition's sequence numbers (sequence(): the batch maker asks it). A batch that fails
 * with a retriable error (a partition without a leader included: the metadata is fetched again)
 * stops its partition: the later batches in flight come back (with OUT_OF_ORDER_SEQUENCE_NUMBER
 * behind the gap, or the same error), new ones wait, and once none is in flight the failed batches
 * are sent again one at a time in sequence order, then the waiting ones. DUPLICATE_SEQUENCE_NUMBER
 * means the broker already holds the batch: acknowledged.
 *
 * OUT_OF_ORDER_SEQUENCE_NUMBER is handled as Java's TransactionManager.canRetry: a batch that is not
 * the next one after the partition's last acknowledged batch is sent again (an earlier one is on
 * its way); the next one means a gap in the broker's log, and the partition's producer epoch is
 * bumped first. A batch that fails for good (delivery.timeout.ms, -X retries, an error not worth
 * retrying) fails alone: it leaves its partition "unresolved" (Java's markSequenceUnresolved), new
 * batches wait, and once nothing is in flight either a later batch was acknowledged (the broker
 * wrote the failed one after all) or the epoch is bumped: the partition's unacknowledged batches
 * are numbered from sequence 0 under the new epoch (Java's bumpIdempotentProducerEpoch, the epoch
 * per partition as the broker keeps it), so nothing behind a gap fails. In a transaction a failed
 * batch fails the batches held behind it instead (the transaction is aborted: Java's abortable
 * error), and OUT_OF_ORDER_SEQUENCE_NUMBER is retried only while an earlier batch is unacknowledged.
 *
 * A broker that holds no state for the producer on a partition takes any first sequence number:
 * until a partition's first batch (of the producer, or of a bumped epoch) is acknowledged, its
 * later batches wait, so that none is written before it (a first batch refused as too large, a
 * smaller second one in flight, would otherwise be written first and the first's pieces fail).
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
import * as L from './record-batch.js';
import { restampBatch } from './record-batch-encode.js';
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
const SEQUENCE_WRAP = 2147483648;
const MAX_EPOCH = 32767;

/** A batch's record count and producer epoch, from its header. */
const recordsIn = (bytes: Buffer) => (bytes.length >= L.RECORDS ? Math.max(1, bytes.readInt32BE(L.RECORD_COUNT)) : 1);
const epochOf = (bytes: Buffer) => (bytes.length >= L.RECORDS ? bytes.readInt16BE(L.PRODUCER_EPOCH) : -1);

interface Entry {
  batch: Batch;
  lane: Lane;
  /** Where its records start in the partition (the records submitted before it): the order of the sequence numbers. */
  order: number;
  /** Its record count: a split batch's pieces share [order, order + span) out. */
  span: number;
  /** After its partition's epoch was bumped: the epoch and sequence number written into it before it goes. */
  stamp?: { epoch: number; sequence: number };
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
  /** A piece's batch as submitted (pieces of pieces too): when a piece fails, the pieces after it fail with it. */
  root?: Entry;
  resolve(): void;
  reject(error: unknown): void;
}

/** One partition: its sequence numbers, and its batches not yet acknowledged. */
interface Lane {
  /** Where the next batch's records start (a count of records, never reset). */
  next: number;
  /** The sequence number of the next batch made for the partition. */
  sequence: number;
  /** The producer epoch of the partition's batches: the producer's (seen in its first batch) until a bump. */
  epoch?: number;
  producerEpoch?: number;
  /** Past the last acknowledged batch, as Java's lastAckedSequence + 1: the batch starting here is the next one. */
  acked: number;
  /** A batch of the partition's epoch was acknowledged: the broker holds the producer's state for it. */
  confirmed: boolean;
  /** A batch failed for good: past it, until a later batch is acknowledged or the epoch is bumped. */
  unresolved?: number;
  /** The next batch came back out of order: the broker's log has a gap, the epoch is bumped. */
  bump: boolean;
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
  /** The highest producer epoch a bump gave (-1: none). */
  private epoch = -1;

  constructor(private readonly deps: PipelineDeps<Leader>) {}

  /**
   * The batch size the topic takes, learnt from a batch it refused as too large (what its pieces
   * are cut to: half the smallest refused); undefined before any refusal. Builders that stay under
   * it make batches that go as they are, not refused and split one by one.
   */
  batchLimit(topic: string): number | undefined {
    const smallest = this.refused.get(topic);
    return smallest === undefined ? undefined : Math.floor(smallest / 2);
  }

  /**
   * The base sequence number (and, after a bump, the producer epoch) of the partition's next
   * batch of `count` records: call in the order the batches are submitted.
   */
  sequence(topic: string, partition: number, count: number): { sequence: number; epoch?: number } {
    const lane = this.lane(topic, partition);
    const sequence = lane.sequence;
    lane.sequence = (sequence + count) % SEQUENCE_WRAP;
    return { sequence, epoch: lane.epoch };
  }

  /**
   * Sends the batches (at most one per partition; call in sequence order): returns once each was
   * handed to its leader's connection, with a promise per batch settled by its acknowledgement.
   */
  async submit(batches: Batch[]): Promise<Promise<void>[]> {
    const entries: Entry[] = [];
    const promises = batches.map((batch) => {
      const lane = this.lane(batch.topic, batch.partition);
      return new Promise<void>((resolve, reject) => {
        const span = recordsIn(batch.bytes);
        const entry: Entry = { batch, lane, order: lane.next, span, attempts: 0, resolve, reject };
        lane.next += span;
        lane.producerEpoch ??= epochOf(batch.bytes);
        if (lane.epoch !== undefined && epochOf(batch.bytes) !== lane.epoch) {
          // Made before its partition's epoch was bumped: numbered after the batches renumbered then.
          entry.stamp = { epoch: lane.epoch, sequence: lane.sequence };
          lane.sequence = (lane.sequence + span) % SEQUENCE_WRAP;
        }
        if (this.mustWait(lane)) this.hold(entry);
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

  private lane(topic: string, partition: number): Lane {
    const key = `${topic}:${partition}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { next: 0, sequence: 0, acked: 0, confirmed: false, bump: false, inflight: new Set(), held: [], recovering: false, idle: [] };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  /**
   * A new batch waits while its partition recovers or is unresolved, and (with idempotence) while
   * the partition's first batch is in flight: the broker would take a later one as the first.
   */
  private mustWait(lane: Lane): boolean {
    if (lane.recovering || lane.unresolved !== undefined) return true;
    return this.deps.idempotent && !lane.confirmed && lane.inflight.size > 0;
  }

  /** Into its partition's held batches, in sequence order; the partition recovers. */
  private hold(e: Entry): void {
    const lane = e.lane;
    const at = lane.held.findIndex((h) => h.order > e.order);
    lane.held.splice(at === -1 ? lane.held.length : at, 0, e);
    this.startRecovery(lane);
  }

  private startRecovery(lane: Lane): void {
    if (lane.recovering) return;
    lane.recovering = true;
    void this.recover(lane);
  }

  /** One Produce request per leader; every entry gets settle() once, whatever happens. */
  private async transmit(entries: Entry[], force: boolean): Promise<void> {
    if (entries.length === 0) return;
    for (const e of entries) if (e.stamp) restampBatch(e.batch.bytes, e.stamp.epoch, e.stamp.sequence);
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
      lane.acked = Math.max(lane.acked, e.order + e.span);
      lane.confirmed = true;
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
      else this.hold(e);
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
    e.pieces = this.deps.split!(e.batch, this.batchLimit(topic)!);
    e.pieces.catch(() => undefined);
    if (!this.deps.idempotent) void this.sendPieces(e);
    else this.hold(e);
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
    let offset = 0;
    return batches.map((batch) => {
      const span = recordsIn(batch.bytes);
      const stamp = e.stamp && { epoch: e.stamp.epoch, sequence: (e.stamp.sequence + offset) % SEQUENCE_WRAP };
      const piece: Entry = {
        batch,
        lane: e.lane,
        order: e.order + offset,
        span,
        stamp,
        attempts: 0,
        deadline: e.deadline,
        piece: true as const,
        root: e.root ?? e,
        resolve: () => {
          written += this.deps.count?.(batch) ?? 0;
          settled();
        },
        reject: (error: unknown) => {
          failure ??= error;
          written += writtenBefore(error);
          settled();
        },
      };
      offset += span;
      return piece;
    });
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

  /**
   * As Java: a retriable error within retries and delivery.timeout.ms; with idempotence
   * OUT_OF_ORDER_SEQUENCE_NUMBER too (TransactionManager.canRetry): behind an earlier batch not yet
   * acknowledged it is sent again after it; as the next batch after the last acknowledged one it
   * follows a gap in the broker's log, and the partition's epoch is bumped first. In a transaction
   * only while an earlier batch is unacknowledged (else the transaction fails).
   */
  private mayRetry(e: Entry, error: unknown): boolean {
    e.deadline ??= Date.now() + this.deps.deliveryTimeoutMs;
    if (!this.stillTrying(e)) return false;
    if (this.deps.retriable(error)) return true;
    if (!this.deps.idempotent || !isOutOfOrder(error)) return false;
    const lane = e.lane;
    if (e.batch.transactionalId) {
      const earlier = (x: Entry) => x.order < e.order;
      return [...lane.inflight].some(earlier) || lane.held.some(earlier);
    }
    if (e.order === lane.acked && lane.unresolved === undefined) lane.bump = true;
    return true;
  }

  private stillTrying(e: Entry): boolean {
    return e.attempts < this.deps.retries && !this.deps.isClosed() && !this.deps.signal?.aborted && Date.now() < (e.deadline ?? Infinity);
  }

  /**
   * Gives up on the batch (a piece: with the pieces after it). With idempotence its partition is
   * unresolved until nothing is in flight (recover() then bumps the epoch unless a later batch was
   * acknowledged), and the later batches go on; in a transaction the held batches behind it fail
   * too (they follow a gap, and the transaction is aborted).
   */
  private fail(e: Entry, error: unknown): void {
    e.reject(error);
    if (!this.deps.idempotent) return;
    const lane = e.lane;
    if (e.batch.transactionalId) {
      const behind = lane.held.filter((h) => h.order > e.order);
      lane.held = lane.held.filter((h) => h.order < e.order);
      for (const h of behind) h.reject(error);
      return;
    }
    const root = e.root;
    if (root) {
      // The rest of a split batch fails with its piece: a send's batch is written up to a point, never with a hole.
      const behind = lane.held.filter((h) => h.root === root && h.order > e.order);
      lane.held = lane.held.filter((h) => !behind.includes(h));
      for (const h of behind) h.reject(error);
    }
    const range = root ?? e;
    lane.unresolved = Math.max(lane.unresolved ?? 0, range.order + range.span);
    this.startRecovery(lane);
  }

  /**
   * Nothing of the partition in flight, a batch failed for good or one came back out of order as
   * the next: unless a batch after the failed one was acknowledged (the broker wrote it after all),
   * the epoch is bumped (Java's bumpIdempotentProducerEpoch): the held batches are numbered from
   * sequence 0 under it, and the partition starts again as new (its first batch goes alone).
   */
  private resolve(lane: Lane): void {
    const gap = lane.bump || (lane.unresolved !== undefined && lane.acked < lane.unresolved);
    lane.unresolved = undefined;
    lane.bump = false;
    if (!gap) return;
    const epoch = Math.max(this.epoch, lane.epoch ?? lane.producerEpoch ?? 0) + 1;
    if (epoch > MAX_EPOCH) {
      const error = new Error('the producer epoch cannot be bumped again (32767): records after a failed batch cannot be sent');
      for (const h of lane.held.splice(0)) h.reject(error);
      return;
    }
    this.epoch = lane.epoch = epoch;
    let sequence = 0;
    for (const h of lane.held) {
      h.stamp = { epoch, sequence };
      sequence = (sequence + h.span) % SEQUENCE_WRAP;
    }
    lane.sequence = sequence;
    lane.acked = lane.held[0]?.order ?? lane.next;
    lane.confirmed = false;
  }

  private backoff(e: Entry): Promise<void> {
    return sleep(Math.min(this.deps.backoffMs * (e.attempts + 1), MAX_BACKOFF_MS), this.deps.signal ?? NEVER);
  }

  private idle(lane: Lane): Promise<void> {
    return new Promise<void>((wake) => lane.idle.push(wake));
  }

  private async resendAlone(e: Entry): Promise<void> {
    await this.backoff(e);
    if (!this.stillTrying(e)) return this.fail(e, e.error);
    e.attempts++;
    e.lane.inflight.add(e);
    await this.transmit([e], true);
  }

  /**
   * Once nothing of the partition is in flight: an unresolved partition resolved (resolve()), the
   * failed batches one at a time (each waits for its answer, after a backoff), then the held new
   * ones, all in sequence order (one at a time too until the partition's first is acknowledged).
   */
  private async recover(lane: Lane): Promise<void> {
    for (;;) {
      if (lane.unresolved !== undefined || lane.bump) {
        if (lane.inflight.size > 0) {
          await this.idle(lane);
          continue;
        }
        this.resolve(lane);
      }
      const e = lane.held[0];
      if (!e) break;
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
      if (e.error === undefined && !e.piece && lane.confirmed) {
        // Every batch before it was sent again: the new ones go out pipelined, in order.
        lane.held.shift();
        lane.inflight.add(e);
        await this.transmit([e], false);
        continue;
      }
      if (lane.inflight.size > 0) {
        await this.idle(lane);
        continue;
      }
      // A piece (or a partition's first batch) never sent goes at once; a failed batch after a backoff.
      const retry = e.error !== undefined;
      if (retry) {
        await this.backoff(e);
        if (lane.held[0] !== e || lane.unresolved !== undefined || lane.bump) continue;
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
