import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { groupOptions } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { ExitCode, UsageError } from '../../errors.js';
import { tpKey } from '../../kafka/mirror-types.js';
import type { AdminApi } from '../../kafka/types.js';
import { javaPartition } from '../../kafka/partitioner.js';
import { MirrorEngine, type EngineOutcome } from './engine.js';
import { MIRROR_FETCH_BYTES, parse as parseMirror, SELECTION_OPTIONS, type MirrorOptions } from './options.js';
import { commitStamp, foreignReason, identifyPairs } from './pair-stamp.js';
import { startProgress } from './progress.js';
import { openSides, SIDE_OPTIONS } from './sides.js';
import { StartReport, type PartitionStart } from './start-report.js';
import { planTopics, selectTopics, type TopicPlan } from './topics.js';
import { tightenHeapGrowth } from '../../util/heap.js';

export const spec = defineCommand({
  command: 'mirror',
  description: 'copy topics from one cluster to another (MirrorMaker 2 style), verify copies, drive MirrorMaker 2 on Kafka Connect',
  // Output and base flags last, as help has always listed them (a spec's groups would come first).
  options: [
    ...SIDE_OPTIONS,
    ...SELECTION_OPTIONS,
    {
      flags: '-g, --group <group>',
      description:
        'consumer group on the source (default: derived from --from, --to and --rename); only ' +
        'offsets it committed for the same target topic are resumed from',
    },
    { flags: '--sync-configs', description: "create missing target topics with the source topic's configs" },
    { flags: '--until-caught-up', description: 'stop when every partition reached the end offset it had at start' },
    { flags: '--provenance', description: 'add header ktool.mirror.source = TOPIC/PARTITION/OFFSET to each copy' },
    { flags: '--start <where>', description: 'where a new group starts: earliest (default) or latest' },
    { flags: '--idle-timeout <duration>', description: 'stop after this long without a record' },
    { flags: '--compression <codec>', description: 'target compression: none, gzip, snappy, lz4, zstd (default none)' },
    { flags: '--replication-factor <n>', description: 'for created target topics (default: the target broker default)' },
    { flags: '--batch-bytes <n>', description: 'most bytes per produce request (default 512 KiB); a larger record goes alone' },
    { flags: '--max-in-flight <n>', description: 'produce requests in flight, 1-5 (default 4)' },
    { flags: '--commit-interval <duration>', description: 'how often acknowledged offsets are committed (default 1s)' },
    { flags: '-v, --verbose', description: "print each rebalance's partition assignment on stderr" },
    ...groupOptions('output'),
    ...groupOptions('base'),
  ],
  // The trailing newline keeps the blank line help has before the examples.
  notes:
    'A target leader that dies or moves is waited out by the idempotent producer (up to 2 ' +
    'minutes) with the same sequence numbers: nothing is copied twice. A longer outage ' +
    'restarts from the last acknowledged offsets (at-least-once).\n',
  examples: [
    "ktool mirror --from prod --to dr --topics 'orders|payments'",
    "ktool mirror --from prod --to dr --topics '.*' --exclude 'tmp\\..*' --rename 'prod.{topic}' --sync-configs",
    "ktool mirror --from old --to new --topics '.*' --until-caught-up --json   # a migration",
    "ktool mirror verify --from old --to new --topics '.*' --deep && echo identical",
    "ktool mirror deploy --connect-url http://connect:8083 --from prod --to dr --topics 'orders.*'",
  ],
  order: ['verify', 'deploy', 'status', 'pause', 'resume', 'delete'],
});

export function parse(args: string[], flags: Flags<typeof spec>): MirrorOptions {
  return parseMirror(args, { ...flags });
}

/**
 * `ktool mirror --json` prints this once at the end:
 * { source, target, group, outcome: "caught-up"|"stopped"|"idle", records, bytes (keys, values and
 *   headers copied), durationMs,
 *   recordsPerSecond, retries, topics: [{ source, target, partitions, targetPartitions,
 *   mapping: "same"|"hash", created, records, resumed (some partition resumed from committed offsets),
 *   starts: [{ partition, offset, from: "committed"|"earliest"|"latest", ignored?: { offset, reason } }] }] }
 * (starts: the partitions this process read, where each first started)
 */
