/**
 * What kafka-reassign-partitions.sh does, as data: both spellings run these (ktool partitions
 * reassign renders them its way, the drop-in prints Kafka's lines from them). Each step asks the
 * cluster what Kafka's tool asks, in the same order, so the same plan does the same thing.
 */
import type { Context } from '../../cli/context.js';
import { NotFoundError, OperationError, UsageError } from '../../errors.js';
import type { OngoingReassignment, PartitionOutcome } from '../../kafka/partitions-types.js';
import type { BrokerInfo, TopicPartition } from '../../kafka/types.js';
import { assignReplicas } from './assign.js';
import { ANY_LOG_DIR, checkExecutable, compareTp, PlanError, tpName, type PlanEntry } from './plan.js';
import { clearThrottles, moveMap, reassigningBrokers, setLogDirThrottle, setThrottles } from './throttles.js';

export interface Assignment extends TopicPartition {
  replicas: number[];
  /** Where each replica is stored now (Kafka 4.x prints them in the current assignment); 'any' when not found. */
  logDirs?: string[];
}

const key = (tp: TopicPartition) => `${tp.topic}\0${tp.partition}`;

/** The current replicas of every partition of these topics (an unknown topic: NotFoundError `Topic t not found.`). */
export async function currentAssignment(ctx: Context, topics: readonly string[]): Promise<Assignment[]> {
  const admin = await (await ctx.kafka()).admin();
  const { topics: found, missing } = await admin.describeTopics([...new Set(topics)]);
  if (missing.length)
    throw new NotFoundError(`Topic ${missing[0]} not found.`, 'ktool topics list shows the topics', {
      kafkaCode: 'UNKNOWN_TOPIC_OR_PARTITION',
    });
  const dirs = await replicaLogDirs(
    ctx,
    found.map((t) => t.name),
  );
  return found
    .flatMap((t) =>
      t.partitions.map((p) => ({
        topic: t.name,
        partition: p.partition,
        replicas: p.replicas,
        logDirs: p.replicas.map((b) => dirs.get(`${b}\0${t.name}\0${p.partition}`) ?? ANY_LOG_DIR),
      })),
    )
    .sort(compareTp);
}

/** broker, topic, partition -> the log directory holding that replica now (not a future one). */
async function replicaLogDirs(ctx: Context, topics: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!topics.length) return out;
  const described = await (await (await ctx.kafka()).cluster()).describeLogDirs(topics);
  for (const d of described) for (const p of d.partitions) if (!p.isFuture) out.set(`${d.broker}\0${p.topic}\0${p.partition}`, d.logDir);
  return out;
}

export interface Generated {
  current: Assignment[];
  proposed: Assignment[];
}

/** --generate: each topic's partitions spread over `brokerIds` by Kafka's own placement (AdminUtils), racks when all have one. */
export async function generate(
  ctx: Context,
  topics: readonly string[],
  brokerIds: readonly number[],
  rackAware: boolean,
): Promise<Generated> {
  const current = await currentAssignment(ctx, topics);
  const { brokers } = await (await (await ctx.kafka()).admin()).cluster();
  const chosen = brokers.filter((b) => brokerIds.includes(b.id)).map((b) => ({ id: b.id, rack: rackAware ? b.rack : null }));
  const rackless = chosen.filter((b) => b.rack === null).length;
  if (rackAware && rackless !== 0 && rackless !== chosen.length)
    throw new PlanError(
      'Not all brokers have rack information. Add --disable-rack-aware in command line to make replica assignment ' +
        'without rack information.',
    );
  const proposed: Assignment[] = [];
  for (const topic of [...new Set(current.map((a) => a.topic))]) {
    const parts = current.filter((a) => a.topic === topic);
    assignReplicas(chosen, parts.length, parts[0].replicas.length).forEach((replicas, partition) =>
      proposed.push({ topic, partition, replicas }),
    );
  }
  return { current, proposed };
}

export interface ExecuteOptions {
  additional: boolean;
  /** Bytes/s between brokers; undefined: no throttle. */
  throttle?: number;
  logDirThrottle?: number;
  allowReplicationFactorChange: boolean;
}

export interface Prepared {
  plan: PlanEntry[];
  ongoing: OngoingReassignment[];
  /** The plan's partitions' replicas now, sorted: the rollback plan. */
  current: Assignment[];
}

