/**
 * kafka-topics.sh (org.apache.kafka.tools.TopicCommand), drop-in: `ktool topics --list|--describe|
 * --create|--alter|--delete ...`. Output byte for byte as the original's: names one per line,
 * describe's tab-separated `Topic: ...` lines, `Created topic t.`, errors on stdout as
 * `Error while executing topic command : ...`, exit 1 for any failure. --delete deletes without
 * asking (the original never asks); a --topic is a regex on whole names, as in the original.
 */
import type { Context } from '../cli/context.js';
import { ALLOW_INTERNAL_FLAG, isInternalTopic, refuseInternalTopics } from '../cli/internal-topics.js';
import { REGEX_CHARS } from '../cli/parse-helpers.js';
import { KtoolError, UsageError } from '../errors.js';
import type { ConfigEntry, TopicInfo } from '../kafka/types.js';
import { has, unsupportedGiven, valueOf, type JoptOption, type JoptResult } from './jopt.js';
import { UsageExit, type DropinOut, type DropinScript } from './script.js';
import { InvalidRegexError, topicFilter } from './topic-filter.js';

const switchOf = (name: string): JoptOption => ({ name, value: false });
const valued = (name: string, unsupported?: string): JoptOption => ({ name, value: true, unsupported });

export const TOPICS_OPTIONS: readonly JoptOption[] = [
  switchOf('alter'),
  switchOf('at-min-isr-partitions'),
  valued('bootstrap-server'),
  valued('command-config'),
  valued('config'),
  switchOf('create'),
  switchOf('delete'),
  valued('delete-config'),
  switchOf('describe'),
  switchOf('exclude-internal'),
  switchOf('help'),
  switchOf('if-exists'),
  switchOf('if-not-exists'),
  switchOf('list'),
  valued('partition-size-limit-per-response'),
  valued('partitions'),
  valued('replica-assignment'),
  valued('replication-factor'),
  valued('topic'),
  valued('topic-id'),
  switchOf('topics-with-overrides'),
  switchOf('unavailable-partitions'),
  switchOf('under-min-isr-partitions'),
  switchOf('under-replicated-partitions'),
  switchOf('version'),
];

const ACTIONS = ['create', 'list', 'alter', 'describe', 'delete'] as const;
type Action = (typeof ACTIONS)[number];

/** TopicCommandOptions.checkArgs, the checks a script meets. */
function checkArgs(o: JoptResult): Action {
  const actions = ACTIONS.filter((a) => has(o, a));
  if (actions.length !== 1)
    throw new UsageExit('Command must include exactly one action: --list, --describe, --create, --alter or --delete');
  // No --bootstrap-server (the original requires one): ktool's own resolution (profile, KTOOL_BROKERS ...).
  const action = actions[0];
  if (action === 'describe' && has(o, 'if-exists') && !has(o, 'topic') && !has(o, 'topic-id')) {
    throw new UsageExit('--topic or --topic-id is required to describe a topic');
  }
  if (action !== 'list' && action !== 'describe' && !has(o, 'topic')) throw new UsageExit('Missing required argument "[topic]"');
  if (action === 'alter' && !has(o, 'partitions')) throw new UsageExit('Missing required argument "[partitions]"');
  if (action === 'create' && has(o, 'replica-assignment'))
    for (const other of ['partitions', 'replication-factor'])
      if (has(o, other)) throw new UsageExit(`Option "[replica-assignment]" can't be used with option "[${other}]"`);
  return action;
}

/**
 * TopicCommand.parseReplicaAssignment: `0:1,1:2` is partition 0 on brokers 0 and 1, partition 1 on 1
 * and 2; a partition naming a broker twice, or with another replica count than the first, is refused.
 */
export function parseReplicaAssignment(text: string): number[][] {
  const partitions = text.split(',').map((list) =>
    list.split(':').map((id) => {
      if (!/^\s*-?\d+\s*$/.test(id)) throw new JavaError(`For input string: "${id}"`);
      return Number(id.trim());
    }),
  );
  partitions.forEach((replicas, i) => {
    const duplicates = replicas.filter((id, j) => replicas.indexOf(id) !== j);
    if (duplicates.length)
      throw new JavaError(`Partition replica lists may not contain duplicate entries: ${[...new Set(duplicates)].join(',')}`);
    if (replicas.length !== partitions[0].length)
      throw new JavaError(`Partition ${i} has different replication factor: [${replicas.join(', ')}]`);
  });
  return partitions;
}

