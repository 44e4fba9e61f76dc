import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand } from '../../cli/spec.js';
import { ExitCode } from '../../errors.js';
import { noneVisible } from '../../kafka/denied.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import { missingHint, principal } from '../missing-hints.js';

export const spec = defineCommand({
  command: 'health [topics...]',
  description: 'offline, under-replicated and under-min-ISR partitions (of every topic, or these); exit code 6 when there are any',
  groups: ['connection', 'output', 'base'],
  examples: [
    'ktool cluster health || echo "cluster needs attention"',
    'ktool cluster health orders payments',
    "ktool cluster health --json | jq '.underMinIsr'",
  ],
});

export interface HealthOptions {
  /** Only these topics (exact names); none: every topic, internal ones included. */
  topics: string[];
}

/** One partition with a problem. */
export interface PartitionProblem {
  topic: string;
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  minIsr: number;
}

/**
 * `cluster health --json`. `healthy` is false (and the exit code 6) when any partition is offline
 * (no live leader), under-replicated (ISR smaller than the replica set) or under min ISR (ISR
 * smaller than the topic's min.insync.replicas), with kafka-topics.sh's definitions.
 */
export interface HealthResult {
  healthy: boolean;
  clusterId: string;
  controllerId: number;
  brokers: number;
  topics: number;
  partitions: number;
  offline: PartitionProblem[];
  underReplicated: PartitionProblem[];
  underMinIsr: PartitionProblem[];
}

export function parse(args: string[]): HealthOptions {
  return { topics: [...new Set(args)] };
}

export async function run(options: HealthOptions, ctx: Context): Promise<CommandResult> {
  const admin = await (await ctx.kafka()).admin();
  const [cluster, { topics, missing }] = await Promise.all([
    admin.cluster(),
    admin.describeTopics(options.topics, { includeInternal: true }),
  ]);
  if (missing.length)
    throw topicsNotFound(missing, missingHint('topics', missing, await admin.listTopics({ includeInternal: true }), await principal(ctx)));
  // Kafka hides the topics a principal may not describe: a check that saw none says so.
  if (!topics.length)
    ctx.warn(noneVisible('topics', await principal(ctx), 'the check needs DESCRIBE (and DESCRIBE_CONFIGS) on the topics'));
  const configs = await admin.describeTopicConfigs(topics.map((t) => t.name));
  const live = new Set(cluster.brokers.map((b) => b.id));
  const data: HealthResult = {
    healthy: true,
    clusterId: cluster.clusterId,
    controllerId: cluster.controllerId,
    brokers: cluster.brokers.length,
    topics: topics.length,
    partitions: 0,
    offline: [],
    underReplicated: [],
    underMinIsr: [],
  };
  for (const t of topics) {
    const minIsr = Number(configs.get(t.name)?.find((c) => c.name === 'min.insync.replicas')?.value ?? 1);
    for (const p of t.partitions) {
      data.partitions++;
      const problem: PartitionProblem = {
        topic: t.name,
        partition: p.partition,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
        minIsr,
      };
      if (p.leader < 0 || !live.has(p.leader)) data.offline.push(problem);
      if (p.isr.length < p.replicas.length) data.underReplicated.push(problem);
      if (p.isr.length < minIsr) data.underMinIsr.push(problem);
    }
  }
  data.healthy = !data.offline.length && !data.underReplicated.length && !data.underMinIsr.length;
  const summary = [
    `${data.healthy ? 'OK' : 'UNHEALTHY'}: ${data.brokers} broker(s), ${data.topics} topic(s), ${data.partitions} partition(s)`,
    `offline: ${data.offline.length}  under-replicated: ${data.underReplicated.length}  under-min-isr: ${data.underMinIsr.length}`,
  ];
  const rows = [
    ...data.offline.map((p) => ['offline', p] as const),
    ...data.underReplicated.map((p) => ['under-replicated', p] as const),
    ...data.underMinIsr.map((p) => ['under-min-isr', p] as const),
  ].map(([what, p]) => [what, p.topic, p.partition, p.leader < 0 ? 'none' : p.leader, p.replicas.join(','), p.isr.join(','), p.minIsr]);
  return {
    data,
    view: [
      { lines: summary },
      ...(rows.length ? [{ head: ['PROBLEM', 'TOPIC', 'PARTITION', 'LEADER', 'REPLICAS', 'ISR', 'MIN-ISR'], rows, numeric: [2, 6] }] : []),
    ],
    exitCode: data.healthy ? ExitCode.ok : ExitCode.check,
  };
}
