/**
 * kafka-consumer-groups.sh --reset-offsets: ktool's own plan (src/commands/groups/reset-offsets.ts,
 * the same arithmetic as the original) printed as ConsumerGroupCommand does: the
 * `GROUP TOPIC PARTITION NEW-OFFSET` table, or with --export the CSV `topic,partition,offset` (with
 * the group first when several are named), rows in the order of Java's HashMap of TopicPartition.
 */
import type { Context } from '../cli/context.js';
import type { ResetRow } from '../commands/groups/reset-rows.js';
import { javaHashMapOrderBy } from './java-text.js';
import { javaStringHash } from './java-hash-order.js';
import { has, valueOf, type JoptResult } from './jopt.js';
import { UsageExit, type DropinOut } from './script.js';

const SCENARIOS = ['to-offset', 'to-datetime', 'by-duration', 'to-earliest', 'to-latest', 'shift-by', 'from-file', 'to-current'];
const pad = (s: string | number, width: number) => String(s).padEnd(width);
/** TopicPartition.hashCode. */
const tpHash = (r: ResetRow) => (Math.imul(31, 31 + r.partition) + javaStringHash(r.topic)) | 0;

export async function runReset(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const execute = has(o, 'execute') && !has(o, 'dry-run');
  if (!has(o, 'dry-run') && !has(o, 'execute')) {
    await out.stderr(
      'WARN: No action will be performed as the --execute option is missing. In version 5.0, this command will require either ' +
        '--dry-run or --execute to be specified. You should add the --dry-run option explicitly if you are scripting this command ' +
        'and want to keep the current default behavior without prompting.\n',
    );
  }
  if (!SCENARIOS.some((s) => has(o, s))) {
    throw new UsageExit(`Option '[reset-offsets]' requires one of the following scenarios: [${SCENARIOS.map((s) => `[${s}]`).join(', ')}]`);
  }
  if (!has(o, 'all-topics') && !has(o, 'topic') && !has(o, 'from-file')) {
    throw new UsageExit('One of the reset scopes should be defined: --all-topics, --topic.');
  }
  const reset = await import('../commands/groups/reset-offsets.js');
  const options = reset.parse([], {
    group: o.values.get('group'),
    allGroups: has(o, 'all-groups'),
    topic: o.values.get('topic'),
    allTopics: has(o, 'all-topics'),
    toEarliest: has(o, 'to-earliest'),
    toLatest: has(o, 'to-latest'),
    toCurrent: has(o, 'to-current'),
    toOffset: valueOf(o, 'to-offset'),
    shiftBy: valueOf(o, 'shift-by'),
    toDatetime: valueOf(o, 'to-datetime'),
    byDuration: valueOf(o, 'by-duration'),
    fromFile: valueOf(o, 'from-file'),
    execute,
    dryRun: !execute,
    export: has(o, 'export'),
  } as never);
  // ktool's run says "dry run" on stderr; the original says nothing there with --dry-run.
  const { Writable } = await import('node:stream');
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const quiet = { ...ctx, io: { ...ctx.io, stderr: sink } } as unknown as Context;
  const result = await reset.run(options, quiet);
  const rows = (result.data as ResetRow[]) ?? [];
  const groups = [...new Set(rows.map((r) => r.group))];
  const perGroup = groups.map((g) => ({
    group: g,
    rows: javaHashMapOrderBy(
      rows.filter((r) => r.group === g),
      tpHash,
    ),
  }));
  if (has(o, 'export')) {
    const single = (o.values.get('group') ?? []).length === 1;
    const lines = perGroup.flatMap((g) => g.rows.map((r) => `${single ? '' : `${r.group},`}${r.topic},${r.partition},${r.newOffset}\n`));
    await out.stdout(`${lines.join('')}\n`);
    return;
  }
  const gw = Math.max(15, ...groups.map((g) => g.length));
  const tw = Math.max(15, ...rows.map((r) => r.topic.length));
  const line = (c: (string | number)[]) => `\n${pad(c[0], gw)} ${pad(c[1], tw)} ${pad(c[2], 10)} ${c[3]}`;
  let text = groups.length ? line(['GROUP', 'TOPIC', 'PARTITION', 'NEW-OFFSET']) : '';
  for (const g of perGroup) for (const r of g.rows) text += line([r.group, r.topic, r.partition, r.newOffset]);
  await out.stdout(`${text}\n`);
}