export interface MirrorSummary {
  source: string;
  target: string;
  group: string;
  outcome: EngineOutcome;
  records: number;
  bytes: number;
  durationMs: number;
  recordsPerSecond: number;
  retries: number;
  topics: {
    source: string;
    target: string;
    partitions: number;
    targetPartitions: number;
    mapping: 'same' | 'hash';
    created: boolean;
    records: number;
    resumed: boolean;
    starts: PartitionStart[];
  }[];
}

export async function run(o: MirrorOptions, ctx: Context): Promise<CommandResult> {
  const sides = await openSides(ctx, o);
  tightenHeapGrowth(); // src/util/heap.ts
  const started = Date.now();
  try {
    const [sourceAdmin, targetAdmin] = await Promise.all([sides.source.admin(), sides.target.admin()]);
    const { names, plans } = await planMirror(o, ctx, sourceAdmin, targetAdmin);
    const all = plans.flatMap((p) => Array.from({ length: p.sourcePartitions }, (_, partition) => ({ topic: p.source, partition })));
    let ends: Map<string, bigint> | undefined;
    if (o.untilCaughtUp) {
      ends = new Map((await sourceAdmin.listOffsets(all, 'latest', 'read_committed')).map((x) => [tpKey(x.topic, x.partition), x.offset]));
    }

    // Each commit names its topic pair; only this pair's offsets are resumed from (pair-stamp.ts).
    const pairs = await identifyPairs(sourceAdmin, targetAdmin, plans, ctx.io);
    const stamps = new Map([...pairs].map(([topic, pair]) => [topic, commitStamp(pair)]));
    const report = new StartReport(ctx, plans, o.group);
    const group = await sides.source.mirrorGroup({ groupId: o.group, topics: names, commitMetadata: (topic) => stamps.get(topic) });
    const stopped = () => ctx.io.signal.aborted;
    const engine = new MirrorEngine(
      {
        group,
        sourceAdmin,
        openReader: (ranges) =>
          sides.source.partitionReader({
            ranges,
            isolation: 'read_committed',
            maxBytes: MIRROR_FETCH_BYTES,
            onWarning: (m) => ctx.warn(m),
            logStart: async (topic, partition) => (await sourceAdmin.listOffsets([{ topic, partition }], 'earliest'))[0].offset,
          }),
        // Retries are bounded by delivery.timeout.ms only, as Java's: a leader fail-over (seconds)
        // is waited out with the same producer id and sequence numbers, so a batch the dead leader
        // had written is deduplicated by the new one. A new session (new producer id) would copy it twice.
        openProducer: () =>
          sides.target.producer(
            { acks: -1, idempotent: true, compression: o.compression, clientId: `ktool-mirror-${process.pid}` },
            { signal: ctx.io.signal, onWarning: (m) => ctx.warn(m) },
          ),
        partitionFor: javaPartition,
        stopped,
        onAssignment: o.verbose
          ? (a, gen) =>
              ctx.io.stderr.write(
                `generation ${gen}: assigned ${a.length} ` +
                  `partition(s)${a.length ? `: ${a.map((tp) => `${tp.topic}:${tp.partition}`).join(',')}` : ''}\n`,
              )
          : undefined,
        foreignReason: (topic, metadata) => foreignReason(pairs.get(topic)!, metadata),
        onStarts: (starts) => report.add(starts),
        onRetry: (error, delayMs) =>
          ctx.io.stderr.write(
            `warning: ${(error as Error)?.message ?? error}; retrying in ` +
              `${(delayMs / 1000).toFixed(1)}s (nothing is lost: the mirror restarts from the last ` +
              `acknowledged offsets)\n`,
          ),
      },
      {
        plans,
        ends,
        start: o.start,
        provenance: o.provenance,
        batchBytes: o.batchBytes,
        maxInFlight: o.maxInFlight,
        compressed: o.compression !== 'none',
        commitIntervalMs: o.commitIntervalMs,
        idleTimeoutMs: o.idleTimeoutMs,
      },
    );
    await engine.noteLogStarts();
    const progress = ctx.io.stderrIsTTY ? startProgress(ctx, engine, plans, ends, sourceAdmin) : undefined;
    let outcome: EngineOutcome;
    try {
      outcome = await engine.run();
    } finally {
      progress?.stop();
      await group.close();
    }
    return summarize(o, sides.sourceName, sides.targetName, plans, engine, report, outcome, Date.now() - started);
  } finally {
    await sides.close();
  }
}

