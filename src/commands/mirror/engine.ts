/**
 * The mirror loop: sessions of (assignment, reader, producer). A session ends on a rebalance, when
 * its partitions are caught up, on a stop, or on an error; a retriable error (either cluster gone)
 * restarts a session from the last acknowledged positions after a back-off. Source offsets are
 * committed only when the target acknowledged every record below them (AckTracker).
 */
import type { PartitionRange, PartitionReader } from '../../kafka/consumer-types.js';
import { fromTpKey, tpKey, type MirrorGroup } from '../../kafka/mirror-types.js';
import type { ProducerApi } from '../../kafka/producer-types.js';
import type { AdminApi, TopicPartition } from '../../kafka/types.js';
import { AckTracker } from './acks.js';
import { Batcher } from './batcher.js';
import { isFatal, sendFailure } from './failures.js';
import type { TopicPlan } from './topics.js';

export interface EngineDeps {
  group: MirrorGroup;
  sourceAdmin: AdminApi;
  openReader(ranges: PartitionRange[]): Promise<PartitionReader>;
  openProducer(): Promise<ProducerApi>;
  partitionFor(key: Buffer, count: number): number;
  stopped(): boolean;
  /** Each new generation's assignment (for --verbose). */
  onAssignment?(assignment: TopicPartition[], generation: number): void;
  /** A retriable failure, about to be retried after `delayMs`. */
  onRetry(error: unknown, delayMs: number): void;
  /** Why an offset committed with this metadata is no position of the topic's copy (see pair-stamp.ts). */
  foreignReason(topic: string, metadata: string | null): string | undefined;
  /** Where partitions start the first time this run reads them. */
  onStarts?(starts: StartDecision[]): void;
}

/** Where a partition started: committed offsets of this topic pair, or the --start policy. */
export interface StartDecision {
  topic: string;
  partition: number;
  offset: bigint;
  from: 'committed' | 'earliest' | 'latest';
  /** An offset committed in the group that is not this pair's position, and why. */
  ignored?: { offset: bigint; reason: string };
}

export interface EngineSettings {
  plans: TopicPlan[];
  /** --until-caught-up: the end offsets snapshot at start. */
  ends?: Map<string, bigint>;
  start: 'earliest' | 'latest';
  provenance: boolean;
  batchBytes: number;
  maxInFlight: number;
  compressed: boolean;
  commitIntervalMs: number;
  idleTimeoutMs?: number;
}

export type EngineOutcome = 'caught-up' | 'stopped' | 'idle';

export class MirrorEngine {
  readonly acks = new AckTracker();
  private readonly plans: Map<string, TopicPlan>;
  private lastRecordAt = Date.now();
  /** Positions read so far, for progress (remaining = end - read). */
  readonly readPositions = new Map<string, bigint>();
  retries = 0;
  private announced = -1;
  /** Set once a session got going: later failures are outages to wait out, not configuration errors. */
  private running = false;

  constructor(
    private readonly deps: EngineDeps,
    private readonly s: EngineSettings,
  ) {
    this.plans = new Map(s.plans.map((p) => [p.source, p]));
  }

  async run(): Promise<EngineOutcome> {
    let producer: ProducerApi | undefined;
    let backoff = 500;
    try {
      for (;;) {
        if (this.deps.stopped()) return 'stopped';
        try {
          producer ??= await this.deps.openProducer();
          const outcome = await this.session(producer);
          backoff = 500;
          if (outcome !== 'rebalance' && outcome !== 'waiting') return outcome;
          if (outcome === 'waiting') await sleep(300);
        } catch (error) {
          // At the very start a failure is a configuration problem: report it instead of retrying.
          if (!this.running || isFatal(error)) throw error;
          // Ctrl-C ends the producer's retries with a failure: a stop, not an outage to wait out.
          if (this.deps.stopped()) return 'stopped';
          this.retries++;
          this.deps.onRetry(error, backoff);
          await producer?.close().catch(() => undefined);
          producer = undefined;
          await sleep(backoff, this.deps.stopped);
          backoff = Math.min(backoff * 2, 5_000);
        }
      }
    } finally {
      await producer?.close().catch(() => undefined);
    }
  }

  /** Commits acknowledged positions of the partitions this member still owns. */
  async commit(owned?: Set<string>): Promise<void> {
    const positions = this.acks.takeDirty(owned ? (k) => owned.has(k) : undefined);
    if (positions.length === 0) return;
    await this.deps.group.commit(positions);
    this.acks.committed(positions);
  }