/** Everything --execute checks before it changes anything (Kafka's order): plan, ongoing reassignments, broker ids, partitions. */
export async function prepareExecute(ctx: Context, plan: PlanEntry[], o: ExecuteOptions): Promise<Prepared> {
  checkExecutable(plan);
  const clients = await ctx.kafka();
  const ongoing = await (await clients.partitions()).listReassignments();
  if (!o.additional && ongoing.length)
    throw new PlanError(
      'Cannot execute because there is an existing partition assignment.  Use --additional to override this and ' +
        'create a new partition assignment in addition to the existing one. The --additional flag can also be used to ' +
        'change the throttle by resubmitting the current reassignment.',
    );
  const { brokers } = await (await clients.admin()).cluster();
  const unknown = plan.flatMap((p) => p.replicas).find((id) => !brokers.some((b) => b.id === id));
  if (unknown !== undefined) throw new PlanError(`Unknown broker id ${unknown}`);
  const all = await currentAssignment(ctx, [...new Set(plan.map((p) => p.topic))]);
  const wanted = new Set(plan.map(key));
  const current = all.filter((a) => wanted.has(key(a)));
  refuseLogDirMoves(plan, current);
  if (current.length !== wanted.size) {
    const have = new Set(current.map(key));
    const missing = plan.filter((p) => !have.has(key(p))).map(tpName);
    throw new NotFoundError(`Unable to find partition: ${missing.join(', ')}`, 'ktool topics describe shows the partitions', {
      kafkaCode: 'UNKNOWN_TOPIC_OR_PARTITION',
    });
  }
  return { plan, ongoing, current };
}

/**
 * A log directory in the plan is taken when the replica is already there (a rollback plan of Kafka
 * 4.x names them); moving replicas between a broker's log directories is not implemented.
 */
function refuseLogDirMoves(plan: readonly PlanEntry[], current: readonly Assignment[]): void {
  for (const p of plan) {
    const now = current.find((c) => key(c) === key(p));
    p.logDirs.forEach((dir, i) => {
      if (dir === ANY_LOG_DIR) return;
      const at = now?.replicas.indexOf(p.replicas[i]) ?? -1;
      if (at >= 0 && now?.logDirs?.[at] === dir) return;
      throw new UsageError(
        `${tpName(p)}: moving replica ${p.replicas[i]} to log directory ${dir} is not supported by ktool`,
        'use "any" in log_dirs (kafka-reassign-partitions.sh moves replicas between log directories)',
      );
    });
  }
}

export interface ThrottleOutcome {
  interBroker?: { rate: number; brokers: number[]; topics: string[] };
  logDir?: { rate: number };
}

/** Sets the throttles --execute was given (before the reassignment starts, as Kafka's tool does). */
export async function applyThrottles(ctx: Context, p: Prepared, o: ExecuteOptions): Promise<ThrottleOutcome> {
  const out: ThrottleOutcome = {};
  if (o.throttle === undefined && o.logDirThrottle === undefined) return out;
  const configs = await (await ctx.kafka()).configs();
  if (o.throttle !== undefined) {
    const moves = moveMap(p.ongoing, p.plan, new Map(p.current.map((a) => [key(a), a.replicas])));
    await setThrottles(configs, moves, o.throttle);
    out.interBroker = { rate: o.throttle, brokers: reassigningBrokers(moves), topics: [...moves.keys()].sort() };
  }
  if (o.logDirThrottle !== undefined) {
    await setLogDirThrottle(configs, [], o.logDirThrottle);
    out.logDir = { rate: o.logDirThrottle };
  }
  return out;
}

/** Starts the plan's reassignments; the partitions the controller refused, sorted (empty: all started). */
export async function startReassignments(ctx: Context, plan: readonly PlanEntry[], allowRf: boolean): Promise<PartitionOutcome[]> {
  const api = await (await ctx.kafka()).partitions();
  const outcomes = await api.alterReassignments(
    plan.map((p) => ({ topic: p.topic, partition: p.partition, replicas: p.replicas })),
    allowRf,
  );
  return outcomes.filter((o) => o.error).sort(compareTp);
}

export interface PartitionState extends TopicPartition {
  current: number[];
  target: number[];
  /** No reassignment of it is in progress. */
  done: boolean;
}

