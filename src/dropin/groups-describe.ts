/**
 * kafka-consumer-groups.sh --describe (offsets, --members, --state, each with --verbose) and
 * --delete-offsets, laid out as ConsumerGroupCommand prints them (column widths from the widest value,
 * `-` for a missing one).
 */
import type { Context } from '../cli/context.js';
import type { GroupDescription } from '../kafka/groups-types.js';
import type { TopicPartition } from '../kafka/types.js';
import { collectOffsets } from '../commands/groups/shared.js';
import type { DropinOut } from './script.js';

type MemberState = (g: GroupDescription, rows: number, out: DropinOut) => Promise<boolean>;
const pad = (s: string | number, width: number) => String(s).padEnd(width);
const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '-' : String(v));
const byTp = (a: TopicPartition, b: TopicPartition) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition);

export async function describeOffsets(groups: GroupDescription[], verbose: boolean, ctx: Context, out: DropinOut, state: MemberState) {
  for (const g of groups) {
    const { rows, committed } = await collectOffsets(ctx, [g]);
    const epochs = new Map((committed.get(g.group) ?? []).map((c) => [`${c.topic}:${c.partition}`, c.leaderEpoch]));
    // Members with the most partitions first, then the partitions no member has.
    const members = g.members.filter((m) => m.assignment.length).sort((a, b) => b.assignment.length - a.assignment.length);
    const ordered = [
      ...members.flatMap((m) => rows.filter((r) => r.memberId === m.memberId).sort(byTp)),
      ...rows.filter((r) => r.memberId === null).sort(byTp),
    ];
    if (!(await state(g, ordered.length, out))) continue;
    const cells = ordered.map((r) => {
      const epoch = epochs.get(`${r.topic}:${r.partition}`);
      return [
        r.group,
        r.topic,
        String(r.partition),
        ...(verbose ? [dash(epoch === undefined || epoch < 0 ? null : epoch)] : []),
        dash(r.currentOffset),
        dash(r.logEndOffset),
        dash(r.lag),
        dash(r.memberId),
        dash(r.host),
        dash(r.clientId),
      ];
    });
    const head = ['GROUP', 'TOPIC', 'PARTITION', ...(verbose ? ['LEADER-EPOCH'] : []), 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG'];
    const widths = [
      Math.max(15, ...cells.map((c) => c[0].length)),
      Math.max(15, ...cells.map((c) => c[1].length)),
      10,
      ...(verbose ? [15] : []),
      15,
      15,
      15,
    ];
    const n = widths.length;
    widths.push(Math.max(15, ...cells.map((c) => c[n].length)), Math.max(15, ...cells.map((c) => c[n + 1].length)));
    const line = (c: string[]) =>
      `\n${c
        .slice(0, -1)
        .map((x, i) => `${pad(x, widths[i])} `)
        .join('')}${c[c.length - 1]}`;
    await out.stdout(line([...head, 'CONSUMER-ID', 'HOST', 'CLIENT-ID']) + cells.map(line).join('') + '\n');
  }
}

const assignmentString = (tps: TopicPartition[]) => {
  const byTopic = new Map<string, number[]>();
  for (const tp of tps) byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
  return [...byTopic]
    .map(([t, ps]) => `${t}:${ps.sort((a, b) => a - b).join(',')}`)
    .sort()
    .join(';');
};

export async function describeMembers(groups: GroupDescription[], verbose: boolean, out: DropinOut, state: MemberState) {
  for (const g of groups) {
    const print = await state(g, g.members.length, out);
    const members = print ? g.members : [];
    const w = { group: 15, id: 15, instance: 17, host: 15, client: 15, current: 20, target: 20 };
    for (const m of members) {
      w.group = Math.max(w.group, g.group.length);
      w.id = Math.max(w.id, m.memberId.length);
      w.instance = Math.max(w.instance, (m.instanceId ?? '').length);
      w.host = Math.max(w.host, m.host.length);
      w.client = Math.max(w.client, m.clientId.length);
      w.current = Math.max(w.current, dash(assignmentString(m.assignment)).length);
      w.target = Math.max(w.target, dash(assignmentString(m.targetAssignment ?? [])).length);
    }
    const withInstance = members.some((m) => m.instanceId);
    const row = (c: { group: string; id: string; instance: string; host: string; client: string; n: string }) =>
      `${pad(c.group, w.group)} ${pad(c.id, w.id)} ${withInstance ? `${pad(c.instance, w.instance)} ` : ''}` +
      `${pad(c.host, w.host)} ${pad(c.client, w.client)} ${pad(c.n, 15)} `;
    const extra = (c: string[]) => `${pad(c[0], 15)} ${pad(c[1], w.current)} ${pad(c[2], 15)} ${pad(c[3], w.target)}`;
    const head = { group: 'GROUP', id: 'CONSUMER-ID', instance: 'GROUP-INSTANCE-ID', host: 'HOST', client: 'CLIENT-ID', n: '#PARTITIONS' };
    let text = `\n${row(head)}`;
    if (verbose) text += extra(['CURRENT-EPOCH', 'CURRENT-ASSIGNMENT', 'TARGET-EPOCH', 'TARGET-ASSIGNMENT']);
    text += '\n';
    for (const m of members) {
      text += row({
        group: g.group,
        id: m.memberId,
        instance: m.instanceId ?? '',
        host: m.host,
        client: m.clientId,
        n: String(m.assignment.length),
      });
      if (verbose) {
        const targetEpoch = g.type === 'consumer' ? g.assignmentEpoch : undefined;
        text += extra([
          dash(m.memberEpoch),
          dash(assignmentString(m.assignment)),
          dash(targetEpoch),
          dash(assignmentString(m.targetAssignment ?? [])),
        ]);
      }
      text += '\n';
    }
    await out.stdout(text);
  }
}

export async function describeState(groups: GroupDescription[], verbose: boolean, out: DropinOut, state: MemberState) {
  for (const g of groups) {
    if (!(await state(g, 1, out))) continue;
    const coordinator = `${g.coordinator.host}:${g.coordinator.port}  (${g.coordinator.id})`;
    const widths = [Math.max(15, g.group.length), Math.max(25, coordinator.length), 20, 20, ...(verbose ? [15, 25] : [])];
    const line = (c: string[]) =>
      `\n${c
        .slice(0, -1)
        .map((x, i) => `${pad(x, widths[i])} `)
        .join('')}${c[c.length - 1]}`;
    const epochs = verbose
      ? [dash(g.type === 'consumer' ? g.groupEpoch : undefined), dash(g.type === 'consumer' ? g.assignmentEpoch : undefined)]
      : [];
    const head = [
      'GROUP',
      'COORDINATOR (ID)',
      'ASSIGNMENT-STRATEGY',
      'STATE',
      ...(verbose ? ['GROUP-EPOCH', 'TARGET-ASSIGNMENT-EPOCH'] : []),
    ];
    await out.stdout(
      line([...head, '#MEMBERS']) + line([g.group, coordinator, dash(g.assignor), g.state, ...epochs, String(g.members.length)]) + '\n',
    );
  }
}

const PARTITION_ERRORS: Record<string, string> = {
  UNKNOWN_TOPIC_OR_PARTITION: 'UnknownTopicOrPartitionException: This server does not host this topic-partition.',
  GROUP_SUBSCRIBED_TO_TOPIC: 'GroupSubscribedToTopicException: The group is subscribed to the topic.',
  TOPIC_AUTHORIZATION_FAILED: 'TopicAuthorizationException: Topic authorization failed.',
};
const TOP_ERRORS: Record<string, string> = {
  INVALID_GROUP_ID: 'The configured groupId is invalid.',
  GROUP_ID_NOT_FOUND: 'The group id does not exist.',
  GROUP_AUTHORIZATION_FAILED: 'Group authorization failed.',
  NON_EMPTY_GROUP: 'The group is not empty.',
};

export async function runDeleteOffsets(group: string, topics: string[], ctx: Context, out: DropinOut): Promise<void> {
  const kafka = await ctx.kafka();
  const status = new Map<string, { topic: string; partition: number; error?: string }>();
  const partitions: TopicPartition[] = [];
  for (const t of topics.filter((x) => x.includes(':'))) {
    const [topic, list] = t.split(':');
    for (const p of list.split(',')) partitions.push({ topic, partition: Number(p) });
  }
  const whole = topics.filter((x) => !x.includes(':'));
  if (whole.length) {
    const { topics: found, missing } = await (await kafka.admin()).describeTopics(whole);
    for (const m of missing) status.set(`${m}-1`, { topic: m, partition: -1, error: PARTITION_ERRORS.UNKNOWN_TOPIC_OR_PARTITION });
    for (const t of found) for (const p of t.partitions) partitions.push({ topic: t.name, partition: p.partition });
  }
  const result = partitions.length ? await (await kafka.groups()).deleteOffsets(group, partitions) : { partitions: [] as never[] };
  const top = (result as { errorCode?: string }).errorCode;
  for (const p of partitions) {
    const r = result.partitions.find((x: TopicPartition) => x.topic === p.topic && x.partition === p.partition);
    const code = (r as { errorCode?: string } | undefined)?.errorCode ?? (top && !TOP_ERRORS[top] ? top : undefined);
    status.set(`${p.topic}${p.partition}`, { ...p, error: code ? (PARTITION_ERRORS[code] ?? code) : undefined });
  }
  const requestFailed = partitions.some((p) => status.get(`${p.topic}${p.partition}`)?.error);
  let text: string;
  if (top && TOP_ERRORS[top]) text = `\nError: ${TOP_ERRORS[top]}\n`;
  else if (!top && !requestFailed) text = `Request succeeded for deleting offsets from group ${group}.\n`;
  else text = '\nError: Encountered some partition-level error, see the follow-up details.\n';
  const width = Math.max(15, ...[...status.values()].map((s) => s.topic.length));
  const line = (c: string[]) => `\n${pad(c[0], width)} ${pad(c[1], 10)} ${pad(c[2], 15)}`;
  text += line(['TOPIC', 'PARTITION', 'STATUS']);
  for (const [, s] of [...status].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    text += line([
      s.topic,
      s.partition >= 0 ? String(s.partition) : '-',
      s.error ? `Error: org.apache.kafka.common.errors.${s.error}` : 'Successful',
    ]);
  }
  await out.stdout(`${text}\n`);
}
