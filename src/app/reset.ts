/**
 * Starting an application (-g APP) over, as Kafka's kafka-streams-application-reset does: its
 * consumer group's committed offsets go back to the earliest offset of each partition (the
 * resetter's default), and its internal topics (Streams' rule: APP- prefix, -changelog or
 * -repartition suffix) are deleted, so the next run rebuilds its state from the input. The group
 * must be empty: a running process would keep going on its own state and offsets.
 */
import { NotFoundError, OperationError } from '../errors.js';
import type { GroupsApi } from '../kafka/groups-types.js';
import type { AdminApi } from '../kafka/types.js';
import { isInternalTopic } from './state-store.js';

export interface ResetPlan {
  app: string;
  /** The group's state (Empty, Stable ... Dead when the coordinator has no members) and running members. */
  group: { state: string; members: number };
  /** Committed offsets that go back: from (committed) -> to (the partition's earliest offset). */
  offsets: { topic: string; partition: number; from: string; to: string }[];
  deleteTopics: string[];
  /** False for the dry run (nothing changed). */
  executed: boolean;
}

export async function planReset(app: string, admin: AdminApi, groups: GroupsApi): Promise<ResetPlan> {
  const [[description], committed, topics] = await Promise.all([
    groups.describeGroups([app]),
    groups.fetchOffsets([app]),
    admin.listTopics({ includeInternal: false }),
  ]);
  const deleteTopics = topics.filter((t) => isInternalTopic(app, t)).sort();
  const mine = (committed.get(app) ?? []).filter((c) => !deleteTopics.includes(c.topic));
  const earliest = mine.length ? await admin.listOffsets(mine, 'earliest') : [];
  const to = new Map(earliest.map((e) => [`${e.topic}\u0000${e.partition}`, e.offset]));
  const offsets = mine
    .filter((c) => to.has(`${c.topic}\u0000${c.partition}`))
    .map((c) => ({ topic: c.topic, partition: c.partition, from: String(c.offset), to: String(to.get(`${c.topic}\u0000${c.partition}`)) }))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const members = description?.exists ? description.members.length : 0;
  if (!offsets.length && !deleteTopics.length && members === 0)
    throw new NotFoundError(
      `no application ${app}: its group has no committed offsets and there is no ${app}-...-changelog topic`,
      'ktool groups list',
    );
  return { app, group: { state: description?.state ?? 'Dead', members }, offsets, deleteTopics, executed: false };
}

/** Resets the offsets, then deletes the internal topics (the resetter's order). The group must be empty. */
export async function executeReset(plan: ResetPlan, admin: AdminApi, groups: GroupsApi, command: string): Promise<ResetPlan> {
  if (plan.group.members > 0)
    throw new OperationError(`application ${plan.app} is running: its group has ${plan.group.members} member(s) (${plan.group.state})`, {
      hint: `stop every ${command} -g ${plan.app} process first (ktool groups describe ${plan.app} shows them), then run the reset again`,
      kafkaCode: 'NON_EMPTY_GROUP',
    });
  const failed: string[] = [];
  if (plan.offsets.length) {
    const outcomes = await groups.commitOffsets(
      plan.app,
      plan.offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: BigInt(o.to) })),
    );
    for (const o of outcomes) if (o.errorCode) failed.push(`offset of ${o.topic}[${o.partition}]: ${o.error ?? o.errorCode}`);
  }
  if (plan.deleteTopics.length) {
    for (const r of await admin.deleteTopics(plan.deleteTopics)) if (!r.ok) failed.push(`delete ${r.name}: ${r.error ?? r.errorCode}`);
    await untilGone(admin, plan.deleteTopics);
  }
  if (failed.length)
    throw new OperationError(`reset of ${plan.app} incomplete: ${failed.join('; ')}`, {
      hint: 'run it again: what was done is not undone',
    });
  return { ...plan, executed: true };
}

/**
 * The broker answers DeleteTopics before every broker has forgotten the topics: an application
 * started right after a reset could still find its old changelog (and restore from it), and a
 * listing still shows it. Waits until the metadata no longer names them, 15 s at most (past that
 * they are being deleted all the same).
 */
async function untilGone(admin: AdminApi, topics: string[], waitMs = 15_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const left = new Set(await admin.listTopics({ includeInternal: false }));
    if (!topics.some((t) => left.has(t)) || Date.now() >= deadline) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}