export interface Verified {
  states: PartitionState[];
  /** Some reassignment (of any partition) is in progress in the cluster. */
  ongoingAnywhere: boolean;
  /** What was cleared: undefined when throttles were kept (still moving, or --preserve-throttles). */
  cleared?: { brokers: number[]; topics: string[] };
}

/** --verify: each partition's state; when nothing moves any more, every reassignment throttle is removed. */
export async function verify(ctx: Context, plan: readonly PlanEntry[], preserveThrottles: boolean): Promise<Verified> {
  const clients = await ctx.kafka();
  const ongoing = await (await clients.partitions()).listReassignments();
  const byKey = new Map(ongoing.map((r) => [key(r), r]));
  const topics = [...new Set(plan.filter((p) => !byKey.has(key(p))).map((p) => p.topic))];
  const admin = await clients.admin();
  const described = topics.length ? (await admin.describeTopics(topics)).topics : [];
  const states = plan.map((p): PartitionState => {
    const r = byKey.get(key(p));
    if (r) return { topic: p.topic, partition: p.partition, current: r.replicas, target: p.replicas, done: false };
    const info = described.find((t) => t.name === p.topic)?.partitions.find((x) => x.partition === p.partition);
    return { topic: p.topic, partition: p.partition, current: info?.replicas ?? [], target: p.replicas, done: true };
  });
  const result: Verified = { states: dedupe(states).sort(compareTp), ongoingAnywhere: ongoing.length > 0 };
  if (!result.ongoingAnywhere && !preserveThrottles) result.cleared = await clearAll(ctx, plan, (await admin.cluster()).brokers);
  return result;
}

function dedupe(states: PartitionState[]): PartitionState[] {
  const seen = new Map<string, PartitionState>();
  for (const s of states) seen.set(key(s), s);
  return [...seen.values()];
}

/** clearAllThrottles: every live broker and every broker of the plan; the plan's topics. Lists in the plan's order. */
async function clearAll(
  ctx: Context,
  plan: readonly PlanEntry[],
  brokers: readonly BrokerInfo[],
): Promise<{ brokers: number[]; topics: string[] }> {
  const ids = [...new Set([...brokers.map((b) => b.id), ...plan.flatMap((p) => p.replicas)])];
  const topics = [...new Set(plan.map((p) => p.topic))];
  await clearThrottles(await (await ctx.kafka()).configs(), ids, topics);
  return { brokers: ids, topics };
}

export interface Cancelled {
  cancelled: TopicPartition[];
  errors: PartitionOutcome[];
  cleared?: { brokers: number[]; topics: string[] };
}

/** --cancel: the plan's partitions still reassigning go back to their original replicas; throttles removed. */
export async function cancel(ctx: Context, plan: readonly PlanEntry[], preserveThrottles: boolean): Promise<Cancelled> {
  const clients = await ctx.kafka();
  const api = await clients.partitions();
  const ongoing = await api.listReassignments(plan.map((p) => ({ topic: p.topic, partition: p.partition })));
  // Kafka's rule: one still only adding replicas with none to remove is not cancelled this way.
  const targets = ongoing.filter((r) => r.adding.length === 0 || r.removing.length > 0).sort(compareTp);
  const errors = targets.length
    ? (
        await api.alterReassignments(
          targets.map((t) => ({ topic: t.topic, partition: t.partition, replicas: null })),
          true,
        )
      ).filter((o) => o.error)
    : [];
  if (errors.length) return { cancelled: [], errors: errors.sort(compareTp) };
  const result: Cancelled = { cancelled: targets.map((t) => ({ topic: t.topic, partition: t.partition })), errors: [] };
  if (!preserveThrottles) result.cleared = await clearAll(ctx, plan, (await (await clients.admin()).cluster()).brokers);
  return result;
}

export async function listOngoing(ctx: Context): Promise<OngoingReassignment[]> {
  return (await (await ctx.kafka()).partitions()).listReassignments();
}

/** OperationError for the refused partitions, in Kafka's words. */
export function refusedError(errors: readonly PartitionOutcome[], what: string): OperationError {
  return new OperationError(`${what}:\n${errors.map((e) => `${tpName(e)}: ${e.message}`).join('\n')}`);
}
