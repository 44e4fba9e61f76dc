import { readFile, writeFile } from 'node:fs/promises';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { OperationError, UsageError } from '../../errors.js';
import { PlanError, parseBrokerList, parsePlanJson, parseTopicsJson, planJson, tpName, type PlanEntry } from './plan.js';
import * as ops from './reassign-ops.js';
import { waitForReassignments } from './wait.js';

export const spec = defineCommand({
  command: 'reassign',
  description:
    'generate, execute, verify, cancel and list partition reassignments (kafka-reassign-partitions.sh; plans in its JSON format)',
  groups: ['connection', 'output', 'base', 'yes'],
  options: [
    { flags: '--generate', description: 'propose a plan moving the topics of --topics-to-move-json-file (or --topics) onto --broker-list' },
    { flags: '--execute', description: 'start the reassignments of --reassignment-json-file (a dry run on a terminal without --yes)' },
    { flags: '--verify', description: 'show whether the plan is done; once nothing moves, remove the throttles' },
    { flags: '--cancel', description: "put the plan's partitions still moving back on their original replicas, remove the throttles" },
    { flags: '--list', description: 'the reassignments in progress in the cluster' },
    { flags: '--topics-to-move-json-file <file>', description: 'generate: {"topics":[{"topic":"t"}],"version":1}' },
    { flags: '--topics <names>', description: 'generate: the topics, comma-separated (instead of the JSON file)' },
    { flags: '--broker-list <ids>', description: 'generate: the brokers to place replicas on, "1,2,3"' },
    { flags: '--disable-rack-aware', description: "generate: ignore the brokers' racks" },
    {
      flags: '--reassignment-json-file <file>',
      description: "execute, verify, cancel: the plan (what --generate proposes, Kafka's format)",
    },
    {
      flags: '--throttle <bytes/s>',
      description: 'execute: limit replication between brokers while moving (removed by --verify or --wait)',
    },
    { flags: '--replica-alter-log-dirs-throttle <bytes/s>', description: 'execute: limit moves between log directories of a broker' },
    { flags: '--additional', description: 'execute while other reassignments are in progress (or change the throttle of one)' },
    { flags: '--preserve-throttles', description: 'verify, cancel: leave the throttles in place' },
    { flags: '--disallow-replication-factor-change', description: 'execute: refuse a plan that changes a replica count (Kafka 4.1+)' },
    { flags: '--wait', description: 'execute: wait until every partition of the plan has moved, then remove the throttles' },
    { flags: '--out <file>', description: 'generate: write the proposed plan there; execute: the rollback plan (current replicas)' },
    { flags: '--dry-run', description: 'execute: show what would move, change nothing' },
  ],
  notes:
    "Exactly one of --generate, --execute, --verify, --cancel, --list. Plans are Kafka's JSON, so a plan goes from ktool to " +
    'kafka-reassign-partitions.sh and back. --execute on a terminal is a dry run unless --yes; off a terminal it runs. ' +
    "With --bootstrap-server and only the script's flags, the command line is kafka-reassign-partitions.sh's and prints its lines.",
  examples: [
    'ktool partitions reassign --generate --topics orders,payments --broker-list 1,2,3 --out plan.json',
    'ktool partitions reassign --execute --reassignment-json-file plan.json --throttle 50000000 --yes',
    'ktool partitions reassign --verify --reassignment-json-file plan.json',
    'ktool partitions reassign --execute --reassignment-json-file plan.json --yes --wait   # start, wait, remove throttles',
    'ktool partitions reassign --list --json',
    'ktool partitions reassign --cancel --reassignment-json-file plan.json',
  ],
});

type Mode = 'generate' | 'execute' | 'verify' | 'cancel' | 'list';
const MODES: Mode[] = ['generate', 'execute', 'verify', 'cancel', 'list'];

export interface ReassignOptions {
  mode: Mode;
  topicsFile?: string;
  topics?: string[];
  brokers?: number[];
  rackAware: boolean;
  planFile?: string;
  execute: ops.ExecuteOptions;
  preserveThrottles: boolean;
  wait: boolean;
  out?: string;
  dryRun: boolean;
  yes: boolean;
}

