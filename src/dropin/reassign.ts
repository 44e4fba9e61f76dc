/**
 * kafka-reassign-partitions.sh (org.apache.kafka.tools.reassign.ReassignPartitionsCommand),
 * drop-in: `ktool partitions reassign --bootstrap-server B --execute --reassignment-json-file f`.
 * The same checks in the same order, the same lines byte for byte (the plans as Java's compact
 * JSON, the "Save this to use as the --reassignment-json-file option during rollback" block, the
 * verify and throttle-clearing lines with Java's set orders), failures on stdout and exit 1. What
 * differs: a failure the original reports with a stack trace prints its `Error: ...` line only.
 */
import { readFile } from 'node:fs/promises';
import type { Context } from '../cli/context.js';
import { KtoolError, UsageError } from '../errors.js';
import { PlanError, parseBrokerList, parsePlanJson, parseTopicsJson, planJson, tpName } from '../commands/partitions/plan.js';
import * as ops from '../commands/partitions/reassign-ops.js';
import { javaHashOrder, javaStringHash } from './java-hash-order.js';
import { has, valueOf, type JoptOption, type JoptResult } from './jopt.js';
import { UsageExit, type DropinOut, type DropinScript } from './script.js';
import { Terse } from './terse.js';

const switchOf = (name: string, unsupported?: string): JoptOption => ({ name, value: false, unsupported });
const valued = (name: string, unsupported?: string): JoptOption => ({ name, value: true, unsupported });

export const REASSIGN_OPTIONS: readonly JoptOption[] = [
  switchOf('additional'),
  valued('bootstrap-controller'),
  valued('bootstrap-server'),
  valued('broker-list'),
  switchOf('cancel'),
  valued('command-config'),
  switchOf('disable-rack-aware'),
  switchOf('disallow-replication-factor-change'),
  switchOf('execute'),
  switchOf('generate'),
  switchOf('help', 'see ktool partitions reassign --help'),
  switchOf('list'),
  switchOf('preserve-throttles'),
  valued('reassignment-json-file'),
  valued('replica-alter-log-dirs-throttle'),
  valued('throttle'),
  valued('timeout'),
  valued('topics-to-move-json-file'),
  switchOf('verify'),
  switchOf('version'),
];

const ACTIONS = ['generate', 'execute', 'verify', 'cancel', 'list'] as const;
type Action = (typeof ACTIONS)[number];

const REQUIRED: Record<Action, string[]> = {
  verify: ['reassignment-json-file'],
  generate: ['topics-to-move-json-file', 'broker-list'],
  execute: ['reassignment-json-file'],
  cancel: ['reassignment-json-file'],
  list: [],
};
const PERMITTED: Record<Action, string[]> = {
  verify: ['bootstrap-server', 'command-config', 'preserve-throttles'],
  generate: ['bootstrap-server', 'broker-list', 'command-config', 'disable-rack-aware'],
  execute: [
    'additional',
    'bootstrap-server',
    'command-config',
    'throttle',
    'replica-alter-log-dirs-throttle',
    'timeout',
    'disallow-replication-factor-change',
  ],
  cancel: ['bootstrap-server', 'bootstrap-controller', 'command-config', 'preserve-throttles', 'timeout'],
  list: ['bootstrap-server', 'bootstrap-controller', 'command-config'],
};

/** validateAndParseArgs: one action, a bootstrap, the action's required options and no option it does not take. */
function checkArgs(o: JoptResult): Action {
  const actions = ACTIONS.filter((a) => has(o, a));
  if (actions.length !== 1) throw new UsageExit(`Command must include exactly one action: ${ACTIONS.map((a) => `--${a}`).join(', ')}`);
  const action = actions[0];
  if (has(o, 'bootstrap-server') && has(o, 'bootstrap-controller'))
    throw new UsageExit("Please don't specify both --bootstrap-server and --bootstrap-controller");
  const missing = REQUIRED[action].find((r) => !has(o, r));
  if (missing) throw new UsageExit(`Missing required argument "[${missing}]"`);
  for (const name of o.values.keys()) {
    if (name !== action && !REQUIRED[action].includes(name) && !PERMITTED[action].includes(name))
      throw new UsageExit(`Option "[${name}]" can't be used with action "[${action}]"`);
  }
  return action;
}