  private async startOffsets(assignment: TopicPartition[]): Promise<Map<string, bigint>> {
    const committed = await this.deps.group.committed(assignment);
    const out = new Map<string, bigint>();
    const unknown: TopicPartition[] = [];
    const ignored = new Map<string, { offset: bigint; reason: string }>();
    for (const tp of assignment) {
      const key = tpKey(tp.topic, tp.partition);
      const local = this.acks.acked.get(key)?.offset;
      const c = committed.get(key);
      const reason = c && this.deps.foreignReason(tp.topic, c.metadata);
      if (c && reason) ignored.set(key, { offset: c.offset, reason });
      const remote = c && !reason ? c.offset : undefined;
      const best = local !== undefined && (remote === undefined || local > remote) ? local : remote;
      if (best === undefined) unknown.push(tp);
      else out.set(key, best);
    }
    for (const o of await this.deps.sourceAdmin.listOffsets(unknown, this.s.start)) out.set(tpKey(o.topic, o.partition), o.offset);
    this.noteStarts(assignment, out, new Set(unknown.map((tp) => tpKey(tp.topic, tp.partition))), ignored);
    return out;
  }

  private readonly started = new Set<string>();
  /**
   * Reports each partition's first start in this run. A start from --start is committed at once
   * (with this pair's stamp): the group's position then belongs to this copy, foreign offsets gone.
   */
  private noteStarts(
    assignment: TopicPartition[],
    starts: Map<string, bigint>,
    fromPolicy: Set<string>,
    ignored: Map<string, { offset: bigint; reason: string }>,
  ): void {
    const fresh: StartDecision[] = [];
    for (const tp of assignment) {
      const key = tpKey(tp.topic, tp.partition);
      if (this.started.has(key)) continue;
      this.started.add(key);
      const offset = starts.get(key)!;
      const policy = fromPolicy.has(key);
      if (policy) this.acks.reached({ topic: tp.topic, partition: tp.partition, offset });
      fresh.push({
        topic: tp.topic,
        partition: tp.partition,
        offset,
        from: policy ? this.s.start : 'committed',
        ignored: ignored.get(key),
      });
    }
    if (fresh.length) this.deps.onStarts?.(fresh);
  }

  private async session(producer: ProducerApi): Promise<'rebalance' | 'waiting' | EngineOutcome> {
    const { group } = this.deps;
    const generation = group.generation();
    const assignment = group.assignment();
    const owned = new Set(assignment.map((tp) => tpKey(tp.topic, tp.partition)));
    if (generation !== this.announced) {
      this.announced = generation;
      this.deps.onAssignment?.(assignment, generation);
    }
    this.acks.retain((k) => owned.has(k));
    if (assignment.length === 0) return this.s.ends ? ((await this.groupCaughtUp()) ? 'caught-up' : 'waiting') : 'waiting';

    const starts = await this.startOffsets(assignment);
    const ranges: PartitionRange[] = assignment.map((tp) => {
      const key = tpKey(tp.topic, tp.partition);
      return { topic: tp.topic, partition: tp.partition, start: starts.get(key)!, end: this.s.ends?.get(key) };
    });
    for (const r of ranges) this.readPositions.set(tpKey(r.topic, r.partition), r.start);
    // Every owned partition already at its end (other members still copying): nothing to read.
    if (ranges.every((r) => r.end !== undefined && r.start >= r.end)) {
      this.running = true;
      await this.commit(owned);
      return (await this.groupCaughtUp()) ? 'caught-up' : 'waiting';
    }
    const reader = await this.deps.openReader(ranges);
    this.running = true;
    const { outcome, failure } = await this.copy(reader, producer, generation, owned);
    return this.settle(outcome, failure, owned, ranges);
  }