function rate(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes bytes per second, a whole number: ${value}`);
  return Number(value);
}

export function parse(args: string[], flags: Flags<typeof spec>): ReassignOptions {
  if (args.length) throw new UsageError(`partitions reassign takes no arguments: ${args.join(' ')}`);
  const modes = MODES.filter((m) => flags[m]);
  if (modes.length !== 1) throw new UsageError('give exactly one of --generate, --execute, --verify, --cancel, --list');
  const mode = modes[0];
  const o: ReassignOptions = {
    mode,
    topicsFile: flags.topicsToMoveJsonFile,
    topics: flags.topics?.split(',').filter(Boolean),
    rackAware: !flags.disableRackAware,
    planFile: flags.reassignmentJsonFile,
    execute: {
      additional: Boolean(flags.additional),
      throttle: rate(flags.throttle, '--throttle'),
      logDirThrottle: rate(flags.replicaAlterLogDirsThrottle, '--replica-alter-log-dirs-throttle'),
      allowReplicationFactorChange: !flags.disallowReplicationFactorChange,
    },
    preserveThrottles: Boolean(flags.preserveThrottles),
    wait: Boolean(flags.wait),
    out: flags.out,
    dryRun: Boolean(flags.dryRun),
    yes: Boolean(flags.yes),
  };
  if (mode === 'generate') {
    if (!o.topicsFile === !o.topics) throw new UsageError('--generate needs --topics-to-move-json-file FILE or --topics A,B (one of them)');
    if (flags.brokerList === undefined) throw new UsageError('--generate needs --broker-list 1,2,3');
    o.brokers = brokerList(flags.brokerList);
  } else if (mode !== 'list' && !o.planFile) throw new UsageError(`--${mode} needs --reassignment-json-file FILE`);
  if (o.wait && mode !== 'execute') throw new UsageError('--wait goes with --execute');
  if (o.out && mode !== 'generate' && mode !== 'execute') throw new UsageError('--out goes with --generate or --execute');
  return o;
}

function brokerList(text: string): number[] {
  try {
    return parseBrokerList(text);
  } catch (error) {
    throw new UsageError(`--broker-list: ${(error as Error).message}`);
  }
}

async function readJson<T>(path: string, parser: (text: string) => T): Promise<T> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${path}: ${error.code ?? error.message}`);
  });
  try {
    return parser(text);
  } catch (error) {
    if (error instanceof PlanError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

const plainPlan = (text: string) => JSON.parse(text) as unknown;

export async function run(o: ReassignOptions, ctx: Context): Promise<CommandResult> {
  try {
    return await MODE_RUNNERS[o.mode](o, ctx);
  } catch (error) {
    if (error instanceof PlanError) throw new OperationError(error.message);
    throw error;
  }
}

const MODE_RUNNERS: Record<Mode, (o: ReassignOptions, ctx: Context) => Promise<CommandResult>> = {
  async generate(o, ctx) {
    const topics = o.topics ?? (await readJson(o.topicsFile!, parseTopicsJson));
    const { current, proposed } = await ops.generate(ctx, topics, o.brokers!, o.rackAware);
    if (o.out) await writeFile(o.out, `${planJson(proposed)}\n`);
    const now = new Map(current.map((a) => [tpName(a), a.replicas]));
    return {
      data: { current: plainPlan(planJson(current)), proposed: plainPlan(planJson(proposed)), written: o.out ?? null },
      view: [
        {
          head: ['TOPIC', 'PARTITION', 'CURRENT', 'PROPOSED'],
          rows: proposed.map((p) => [p.topic, p.partition, now.get(tpName(p))?.join(',') ?? '', p.replicas.join(',')]),
          numeric: [1],
        },
        { lines: [o.out ? `Proposed plan written to ${o.out}` : 'Save the plan with --out FILE (or -o json | jq .proposed)'] },
      ],
    };
  },
  execute: (o, ctx) => execute(o, ctx),
  async verify(o, ctx) {
    const plan = await readJson(o.planFile!, parsePlanJson);
    const r = await ops.verify(ctx, plan, o.preserveThrottles);
    return verifyResult(r);
  },
  async cancel(o, ctx) {
    const plan = await readJson(o.planFile!, parsePlanJson);
    const r = await ops.cancel(ctx, plan, o.preserveThrottles);
    if (r.errors.length) throw ops.refusedError(r.errors, 'cancelling partition reassignments failed');
    return {
      data: { cancelled: r.cancelled.map(tpName), throttlesCleared: r.cleared ?? null },
      view: [
        {
          lines: [
            r.cancelled.length ? `Cancelled: ${r.cancelled.map(tpName).join(', ')}` : "None of the plan's partitions was being reassigned.",
            ...clearedLines(r.cleared),
          ],
        },
      ],
    };
  },
  async list(_o, ctx) {
    const ongoing = await ops.listOngoing(ctx);
    return {
      data: ongoing,
      view: ongoing.length
        ? [
            {
              head: ['TOPIC', 'PARTITION', 'REPLICAS', 'ADDING', 'REMOVING'],
              rows: ongoing.map((r) => [r.topic, r.partition, r.replicas.join(','), r.adding.join(','), r.removing.join(',')]),
              numeric: [1],
            },
          ]
        : [{ lines: ['No partition reassignments in progress.'] }],
    };
  },
};

function clearedLines(cleared: { brokers: number[]; topics: string[] } | undefined): string[] {
  if (!cleared) return [];
  return [`Throttles removed on brokers ${cleared.brokers.join(',')} and topics ${cleared.topics.join(',')}`];
}

export function verifyResult(r: ops.Verified): CommandResult {
  const state = (s: ops.PartitionState) =>
    !s.done ? 'in progress' : s.current.join(',') === s.target.join(',') ? 'complete' : 'not reassigned (replicas differ)';
  return {
    data: {
      complete: r.states.every((s) => state(s) === 'complete'),
      partitions: r.states.map((s) => ({ topic: s.topic, partition: s.partition, state: state(s), current: s.current, target: s.target })),
      otherReassignmentsInProgress: r.ongoingAnywhere && r.states.every((s) => s.done),
      throttlesCleared: r.cleared ?? null,
    },
    view: [
      {
        head: ['TOPIC', 'PARTITION', 'STATE', 'CURRENT', 'TARGET'],
        rows: r.states.map((s) => [s.topic, s.partition, state(s), s.current.join(','), s.target.join(',')]),
        numeric: [1],
      },
      { lines: r.cleared ? clearedLines(r.cleared) : ['Throttles kept (a reassignment is in progress, or --preserve-throttles).'] },
    ],
  };
}

async function execute(o: ReassignOptions, ctx: Context): Promise<CommandResult> {
  const plan = await readJson(o.planFile!, parsePlanJson);
  const prepared = await ops.prepareExecute(ctx, plan, o.execute);
  const dryRun = o.dryRun || (ctx.io.stdinIsTTY && !o.yes);
  const now = new Map(prepared.current.map((a) => [tpName(a), a.replicas]));
  const moves = dedupe(plan).map((p) => ({
    topic: p.topic,
    partition: p.partition,
    current: now.get(tpName(p)) ?? [],
    target: p.replicas,
  }));
  if (o.out) await writeFile(o.out, `${planJson(prepared.current)}\n`);
  const table = {
    head: ['TOPIC', 'PARTITION', 'CURRENT', 'TARGET'],
    rows: moves.map((m) => [m.topic, m.partition, m.current.join(','), m.target.join(',')]),
    numeric: [1],
  };
  const data = { dryRun, partitions: moves, throttle: o.execute.throttle ?? null, rollback: plainPlan(planJson(prepared.current)) };
  if (dryRun) {
    const why = o.dryRun ? 'dry run' : 'dry run (standard input is a terminal): pass --yes to start it';
    return { data, view: [table, { lines: [`${why}; nothing changed.`] }] };
  }
  const throttles = await ops.applyThrottles(ctx, prepared, o.execute);
  const errors = await ops.startReassignments(ctx, plan, o.execute.allowReplicationFactorChange);
  if (errors.length) throw ops.refusedError(errors, 'the controller refused to reassign');
  const lines = [`Started ${moves.length} partition reassignment${moves.length === 1 ? '' : 's'}.`];
  if (throttles.interBroker)
    lines.push(`Throttled to ${throttles.interBroker.rate} B/s on brokers ${throttles.interBroker.brokers.join(',')}.`);
  if (!o.wait) {
    lines.push(
      `Follow with: ktool partitions reassign --verify --reassignment-json-file ${o.planFile}` +
        (throttles.interBroker ? ' (removes the throttle once done)' : ''),
    );
    return { data: { ...data, started: true }, view: [table, { lines }] };
  }
  const verified = await waitForReassignments(ctx, plan, o.preserveThrottles);
  const shown = verifyResult(verified);
  return { data: { ...data, started: true, verified: shown.data }, view: [{ lines }, ...(shown.view ?? [])] };
}

function dedupe(plan: PlanEntry[]): PlanEntry[] {
  return [...new Map(plan.map((p) => [tpName(p), p])).values()].sort((a, b) =>
    a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition,
  );
}
