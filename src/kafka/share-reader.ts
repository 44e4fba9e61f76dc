import { randomBytes } from 'node:crypto';
import { Admin } from '@platformatic/kafka';
import { CancelledError, OperationError } from '../errors.js';
import { raceWith } from '../util/race.js';
import type { ConsumedRecord, ShareReader, ShareReaderOptions } from './consumer-types.js';
import { decodeBatches } from './record-batch-decode.js';
import { decompress } from './fast-fetch.js';
import { Coordinators, kafkaError, RETRY_COORDINATOR } from './groups-coordinators.js';
import { errorName, errorText, isConnectionLoss } from './errors.js';
import type { ClientPlumbing } from './plumbing.js';
import { connectionTo } from './raw-api.js';
import {
  ackRanges,
  AckType,
  SHARE_FETCH,
  SHARE_GROUP_HEARTBEAT,
  shareAcknowledgeV1,
  shareFetchV1,
  shareGroupHeartbeatV1,
  type AckTypeValue,
  type ShareTopicRequest,
} from './share-protocol.js';

/**
 * A share group member (KIP-932) as Kafka's ShareConsumer is one, with ktool's own requests
 * (share-protocol.ts): heartbeats to the group's coordinator bring the assignment; a share session
 * per partition leader fetches acquired records (ShareFetch) and carries the acknowledgements of
 * those already handled with the next fetch; closing sends the last ones and closes each session
 * (ShareAcknowledge, epoch -1), which releases whatever was acquired and not acknowledged.
 */

const UNKNOWN_MEMBER_ID = 25;
const FENCED_MEMBER_EPOCH = 110;
const INCONSISTENT_GROUP_PROTOCOL = 23;
const UNSUPPORTED_VERSION = 35;
/** The leader moved or metadata is stale: look the partition up again. */
const REFRESH = new Set([3, 6, 74, 75, 100]);
/** SHARE_SESSION_NOT_FOUND, INVALID_SHARE_SESSION_EPOCH: open a new session. */
const SESSION_LOST = new Set([122, 123]);
/** As the group reader's: a fetch waiting at the broker holds up the session close (RELEASE) behind it on Ctrl-C. */
const FETCH_WAIT_MS = 200;
const MAX_RECORDS = 500;
const MAX_BYTES = 1 << 20;

const SHARE_GROUPS_HINT =
  'a Kafka 4.1+ cluster needs the share.version feature at 1 or more ' +
  '(kafka-features.sh --bootstrap-server H upgrade --feature share.version=1)';

/** In the compatibility suite's form ("needs Kafka X.Y+", test/compat/smoke.ts), with the feature the broker may lack. */
function shareGroupsDisabled(where: string, detail?: { code: number; message: string | null }): OperationError {
  const why = detail
    ? `refused ShareGroupHeartbeat: ${errorText(detail.code, detail.message)}`
    : 'announces no ShareGroupHeartbeat/ShareFetch v1';
  return new OperationError(`share groups (KIP-932): needs Kafka 4.1+ with share groups enabled; the broker at ${where} ${why}`, {
    hint: SHARE_GROUPS_HINT,
    kafkaCode: 'UNSUPPORTED_VERSION',
  });
}

/** A member id as Java's share consumer makes one (Uuid.randomUuid().toString(): URL-safe base64 of 16 bytes). */
function newMemberId(): string {
  return randomBytes(16).toString('base64url');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The work's outcome, or a CancelledError as soon as Ctrl-C/SIGTERM aborts the signal (the work goes on). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return raceWith(work, (reject) => {
    const onAbort = () => reject(new CancelledError());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    return () => signal.removeEventListener('abort', onAbort);
  });
}

interface Session {
  epoch: number;
  /** "topicId:partition" of the partitions the session fetches. */
  partitions: Set<string>;
  /** Acknowledgements to send, by "topicId:partition". */
  acks: Map<string, { offset: number; type: AckTypeValue }[]>;
}

interface Placement {
  topic: string;
  topicId: string;
  partition: number;
  leader: number;
}

