/**
 * The transactional side of ktool's producer, after Java's TransactionManager. ktool does it
 * itself because the client library (2.12) gets three things wrong for a CLI whose transactional id
 * is the same on every run: its InitProducerId claims producer id 0 epoch 0 instead of -1/-1 (the
 * coordinator fences the second run of an id unless its producer id happens to be 0), it sends
 * AddPartitionsToTxn v5, a broker-to-broker version that needs ClusterAction (a principal with
 * Kafka's documented producer ACLs is refused), and it passes the request timeout as the
 * transaction timeout (a transaction open for 10 s was aborted).
 *
 * Requests are those of transaction.version 1, which every broker with transactions speaks and a
 * transaction.version 2 cluster still takes: InitProducerId, AddPartitionsToTxn <= v3, EndTxn <= v4
 * and ktool's own Produce v8. Version 2 (KIP-890: no AddPartitionsToTxn, the epoch bumped by every
 * EndTxn, whose v5 response carries the new producer id and epoch) needs Produce v12 and EndTxn v5,
 * which neither ktool nor the library sends; under version 1 the producer id and epoch stay the
 * same from InitProducerId to the end of the session, and sequence numbers carry on.
 */
import { ResponseError, UnsupportedApiError } from '@platformatic/kafka';
import { KtoolError, OperationError, UsageError } from '../errors.js';
import { sleep } from '../util/sleep.js';
import { DeniedError } from './denied.js';
import { errorName, isConnectionLoss, kafkaErrorId, leafErrors, toKtoolError } from './errors.js';
import { PINNED } from './pinned-apis.js';
import { callApi, requestApi, type Client } from './raw-api.js';
import type { TxnGroup, TxnOffset } from './producer-types.js';
import type { TopicPartition } from './types.js';

/** Java's transaction.timeout.ms default. */
export const DEFAULT_TRANSACTION_TIMEOUT_MS = 60_000;
/** Java's max.block.ms: how long InitProducerId, AddPartitionsToTxn and EndTxn are retried. */
const MAX_BLOCK_MS = 60_000;
const TRANSACTION_KEY = 1;
const GROUP_KEY = 0;
/** The group moved on (a rebalance): this member's offsets are refused, KIP-447's zombie fencing. */
const GROUP_FENCED = new Set(['ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID', 'FENCED_INSTANCE_ID', 'REBALANCE_IN_PROGRESS']);
const GROUP_RETRY = new Set([
  'NOT_COORDINATOR',
  'COORDINATOR_NOT_AVAILABLE',
  'COORDINATOR_LOAD_IN_PROGRESS',
  'CONCURRENT_TRANSACTIONS',
  'REQUEST_TIMED_OUT',
]);
const FENCED = new Set(['PRODUCER_FENCED', 'INVALID_PRODUCER_EPOCH']);
const FIND_AGAIN = new Set(['NOT_COORDINATOR', 'COORDINATOR_NOT_AVAILABLE']);
const WAIT = new Set(['CONCURRENT_TRANSACTIONS', 'COORDINATOR_LOAD_IN_PROGRESS', 'REQUEST_TIMED_OUT']);

interface Settings {
  transactionalId: string;
  timeoutMs: number;
  retryBackoffMs: number;
  brokers: string[];
  signal?: AbortSignal;
}

/** TxnOffsetCommit refused because the group moved to a newer generation: abort, rejoin, redo. */
export class GroupFencedError extends OperationError {
  constructor(groupId: string, code: string) {
    super(`group ${groupId} moved to a new generation (${code}): the open transaction is aborted and its work redone`, {
      kafkaCode: code,
    });
  }
}

class NoCoordinatorYet extends Error {}

export class Transactions {
  producerId = -1n;
  producerEpoch = -1;
  /** Set once another producer took the id over (or the broker aborted on timeout): nothing more can be done. */
  fencedBy: KtoolError | undefined;
  private coordinator: { host: string; port: number } | undefined;
  private readonly added = new Set<string>();
  private startedAt = 0;
  private readonly never = new AbortController().signal;

  constructor(
    private readonly producer: Client,
    private readonly settings: Settings,
  ) {}

  /** Partitions already in the open transaction. */
  has(tp: TopicPartition): boolean {
    return this.added.has(`${tp.topic}:${tp.partition}`);
  }

  /**
   * InitProducerId as a new producer (-1/-1): the coordinator aborts a transaction a killed run left open, fences
   * any other producer with the id, and bumps the epoch.
   */
  async init(): Promise<void> {
    const { transactionalId, timeoutMs } = this.settings;
    const r = await this.call('initialise the transactional producer', (coordinator) =>
      requestApi(this.producer, PINNED.InitProducerId, [transactionalId, timeoutMs, -1n, -1], coordinator),
    );
    this.producerId = r.producerId;
    this.producerEpoch = r.producerEpoch;
  }