/**
 * A --throttle or --timeout value as Java's Long (-1, the throttles' default, is no throttle). jopt-simple
 * converts it when the action reads it, so a bad one is the action's failure: `Error: ...` on stdout.
 */
function longOption(o: JoptResult, name: string): number | undefined {
  const v = valueOf(o, name);
  if (v === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(v) || BigInt(v) > 2n ** 63n - 1n || BigInt(v) < -(2n ** 63n))
    throw new PlanError(`Cannot parse argument '${v}' of option ${name}`);
  const n = Number(v);
  return n < 0 ? undefined : n;
}

const s = (n: number) => (n === 1 ? '' : 's');
/** Java's HashSet<Integer> and HashSet<String> orders (the throttle-clearing lines print them as they come). */
const intSet = (ids: number[]) => javaHashOrder(ids, (i) => i).join(',');
const stringSet = (names: string[]) => javaHashOrder(names, javaStringHash).join(',');

async function readPlan(o: JoptResult, name: string): Promise<string> {
  const path = valueOf(o, name)!;
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new PlanError(path);
  }
}

async function printCleared(out: DropinOut, cleared: { brokers: number[]; topics: string[] } | undefined): Promise<void> {
  if (!cleared) return;
  await out.stdout(`Clearing broker-level throttles on broker${s(cleared.brokers.length)} ${intSet(cleared.brokers)}\n`);
  await out.stdout(`Clearing topic-level throttles on topic${s(cleared.topics.length)} ${stringSet(cleared.topics)}\n`);
}