export async function openShareReader(clients: ClientPlumbing, o: ShareReaderOptions): Promise<ShareReader> {
  const admin = new Admin({ ...(await clients.baseOptions()) });
  clients.onClose(() => admin.close().catch(() => undefined));
  const { signal } = clients;
  const apis = await untilAborted(admin.listApis(), signal);
  const has = (key: number) => apis.some((a) => a.apiKey === key && a.maxVersion >= 1 && a.minVersion <= 1);
  if (!has(SHARE_GROUP_HEARTBEAT) || !has(SHARE_FETCH)) throw shareGroupsDisabled(clients.settings.bootstrap.join(','));
  const member = new ShareMember(admin, o, clients.settings.bootstrap.join(','), signal);
  // Ctrl-C while joining: stop waiting, and leave once the join is answered (no member left behind holding up the others).
  const joining = member.heartbeat();
  try {
    await untilAborted(joining, signal);
  } catch (error) {
    if (error instanceof CancelledError) void joining.then(() => member.close()).catch(() => undefined);
    throw error;
  }
  member.startHeartbeats();
  return member;
}

class ShareMember implements ShareReader {
  private readonly memberId = newMemberId();
  private memberEpoch = 0;
  private intervalMs = 1000;
  private readonly coordinators: Coordinators;
  /** The assignment by "topicId:partition". */
  private assigned = new Set<string>();
  private readonly placements = new Map<string, Placement>();
  private readonly brokers = new Map<number, { host: string; port: number }>();
  private readonly sessions = new Map<number, Session>();
  /** Where each partition's records were fetched from, for their acknowledgements: "topic\0partition" -> [node, topicId]. */
  private readonly fetchedFrom = new Map<string, [number, string]>();
  private failure: Error | undefined;
  private closed = false;
  private staleMetadata = true;
  private timer: NodeJS.Timeout | undefined;
  /** The fetch next() stopped waiting for on Ctrl-C: close() waits for it, so that its session closes (releasing what it acquired). */
  private inflight: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly admin: Admin,
    private readonly o: ShareReaderOptions,
    private readonly where: string,
    private readonly signal?: AbortSignal,
  ) {
    this.coordinators = new Coordinators(admin);
  }

  async heartbeat(leaving = false): Promise<void> {
    const group = this.o.groupId;
    const broker = (await this.coordinators.find([group])).get(group)!;
    const connection = await connectionTo(this.admin, broker);
    const r = await shareGroupHeartbeatV1.async(connection, {
      groupId: group,
      memberId: this.memberId,
      memberEpoch: leaving ? -1 : this.memberEpoch,
      topics: leaving ? null : this.o.topics,
    });
    if (leaving) return;
    if (r.errorCode === 0) {
      this.memberEpoch = r.memberEpoch;
      this.intervalMs = r.heartbeatIntervalMs > 0 ? r.heartbeatIntervalMs : this.intervalMs;
      if (r.assignment) this.setAssignment(r.assignment);
      return;
    }
    if (RETRY_COORDINATOR.has(r.errorCode)) return this.coordinators.forget(group);
    if (r.errorCode === UNKNOWN_MEMBER_ID || r.errorCode === FENCED_MEMBER_EPOCH) {
      this.memberEpoch = 0;
      return;
    }
    throw this.heartbeatError(r.errorCode, r.errorMessage);
  }

  private heartbeatError(code: number, message: string | null): Error {
    const group = this.o.groupId;
    if (code === UNSUPPORTED_VERSION) return shareGroupsDisabled(this.where, { code, message });
    if (code === INCONSISTENT_GROUP_PROTOCOL)
      return new OperationError(`group ${group} exists and is not a share group: ${errorText(code, message)}`, {
        hint: 'a share group needs a group id of its own (groups list shows each group with its type)',
        kafkaCode: errorName(code),
      });
    return kafkaError(code, `joining share group ${group}`, message, [group]);
  }

  private setAssignment(assignment: { topicId: string; partitions: number[] }[]): void {
    this.assigned = new Set(assignment.flatMap((t) => t.partitions.map((p) => `${t.topicId}:${p}`)));
    if ([...this.assigned].some((k) => !this.placements.has(k))) this.staleMetadata = true;
  }

  /** Heartbeats every interval the coordinator asks for (every second until there is an assignment). */
  startHeartbeats(): void {
    const beat = () => {
      if (this.closed) return;
      const wait = this.assigned.size ? this.intervalMs : Math.min(this.intervalMs, 1000);
      this.timer = setTimeout(() => {
        this.heartbeat()
          .catch((error: unknown) => {
            if (!isConnectionLoss(error)) this.failure ??= error as Error;
            else this.coordinators.forget(this.o.groupId);
          })
          .finally(beat);
      }, wait);
    };
    beat();
  }

  private async refreshMetadata(): Promise<void> {
    const meta = await this.admin.metadata({ topics: this.o.topics, forceUpdate: true });
    for (const [id, b] of meta.brokers) this.brokers.set(id, { host: b.host, port: b.port });
    for (const [topic, t] of meta.topics)
      for (const [partition, p] of t.partitions.entries())
        this.placements.set(`${t.id}:${partition}`, { topic, topicId: t.id, partition, leader: p?.leader ?? -1 });
    this.staleMetadata = false;
  }

  /**
   * On Ctrl-C: [] at once, whatever it waits on (metadata, the fetch's long poll, the pause with nothing
   * assigned); what the fetch still brings is not handed out, and close() releases it.
   */
  async next(): Promise<ConsumedRecord[]> {
    if (this.failure) throw this.failure;
    if (this.signal?.aborted) return [];
    const out: ConsumedRecord[] = [];
    const fetching = this.fetchAll(out);
    this.inflight = fetching.catch(() => undefined);
    try {
      await untilAborted(fetching, this.signal);
    } catch (error) {
      if (error instanceof CancelledError) return [];
      throw error;
    }
    return out;
  }

  private async fetchAll(out: ConsumedRecord[]): Promise<void> {
    if (this.staleMetadata) await this.refreshMetadata();
    const byLeader = new Map<number, Placement[]>();
    for (const k of this.assigned) {
      const p = this.placements.get(k);
      if (p && p.leader >= 0) byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), p]);
    }
    // Sessions of leaders with nothing assigned any more still fetch once: their partitions are forgotten, acks sent.
    for (const node of this.sessions.keys()) if (!byLeader.has(node) && this.sessions.get(node)!.epoch > 0) byLeader.set(node, []);
    if (byLeader.size === 0) return void (await sleep(200));
    await Promise.all([...byLeader].map(([node, mine]) => this.fetchFrom(node, mine, out)));
  }

  private session(node: number): Session {
    let s = this.sessions.get(node);
    if (!s) this.sessions.set(node, (s = { epoch: 0, partitions: new Set(), acks: new Map() }));
    return s;
  }

  /** The session's acknowledgements, as request topics, taken out of it. */
  private takeAcks(s: Session, extra: Set<string>): ShareTopicRequest[] {
    const byTopic = new Map<string, ShareTopicRequest>();
    for (const k of new Set([...extra, ...(s.epoch > 0 ? s.acks.keys() : [])])) {
      const [topicId, partition] = k.split(':');
      const t = byTopic.get(topicId) ?? { topicId, partitions: [] };
      byTopic.set(topicId, t);
      const acks = s.epoch > 0 ? (s.acks.get(k) ?? []) : [];
      t.partitions.push({ partition: Number(partition), acks: ackRanges(acks) });
    }
    if (s.epoch > 0) s.acks.clear();
    return [...byTopic.values()];
  }

  private async fetchFrom(node: number, mine: Placement[], out: ConsumedRecord[]): Promise<void> {
    const s = this.session(node);
    const wanted = new Set(mine.map((p) => `${p.topicId}:${p.partition}`));
    const forgotten = new Map<string, number[]>();
    for (const k of s.partitions)
      if (!wanted.has(k)) {
        const [topicId, partition] = k.split(':');
        forgotten.set(topicId, [...(forgotten.get(topicId) ?? []), Number(partition)]);
      }
    if (s.epoch === 0 && wanted.size === 0) return;
    const broker = this.brokers.get(node);
    if (!broker) return void (this.staleMetadata = true);
    const topics = this.takeAcks(s, wanted);
    let r;
    try {
      const connection = await connectionTo(this.admin, broker);
      r = await shareFetchV1.async(connection, {
        groupId: this.o.groupId,
        memberId: this.memberId,
        epoch: s.epoch,
        maxWaitMs: FETCH_WAIT_MS,
        maxBytes: MAX_BYTES,
        maxRecords: MAX_RECORDS,
        topics,
        forgotten: s.epoch === 0 ? [] : [...forgotten].map(([topicId, partitions]) => ({ topicId, partitions })),
      });
    } catch (error) {
      if (!isConnectionLoss(error)) throw error;
      this.dropSession(node, 'its leader went away');
      await sleep(250);
      return;
    }
    if (r.errorCode) {
      if (!SESSION_LOST.has(r.errorCode)) throw kafkaError(r.errorCode, `share fetch of group ${this.o.groupId}`, r.errorMessage);
      this.dropSession(node, errorName(r.errorCode));
      return;
    }
    s.epoch = s.epoch === 0x7fffffff ? 1 : s.epoch + 1;
    s.partitions = wanted;
    for (const t of r.responses)
      for (const p of t.partitions) {
        const place = this.placements.get(`${t.topicId}:${p.partition}`);
        if (!place) continue;
        if (p.ackErrorCode) this.warnAck(place, p.ackErrorCode, p.ackErrorMessage);
        if (p.errorCode) {
          if (REFRESH.has(p.errorCode)) this.staleMetadata = true;
          else this.o.onWarning?.(`share fetch of ${place.topic}[${p.partition}]: ${errorText(p.errorCode, p.errorMessage)}`);
          continue;
        }
        this.fetchedFrom.set(`${place.topic}\u0000${p.partition}`, [node, place.topicId]);
        this.takeAcquired(s, place, p.records, p.acquired, out);
      }
  }

  private warnAck(place: Placement, code: number, message: string | null): void {
    this.o.onWarning?.(
      `acknowledging records of ${place.topic}[${place.partition}] failed: ${errorText(code, message)}; they will be delivered again`,
    );
  }

  /** A session the broker no longer has: acknowledgements not sent are lost (the records come again). */
  private dropSession(node: number, why: string): void {
    const s = this.sessions.get(node);
    if (s?.acks.size) this.o.onWarning?.(`share session with broker ${node} lost (${why}): unsent acknowledgements dropped`);
    this.sessions.delete(node);
    this.staleMetadata = true;
  }

  /** The acquired records of one partition; acquired offsets with no record (control batches, compacted away) are acknowledged as gaps. */
  private takeAcquired(
    s: Session,
    place: Placement,
    records: Buffer | null,
    acquired: { first: number; last: number; deliveryCount: number }[],
    out: ConsumedRecord[],
  ): void {
    if (acquired.length === 0) return;
    const decoded: ConsumedRecord[] = [];
    if (records) decodeBatches(records, place.topic, place.partition, 0, undefined, decoded, decompress);
    const present = new Set<number>();
    for (const r of decoded) {
      const range = acquired.find((a) => r.offset >= a.first && r.offset <= a.last);
      if (range && !present.has(r.offset)) {
        present.add(r.offset);
        r.deliveryCount = range.deliveryCount;
        out.push(r);
      }
    }
    const key = `${place.topicId}:${place.partition}`;
    for (const a of acquired)
      for (let offset = a.first; offset <= a.last; offset++)
        if (!present.has(offset)) s.acks.set(key, [...(s.acks.get(key) ?? []), { offset, type: AckType.gap }]);
  }

  acknowledge(records: ConsumedRecord[], type: 'accept' | 'release' | 'reject'): void {
    const t = AckType[type];
    for (const r of records) {
      const from = this.fetchedFrom.get(`${r.topic}\u0000${r.partition}`);
      if (!from) continue;
      const s = this.session(from[0]);
      const key = `${from[1]}:${r.partition}`;
      const list = s.acks.get(key) ?? [];
      list.push({ offset: r.offset, type: t });
      s.acks.set(key, list);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    await this.inflight;
    // Each session closes with its last acknowledgements; the broker releases what this member still holds.
    await Promise.all(
      [...this.sessions].map(async ([node, s]) => {
        const broker = this.brokers.get(node);
        if (s.epoch === 0 || !broker) return;
        const topics = this.takeAcks(s, new Set());
        const connection = await connectionTo(this.admin, broker);
        const r = await shareAcknowledgeV1.async(connection, { groupId: this.o.groupId, memberId: this.memberId, epoch: -1, topics });
        for (const t of r.responses)
          for (const p of t.partitions) {
            const place = this.placements.get(`${t.topicId}:${p.partition}`);
            if (p.errorCode && place) this.warnAck(place, p.errorCode, p.errorMessage);
          }
      }),
    ).catch((error: unknown) => this.o.onWarning?.(`closing the share sessions: ${(error as Error).message}`));
    await this.heartbeat(true).catch(() => undefined);
  }
}
