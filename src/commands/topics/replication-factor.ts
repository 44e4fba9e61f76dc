/**
 * topics alter --replication-factor: what kafka-topics.sh cannot do, done as Kafka's docs say (a
 * partition reassignment to replica lists one longer or shorter), with the plan chosen for the user
 * (commands/partitions/assign.ts changeReplicationFactor) and shown, the throttle and the wait of
 * `partitions reassign`.
 */
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { OperationError, UsageError } from '../../errors.js';
import type { TopicInfo } from '../../kafka/types.js';
import { changeReplicationFactor as placement } from '../partitions/assign.js';
import { ANY_LOG_DIR, PlanError, type PlanEntry } from '../partitions/plan.js';
import * as ops from '../partitions/reassign-ops.js';
import { verifyResult } from '../partitions/reassign.js';
import { waitForReassignments } from '../partitions/wait.js';
import type { AlterOptions } from './alter.js';

export async function changeReplicationFactor(
  o: AlterOptions & { replicationFactor: number },
  topic: TopicInfo,
  ctx: Context,
): Promise<CommandResult> {
  const clients = await ctx.kafka();
  const before = Math.max(...topic.partitions.map((p) => p.replicas.length));
  const uneven = topic.partitions.some((p) => p.replicas.length !== before);
  if (!uneven && before === o.replicationFactor) throw new UsageError(`topic ${o.topic} already has replication factor ${before}`);
  const moving = await (
    await clients.partitions()
  ).listReassignments(topic.partitions.map((p) => ({ topic: o.topic, partition: p.partition })));
  if (moving.length)
    throw new OperationError(`${moving.length} partition(s) of ${o.topic} are being reassigned`, {
      hint: 'wait for it (ktool partitions reassign --list), or cancel it, before changing the replication factor',
    });
  const { brokers } = await (await clients.admin()).cluster();
  let targets: number[][];
  try {
    targets = placement(topic.partitions, brokers, o.replicationFactor);
  } catch (error) {
    if (error instanceof PlanError) throw new UsageError(`${o.topic}: ${error.message}`, 'ktool cluster info lists the brokers');
    throw error;
  }
  const plan: PlanEntry[] = topic.partitions
    .map((p, i) => ({ topic: o.topic, partition: p.partition, replicas: targets[i], logDirs: targets[i].map(() => ANY_LOG_DIR) }))
    .filter((e, i) => e.replicas.join(',') !== topic.partitions[i].replicas.join(','));
  const rows = topic.partitions.map((p, i) => ({ partition: p.partition, current: p.replicas, target: targets[i] }));
  const table = {
    head: ['PARTITION', 'CURRENT', 'TARGET'],
    rows: rows.map((r) => [r.partition, r.current.join(','), r.target.join(',')]),
    numeric: [0],
  };
  const data = {
    name: o.topic,
    replicationFactorBefore: before,
    replicationFactorAfter: o.replicationFactor,
    dryRun: o.dryRun,
    partitions: rows,
  };
  const heading = `${o.topic}: replication factor ${uneven ? 'mixed' : before} -> ${o.replicationFactor}`;
  if (o.dryRun) return { data: { ...data, started: false }, view: [{ lines: [`${heading} (dry run, nothing changed)`] }, table] };
  const execute: ops.ExecuteOptions = { additional: true, throttle: o.throttle, allowReplicationFactorChange: true };
  const prepared = await ops.prepareExecute(ctx, plan, execute);
  await ops.applyThrottles(ctx, prepared, execute);
  const errors = await ops.startReassignments(ctx, plan, true);
  if (errors.length) throw ops.refusedError(errors, 'the controller refused to reassign');
  if (!o.wait) {
    const follow = `ktool partitions reassign --list  # or wait: ktool topics alter ${o.topic} -r ${o.replicationFactor} --wait`;
    return { data: { ...data, started: true, complete: false }, view: [{ lines: [`${heading}: started`] }, table, { lines: [follow] }] };
  }
  const verified = verifyResult(await waitForReassignments(ctx, plan, false));
  return {
    data: { ...data, started: true, complete: true },
    view: [{ lines: [`${heading}: done`] }, table, ...(verified.view ?? []).slice(1)],
  };
}