/** An exception TopicCommand reports: on stdout inside execute, on stderr (with its trace) before it. */
class JavaError extends Error {
  constructor(
    message: string,
    readonly beforeExecute = false,
  ) {
    super(message);
  }
}

export const TOPICS: DropinScript = {
  script: 'kafka-topics.sh',
  options: TOPICS_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  unsupported: (o) =>
    has(o, 'alter') && has(o, 'replica-assignment')
      ? [{ name: 'replica-assignment', unsupported: 'manual placement of added partitions (--alter)' }]
      : unsupportedGiven(o, TOPICS_OPTIONS),
  async run(o, ctx, out) {
    // Exactly named internal topics are refused before anything is sent (exit 2, as in ktool's own spelling).
    const named = valueOf(o, 'topic');
    if (named !== undefined && (has(o, 'alter') || has(o, 'delete')) && !REGEX_CHARS.test(named)) {
      refuseInternalTopics([named], false, has(o, 'delete') ? 'delete' : 'change the partition count of');
    }
    let action: Action;
    try {
      action = checkArgs(o);
    } catch (error) {
      if (!(error instanceof JavaError)) throw error;
      await out.stderr(`${error.message}\n`);
      return 1;
    }
    if (has(o, 'delete-config')) {
      await out.stderr(
        'delete-config option is no longer supported and deprecated since version 4.0. ' +
          'The config will be fully removed in future releases.\n',
      );
    }
    try {
      await ACTION_RUNNERS[action](o, ctx, out);
      return 0;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      if (!(error instanceof JavaError || error instanceof KtoolError || error instanceof InvalidRegexError)) throw error;
      await out.stdout(`Error while executing topic command : ${javaMessage(error)}\n`);
      await out.stderr(`ERROR ${error.message}\n`);
      return 1;
    }
  },
};

/** The words Java's exception carries: the broker's message as sent (ktool's typed errors keep it without its full stop). */
function javaMessage(error: Error): string {
  if (error instanceof JavaError) return error.message;
  return error.message;
}

/** TopicService.getTopics: every topic (internal ones unless --exclude-internal), sorted, filtered by --topic as a regex. */
async function getTopics(o: JoptResult, ctx: Context): Promise<string[]> {
  const admin = await (await ctx.kafka()).admin();
  const exclude = has(o, 'exclude-internal');
  const all = await admin.listTopics({ includeInternal: !exclude });
  const topic = valueOf(o, 'topic');
  const sorted = [...all].sort();
  if (topic === undefined) return sorted.filter((t) => !(exclude && isKafkaInternal(t)));
  const allowed = topicFilter(topic);
  return sorted.filter((t) => allowed(t) && !(exclude && isKafkaInternal(t)));
}

/** org.apache.kafka.common.internals.Topic.isInternal. */
const isKafkaInternal = (t: string) => t === '__consumer_offsets' || t === '__transaction_state' || t === '__share_group_state';

function ensureTopicExists(found: string[], o: JoptResult): void {
  const requested = valueOf(o, 'topic');
  if (requested && !has(o, 'if-exists') && found.length === 0) throw new JavaError(`Topic '${requested}' does not exist as expected`);
}

