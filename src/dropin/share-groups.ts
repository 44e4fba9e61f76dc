/**
 * kafka-share-groups.sh (ShareGroupCommand, Kafka 4.3), drop-in as `ktool share-groups ...` (the
 * `groups` noun's flags are kafka-consumer-groups.sh's): --list [--state [S]], --describe [--offsets|
 * --members|--state] [--verbose], --delete, --delete-offsets, --reset-offsets, with the original's
 * tables (`GROUP TOPIC PARTITION START-OFFSET LAG`, members' `#PARTITIONS` and `topic:0,1` assignment),
 * `Share group 'g' has no active members.` on stderr and `Error: ...` lines on stdout with exit 0.
 */
import type { Context } from '../cli/context.js';
import type { GroupDescription, ShareOffset } from '../kafka/groups-types.js';
import { deletionReport, groupError } from './group-deletion.js';
import { has, valueOf, type JoptOption, type JoptResult } from './jopt.js';
import { runGroupTool } from './group-tool.js';
import { UsageExit, type DropinOut, type DropinScript } from './script.js';

const switchOf = (name: string): JoptOption => ({ name, value: false });
const valued = (name: string): JoptOption => ({ name, value: true });

export const SHARE_GROUPS_OPTIONS: readonly JoptOption[] = [
  switchOf('all-groups'),
  switchOf('all-topics'),
  valued('bootstrap-server'),
  valued('command-config'),
  switchOf('delete'),
  switchOf('delete-offsets'),
  switchOf('describe'),
  switchOf('dry-run'),
  switchOf('execute'),
  valued('group'),
  switchOf('help'),
  switchOf('list'),
  switchOf('members'),
  switchOf('offsets'),
  switchOf('reset-offsets'),
  { name: 'state', value: true, optional: true },
  valued('timeout'),
  valued('to-datetime'),
  switchOf('to-earliest'),
  switchOf('to-latest'),
  valued('topic'),
  switchOf('verbose'),
  { name: 'version', value: false },
];

const ACTIONS = ['list', 'describe', 'delete', 'reset-offsets', 'delete-offsets'];
/** In the order the original's refusal lists them. */
const STATES = ['Stable', 'Dead', 'Empty'];
const pad = (s: string | number, width: number) => String(s).padEnd(width);
const dash = (v: bigint | number | null | undefined) => (v === null || v === undefined ? '-' : String(v));

export const SHARE_GROUPS: DropinScript = {
  script: 'kafka-share-groups.sh',
  options: SHARE_GROUPS_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  async run(o, ctx, out) {
    if (has(o, 'help')) {
      const { wordHelp } = await import('./words.js');
      await out.stdout(wordHelp((await import('./share-words.js')).SHARE_GROUPS_WORD));
      return 0;
    }
    checkOptions(o);
    return runGroupTool(
      'share',
      { list, describe, delete: deleteGroups, 'delete-offsets': deleteOffsets, 'reset-offsets': resetOffsets },
      o,
      ctx,
      out,
    );
  },
};

/** ShareGroupCommandOptions.checkArgs, in its order. */
function checkOptions(o: JoptResult): void {
  if (ACTIONS.filter((a) => has(o, a)).length !== 1) {
    throw new UsageExit(`Command must include exactly one action: ${ACTIONS.map((a) => `--${a}`).join(', ')}.`);
  }
  const needsGroup = ['describe', 'delete'].find((a) => has(o, a));
  if (needsGroup && !has(o, 'group') && !has(o, 'all-groups')) {
    throw new UsageExit(`Option [${needsGroup}] takes one of these options: [all-groups], [group]`);
  }
  if (has(o, 'group') && has(o, 'all-groups')) throw new UsageExit('Option "[group]" can\'t be used with option "[all-groups]"');
  if (has(o, 'delete') && has(o, 'topic')) throw new UsageExit('Option [delete] does not take the option: [topic]');
  if (has(o, 'reset-offsets') && !has(o, 'group')) throw new UsageExit('Option [reset-offsets] takes the option: [group]');
  if (has(o, 'reset-offsets')) {
    if (!has(o, 'dry-run') && !has(o, 'execute')) throw new UsageExit('Option [reset-offsets] takes the option: [execute] or [dry-run]');
    if (!['to-datetime', 'to-earliest', 'to-latest'].some((s) => has(o, s)))
      throw new UsageExit("Option '[reset-offsets]' requires one of the following scenarios: [[to-datetime], [to-earliest], [to-latest]]");
    if (!has(o, 'all-topics') && !has(o, 'topic')) throw new UsageExit('One of the reset scopes should be defined: --all-topics, --topic.');
  }
  if (has(o, 'delete-offsets') && (!has(o, 'group') || !has(o, 'topic'))) {
    throw new UsageExit('Option [delete-offsets] takes the following options: [topic], [group]');
  }
}

