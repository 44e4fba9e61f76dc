import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { groupOptions } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { ExitCode, UsageError } from '../../errors.js';
import type { KafkaClients, TopicPartition } from '../../kafka/types.js';
import { compareSequences, recordDigest, type Comparison, type Sequence } from './digest.js';
import { parseSelection, SELECTION_OPTIONS, type TopicSelection } from './options.js';
import { openSides, parseSides, SIDE_OPTIONS, type SidesOptions } from './sides.js';
import { planTopics, selectTopics, type TopicPlan } from './topics.js';

export const spec = defineCommand({
  command: 'verify',
  description: 'records per partition on both sides and the difference; --deep compares contents (exit 6 on mismatch)',
  options: [
    ...SIDE_OPTIONS,
    ...SELECTION_OPTIONS,
    { flags: '--deep', description: 'read both sides: compare counts and a digest of key, value, headers and timestamp, in order' },
    ...groupOptions('output'),
    ...groupOptions('base'),
  ],
  examples: [
    "ktool mirror verify --from prod --to dr --topics 'orders.*'",
    "ktool mirror verify --from old --to new --topics '.*' --deep --json",
  ],
});

export interface VerifyOptions extends SidesOptions, TopicSelection {
  deep: boolean;
}

export function parse(args: string[], flags: Flags<typeof spec>): VerifyOptions {
  const f: Record<string, unknown> = { ...flags };
  if (args.length) throw new UsageError(`unexpected argument "${args[0]}"`, 'topics are chosen with --topics REGEX');
  return { ...parseSides(f), ...parseSelection(f), deep: Boolean(f.deep) };
}

/**
 * `mirror verify --json`: { match, deep, topics: [{ source, target, mapping: "same"|"hash"|"missing",
 *   sourceRecords, targetRecords, difference, partitions: [{ partition, source, target, difference,
 *   (deep:) missing, duplicated, unexpected, firstDifference: { index, sourceOffset, targetOffset } | null }] }] }
 * Without --deep, counts are end minus start offsets (transaction markers count; compaction or a
 * different retention can make them differ); with --deep they are records read.
 */
export interface VerifyResult {
  match: boolean;
  deep: boolean;
  topics: TopicCheck[];
}

interface PartitionCheck extends Partial<Omit<Comparison, 'source' | 'target' | 'match'>> {
  partition: number;
  source: number;
  target: number;
  difference: number;
}

interface TopicCheck {
  source: string;
  target: string;
  mapping: 'same' | 'hash' | 'missing';
  sourceRecords: number;
  targetRecords: number;
  difference: number;
  match: boolean;
  missing?: number;
  duplicated?: number;
  unexpected?: number;
  partitions: PartitionCheck[];
}

const tps = (topic: string, n: number): TopicPartition[] => Array.from({ length: n }, (_, partition) => ({ topic, partition }));

async function counts(clients: KafkaClients, topic: string, partitions: number): Promise<number[]> {
  if (partitions === 0) return [];
  const admin = await clients.admin();
  const [start, end] = await Promise.all([
    admin.listOffsets(tps(topic, partitions), 'earliest'),
    admin.listOffsets(tps(topic, partitions), 'latest'),
  ]);
  const out = new Array<number>(partitions).fill(0);
  for (const e of end) out[e.partition] = Number(e.offset - (start.find((s) => s.partition === e.partition)?.offset ?? 0n));
  return out;
}

/** Every record of the topic's partitions, as digests in offset order. */
async function sequences(clients: KafkaClients, topic: string, partitions: number): Promise<Sequence[]> {
  const out: Sequence[] = Array.from({ length: partitions }, () => ({ digests: [], offsets: [] }));
  if (partitions === 0) return out;
  const admin = await clients.admin();
  const [start, end] = await Promise.all([
    admin.listOffsets(tps(topic, partitions), 'earliest'),
    admin.listOffsets(tps(topic, partitions), 'latest', 'read_committed'),
  ]);
  const reader = await clients.partitionReader({
    ranges: end.map((e) => ({
      topic,
      partition: e.partition,
      start: start.find((s) => s.partition === e.partition)!.offset,
      end: e.offset,
    })),
    isolation: 'read_committed',
    logStart: async (t, p) => (await admin.listOffsets([{ topic: t, partition: p }], 'earliest'))[0].offset,
  });
  try {
    for (;;) {
      const records = await reader.next();
      if (records === null) break;
      for (const r of records) {
        out[r.partition].digests.push(recordDigest(r));
        out[r.partition].offsets.push(r.offset);
      }
    }
  } finally {
    await reader.close();
  }
  return out;
}

export async function run(o: VerifyOptions, ctx: Context): Promise<CommandResult> {
  const sides = await openSides(ctx, o);
  try {
    const [sourceAdmin, targetAdmin] = await Promise.all([sides.source.admin(), sides.target.admin()]);
    const names = await selectTopics(sourceAdmin, o);
    const plans = await planTopics(sourceAdmin, targetAdmin, names, o, { syncConfigs: false, create: false });
    const topics: TopicCheck[] = [];
    for (const plan of plans) topics.push(await checkTopic(plan, o.deep, sides.source, sides.target));
    return verifyResult(topics, o.deep, ctx);
  } finally {
    await sides.close();
  }
}