  /** AddPartitionsToTxn for the partitions not in the transaction yet (before their first batch). */
  async add(partitions: TopicPartition[]): Promise<void> {
    const fresh = partitions.filter((tp) => !this.has(tp));
    if (!fresh.length) return;
    const topics = new Map<string, number[]>();
    for (const tp of fresh) topics.set(tp.topic, [...(topics.get(tp.topic) ?? []), tp.partition]);
    const transaction = {
      transactionalId: this.settings.transactionalId,
      producerId: this.producerId,
      producerEpoch: this.producerEpoch,
      topics: [...topics].map(([name, p]) => ({ name, partitions: p })),
      verifyOnly: false,
    };
    await this.call('add partitions to the transaction', (coordinator) =>
      requestApi(this.producer, PINNED.AddPartitionsToTxn, [[transaction]], coordinator),
    );
    if (this.added.size === 0) this.startedAt = Date.now();
    for (const tp of fresh) this.added.add(`${tp.topic}:${tp.partition}`);
  }

  /** EndTxn. A transaction with no partitions has nothing to end; a fenced one was aborted by the coordinator. */
  async end(commit: boolean): Promise<void> {
    if (this.fencedBy) {
      if (commit) throw this.fencedBy;
      return;
    }
    if (this.added.size === 0) return;
    const { transactionalId } = this.settings;
    await this.call(`${commit ? 'commit' : 'abort'} the transaction`, (coordinator) =>
      requestApi(this.producer, PINNED.EndTxn, [transactionalId, this.producerId, this.producerEpoch, commit], coordinator),
    );
    this.added.clear();
  }

  /**
   * Java's sendOffsetsToTransaction(offsets, groupMetadata): AddOffsetsToTxn to the transaction
   * coordinator, then one TxnOffsetCommit with every partition, the group's generation and member
   * id (so the group coordinator refuses a member fenced by a rebalance: GroupFencedError) and
   * each offset's metadata. The library's own sends one request per message, without metadata.
   */
  async sendOffsets(group: TxnGroup, offsets: TxnOffset[]): Promise<void> {
    if (!offsets.length) return;
    const { transactionalId } = this.settings;
    await this.call('add offsets to the transaction', (coordinator) =>
      requestApi(this.producer, PINNED.AddOffsetsToTxn, [transactionalId, this.producerId, this.producerEpoch, group.groupId], coordinator),
    );
    if (this.added.size === 0) this.startedAt = Date.now();
    // The transaction now has something to end, even with no records in it.
    this.added.add(`\u0000offsets:${group.groupId}`);
    const topics = new Map<
      string,
      { partitionIndex: number; committedOffset: bigint; committedLeaderEpoch: number; committedMetadata: string | null }[]
    >();
    for (const o of offsets) {
      const list = topics.get(o.topic) ?? [];
      list.push({
        partitionIndex: o.partition,
        committedOffset: o.offset,
        committedLeaderEpoch: -1,
        committedMetadata: o.metadata ?? null,
      });
      topics.set(o.topic, list);
    }
    const args = [
      transactionalId,
      group.groupId,
      this.producerId,
      this.producerEpoch,
      group.generationId,
      group.memberId,
      group.groupInstanceId,
      [...topics].map(([name, partitions]) => ({ name, partitions })),
    ] as const;
    await this.commitOffsets(group.groupId, [...args]);
  }

  private async commitOffsets(
    groupId: string,
    args: Parameters<(typeof PINNED.TxnOffsetCommit)[0]['async']> extends [unknown, ...infer A] ? A : never,
  ): Promise<void> {
    const deadline = Date.now() + MAX_BLOCK_MS;
    const signal = this.settings.signal ?? this.never;
    for (let attempt = 1; ; attempt++) {
      let codes: string[];
      try {
        const coordinator = await this.groupCoordinator(groupId);
        const r = await callApi(this.producer, PINNED.TxnOffsetCommit, args, coordinator);
        codes = [...new Set(r.topics.flatMap((t) => t.partitions.filter((p) => p.errorCode).map((p) => errorName(p.errorCode))))];
      } catch (error) {
        const retry = error instanceof NoCoordinatorYet || isConnectionLoss(error);
        if (!retry || signal.aborted || Date.now() >= deadline) throw this.fail(error, [], 'commit offsets in the transaction');
        codes = ['COORDINATOR_NOT_AVAILABLE'];
      }
      if (!codes.length) return;
      const fenced = codes.find((c) => GROUP_FENCED.has(c));
      if (fenced) throw new GroupFencedError(groupId, fenced);
      const producerFenced = codes.find((c) => FENCED.has(c));
      if (producerFenced)
        throw (this.fencedBy = new OperationError(`the transaction was fenced (${producerFenced})`, { kafkaCode: producerFenced }));
      if (!codes.every((c) => GROUP_RETRY.has(c)) || signal.aborted || Date.now() >= deadline)
        throw new OperationError(`commit offsets in the transaction for group ${groupId}: ${codes.join(', ')}`, { kafkaCode: codes[0] });
      this.groupCoordinators.delete(groupId);
      await sleep(Math.min(this.settings.retryBackoffMs * 2 ** (attempt - 1), 1_000), signal);
    }
  }

  private readonly groupCoordinators = new Map<string, { host: string; port: number }>();

