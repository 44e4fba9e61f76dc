/**
 * The consume-transform-produce loop of an application run with -g APP, exactly once, as Kafka
 * Streams' exactly_once_v2: the processes of APP share the input partitions through consumer group
 * APP; each commit is ONE transaction holding the output records, the state stores' changelog
 * snapshots and the input offsets (TxnOffsetCommit with the group's generation and member id, so
 * the group coordinator refuses a member a rebalance left behind: KIP-447). One transactional
 * producer per process (transactional.id APP-<random>); a killed process's open transaction is
 * aborted by the coordinator after transaction.timeout.ms, and the next owner of its partitions
 * waits for that (OffsetFetch with requireStable) before it reads the committed offsets.
 *
 * A session is one generation of the group: committed offsets (or the fallback) and the restored
 * state, then records in transactions every commitIntervalMs. A new generation or a fenced commit
 * aborts the open transaction and starts a new session: uncommitted work is redone from the
 * committed offsets and the committed state, so read_committed output holds each input record's
 * result once. So does a transaction the coordinator aborted because it stayed open past
 * transaction.timeout.ms (sends that waited out a partition leader's fail-over): the fenced
 * producer is replaced by a new one (renewProducer, as Kafka Streams does on ProducerFencedException)
 * and the work redone; three such transactions in a row without a commit between are an error.
 */
import { KtoolError } from '../errors.js';
import type { ConsumedRecord, Isolation, PartitionReader } from '../kafka/consumer-types.js';
import type { MirrorGroup } from '../kafka/mirror-types.js';
import type { ProduceRecord, ProducerApi, TxnOffset } from '../kafka/producer-types.js';
import type { AdminApi } from '../kafka/types.js';
import { sleep } from '../util/sleep.js';
import { restoreStores, type OpenReader } from './restore.js';
import { changelogPrefix, changelogTopic, type NamedStore } from './state-store.js';

export interface AppProcessor {
  /**
   * The output records of these input records (in offset order per partition). Throwing stops the run.
   * An iterable may build its records as they are taken: they are sent SEND_SLICE at a time.
   */
  process(records: ConsumedRecord[]): Iterable<ProduceRecord>;
}

export interface ExactlyOnceOptions {
  app: string;
  input: string;
  /** Where a partition without a committed offset starts. */
  fallback: 'earliest' | 'latest';
  isolation: Isolation;
  commitIntervalMs: number;
  /** Stop (after a last commit) once the assigned partitions reached the ends they had when assigned. */
  untilCaughtUp?: boolean;
  /** How long a partition's open transactional commit is waited for (a killed process's, until the coordinator aborts it). */
  stableWaitMs: number;
  stores: NamedStore[];
  processor: AppProcessor;
  producer: ProducerApi;
  /** A new transactional producer for one the broker fenced (its transaction aborted on timeout); without it that is an error. */
  renewProducer?: () => Promise<ProducerApi>;
  group: MirrorGroup;
  admin: AdminApi;
  openReader: OpenReader;
  signal: AbortSignal;
  now: () => number;
  /** Assignments and restores, for -v. */
  info?: (message: string) => void;
  /** A transaction the broker aborted, its work redone by a new producer (rare: worth a line on stderr). */
  warn?: (message: string) => void;
}

export interface LoopCounts {
  read: number;
  /** Output records in committed transactions. */
  written: number;
  transactions: number;
  /** Sessions ended by a new generation, a fenced commit or a transaction the broker aborted (their work redone). */
  redone: number;
}

/** Sends (a reader's slice of records each, about 1,000) not yet acknowledged before the next records are read. */
const MAX_SENDS_WAITING = 4;
/** The producer's open transaction was aborted by the coordinator (or its epoch taken): this producer can do nothing more. */
const PRODUCER_FENCED = new Set(['PRODUCER_FENCED', 'INVALID_PRODUCER_EPOCH']);
/** Transactions aborted by the broker in a row, without a commit between, before the run gives up. */
const MAX_RENEWALS = 3;

/**
 * Records per send at most. A closing window's final rows (one per key: 60k in bench/memory.sh's
 * stats -g) and a commit's changelog go a slice at a time, each slice built once the one before
 * it was handed to the producer (and at most MAX_SENDS_WAITING unacknowledged): a single send of
 * them all held every record and its encoded batch at once, stats -g --to at 2M records peaked at
 * 191-209 MB RSS.
 */
const SEND_SLICE = 1000;