  /**
   * Reads and sends until the session ends (a stop, a rebalance, the reader at its end, idle) or
   * fails; waits for every send in flight and closes the reader either way.
   */
  private async copy(
    reader: PartitionReader,
    producer: ProducerApi,
    generation: number,
    owned: Set<string>,
  ): Promise<{ outcome?: 'rebalance' | 'waiting' | EngineOutcome; failure?: unknown }> {
    const inFlight = new Set<Promise<void>>();
    let failure: unknown;
    const batcher = new Batcher(this.plans, this.s.provenance, this.s.compressed, this.deps.partitionFor, this.s.batchBytes);
    let lastCommit = Date.now();

    // Once a send failed nothing more is sent in this session: the next one restarts from the last
    // acknowledged offsets, so whatever this one sent after the failure would be copied twice.
    const send = () => {
      if (failure) return;
      const b = batcher.take();
      if (b.records.length === 0) return;
      const { from, upTo } = b;
      const entry = this.acks.sent({ upTo, records: b.records.length, bytes: b.payload, perTopic: b.perTopic });
      // Only the positions stay referenced while the request is in flight: the records (and the
      // fetched bytes their keys and values point into) go once the producer encoded them.
      const p: Promise<void> = producer
        .send(b.records)
        .then(
          () => this.acks.acknowledged(entry),
          (error: unknown) => {
            failure ??= sendFailure(error, from, upTo, this.plans);
          },
        )
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    };
    const room = async () => {
      while (inFlight.size >= this.s.maxInFlight) await Promise.race(inFlight);
    };

    let outcome: 'rebalance' | 'waiting' | EngineOutcome | undefined;
    try {
      while (outcome === undefined) {
        if (failure) throw failure;
        if (this.deps.stopped()) {
          outcome = 'stopped';
          break;
        }
        if (this.deps.group.generation() !== generation) {
          outcome = 'rebalance';
          break;
        }
        const records = await reader.next();
        if (records === null) {
          outcome = 'waiting';
          break;
        }
        if (records.length === 0) {
          send();
          if (this.s.idleTimeoutMs !== undefined && Date.now() - this.lastRecordAt >= this.s.idleTimeoutMs) outcome = 'idle';
        } else {
          this.lastRecordAt = Date.now();
          await batcher.add(records, async () => {
            send();
            await room();
            // A fetch can hold the whole topic: stop in the middle of it, not after it.
            if (failure) throw failure;
          });
          const last = records[records.length - 1];
          this.readPositions.set(tpKey(last.topic, last.partition), BigInt(last.offset + 1));
          if (batcher.current.bytes >= this.s.batchBytes) {
            send();
            await room();
          }
        }
        if (Date.now() - lastCommit >= this.s.commitIntervalMs) {
          lastCommit = Date.now();
          await this.commit(owned).catch(() => undefined);
        }
      }
      send();
    } catch (error) {
      failure ??= error;
    } finally {
      await Promise.allSettled([...inFlight]);
      while (inFlight.size) await Promise.allSettled([...inFlight]);
      await reader.close().catch(() => undefined);
    }
    return { outcome, failure };
  }

  /** Commits what the session got acknowledged (only its own partitions after a rebalance) and rethrows its failure. */
  private async settle(
    outcome: 'rebalance' | 'waiting' | EngineOutcome | undefined,
    failure: unknown,
    owned: Set<string>,
    ranges: PartitionRange[],
  ): Promise<'rebalance' | 'waiting' | EngineOutcome> {
    if (failure) {
      this.acks.dropPending();
      // Keep what was acknowledged before the failure, whatever comes next.
      await this.commit(owned).catch(() => undefined);
      throw failure;
    }
    if (outcome === 'waiting' && this.s.ends) {
      // Every owned partition was read up to its end and acknowledged.
      for (const r of ranges)
        if (r.end !== undefined && r.end > r.start) this.acks.reached({ topic: r.topic, partition: r.partition, offset: r.end });
    }
    // After a rebalance, revoked partitions belong to another member now: it restarts from the
    // last commit (copying again what was acknowledged since: duplicates, never a gap).
    const keep =
      outcome === 'rebalance'
        ? new Set(
            this.deps.group
              .assignment()
              .map((tp) => tpKey(tp.topic, tp.partition))
              .filter((k) => owned.has(k)),
          )
        : owned;
    await this.commit(keep);
    if (outcome === 'waiting' && this.s.ends) return (await this.groupCaughtUp()) ? 'caught-up' : 'waiting';
    return outcome ?? 'waiting';
  }

  /** Every partition of the mirror (all members') committed at or past its end snapshot. */
  private async groupCaughtUp(): Promise<boolean> {
    const ends = this.s.ends!;
    const all = [...ends.keys()].map(fromTpKey);
    const committed = await this.deps.group.committed(all);
    return all.every((tp) => {
      const key = tpKey(tp.topic, tp.partition);
      const end = ends.get(key)!;
      const c = committed.get(key);
      const offset = c && !this.deps.foreignReason(tp.topic, c.metadata) ? c.offset : -1n;
      return end === 0n || offset >= end || this.emptyRange(key, end);
    });
  }

  private readonly starts = new Map<string, bigint>();
  private emptyRange(key: string, end: bigint): boolean {
    return this.starts.get(key) !== undefined && this.starts.get(key)! >= end;
  }

  /** Records the log start offsets so that partitions with nothing to copy count as caught up. */
  async noteLogStarts(): Promise<void> {
    if (!this.s.ends) return;
    const all = [...this.s.ends.keys()].map(fromTpKey);
    for (const o of await this.deps.sourceAdmin.listOffsets(all, 'earliest')) this.starts.set(tpKey(o.topic, o.partition), o.offset);
  }
}

function sleep(ms: number, stopped?: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const end = Date.now() + ms;
    const tick = () => (Date.now() >= end || stopped?.() ? resolve() : setTimeout(tick, Math.min(100, end - Date.now())));
    tick();
  });
}
