import { readUserFile } from '../../util/read-user-file.js';
import { confirmDestructive } from '../../cli/confirm.js';
import type { Context } from '../../cli/context.js';
import { refuseInternalTopics } from '../../cli/internal-topics.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { ALLOW_INTERNAL_TOPICS, YES } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { KtoolError, UsageError } from '../../errors.js';
import { errorForKafkaCode } from '../../kafka/code-errors.js';
import { tpKey, type AdminApi, type TopicPartition } from '../../kafka/types.js';
import { batchOutcome } from '../batch-outcome.js';
import { principal } from '../missing-hints.js';
import { resolvePartitions } from '../offsets/resolve.js';
import { isTime, parseTime } from '../../cli/time-spec.js';
import { parseTopicSelection, type TopicSelection } from '../../cli/topic-partitions.js';
import { parseOffsetFile } from './offset-file.js';

export const spec = defineCommand({
  command: 'delete-records [topics...]',
  description: 'delete records below an offset or a time (kafka-delete-records.sh); asks on a terminal, needs --yes otherwise',
  groups: ['connection', 'output', 'base'],
  // --yes and --allow-internal-topics after the command's own flags, where help has always shown them.
  options: [
    {
      flags: '--before <offset|end|@time>',
      description:
        'delete records below OFFSET, all records (end), or those older than @TIME (epoch ms, ' +
        'ISO-8601 or relative like @-1h; the @ is required)',
    },
    {
      flags: '--offset-json-file <file>',
      description: 'kafka-delete-records.sh JSON: {"partitions": [{"topic": "t", "partition": 0, "offset": 3}], "version": 1}',
    },
    ...YES,
    ...ALLOW_INTERNAL_TOPICS,
  ],
  examples: [
    'ktool delete-records orders:0 --before 1000 --yes',
    'ktool delete-records orders --before @2024-05-01T00:00:00Z',
    'ktool delete-records orders --before @-7d --yes          # records older than a week',
    'ktool delete-records orders --before end --yes          # empty the topic, keep it',
    'ktool delete-records --offset-json-file offsets.json --yes',
  ],
});

/** Where to cut: below an offset, below the first record at or after a time, or everything (end). */
export type Cut = { offset: bigint } | { time: number } | 'end';

export interface DeleteRecordsOptions {
  selections: TopicSelection[];
  before?: Cut;
  offsetJsonFile?: string;
  yes: boolean;
  allowInternal: boolean;
}

/**
 * One element of `delete-records --json`, sorted by topic and partition: the new low watermark
 * (log start offset) and how many records were removed, or the error for that partition.
 */
export interface DeleteRecordsResultItem {
  topic: string;
  partition: number;
  requestedOffset: number | string;
  lowWatermark?: number | string;
  deleted?: number;
  errorCode?: string;
  error?: string;
}

const CUT_HINT = 'use an offset (--before 1000), end (everything), or @TIME (--before @2024-05-01T00:00:00Z, @1714521600000, @-1h): ';

/**
 * `--before` values: OFFSET, -1/end/latest (the high watermark), or @TIME in ktool's one time
 * syntax (src/cli/time-spec.ts). The '@' is required: a bare number here is an offset.
 */
export function parseCut(text: string, now = Date.now()): Cut {
  const t = text.trim();
  if (/^(end|latest|-1)$/i.test(t)) return 'end';
  if (/^\d+$/.test(t)) return { offset: BigInt(t) };
  if (t.startsWith('@')) return { time: parseTime(t.slice(1), { what: '--before', now, alternatives: CUT_HINT }) };
  throw new UsageError(
    `--before: cannot read "${text}"`,
    isTime(t)
      ? `a time takes an @ here (a bare number is an offset): --before @${t}`
      : `${CUT_HINT}TIME is epoch ms, ISO-8601 or relative to now`,
  );
}