/** The open transaction's work: what a commit writes. */
class Pending {
  sends: Promise<void>[] = [];
  /** sends[0, acked) are acknowledged (waited for in order by the back-pressure). */
  acked = 0;
  written = 0;
  read = 0;
  readonly next = new Map<number, bigint>();
  open = false;
}

export class ExactlyOnceLoop {
  readonly counts: LoopCounts = { read: 0, written: 0, transactions: 0, redone: 0 };
  /** The transactional producer in use (another one after a renewal): the caller closes it at the end. */
  producer: ProducerApi;

  constructor(private readonly o: ExactlyOnceOptions) {
    this.producer = o.producer;
  }

  /** Runs until Ctrl-C (what was processed is committed first) or a fatal error. */
  async run(): Promise<void> {
    let renewals = 0;
    let committedBefore = -1;
    while (!this.o.signal.aborted) {
      try {
        if ((await this.session()) === 'caught-up') return;
      } catch (error) {
        if (this.counts.transactions > committedBefore) renewals = 0;
        if (!this.o.renewProducer || !isProducerFenced(error) || ++renewals > MAX_RENEWALS || this.o.signal.aborted) throw error;
        committedBefore = this.counts.transactions;
        this.counts.redone++;
        this.o.warn?.(
          `the broker aborted the open transaction (${(error as KtoolError).kafkaCode}: open longer than transaction.timeout.ms): ` +
            'a new producer redoes its work',
        );
        await this.producer.close().catch(() => undefined);
        this.producer = await this.o.renewProducer();
      }
    }
  }

  /** One generation's work; 'caught-up' when --until-caught-up's ends were reached. */
  private async session(): Promise<'caught-up' | void> {
    const { group, input, signal } = this.o;
    const generation = group.generation();
    const partitions = group
      .assignment()
      .filter((tp) => tp.topic === input)
      .map((tp) => tp.partition);
    if (partitions.length === 0) {
      if (this.o.untilCaughtUp) return 'caught-up';
      // Nothing assigned (more processes than partitions): wait for a rebalance.
      while (!signal.aborted && group.generation() === generation) await sleep(100, signal).catch(() => undefined);
      return;
    }
    const starts = await this.startOffsets(partitions);
    const restored = await restoreStores(this.o.app, input, partitions, this.o.stores, this.o.admin, this.o.openReader);
    this.o.info?.(
      `generation ${generation}: ${input} partitions ${partitions.join(',')}` +
        (this.o.stores.length ? `, ${restored} state keys restored` : ''),
    );
    const ends = this.o.untilCaughtUp ? await this.endOffsets(partitions) : undefined;
    const reader = await this.o.openReader(
      partitions.map((partition) => ({ topic: input, partition, start: starts.get(partition)!, end: ends?.get(partition) })),
      this.o.isolation,
    );
    try {
      return await this.process(reader, generation);
    } finally {
      await reader.close();
      for (const { store } of this.o.stores) for (const p of partitions) store.release?.(p);
    }
  }

  /** Where each partition ends now (what the reader sees: the last stable offset under read_committed). */
  private async endOffsets(partitions: number[]): Promise<Map<number, bigint>> {
    const { admin, input, isolation } = this.o;
    const ends = await admin.listOffsets(
      partitions.map((partition) => ({ topic: input, partition })),
      'latest',
      isolation,
    );
    return new Map(ends.map((e) => [e.partition, e.offset]));
  }

  /** Records in transactions until the generation changes, a commit is fenced, Ctrl-C (after a last commit) or the ends. */
  private async process(reader: PartitionReader, generation: number): Promise<'caught-up' | void> {
    const { group, signal, now, commitIntervalMs } = this.o;
    const { producer } = this;
    let pending = new Pending();
    let due = now() + commitIntervalMs;
    try {
      for (;;) {
        if (group.generation() !== generation) return await this.redo(pending);
        if (signal.aborted) {
          await this.commit(pending, generation);
          return;
        }
        const records = await reader.next();
        if (records === null) break;
        if (records.length) {
          if (!pending.open) {
            await producer.beginTransaction();
            pending.open = true;
            due = now() + commitIntervalMs;
          }
          const out = this.o.processor.process(records);
          pending.read += records.length;
          for (const r of records) pending.next.set(r.partition, BigInt(r.offset) + 1n);
          pending.written += await this.sendSliced(pending, out);
        }
        if (pending.open && now() >= due) {
          if (!(await this.commit(pending, generation))) return;
          pending = new Pending();
        }
      }
      if ((await this.commit(pending, generation)) && this.o.untilCaughtUp) return 'caught-up';
    } catch (error) {
      if (pending.open) {
        await Promise.allSettled(pending.sends);
        await producer.abortTransaction().catch(() => undefined);
      }
      throw error;
    }
  }

