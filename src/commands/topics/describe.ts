import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { compileRegex, REGEX_CHARS } from '../../cli/parse-helpers.js';
import { NotFoundError } from '../../errors.js';
import { isDenied } from '../../kafka/denied.js';
import { topicsNotFound } from '../../kafka/not-found.js';
import { missingHint, principal } from '../missing-hints.js';
import type { AdminApi, ConfigEntry, TopicInfo } from '../../kafka/types.js';
import type { Block } from '../../output/view.js';
import { filtersFrom, partitionMatches, type PartitionFilter } from './partition-filters.js';

export const spec = defineCommand({
  command: 'describe [topics...]',
  description: 'partitions (leader, replicas, ISR, offline), offsets, message counts and non-default configs',
  groups: ['connection', 'output', 'base'],
  options: [
    { flags: '--exclude-internal', description: 'with no topic named: skip internal topics' },
    { flags: '--under-replicated-partitions', description: 'only partitions whose ISR is smaller than the replica set' },
    { flags: '--unavailable-partitions', description: 'only partitions without a live leader' },
    { flags: '--under-min-isr-partitions', description: 'only partitions whose ISR is below min.insync.replicas' },
    { flags: '--at-min-isr-partitions', description: 'only partitions whose ISR equals min.insync.replicas' },
    { flags: '--no-offsets', description: 'skip earliest/latest offsets (faster on huge clusters)' },
    { flags: '--if-exists', description: 'no error for topics that do not exist' },
  ],
  examples: [
    'ktool topics describe orders',
    'ktool topics describe --under-replicated-partitions',
    "ktool topics describe orders --json | jq '.[0].partitions[] | {partition, leader, isr}'",
  ],
});

export interface DescribeOptions {
  topics: string[];
  excludeInternal: boolean;
  filters: PartitionFilter[];
  offsets: boolean;
  ifExists: boolean;
}

/** One element of `topics describe --json`. Offsets are numbers; `messages` is latest - earliest. */
export interface TopicDescription {
  name: string;
  id: string;
  internal: boolean;
  partitionCount: number;
  replicationFactor: number;
  /**
   * Configs whose value does not come from the broker's built-in default (as kafka-topics.sh shows);
   * null when the principal may not DescribeConfigs.
   */
  configs: Record<string, string | null> | null;
  partitions: {
    partition: number;
    leader: number;
    replicas: number[];
    isr: number[];
    offline: number[];
    earliestOffset?: number;
    latestOffset?: number;
    messages?: number;
  }[];
}

export function parse(args: string[], flags: Flags<typeof spec>): DescribeOptions {
  return {
    topics: args,
    excludeInternal: Boolean(flags.excludeInternal),
    filters: filtersFrom({ ...flags }),
    offsets: flags.offsets !== false,
    ifExists: Boolean(flags.ifExists),
  };
}

/**
 * Names and patterns -> the topics to describe. The listing hides topics the principal may not
 * describe, so a name it lacks is asked for by name: Kafka then says TOPIC_AUTHORIZATION_FAILED
 * (exit 4) if the principal may not describe it, else that it does not exist.
 */
async function resolveNames(
  admin: AdminApi,
  options: DescribeOptions,
): Promise<{ names: string[]; missing: string[]; unmatched: string[]; all: string[] }> {
  const all = await admin.listTopics({ includeInternal: true });
  if (options.topics.length === 0) {
    return { names: options.excludeInternal ? await admin.listTopics({ includeInternal: false }) : all, missing: [], unmatched: [], all };
  }
  const existing = new Set(all);
  const names = new Set<string>();
  const unlisted: string[] = [];
  const unmatched: string[] = [];
  for (const arg of options.topics) {
    if (existing.has(arg)) names.add(arg);
    else if (REGEX_CHARS.test(arg)) {
      const re = compileRegex(arg, 'topic');
      const hits = all.filter((n) => re.test(n));
      if (hits.length === 0) unmatched.push(arg);
      hits.forEach((h) => names.add(h));
    } else unlisted.push(arg);
  }
  const missing = unlisted.length ? (await admin.describeTopics(unlisted)).missing : [];
  return { names: [...names].sort(), missing, unmatched, all };
}