async function groupsApi(ctx: Context) {
  return (await ctx.kafka()).groups();
}

async function list(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const groups = await (await groupsApi(ctx)).listGroups(['share']);
  if (!has(o, 'state')) return out.stdout(groups.map((g) => `${g.group}\n`).join(''));
  const wanted = (valueOf(o, 'state') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = wanted.find((s) => !STATES.some((v) => v.toLowerCase() === s.toLowerCase()));
  if (bad !== undefined) throw new UsageExit(`Invalid state list '${valueOf(o, 'state')}'. Valid states are: ${STATES.join(', ')}`);
  const shown = groups.filter((g) => !wanted.length || wanted.some((s) => s.toLowerCase() === g.state.toLowerCase()));
  const width = Math.max(15, ...shown.map((g) => g.group.length));
  await out.stdout([['GROUP', 'STATE'], ...shown.map((g) => [g.group, g.state])].map(([a, b]) => `${pad(a, width)} ${b}\n`).join(''));
}

async function groupIds(o: JoptResult, ctx: Context): Promise<string[]> {
  if (!has(o, 'all-groups')) return o.values.get('group') ?? [];
  return (await (await groupsApi(ctx)).listGroups(['share'])).map((g) => g.group);
}

async function describe(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const api = await groupsApi(ctx);
  const ids = [...new Set(await groupIds(o, ctx))];
  const described = await api.describeGroups(ids);
  const missing = described.find((g) => !g.exists || g.type !== 'share');
  if (missing) {
    const why = missing.exists ? 'is not a share group' : 'not found';
    throw Object.assign(new Error(`Group ${missing.group} ${why}.`), { kafkaCode: 'GROUP_ID_NOT_FOUND' });
  }
  const verbose = has(o, 'verbose');
  for (const g of described) {
    if (has(o, 'members')) await describeMembers(g, verbose, out);
    else if (has(o, 'state') && !has(o, 'offsets')) await describeState(g, verbose, out);
    else {
      await describeOffsets(g, (await api.fetchShareOffsets([g.group])).get(g.group) ?? [], verbose, out);
      continue;
    }
    // The offsets view says nothing of members; the other two do.
    if (g.members.length === 0) await out.stderr(`\nShare group '${g.group}' has no active members.\n`);
  }
}

async function describeOffsets(g: GroupDescription, offsets: ShareOffset[], verbose: boolean, out: DropinOut): Promise<void> {
  const rows = [...offsets].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
  if (!rows.length) return out.stdout(`\nShare group '${g.group}' has no offset information.\n`);
  const gw = Math.max(15, g.group.length);
  const tw = Math.max(15, ...rows.map((r) => r.topic.length));
  const line = (c: string[]) =>
    `${pad(c[0], gw)} ${pad(c[1], tw)} ${pad(c[2], 10)} ${verbose ? `${pad(c[3], 13)} ` : ''}${pad(c[4], 13)} ${c[5]}\n`;
  let text = '\n' + line(['GROUP', 'TOPIC', 'PARTITION', 'LEADER-EPOCH', 'START-OFFSET', 'LAG']);
  for (const r of rows) text += line([g.group, r.topic, String(r.partition), dash(r.leaderEpoch), dash(r.startOffset), dash(r.lag)]);
  await out.stdout(text);
}

async function describeState(g: GroupDescription, verbose: boolean, out: DropinOut): Promise<void> {
  const coordinator = `${g.coordinator.host}:${g.coordinator.port}  (${g.coordinator.id})`;
  const gw = Math.max(15, g.group.length);
  const cw = Math.max(25, coordinator.length);
  const line = (c: string[]) =>
    `${pad(c[0], gw)} ${pad(c[1], cw)} ${pad(c[2], 15)} ${verbose ? `${pad(c[3], 12)} ${pad(c[4], 17)} ` : ''}${c[5]}\n`;
  const head = line(['GROUP', 'COORDINATOR (ID)', 'STATE', 'GROUP-EPOCH', 'ASSIGNMENT-EPOCH', '#MEMBERS']);
  const row = line([g.group, coordinator, g.state, dash(g.groupEpoch), dash(g.assignmentEpoch), String(g.members.length)]);
  await out.stdout(`\n${head}${row}`);
}

/** `topic:0,1;other:2`: each topic's partitions, topics in the order of their first partition. */
function assignment(parts: { topic: string; partition: number }[]): string {
  const byTopic = new Map<string, number[]>();
  for (const p of [...parts].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition)))
    byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
  return [...byTopic].map(([t, ps]) => `${t}:${ps.join(',')}`).join(';');
}