  private async groupCoordinator(groupId: string): Promise<{ host: string; port: number }> {
    let found = this.groupCoordinators.get(groupId);
    if (!found) {
      const r = await callApi(this.producer, PINNED.FindCoordinator, [GROUP_KEY, [groupId]]);
      const c = r.coordinators.find((x) => x.key === groupId);
      if (!c || c.errorCode) throw new NoCoordinatorYet();
      found = { host: c.host, port: c.port };
      this.groupCoordinators.set(groupId, found);
    }
    return found;
  }

  /** The error to report for a failure of this transactional producer (a fenced one gets the takeover message). */
  explain(error: unknown): KtoolError | undefined {
    if (this.fencedBy) return this.fencedBy;
    const id = kafkaErrorId(error);
    if (id === undefined || !FENCED.has(id)) return undefined;
    const { transactionalId, timeoutMs } = this.settings;
    if (this.added.size > 0 && Date.now() - this.startedAt >= timeoutMs) {
      this.fencedBy = new OperationError(
        `the transaction was open longer than transaction.timeout.ms (${timeoutMs} ms) and the broker aborted it (${id})`,
        {
          hint:
            "raise it with -X transaction.timeout.ms=N (at most the broker's " +
            'transaction.max.timeout.ms, 15 minutes by default) or send less per run',
          kafkaCode: id,
        },
      );
    } else {
      this.fencedBy = new OperationError(`another producer with transactional id ${transactionalId} took over (${id})`, {
        hint: 'one run per transactional id at a time: the newer run fenced this one, and what this one sent is aborted',
        kafkaCode: id,
      });
    }
    return this.fencedBy;
  }

  /**
   * Sends one request to the transaction coordinator, retrying what Java's producer retries
   * (coordinator moved or loading, a transaction still completing, a lost connection) for up to
   * max.block.ms or until Ctrl-C.
   */
  private async call<T>(action: string, send: (coordinator: { host: string; port: number }) => Promise<T>): Promise<T> {
    const deadline = Date.now() + MAX_BLOCK_MS;
    const signal = this.settings.signal ?? this.never;
    for (let attempt = 1; ; attempt++) {
      let error: unknown;
      try {
        return await send(await this.findCoordinator());
      } catch (e) {
        if (e instanceof UnsupportedApiError) throw new OperationError(`${e.message} ktool's transactions need Kafka 2.8 or newer`);
        error = e;
      }
      const ids = leafErrors(error)
        .map((e) => e.apiId)
        .filter((id): id is string => Boolean(id));
      if (ids.some((id) => FENCED.has(id))) throw this.explain(error)!;
      if (ids.includes('INVALID_TRANSACTION_TIMEOUT')) {
        throw new UsageError(
          `transaction.timeout.ms ${this.settings.timeoutMs} is more than the broker allows (INVALID_TRANSACTION_TIMEOUT)`,
          "lower -X transaction.timeout.ms to at most the broker's transaction.max.timeout.ms (15 minutes by default)",
          { kafkaCode: 'INVALID_TRANSACTION_TIMEOUT' },
        );
      }
      const findAgain = ids.some((id) => FIND_AGAIN.has(id)) || isConnectionLoss(error);
      const retriable = findAgain || (ids.length > 0 && ids.every((id) => WAIT.has(id) || id === 'OPERATION_NOT_ATTEMPTED'));
      if (!retriable || signal.aborted || Date.now() >= deadline) throw this.fail(error, ids, action);
      if (findAgain) this.coordinator = undefined;
      // A transaction still completing (a killed run's being aborted) is usually done within milliseconds.
      const first = ids.includes('CONCURRENT_TRANSACTIONS') ? 20 : this.settings.retryBackoffMs;
      await sleep(Math.min(first * 2 ** (attempt - 1), 1_000), signal);
    }
  }

  private fail(error: unknown, ids: string[], action: string): KtoolError {
    const cause = leafErrors(error).find((e) => e.apiId && e.apiId !== 'OPERATION_NOT_ATTEMPTED') ?? error;
    const typed = toKtoolError(cause, this.settings.brokers, action);
    // Write on the id implies Describe; the producer fills in the principal.
    if (typed instanceof DeniedError && typed.kafkaCode === 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED')
      return typed.filledIn({ operation: 'Write', names: [this.settings.transactionalId] });
    return typed;
  }

  /** The coordinator (FindCoordinator first, and again after NOT_COORDINATOR or a lost connection). */
  private async findCoordinator(): Promise<{ host: string; port: number }> {
    if (!this.coordinator) {
      const { transactionalId } = this.settings;
      const r = await callApi(this.producer, PINNED.FindCoordinator, [TRANSACTION_KEY, [transactionalId]]);
      const found = r.coordinators.find((c) => c.key === transactionalId);
      // As a response error, so that call() retries a coordinator that is not available yet.
      if (!found || found.errorCode)
        throw new ResponseError(
          PINNED.FindCoordinator[0].key,
          PINNED.FindCoordinator[0].version,
          { '/coordinators/0': [found?.errorCode ?? 15, found?.errorMessage ?? null] },
          r,
        );
      this.coordinator = { host: found.host, port: found.port };
    }
    return this.coordinator;
  }
}