const ACTION_RUNNERS: Record<Action, (o: JoptResult, ctx: Context, out: DropinOut) => Promise<void>> = {
  async list(o, ctx, out) {
    await out.stdout(`${(await getTopics(o, ctx)).join('\n')}\n`);
  },
  async describe(o, ctx, out) {
    const { describeTopics } = await import('./topics-describe.js');
    const topics = await getTopics(o, ctx);
    ensureTopicExists(topics, o);
    await out.stdout(await describeTopics(topics, o, ctx));
  },
  async create(o, ctx, out) {
    const name = valueOf(o, 'topic')!;
    if (/[._]/.test(name)) {
      await out.stdout(
        "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. " +
          'To avoid issues it is best to use either, but not both.\n',
      );
    }
    const configs = parseConfigs(o.values.get('config') ?? []);
    const rf = intOption(o, 'replication-factor');
    const partitions = intOption(o, 'partitions');
    if (rf !== undefined && (rf > 32767 || rf < 1)) throw new JavaError('The replication factor must be between 1 and 32767 inclusive');
    if (partitions !== undefined && partitions < 1) throw new JavaError('The partitions must be greater than 0');
    const placed = valueOf(o, 'replica-assignment');
    const assignments = placed === undefined ? undefined : parseReplicaAssignment(placed);
    const admin = await (await ctx.kafka()).admin();
    const [result] = await admin.createTopics([{ name, partitions, replicationFactor: rf, configs, assignments }], { validateOnly: false });
    if (!result.ok) {
      if (result.errorCode === 'TOPIC_ALREADY_EXISTS' && has(o, 'if-not-exists')) return;
      throw new JavaError(result.serverMessage ?? withFullStop(result.error ?? result.errorCode ?? 'unknown error'));
    }
    await out.stdout(`Created topic ${name}.\n`);
  },
  async alter(o, ctx) {
    const topics = await getTopics(o, ctx);
    ensureTopicExists(topics, o);
    refuseInternalTopics(topics, false, 'change the partition count of');
    const partitions = intOption(o, 'partitions')!;
    const admin = await (await ctx.kafka()).admin();
    for (const topic of topics) await admin.createPartitions(topic, partitions, { validateOnly: false });
  },
  async delete(o, ctx) {
    const matched = await getTopics(o, ctx);
    ensureTopicExists(matched, o);
    const topics = leaveInternalOut(valueOf(o, 'topic')!, matched, ctx);
    if (topics.length === 0) return;
    const admin = await (await ctx.kafka()).admin();
    const failed = (await admin.deleteTopics(topics)).find((r) => !r.ok);
    if (failed) throw new JavaError(failed.serverMessage ?? withFullStop(failed.error ?? failed.errorCode ?? 'unknown error'));
  },
};

/**
 * The one place the drop-in is stricter than the original: as everywhere in ktool, a regex never
 * selects an internal topic (README "Internal topics"), and one named exactly is refused (exit 2).
 */
function leaveInternalOut(requested: string, matched: string[], ctx: Context): string[] {
  refuseInternalTopics(matched.includes(requested) ? [requested] : [], false, 'delete');
  const internal = matched.filter(isInternalTopic);
  if (internal.length === 0) return matched;
  const what = `"${requested}" also matches internal topic${internal.length > 1 ? 's' : ''} ${internal.join(', ')}`;
  const selected = matched.filter((t) => !isInternalTopic(t));
  if (!selected.length) {
    throw new UsageError(
      `${what}, and a pattern never selects internal topics: nothing to delete`,
      `to delete an internal topic anyway, name it exactly and add ${ALLOW_INTERNAL_FLAG} (ktool topics delete)`,
    );
  }
  ctx.warn(`${what}: left out (a pattern never selects internal topics)`);
  return selected;
}

/** ktool keeps the broker's message without its full stop; Java prints it as sent. */
const withFullStop = (message: string) => (/[.!?]$/.test(message) ? message : `${message}.`);

function intOption(o: JoptResult, name: string): number | undefined {
  const value = valueOf(o, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new JavaError(`Cannot parse argument '${value}' of option ${name}`, true);
  return Number(value);
}

/** parseTopicConfigsToBeAdded: `k=v`, spaces around `=` trimmed. */
function parseConfigs(pairs: string[]): Record<string, string> {
  const configs: Record<string, string> = {};
  for (const pair of pairs) {
    const parts = pair.split(/\s*=\s*/);
    if (parts.length !== 2) {
      throw new JavaError('requirement failed: Invalid topic config: all configs to be added must be in the format "key=val".');
    }
    configs[parts[0].trim()] = parts[1].trim();
  }
  return configs;
}

export type { ConfigEntry, TopicInfo };