/**
 * The topics to copy and each one's target (created when missing, with the same configs): a copy
 * onto the same cluster needs --rename, and a target that --topics also selects is refused.
 */
async function planMirror(
  o: MirrorOptions,
  ctx: Context,
  sourceAdmin: AdminApi,
  targetAdmin: AdminApi,
): Promise<{ names: string[]; plans: TopicPlan[] }> {
  const [sourceCluster, targetCluster] = await Promise.all([sourceAdmin.cluster(), targetAdmin.cluster()]);
  if (sourceCluster.clusterId === targetCluster.clusterId && !o.rename.pattern) {
    throw new UsageError(
      'source and target are the same cluster: the mirror would copy topics onto themselves',
      "rename the targets, e.g. --rename 'copy.{topic}'",
    );
  }
  const names = await selectTopics(sourceAdmin, o);
  const plans = await planTopics(sourceAdmin, targetAdmin, names, o, {
    syncConfigs: o.syncConfigs,
    replicationFactor: o.replicationFactor,
    create: true,
  });
  for (const p of plans) {
    if (p.created) ctx.info(`created ${p.target} on the target (${p.sourcePartitions} partitions)`);
    if (p.mapping === 'hash')
      ctx.warn(
        `${p.target} has ${p.targetPartitions} partitions, fewer than ${p.source} ` +
          `(${p.sourcePartitions}): records go by key hash (Java murmur2), keyless ones to source ` +
          `partition modulo ${p.targetPartitions}`,
      );
  }
  if (sourceCluster.clusterId === targetCluster.clusterId) {
    const sourceSet = new Set(names);
    const loop = plans.find((p) => sourceSet.has(p.target) || o.topics.test(p.target));
    if (loop)
      throw new UsageError(
        `target topic ${loop.target} also matches --topics on the same cluster: the mirror would copy its own output`,
        'narrow --topics or use --exclude',
      );
  }
  return { names, plans };
}

function summarize(
  o: MirrorOptions,
  source: string,
  target: string,
  plans: TopicPlan[],
  engine: MirrorEngine,
  report: StartReport,
  outcome: EngineOutcome,
  durationMs: number,
): CommandResult {
  const data: MirrorSummary = {
    source,
    target,
    group: o.group,
    outcome,
    records: engine.acks.records,
    bytes: engine.acks.bytes,
    durationMs,
    recordsPerSecond: durationMs > 0 ? Math.round((engine.acks.records * 1000) / durationMs) : 0,
    retries: engine.retries,
    topics: plans.map((p) => ({
      source: p.source,
      target: p.target,
      partitions: p.sourcePartitions,
      targetPartitions: p.targetPartitions,
      mapping: p.mapping,
      created: p.created,
      records: engine.acks.perTopic.get(p.source) ?? 0,
      resumed: report.starts(p.source).some((s) => s.from === 'committed'),
      starts: report.starts(p.source),
    })),
  };
  return {
    data,
    view: [
      {
        head: ['SOURCE', 'TARGET', 'PARTITIONS', 'MAPPING', 'CREATED', 'RECORDS'],
        numeric: [2, 5],
        rows: data.topics.map((t) => [t.source, t.target, t.partitions, t.mapping, t.created, t.records]),
      },
      {
        lines: [
          `${outcome}: ${data.records} records (${data.bytes} bytes) in ` +
            `${(durationMs / 1000).toFixed(1)}s, ${data.recordsPerSecond} records/s, group ${o.group}`,
        ],
      },
    ],
    exitCode: outcome === 'stopped' ? ExitCode.interrupted : undefined,
  };
}