export async function run(options: DescribeOptions, ctx: Context): Promise<CommandResult> {
  const admin = await (await ctx.kafka()).admin();
  const { names, missing, unmatched, all } = await resolveNames(admin, options);
  if ((missing.length || unmatched.length) && !options.ifExists) {
    const who = await principal(ctx);
    if (missing.length) throw topicsNotFound(missing, missingHint('topics', missing, all, who));
    throw new NotFoundError(
      `no topic matches ${unmatched.map((p) => `'${p}'`).join(', ')} (a pattern matches whole names)`,
      missingHint('topics', [], all, who),
    );
  }
  // Describe without DescribeConfigs is a common ACL set-up: show the partitions anyway.
  let configsDenied = false;
  const configsOrNone = admin.describeTopicConfigs(names).catch((error: unknown) => {
    if (!isDenied(error)) throw error;
    configsDenied = true;
    ctx.warn(`topic configs not shown: ${error.message}`);
    return new Map<string, ConfigEntry[]>();
  });
  const [{ topics }, configs, cluster] = await Promise.all([
    admin.describeTopics(names),
    configsOrNone,
    options.filters.length ? admin.cluster() : undefined,
  ]);
  const offsets = options.offsets ? await fetchOffsets(admin, topics) : undefined;
  const live = new Set(cluster?.brokers.map((b) => b.id) ?? []);

  const data: TopicDescription[] = [];
  for (const t of topics) {
    const entries = configs.get(t.name) ?? [];
    const minIsr = Number(entries.find((c) => c.name === 'min.insync.replicas')?.value ?? 1);
    const partitions = t.partitions
      .filter((p) => options.filters.every((f) => partitionMatches(f, p, live, minIsr)))
      .map((p) => {
        const key = `${t.name}:${p.partition}`;
        const earliest = offsets?.earliest.get(key);
        const latest = offsets?.latest.get(key);
        return {
          partition: p.partition,
          leader: p.leader,
          replicas: p.replicas,
          isr: p.isr,
          offline: p.offline,
          ...(offsets
            ? {
                earliestOffset: earliest,
                latestOffset: latest,
                messages: earliest !== undefined && latest !== undefined ? latest - earliest : undefined,
              }
            : {}),
        };
      });
    if (options.filters.length && partitions.length === 0) continue;
    data.push({
      name: t.name,
      id: t.id,
      internal: t.internal,
      partitionCount: t.partitions.length,
      replicationFactor: t.partitions[0]?.replicas.length ?? 0,
      configs: configsDenied
        ? null
        : Object.fromEntries(entries.filter((c) => !c.isDefault).map((c) => [c.name, c.sensitive ? null : c.value])),
      partitions,
    });
  }
  if (missing.length || unmatched.length) ctx.warn(`not found (ignored with --if-exists): ${[...missing, ...unmatched].join(', ')}`);
  return { data, view: data.flatMap((t) => topicView(t, options.offsets)) };
}

async function fetchOffsets(admin: AdminApi, topics: TopicInfo[]) {
  const partitions = topics.flatMap((t) =>
    t.partitions.filter((p) => p.leader >= 0).map((p) => ({ topic: t.name, partition: p.partition })),
  );
  const [earliest, latest] = await Promise.all([admin.listOffsets(partitions, 'earliest'), admin.listOffsets(partitions, 'latest')]);
  const toMap = (list: typeof earliest) => new Map(list.map((o) => [`${o.topic}:${o.partition}`, Number(o.offset)]));
  return { earliest: toMap(earliest), latest: toMap(latest) };
}

function topicView(t: TopicDescription, withOffsets: boolean): Block[] {
  const configs =
    t.configs === null
      ? '(not authorized)'
      : Object.entries(t.configs)
          .map(([k, v]) => `${k}=${v ?? '<sensitive>'}`)
          .join(',');
  const header = [
    `Topic: ${t.name}  TopicId: ${t.id}  PartitionCount: ${t.partitionCount}  ` +
      `ReplicationFactor: ${t.replicationFactor}${t.internal ? '  (internal)' : ''}`,
    `Configs: ${configs || '-'}`,
  ];
  const head = ['PARTITION', 'LEADER', 'REPLICAS', 'ISR', 'OFFLINE', ...(withOffsets ? ['EARLIEST', 'LATEST', 'MESSAGES'] : [])];
  const rows = t.partitions.map((p) => [
    p.partition,
    p.leader < 0 ? 'none' : p.leader,
    p.replicas.join(','),
    p.isr.join(','),
    p.offline.join(',') || '',
    ...(withOffsets ? [p.earliestOffset, p.latestOffset, p.messages] : []),
  ]);
  return [{ lines: header }, { head, rows, numeric: [0, 1, 5, 6, 7], wideOnly: [4] }];
}
