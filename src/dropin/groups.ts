/**
 * kafka-consumer-groups.sh (ConsumerGroupCommand, Kafka 4.3), drop-in: `ktool groups --list|--describe|
 * --delete|--delete-offsets|--reset-offsets ...` with the original's output: names one per line,
 * `--list --state/--type` columns, describe's offsets/members/state tables with their widths and the
 * `Consumer group 'g' has no active members.` line on stderr, `Error: ...` lines on stdout (exit 0,
 * as the original), the reset plan `GROUP TOPIC PARTITION NEW-OFFSET` or its CSV with --export.
 */
import type { Context } from '../cli/context.js';
import type { GroupDescription } from '../kafka/groups-types.js';
import { deletionReport, groupError } from './group-deletion.js';
import { has, valueOf, type JoptOption, type JoptResult } from './jopt.js';
import { runGroupTool } from './group-tool.js';
import { UsageExit, type DropinOut, type DropinScript } from './script.js';

const switchOf = (name: string): JoptOption => ({ name, value: false });
const valued = (name: string): JoptOption => ({ name, value: true });

export const GROUPS_OPTIONS: readonly JoptOption[] = [
  switchOf('all-groups'),
  switchOf('all-topics'),
  valued('bootstrap-server'),
  valued('by-duration'),
  valued('command-config'),
  switchOf('delete'),
  switchOf('delete-offsets'),
  switchOf('describe'),
  switchOf('dry-run'),
  switchOf('execute'),
  switchOf('export'),
  valued('from-file'),
  valued('group'),
  switchOf('help'),
  switchOf('list'),
  switchOf('members'),
  switchOf('offsets'),
  switchOf('reset-offsets'),
  valued('shift-by'),
  { name: 'state', value: true, optional: true },
  valued('timeout'),
  switchOf('to-current'),
  valued('to-datetime'),
  switchOf('to-earliest'),
  switchOf('to-latest'),
  valued('to-offset'),
  valued('topic'),
  { name: 'type', value: true, optional: true },
  valued('validate-regex'),
  switchOf('verbose'),
  switchOf('version'),
];

const pad = (s: string | number, width: number) => String(s).padEnd(width);

export const GROUPS: DropinScript = {
  script: 'kafka-consumer-groups.sh',
  options: GROUPS_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  async run(o, ctx, out) {
    const { checkGroupsArgs, validateRegex } = await import('./groups-args.js');
    await checkGroupsArgs(o, out);
    if (has(o, 'validate-regex')) return validateRegex(valueOf(o, 'validate-regex')!, out);
    return runGroupTool(
      'consumer',
      { list, describe, delete: deleteGroups, 'delete-offsets': deleteOffsets, 'reset-offsets': resetOffsets },
      o,
      ctx,
      out,
    );
  },
};

const TYPES: Record<string, string> = { classic: 'Classic', consumer: 'Consumer' };

async function list(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const api = await (await ctx.kafka()).groups();
  const typeOpt = has(o, 'type') ? (valueOf(o, 'type') ?? '') : '';
  const stateOpt = has(o, 'state') ? (valueOf(o, 'state') ?? '') : '';
  const types =
    typeOpt === ''
      ? undefined
      : typeOpt
          .toLowerCase()
          .split(',')
          .map((t) => t.trim());
  let groups = await api.listGroups(types);
  if (!has(o, 'type') && !has(o, 'state')) {
    await out.stdout(groups.map((g) => `${g.group}\n`).join(''));
    return;
  }
  const states = stateOpt === '' ? [] : stateOpt.split(',').map((s) => s.trim().toLowerCase());
  if (states.length) groups = groups.filter((g) => states.includes(g.state.toLowerCase()));
  const width = Math.max(15, ...groups.map((g) => g.group.length)) + 10;
  const row = (cells: string[]) =>
    `${pad(cells[0], width)}${cells
      .slice(1)
      .map((c) => ` ${pad(c, 20)}`)
      .join('')}\n`;
  const cols = (g: { group: string; type: string; state: string }) => [
    g.group,
    ...(has(o, 'type') ? [TYPES[g.type] ?? g.type] : []),
    ...(has(o, 'state') ? [g.state] : []),
  ];
  let text = row(['GROUP', ...(has(o, 'type') ? ['TYPE'] : []), ...(has(o, 'state') ? ['STATE'] : [])]);
  for (const g of groups) text += row(cols(g));
  await out.stdout(text);
}

async function groupIds(o: JoptResult, ctx: Context): Promise<string[]> {
  if (!has(o, 'all-groups')) return o.values.get('group') ?? [];
  return (await (await (await ctx.kafka()).groups()).listGroups()).map((g) => g.group);
}

/** shouldPrintMemberState: what the original says of a group before its table, and whether the table follows. */
async function memberState(g: GroupDescription, rows: number, out: DropinOut): Promise<boolean> {
  if (!g.exists || g.state === 'Dead') {
    await out.stdout(`\nError: Consumer group '${g.group}' does not exist.\n`);
    return false;
  }
  if (g.state === 'Empty') await out.stderr(`\nConsumer group '${g.group}' has no active members.\n`);
  else if (g.state !== 'Stable') await out.stderr(`\nWarning: Consumer group '${g.group}' is rebalancing.\n`);
  return rows > 0;
}

async function describe(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const api = await (await ctx.kafka()).groups();
  const ids = [...new Set(await groupIds(o, ctx))].sort();
  const notFound = (group: string) => Object.assign(new Error(`Group ${group} not found.`), { kafkaCode: 'GROUP_ID_NOT_FOUND' });
  let described: GroupDescription[];
  try {
    described = await api.describeGroups(ids);
  } catch (error) {
    if ((error as { kafkaCode?: string }).kafkaCode === 'GROUP_ID_NOT_FOUND') throw notFound(ids[0]);
    throw error;
  }
  const missing = described.find((g) => !g.exists);
  if (missing) throw notFound(missing.group);
  const verbose = has(o, 'verbose');
  const { describeOffsets, describeMembers, describeState } = await import('./groups-describe.js');
  if (has(o, 'offsets') || (!has(o, 'members') && !has(o, 'state'))) await describeOffsets(described, verbose, ctx, out, memberState);
  else if (has(o, 'members')) await describeMembers(described, verbose, out, memberState);
  else await describeState(described, verbose, out, memberState);
}

async function deleteGroups(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const api = await (await ctx.kafka()).groups();
  const ids = await groupIds(o, ctx);
  const results = await api.deleteGroups(ids);
  const failed = new Map(results.filter((r) => !r.ok).map((r) => [r.name, groupError(r.errorCode)]));
  const deleted = results.filter((r) => r.ok).map((r) => r.name);
  await out.stdout(deletionReport('consumer', deleted, failed));
}

async function deleteOffsets(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const { runDeleteOffsets } = await import('./groups-describe.js');
  await runDeleteOffsets(valueOf(o, 'group')!, o.values.get('topic') ?? [], ctx, out);
}

async function resetOffsets(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const { runReset } = await import('./groups-reset.js');
  await runReset(o, ctx, out);
}