async function describeMembers(g: GroupDescription, verbose: boolean, out: DropinOut): Promise<void> {
  if (g.members.length === 0) return;
  const gw = Math.max(15, g.group.length);
  const iw = Math.max(15, ...g.members.map((m) => m.memberId.length));
  const hw = Math.max(15, ...g.members.map((m) => m.host.length));
  const cw = Math.max(15, ...g.members.map((m) => m.clientId.length));
  const line = (c: string[]) =>
    `${pad(c[0], gw)} ${pad(c[1], iw)} ${pad(c[2], hw)} ${pad(c[3], cw)} ${pad(c[4], 12)} ${verbose ? `${pad(c[5], 13)} ` : ''}${c[6]}\n`;
  let text = '\n' + line(['GROUP', 'CONSUMER-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS', 'MEMBER-EPOCH', 'ASSIGNMENT']);
  for (const m of g.members)
    text += line([g.group, m.memberId, m.host, m.clientId, String(m.assignment.length), dash(m.memberEpoch), assignment(m.assignment)]);
  await out.stdout(text);
}

async function deleteGroups(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const api = await groupsApi(ctx);
  const ids = await groupIds(o, ctx);
  // The original deletes share groups only: any other id is refused before the request.
  const described = ids.length ? await api.describeGroups(ids) : [];
  const notShare = new Set(described.filter((d) => !d.exists || d.type !== 'share').map((d) => d.group));
  const results = await api.deleteGroups(ids.filter((g) => !notShare.has(g)));
  const failed = new Map<string, string>(
    [...notShare].map((g) => [g, `java.lang.IllegalArgumentException: Group '${g}' is not a share group.`]),
  );
  for (const r of results.filter((x) => !x.ok)) failed.set(r.name, groupError(r.errorCode));
  const deleted = results.filter((r) => r.ok).map((r) => r.name);
  await out.stdout(deletionReport('share', deleted, failed));
}

async function deleteOffsets(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const group = valueOf(o, 'group')!;
  const topics = o.values.get('topic') ?? [];
  const r = await (await groupsApi(ctx)).deleteShareOffsets(group, topics);
  if (r.errorCode) throw Object.assign(new Error(r.error ?? r.errorCode), { kafkaCode: r.errorCode });
  const status = new Map(
    r.topics.map((t) => [t.topic, t.errorCode ? `Error: ${(t.error ?? '').replace(/([^.])$/, '$1.')}` : 'Successful']),
  );
  const tw = Math.max(15, ...topics.map((t) => t.length));
  let text = `\n${pad('TOPIC', tw)} STATUS\n`;
  for (const t of new Set(topics)) text += `${pad(t, tw)} ${status.get(t) ?? 'Successful'}\n`;
  await out.stdout(text);
}

/** ktool's reset plan (groups reset-offsets, which handles share groups) in the original's table; a group with members is refused. */
async function resetOffsets(o: JoptResult, ctx: Context, out: DropinOut): Promise<number> {
  const group = valueOf(o, 'group');
  if (group !== undefined) {
    const [d] = await (await groupsApi(ctx)).describeGroups([group]);
    if (d?.exists && d.members.length) {
      await out.stderr(`Share group '${group}' is not empty.\n`);
      return 1;
    }
  }
  const { runReset } = await import('./groups-reset.js');
  await runReset(o, ctx, out);
  return 0;
}