  /**
   * Sends records SEND_SLICE at a time in the open transaction (in order), taking the next slice once at
   * most MAX_SENDS_WAITING sends are unacknowledged. Back-pressure: reading on while the producer's queue
   * grows kept every waiting record (and its input's fetch buffer) alive past young-generation
   * collections: pipe -g peaked at 240 MB RSS. Returns how many records.
   */
  private async sendSliced(p: Pending, records: Iterable<ProduceRecord>): Promise<number> {
    let count = 0;
    let slice: ProduceRecord[] = [];
    const flush = async (): Promise<void> => {
      const sent = this.producer.send(slice);
      // Awaited in order later (back-pressure, commit, redo): one that fails while an earlier one is
      // awaited must not count as unhandled meanwhile (node ends the process for that: CI, kill -9 of a leader).
      sent.catch(() => undefined);
      p.sends.push(sent);
      count += slice.length;
      slice = [];
      while (p.sends.length - p.acked > MAX_SENDS_WAITING) await p.sends[p.acked++];
    };
    for (const r of records) {
      slice.push(r);
      if (slice.length === SEND_SLICE) await flush();
    }
    if (slice.length) await flush();
    return count;
  }

  /** Ends the open transaction: every send acknowledged, the snapshots, the offsets, EndTxn. False when the group fenced it. */
  private async commit(p: Pending, generation: number): Promise<boolean> {
    if (!p.open) return true;
    const { group, app, input } = this.o;
    const { producer } = this;
    for (const { name, store } of this.o.stores) {
      const topic = changelogTopic(app, name);
      for (const partition of p.next.keys()) {
        const prefix = changelogPrefix(input, partition);
        const records = map(store.changes(partition), (c): ProduceRecord => ({
          topic,
          partition,
          key: Buffer.from(prefix + c.key),
          value: c.value,
        }));
        await this.sendSliced(p, records);
      }
    }
    await Promise.all(p.sends);
    const offsets: TxnOffset[] = [...p.next].map(([partition, offset]) => ({ topic: input, partition, offset, metadata: '' }));
    try {
      await producer.sendOffsetsToTransaction(
        { groupId: app, generationId: generation, memberId: group.memberId(), groupInstanceId: null },
        offsets,
      );
    } catch (error) {
      if (!isGroupFenced(error)) throw error;
      await this.redo(p);
      return false;
    }
    await producer.commitTransaction();
    p.open = false;
    this.counts.transactions++;
    this.counts.read += p.read;
    this.counts.written += p.written;
    return true;
  }

  /** The group moved on: the open transaction is aborted and its records are read again by whoever owns them now. */
  private async redo(p: Pending): Promise<void> {
    if (!p.open) return;
    await Promise.allSettled(p.sends);
    await this.producer.abortTransaction();
    p.open = false;
    this.counts.redone++;
  }

  /** Committed offsets, waiting out another member's transactional commit still open (KIP-447); the fallback for the rest. */
  private async startOffsets(partitions: number[]): Promise<Map<number, bigint>> {
    const { group, input, admin, fallback, signal, now } = this.o;
    const tps = partitions.map((partition) => ({ topic: input, partition }));
    const giveUp = now() + this.o.stableWaitMs;
    for (;;) {
      try {
        const committed = await group.committed(tps, { requireStable: true });
        const out = new Map<number, bigint>();
        for (const p of partitions) {
          const c = committed.get(`${input}\u0000${p}`);
          if (c) out.set(p, c.offset);
        }
        const rest = tps.filter((tp) => !out.has(tp.partition));
        if (rest.length) for (const o of await admin.listOffsets(rest, fallback)) out.set(o.partition, o.offset);
        return out;
      } catch (error) {
        if (!(error instanceof KtoolError && error.kafkaCode === 'UNSTABLE_OFFSET_COMMIT') || now() >= giveUp || signal.aborted)
          throw error;
        await sleep(200, signal).catch(() => undefined);
      }
    }
  }
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Iterable<U> {
  for (const item of items) yield f(item);
}

const FENCED = new Set(['ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID', 'FENCED_INSTANCE_ID', 'REBALANCE_IN_PROGRESS']);
function isProducerFenced(error: unknown): boolean {
  return error instanceof KtoolError && error.kafkaCode !== undefined && PRODUCER_FENCED.has(error.kafkaCode);
}

function isGroupFenced(error: unknown): boolean {
  return error instanceof KtoolError && error.kafkaCode !== undefined && FENCED.has(error.kafkaCode);
}
