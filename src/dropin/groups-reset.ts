/**
 * kafka-consumer-groups.sh --reset-offsets: ktool's own plan (src/commands/groups/reset-offsets.ts,
 * the same arithmetic as the original) printed as ConsumerGroupCommand does: the
 * `GROUP TOPIC PARTITION NEW-OFFSET` table, or with --export the CSV `topic,partition,offset` (with
 * the group first unless one --group is named), groups and rows in the order of Java's HashMaps.
 * A group with members is refused by name (`Error: Assignments can only be reset if ...`) and the
 * others are reset (--all-groups: every consumer group); --from-file reads the plan as the original
 * (reset-plan-csv.ts); an offset moved into the log is the original's `WARN New offset ...` line.
 */
import type { Context } from '../cli/context.js';
import type { ResetRow } from '../commands/groups/reset-rows.js';
import type { PlanLine } from '../commands/groups/reset-plan.js';
import { javaHashMapOrderBy } from './java-text.js';
import { javaStringHash } from './java-hash-order.js';
import { has, valueOf, type JoptResult } from './jopt.js';
import { UsageExit, type DropinOut } from './script.js';

const SCENARIOS = ['to-offset', 'to-datetime', 'by-duration', 'to-earliest', 'to-latest', 'shift-by', 'from-file', 'to-current'];
const pad = (s: string | number, width: number) => String(s).padEnd(width);
/** TopicPartition.hashCode. */
const tpHash = (r: ResetRow) => (Math.imul(31, 31 + r.partition) + javaStringHash(r.topic)) | 0;

export async function runReset(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  if (!SCENARIOS.some((s) => has(o, s))) {
    throw new UsageExit(`Option '[reset-offsets]' requires one of the following scenarios: [${SCENARIOS.map((s) => `[${s}]`).join(', ')}]`);
  }
  if (!has(o, 'all-topics') && !has(o, 'topic') && !has(o, 'from-file')) {
    throw new UsageExit('One of the reset scopes should be defined: --all-topics, --topic.');
  }
  const api = await (await ctx.kafka()).groups();
  const named = o.values.get('group') ?? [];
  const ids = [...new Set(has(o, 'all-groups') ? (await api.listGroups()).map((g) => g.group) : named)];
  const described = new Map((await api.describeGroups(ids)).map((d) => [d.group, d]));
  const plan = has(o, 'from-file') ? await readPlan(valueOf(o, 'from-file')!, named, out) : undefined;
  // The original's HashMap of groups: refusals printed as it meets them, then the table of them all.
  const order = javaHashMapOrderBy(ids, javaStringHash);
  const eligible: string[] = [];
  for (const g of order) {
    const d = described.get(g);
    if (d?.exists && d.state !== 'Empty' && d.state !== 'Dead') {
      await out.stdout(`\nError: Assignments can only be reset if the group '${g}' is inactive, but the current state is ${d.state}.\n`);
    } else if (plan && !plan.has(g)) await out.stdout(`\nError: No reset plan for group ${g} found\n`);
    else eligible.push(g);
  }
  const rows = eligible.length ? await planRows(o, ctx, eligible, plan) : [];
  for (const r of rows.filter((x) => x.clampedFrom !== undefined)) {
    const [how, which] = r.clampedFrom! > r.newOffset ? ['higher', 'latest'] : ['lower', 'earliest'];
    await out.stderr(
      `WARN New offset (${r.clampedFrom}) is ${how} than ${which} offset for topic partition ${r.topic}-${r.partition}. ` +
        `Value will be set to ${r.newOffset}\n`,
    );
  }
  const perGroup = order.map((g) => ({
    group: g,
    rows: javaHashMapOrderBy(
      rows.filter((r) => r.group === g),
      tpHash,
    ),
  }));
  if (has(o, 'export')) {
    const single = named.length === 1;
    const lines = perGroup.flatMap((g) => g.rows.map((r) => `${single ? '' : `${r.group},`}${r.topic},${r.partition},${r.newOffset}\n`));
    await out.stdout(`${lines.join('')}\n`);
    return;
  }
  const gw = Math.max(15, ...ids.map((g) => g.length));
  const tw = Math.max(15, ...rows.map((r) => r.topic.length));
  const line = (c: (string | number)[]) => `\n${pad(c[0], gw)} ${pad(c[1], tw)} ${pad(c[2], 10)} ${c[3]}`;
  let text = ids.length ? line(['GROUP', 'TOPIC', 'PARTITION', 'NEW-OFFSET']) : '';
  for (const g of perGroup) for (const r of g.rows) text += line([r.group, r.topic, r.partition, r.newOffset]);
  await out.stdout(`${text}\n`);
}

/** The plan file as the original reads it: per group, or a failure of the whole command (Jackson's exception). */
async function readPlan(path: string, named: string[], out: DropinOut): Promise<Map<string, PlanLine[]>> {
  const { parseResetPlan, PlanCsvError } = await import('./reset-plan-csv.js');
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw Object.assign(new Error(`Unable to read file ${path}`), { javaText: `java.io.IOException: Unable to read file ${path}` });
  }
  try {
    const { plans, notes } = parseResetPlan(text, named);
    // The original probes the first line twice per group (resetPlanFromFile, then resetFromFile); once says the same.
    for (const note of notes) await out.stderr(`${note}\n`);
    return new Map([...plans].map(([g, entries]) => [g, entries.map((e) => ({ group: g, ...e }))]));
  } catch (error) {
    if (error instanceof PlanCsvError) throw Object.assign(new Error(error.message), { javaText: error.message });
    throw error;
  }
}

/** ktool's own reset (src/commands/groups/reset-offsets.ts) for the groups that may be reset: the rows of the plan. */
async function planRows(o: JoptResult, ctx: Context, groups: string[], plan: Map<string, PlanLine[]> | undefined): Promise<ResetRow[]> {
  const execute = has(o, 'execute') && !has(o, 'dry-run');
  const reset = await import('../commands/groups/reset-offsets.js');
  const options = reset.parse([], {
    group: groups,
    topic: plan ? undefined : o.values.get('topic'),
    allTopics: !plan && has(o, 'all-topics'),
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
  if (plan && options.strategy.kind === 'file') options.strategy.lines = groups.flatMap((g) => plan.get(g) ?? []);
  // ktool's run says "dry run" (and clamps) on stderr; the original says nothing there with --dry-run.
  const { Writable } = await import('node:stream');
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const quiet = { ...ctx, io: { ...ctx.io, stderr: sink }, warn: () => undefined } as unknown as Context;
  const result = await reset.run(options, quiet);
  return (result.data as ResetRow[]) ?? [];
}
