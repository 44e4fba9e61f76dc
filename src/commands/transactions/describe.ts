import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { NotFoundError, UsageError } from '../../errors.js';
import type { TransactionDescription } from '../../kafka/transactions-admin-types.js';

export const spec = defineCommand({
  command: 'describe [ids...]',
  description: 'state of transactional ids at their coordinator: producer id and epoch, open partitions, start time, timeout',
  groups: ['connection', 'output', 'base'],
  options: [
    { flags: '--transactional-id <id>', description: 'a transactional id (kafka-transactions.sh spelling), repeatable', repeatable: true },
  ],
  examples: ['ktool transactions describe nightly-load', 'ktool transactions describe etl-1 etl-2 --json'],
});

export interface DescribeOptions {
  ids: string[];
}

/**
 * `transactions describe --json`: `[{transactionalId, coordinator, state, producerId, producerEpoch,
 * timeoutMs, startTimeMs (null when none is open), durationMs (null likewise), partitions: [{topic, partition}]}]`.
 */
export type DescribeResult = (TransactionDescription & { durationMs: number | null })[];

export function parse(args: string[], flags: Flags<typeof spec>): DescribeOptions {
  const ids = [...new Set([...args, ...(flags.transactionalId ?? [])])];
  if (!ids.length) throw new UsageError('name a transactional id', 'ktool transactions list shows them');
  return { ids };
}

export async function run(options: DescribeOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).transactions();
  const found = await api.describeTransactions(options.ids);
  const missing = options.ids.filter((id) => !found.get(id));
  if (missing.length)
    throw new NotFoundError(`transactional id ${missing.join(', ')} not found`, 'ktool transactions list shows the transactional ids', {
      kafkaCode: 'TRANSACTIONAL_ID_NOT_FOUND',
    });
  const now = ctx.io.now();
  const data: DescribeResult = options.ids.map((id) => {
    const d = found.get(id)!;
    return { ...d, durationMs: d.startTimeMs === null ? null : now - d.startTimeMs };
  });
  const rows = data.map((d) => [
    d.transactionalId,
    d.coordinator,
    d.producerId.toString(),
    d.producerEpoch,
    d.state,
    d.timeoutMs,
    d.startTimeMs === null ? '' : new Date(d.startTimeMs).toISOString(),
    d.durationMs ?? '',
    d.partitions.map((p) => `${p.topic}-${p.partition}`).join(','),
  ]);
  const head = ['TRANSACTIONAL-ID', 'COORDINATOR', 'PRODUCER-ID', 'EPOCH', 'STATE', 'TIMEOUT-MS', 'STARTED', 'DURATION-MS', 'PARTITIONS'];
  return { data, view: [{ head, rows, numeric: [1, 2, 3, 5, 7] }] };
}
