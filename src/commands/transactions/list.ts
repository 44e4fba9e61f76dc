import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { compileRegex, positiveInt } from '../../cli/parse-helpers.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import type { TransactionListing } from '../../kafka/transactions-admin-types.js';

const STATES = ['Empty', 'Ongoing', 'PrepareCommit', 'PrepareAbort', 'CompleteCommit', 'CompleteAbort', 'PrepareEpochFence'] as const;

export const spec = defineCommand({
  command: 'list [pattern]',
  description: 'transactional ids on every broker (each coordinates its own): producer id and state',
  arguments: [{ name: '[pattern]', description: 'only transactional ids matching this regex (whole id; the broker filters, Kafka 4.1+)' }],
  groups: ['connection', 'output', 'base'],
  options: [
    { flags: '--state <state>', description: `only these states, repeatable: ${STATES.join('|')}`, repeatable: true },
    { flags: '--producer-id <id>', description: 'only this producer id, repeatable', repeatable: true },
    { flags: '--duration-filter <ms>', description: 'only transactions open longer than this many ms (Kafka 3.8+)' },
    { flags: '--transactional-id-pattern <regex>', description: 'same as [pattern] (kafka-transactions.sh spelling)', hidden: true },
  ],
  examples: [
    'ktool transactions list',
    "ktool transactions list 'etl-.*' --state Ongoing",
    'ktool transactions list --duration-filter 60000 --json',
  ],
});

export interface ListOptions {
  pattern?: string;
  states: string[];
  producerIds: bigint[];
  durationMs?: number;
}

/**
 * `transactions list --json`: `[{transactionalId, coordinator, producerId, state}]`, by coordinator
 * (broker id), then as the coordinator answered.
 */
export type ListResult = TransactionListing[];

export function parse(args: string[], flags: Flags<typeof spec>): ListOptions {
  const pattern = args[0] ?? flags.transactionalIdPattern;
  if (pattern !== undefined) compileRegex(pattern, 'transactional id');
  const states = (flags.state ?? []).map((s) => {
    const known = STATES.find((x) => x.toLowerCase() === s.toLowerCase().replace(/[-_]/g, ''));
    if (!known) throw new UsageError(`unknown transaction state "${s}"`, `states: ${STATES.join(', ')}`);
    return known;
  });
  const producerIds = (flags.producerId ?? []).map((p) => {
    if (!/^\d+$/.test(p)) throw new UsageError(`--producer-id must be a whole number, got "${p}"`);
    return BigInt(p);
  });
  const durationMs = positiveInt(flags.durationFilter, '--duration-filter', { min: 0, max: Number.MAX_SAFE_INTEGER });
  return { ...(pattern === undefined ? {} : { pattern }), states, producerIds, ...(durationMs === undefined ? {} : { durationMs }) };
}

export async function run(options: ListOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).transactions();
  const data: ListResult = await api.listTransactions({
    states: options.states,
    producerIds: options.producerIds,
    ...(options.pattern === undefined ? {} : { pattern: options.pattern }),
    ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
  });
  const rows = data.map((t) => [t.transactionalId, t.coordinator, t.producerId.toString(), t.state]);
  return {
    data,
    view: rows.length
      ? [{ head: ['TRANSACTIONAL-ID', 'COORDINATOR', 'PRODUCER-ID', 'STATE'], rows, numeric: [1, 2] }]
      : [{ lines: ['No transactions'] }],
  };
}