export function parse(args: string[], flags: Flags<typeof spec>): DeleteRecordsOptions {
  const selections = args.map((a) => parseTopicSelection(a));
  if (selections.some((s) => s.regex)) throw new UsageError('delete-records takes exact topic names, not patterns');
  const offsetJsonFile = flags.offsetJsonFile === undefined ? undefined : String(flags.offsetJsonFile);
  const before = flags.before === undefined ? undefined : parseCut(String(flags.before));
  if (offsetJsonFile) {
    if (selections.length || before)
      throw new UsageError('--offset-json-file names the partitions and offsets itself: give no TOPIC and no --before');
  } else {
    if (!selections.length) throw new UsageError('delete-records needs TOPIC[:PARTITIONS] and --before, or --offset-json-file FILE');
    if (!before) throw new UsageError('delete-records needs --before OFFSET|end|@TIME', 'e.g. ktool delete-records orders:0 --before 1000');
  }
  const allowInternal = Boolean(flags.allowInternalTopics);
  refuseInternalTopics(
    selections.map((s) => s.topic),
    allowInternal,
    'delete records of',
  );
  return { selections, before, offsetJsonFile, yes: Boolean(flags.yes), allowInternal };
}

interface Plan extends TopicPartition {
  offset: bigint;
  earliest: bigint;
  latest: bigint;
}

const key = (p: TopicPartition) => tpKey(p.topic, p.partition);
const plain = (v: bigint) => (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString());

type CutRequest = TopicPartition & { offset: bigint | 'end' | { time: number } };

/** Where to cut each partition, from --offset-json-file or from the selections and --before. */
async function cutRequests(options: DeleteRecordsOptions, admin: AdminApi): Promise<CutRequest[]> {
  if (options.offsetJsonFile) {
    const text = await readUserFile(options.offsetJsonFile, '--offset-json-file');
    const entries = parseOffsetFile(text, options.offsetJsonFile);
    refuseInternalTopics(
      entries.map((e) => e.topic),
      options.allowInternal,
      'delete records of',
    );
    // Check every named partition exists (exit 3 otherwise).
    await resolvePartitions(
      admin,
      [...new Set(entries.map((e) => e.topic))].map((topic) => ({
        topic,
        regex: false,
        partitions: entries.filter((e) => e.topic === topic).map((e) => e.partition),
      })),
    );
    return entries.map((e) => ({ topic: e.topic, partition: e.partition, offset: e.offset === -1n ? 'end' : e.offset }));
  }
  const partitions = await resolvePartitions(admin, options.selections);
  const cut = options.before!;
  return partitions.map((p) => ({ ...p, offset: cut === 'end' ? 'end' : 'offset' in cut ? cut.offset : { time: cut.time } }));
}

/** Each cut as an offset, with the partition's first and last offsets; a cut past the end is refused. */
async function planCuts(requests: CutRequest[], admin: AdminApi): Promise<Plan[]> {
  const partitions = requests.map(({ topic, partition }) => ({ topic, partition }));
  const timed = requests.filter((r) => typeof r.offset === 'object');
  const [earliest, latest, atTime] = await Promise.all([
    admin.listOffsets(partitions, 'earliest'),
    admin.listOffsets(partitions, 'latest'),
    timed.length
      ? admin.listOffsets(
          timed.map(({ topic, partition }) => ({ topic, partition })),
          { timestamp: (timed[0].offset as { time: number }).time },
        )
      : Promise.resolve([]),
  ]);
  const low = new Map(earliest.map((o) => [key(o), o.offset]));
  const high = new Map(latest.map((o) => [key(o), o.offset]));
  const found = new Map(atTime.map((o) => [key(o), o.offset]));
  const plan: Plan[] = requests.map((r) => {
    const hw = high.get(key(r)) ?? 0n;
    // No record at or after the time: every record is older, so everything goes.
    const offset =
      r.offset === 'end' ? hw : typeof r.offset === 'object' ? ((found.get(key(r)) ?? -1n) < 0n ? hw : found.get(key(r))!) : r.offset;
    return { topic: r.topic, partition: r.partition, offset, earliest: low.get(key(r)) ?? 0n, latest: hw };
  });
  const beyond = plan.filter((p) => p.offset > p.latest);
  if (beyond.length) {
    const b = beyond[0];
    throw new UsageError(
      `offset ${b.offset} is beyond the end of ${b.topic}:${b.partition} (high watermark ${b.latest})`,
      'use --before end to delete every record',
    );
  }
  return plan;
}