const RUNNERS: Record<Action, (o: JoptResult, ctx: Context, out: DropinOut) => Promise<void>> = {
  async generate(o, ctx, out) {
    const brokers = parseBrokerList(valueOf(o, 'broker-list')!);
    const topics = parseTopicsJson(await readPlan(o, 'topics-to-move-json-file'));
    const { current, proposed } = await ops.generate(ctx, topics, brokers, !has(o, 'disable-rack-aware'));
    await out.stdout(`Current partition replica assignment\n${planJson(current)}\n\n`);
    await out.stdout(`Proposed partition reassignment configuration\n${planJson(proposed)}\n`);
  },
  async execute(o, ctx, out) {
    // Java's order: the file is read, the Long options converted, then the plan parsed.
    const text = await readPlan(o, 'reassignment-json-file');
    const options: ops.ExecuteOptions = {
      additional: has(o, 'additional'),
      throttle: longOption(o, 'throttle'),
      logDirThrottle: longOption(o, 'replica-alter-log-dirs-throttle'),
      allowReplicationFactorChange: !has(o, 'disallow-replication-factor-change'),
    };
    // --timeout bounds Java's wait for log directory moves to begin; ktool refuses log directory moves, so only its value is checked.
    longOption(o, 'timeout');
    const plan = parsePlanJson(text);
    const prepared = await ops.prepareExecute(ctx, plan, options);
    await out.stdout(
      `Current partition replica assignment\n\n${planJson(prepared.current)}\n\n` +
        'Save this to use as the --reassignment-json-file option during rollback\n',
    );
    if (options.throttle !== undefined || options.logDirThrottle !== undefined)
      await out.stdout(
        'Warning: You must run --verify periodically, until the reassignment completes, to ensure the throttle is removed.\n',
      );
    const throttles = await ops.applyThrottles(ctx, prepared, options);
    if (throttles.interBroker) await out.stdout(`The inter-broker throttle limit was set to ${throttles.interBroker.rate} B/s\n`);
    if (throttles.logDir) await out.stdout(`The replica-alter-dir throttle limit was set to ${throttles.logDir.rate} B/s\n`);
    const errors = await ops.startReassignments(ctx, plan, options.allowReplicationFactorChange);
    if (errors.length) throw new Terse(`Error reassigning partition(s):\n${errors.map((e) => `${tpName(e)}: ${e.message}`).join('\n')}`);
    const started = [...new Map(plan.map((p) => [tpName(p), p])).values()].sort((a, b) =>
      a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition,
    );
    await out.stdout(`Successfully started partition reassignment${s(started.length)} for ${started.map(tpName).join(',')}\n`);
  },
  async verify(o, ctx, out) {
    const plan = parsePlanJson(await readPlan(o, 'reassignment-json-file'));
    const result = await ops.verify(ctx, plan, has(o, 'preserve-throttles'));
    const lines = result.states.map((st) =>
      !st.done
        ? `Reassignment of partition ${tpName(st)} is still in progress.`
        : st.current.join(',') === st.target.join(',')
          ? `Reassignment of partition ${tpName(st)} is completed.`
          : `There is no active reassignment of partition ${tpName(st)}, ` +
            `but replica set is ${st.current.join(',')} rather than ${st.target.join(',')}.`,
    );
    await out.stdout(['Status of partition reassignment:', ...lines].join('\n') + '\n\n');
    await printCleared(out, result.cleared);
  },
  async cancel(o, ctx, out) {
    const text = await readPlan(o, 'reassignment-json-file');
    longOption(o, 'timeout');
    const plan = parsePlanJson(text);
    const result = await ops.cancel(ctx, plan, has(o, 'preserve-throttles'));
    if (result.errors.length)
      throw new Terse(
        `Error cancelling partition reassignment${s(result.errors.length)} for:\n` +
          result.errors.map((e) => `${tpName(e)}: ${e.message}`).join('\n'),
      );
    if (result.cancelled.length)
      await out.stdout(
        `Successfully cancelled partition reassignment${s(result.cancelled.length)} for: ${result.cancelled.map(tpName).join(',')}\n`,
      );
    else await out.stdout('None of the specified partition reassignments are active.\n');
    // Java prints this one without a line end: the clearing lines follow on the same line.
    await out.stdout('None of the specified partition moves are active.');
    await printCleared(out, result.cleared);
  },
  async list(_o, ctx, out) {
    const ongoing = await ops.listOngoing(ctx);
    if (!ongoing.length) return out.stdout('No partition reassignments found.\n');
    const lines = ongoing.map(
      (r) =>
        `${tpName(r)}: replicas: ${r.replicas.join(',')}.` +
        (r.adding.length ? ` adding: ${r.adding.join(',')}.` : '') +
        (r.removing.length ? ` removing: ${r.removing.join(',')}.` : ''),
    );
    await out.stdout(`Current partition reassignments:\n${lines.join('\n')}\n`);
  },
};

// Terse here: ReassignPartitionsCommand prints a TerseException's message on stdout, not stderr.

export const REASSIGN: DropinScript = {
  script: 'kafka-reassign-partitions.sh',
  options: REASSIGN_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  // --bootstrap-controller (--list and --cancel): the controllers answer those requests themselves (KIP-919).
  connection: (o) => ({
    bootstrapServer: valueOf(o, 'bootstrap-server') ?? valueOf(o, 'bootstrap-controller'),
    commandConfig: valueOf(o, 'command-config'),
  }),
  async run(o, ctx, out) {
    let action: Action;
    try {
      action = checkArgs(o);
      await RUNNERS[action](o, ctx, out);
      return 0;
    } catch (error) {
      if (error instanceof UsageExit || error instanceof UsageError) throw error;
      if (error instanceof Terse) {
        await out.stdout(`${error.message}\n`);
        return 1;
      }
      if (error instanceof PlanError && error.message.startsWith('Cannot execute because')) {
        await out.stdout(`${error.message}\n`);
        return 1;
      }
      if (!(error instanceof PlanError || error instanceof KtoolError)) throw error;
      await out.stdout(`Error: ${javaMessage(error)}\n`);
      return 1;
    }
  },
};

/** The words of Java's exception: an unknown topic or partition comes wrapped in an ExecutionException. */
function javaMessage(error: Error): string {
  if (error instanceof KtoolError && error.kafkaCode === 'UNKNOWN_TOPIC_OR_PARTITION')
    return `org.apache.kafka.common.errors.UnknownTopicOrPartitionException: ${error.message}`;
  return error.message;
}