/** One topic compared: record counts per partition, or with --deep each record's digest. */
async function checkTopic(plan: TopicPlan, deep: boolean, source: KafkaClients, target: KafkaClients): Promise<TopicCheck> {
  const mapping = plan.targetPartitions === 0 ? 'missing' : plan.mapping;
  const check: TopicCheck = {
    source: plan.source,
    target: plan.target,
    mapping,
    sourceRecords: 0,
    targetRecords: 0,
    difference: 0,
    match: true,
    partitions: [],
  };
  const rows = Math.max(plan.sourcePartitions, plan.targetPartitions);
  if (deep) {
    const [src, tgt] = await Promise.all([
      sequences(source, plan.source, plan.sourcePartitions),
      sequences(target, plan.target, plan.targetPartitions),
    ]);
    const none: Sequence = { digests: [], offsets: [] };
    if (mapping === 'same' || mapping === 'missing') {
      for (let p = 0; p < rows; p++) {
        const c = compareSequences(src[p] ?? none, tgt[p] ?? none);
        check.partitions.push({
          partition: p,
          source: c.source,
          target: c.target,
          difference: c.target - c.source,
          missing: c.missing,
          duplicated: c.duplicated,
          unexpected: c.unexpected,
          firstDifference: c.firstDifference,
        });
        if (!c.match) check.match = false;
      }
    } else {
      // Repartitioned by key: order across partitions is gone; compare the topic as a multiset.
      const flat = (list: Sequence[]): Sequence => ({ digests: list.flatMap((s) => s.digests), offsets: list.flatMap((s) => s.offsets) });
      const c = compareSequences(flat(src), flat(tgt), false);
      for (let p = 0; p < rows; p++)
        check.partitions.push({
          partition: p,
          source: src[p]?.digests.length ?? 0,
          target: tgt[p]?.digests.length ?? 0,
          difference: (tgt[p]?.digests.length ?? 0) - (src[p]?.digests.length ?? 0),
        });
      check.match = c.match;
      Object.assign(check, { missing: c.missing, duplicated: c.duplicated, unexpected: c.unexpected });
    }
  } else {
    const [src, tgt] = await Promise.all([
      counts(source, plan.source, plan.sourcePartitions),
      counts(target, plan.target, plan.targetPartitions),
    ]);
    for (let p = 0; p < rows; p++)
      check.partitions.push({ partition: p, source: src[p] ?? 0, target: tgt[p] ?? 0, difference: (tgt[p] ?? 0) - (src[p] ?? 0) });
  }
  check.sourceRecords = check.partitions.reduce((n, p) => n + p.source, 0);
  check.targetRecords = check.partitions.reduce((n, p) => n + p.target, 0);
  check.difference = check.targetRecords - check.sourceRecords;
  if (!deep)
    check.match = mapping === 'same' ? check.partitions.every((p) => p.difference === 0) : mapping === 'hash' && check.difference === 0;
  if (deep && check.missing === undefined) {
    check.missing = check.partitions.reduce((n, p) => n + (p.missing ?? 0), 0);
    check.duplicated = check.partitions.reduce((n, p) => n + (p.duplicated ?? 0), 0);
    check.unexpected = check.partitions.reduce((n, p) => n + (p.unexpected ?? 0), 0);
  }
  return check;
}

/** The verdict (exit 6 on a mismatch, the first one on stderr) and a row per partition. */
function verifyResult(topics: TopicCheck[], deep: boolean, ctx: Context): CommandResult {
  const data: VerifyResult = { match: topics.every((t) => t.match), deep, topics };
  const bad = topics.filter((t) => !t.match);
  if (bad.length) {
    const first = bad[0];
    const diff = first.partitions.find((p) => p.firstDifference)?.firstDifference;
    const firstDifference = diff
      ? `, first difference at source offset ${diff.sourceOffset ?? 'none'} / target offset ${diff.targetOffset ?? 'none'}`
      : '';
    ctx.io.stderr.write(
      `mismatch: ${bad.length} of ${topics.length} topic(s) differ, e.g. ${first.source} -> ` +
        `${first.target}: ${first.sourceRecords} vs ${first.targetRecords} records` +
        `${deep ? `, ${first.missing} missing, ${first.duplicated} duplicated, ${first.unexpected} unexpected` : ''}` +
        `${firstDifference}\n`,
    );
  }
  const head = [
    'SOURCE',
    'TARGET',
    'PARTITION',
    'SOURCE-RECORDS',
    'TARGET-RECORDS',
    'DIFF',
    ...(deep ? ['MISSING', 'DUPLICATED', 'UNEXPECTED', 'FIRST-DIFF'] : []),
    'MATCH',
  ];
  const rows = topics.flatMap((t) =>
    t.partitions.map((p) => [
      t.source,
      t.target,
      p.partition,
      p.source,
      p.target,
      p.difference,
      ...(deep
        ? [
            p.missing ?? '',
            p.duplicated ?? '',
            p.unexpected ?? '',
            p.firstDifference ? `${p.firstDifference.sourceOffset ?? '-'}/${p.firstDifference.targetOffset ?? '-'}` : '',
          ]
        : []),
      t.mapping === 'hash'
        ? p.partition === 0
          ? t.match
          : ''
        : !(p.difference || p.missing || p.duplicated || p.unexpected || p.firstDifference) && t.mapping !== 'missing',
    ]),
  );
  return {
    data,
    view: [
      { head, rows, numeric: [2, 3, 4, 5, ...(deep ? [6, 7, 8] : [])] },
      {
        lines: [
          data.match
            ? `match: ${topics.length} topic(s) ${deep ? 'identical' : 'have the same record counts'}`
            : `MISMATCH in ${bad.map((t) => t.source).join(', ')}`,
        ],
      },
    ],
    exitCode: data.match ? undefined : ExitCode.check,
  };
}