export async function run(options: DeleteRecordsOptions, ctx: Context): Promise<CommandResult> {
  const clients = await ctx.kafka();
  const admin = await clients.admin();
  const plan = await planCuts(await cutRequests(options, admin), admin);

  const toDelete = plan.reduce((n, p) => n + (p.offset > p.earliest ? p.offset - p.earliest : 0n), 0n);
  const where = plan.length === 1 ? `${plan[0].topic}:${plan[0].partition} before offset ${plan[0].offset}` : `${plan.length} partitions`;
  const items = plan.length > 1 ? plan.map((p) => `${p.topic}:${p.partition} before offset ${p.offset}`) : [];
  await confirmDestructive(ctx.io, { action: `delete ${toDelete} record(s) from ${where}`, items, yes: options.yes });

  const records = await clients.records();
  const outcomes = await records.deleteRecords(plan.map(({ topic, partition, offset }) => ({ topic, partition, offset })));
  const planned = new Map(plan.map((p) => [key(p), p]));
  const data: DeleteRecordsResultItem[] = outcomes.map((o) => {
    const p = planned.get(key(o))!;
    if (o.lowWatermark === undefined)
      return { topic: o.topic, partition: o.partition, requestedOffset: plain(p.offset), errorCode: o.errorCode, error: o.error };
    const removed = o.lowWatermark > p.earliest ? o.lowWatermark - p.earliest : 0n;
    return {
      topic: o.topic,
      partition: o.partition,
      requestedOffset: plain(p.offset),
      lowWatermark: plain(o.lowWatermark),
      deleted: Number(removed),
    };
  });

  // kafka-delete-records.sh's report lines.
  const lines = data.filter((d) => !d.errorCode).map((d) => `partition: ${d.topic}-${d.partition}\tlow_watermark: ${d.lowWatermark}`);
  const result: CommandResult = {
    data,
    text: { table: lines.length ? lines.join('\n') + '\n' : undefined },
    view: [
      {
        head: ['TOPIC', 'PARTITION', 'LOW-WATERMARK', 'DELETED', 'ERROR'],
        rows: data.map((d) => [d.topic, d.partition, d.lowWatermark ?? '', d.deleted ?? '', d.error ? `${d.error} (${d.errorCode})` : '']),
        numeric: [1, 2, 3],
      },
    ],
  };
  return batchOutcome(ctx.io, result, {
    total: data.length,
    failed: data.filter((d) => d.errorCode),
    describe: failure,
    error: async (f) => failureError(f, await principal(ctx)),
  });
}

const failure = (f: DeleteRecordsResultItem) => `cannot delete records from ${f.topic}:${f.partition}: ${f.error} (${f.errorCode})`;

/** The error when no partition could be cut; it keeps Kafka's code (kafkaCode). */
function failureError(f: DeleteRecordsResultItem, principal: string | null): KtoolError {
  const kafkaCode = f.errorCode ?? 'UNKNOWN_SERVER_ERROR';
  // The cut is outside the log: the request is wrong (exit 2), not the cluster.
  if (kafkaCode === 'OFFSET_OUT_OF_RANGE') return new UsageError(failure(f), undefined, { kafkaCode });
  return errorForKafkaCode(kafkaCode, failure(f), undefined, { operation: 'Delete', names: [f.topic], principal });
}
