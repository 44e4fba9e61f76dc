import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { keyValues, positiveInt } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import { errorForKafkaCode } from '../../kafka/code-errors.js';
import { batchOutcome } from '../batch-outcome.js';
import { principal } from '../missing-hints.js';
import { waitUntilVisible } from './wait-visible.js';

export const spec = defineCommand({
  command: 'create <topics...>',
  description: 'create topics',
  groups: ['connection', 'output', 'base'],
  options: [
    { flags: '-p, --partitions <n>', description: 'number of partitions (default: broker num.partitions)' },
    { flags: '-r, --replication-factor <n>', description: 'replication factor (default: broker default.replication.factor)' },
    { flags: '-c, --config <key=value>', description: 'topic config, repeatable', repeatable: true },
    { flags: '--if-not-exists', description: 'no error when the topic already exists' },
    { flags: '--dry-run', description: 'validate on the broker without creating' },
  ],
  examples: [
    'ktool topics create orders -p 6 -r 3 -c retention.ms=86400000 -c cleanup.policy=compact',
    'ktool topics create orders --if-not-exists',
    'ktool topics create orders -p 1000 --dry-run',
  ],
});

export interface CreateOptions {
  topics: string[];
  partitions?: number;
  replicationFactor?: number;
  configs: Record<string, string>;
  ifNotExists: boolean;
  dryRun: boolean;
}

/** One element of `topics create --json`: status is created, exists, validated or failed. */
export interface CreateOutcome {
  name: string;
  status: 'created' | 'exists' | 'validated' | 'failed';
  error?: string;
  errorCode?: string;
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

export function parse(args: string[], flags: Flags<typeof spec>): CreateOptions {
  if (args.length === 0) throw new UsageError('topics create needs a topic name');
  for (const name of args) {
    if (!TOPIC_NAME.test(name) || name === '.' || name === '..') {
      throw new UsageError(`invalid topic name "${name}"`, 'use up to 249 characters from a-z A-Z 0-9 . _ -');
    }
  }
  return {
    topics: args,
    partitions: positiveInt(flags.partitions, '--partitions'),
    replicationFactor: positiveInt(flags.replicationFactor, '--replication-factor', { max: 32767 }),
    configs: keyValues(flags.config, '--config'),
    ifNotExists: Boolean(flags.ifNotExists),
    dryRun: Boolean(flags.dryRun),
  };
}

export async function run(options: CreateOptions, ctx: Context): Promise<CommandResult> {
  const admin = await (await ctx.kafka()).admin();
  const results = await admin.createTopics(
    options.topics.map((name) => ({
      name,
      partitions: options.partitions,
      replicationFactor: options.replicationFactor,
      configs: options.configs,
    })),
    { validateOnly: options.dryRun },
  );
  const outcomes: CreateOutcome[] = results.map((r) => {
    if (r.ok) return { name: r.name, status: options.dryRun ? 'validated' : 'created' };
    if (r.errorCode === 'TOPIC_ALREADY_EXISTS' && options.ifNotExists) return { name: r.name, status: 'exists' };
    return { name: r.name, status: 'failed', error: r.error, errorCode: r.errorCode };
  });
  const created = outcomes.filter((o) => o.status === 'created').map((o) => o.name);
  if (created.length) await waitUntilVisible(admin, created, (await ctx.connection()).timeoutMs, ctx.io);
  const result: CommandResult = {
    data: outcomes,
    view: [
      {
        lines: outcomes
          .filter((o) => o.status !== 'failed')
          .map(
            (o) =>
              `${o.status === 'created' ? 'Created' : o.status === 'exists' ? 'Already exists' : 'Valid (dry run, nothing created)'}: ` +
              `${o.name}`,
          ),
      },
    ],
  };
  return batchOutcome(ctx.io, result, {
    total: outcomes.length,
    failed: outcomes.filter((o) => o.status === 'failed'),
    describe: failure,
    error: async (last, failed) => single(last, failed, await principal(ctx)),
  });
}

const failure = (f: CreateOutcome) => `cannot create topic ${f.name}: ${f.error} (${f.errorCode})`;

function single(f: CreateOutcome, failed: readonly CreateOutcome[], principal: string | null) {
  const message = failure(f);
  const hints: Record<string, string> = {
    TOPIC_ALREADY_EXISTS: 'pass --if-not-exists to accept an existing topic',
    INVALID_REPLICATION_FACTOR: 'the replication factor cannot exceed the number of brokers (ktool cluster info)',
  };
  const refused = failed.filter((x) => x.errorCode === f.errorCode).map((x) => x.name);
  return errorForKafkaCode(f.errorCode ?? 'UNKNOWN_SERVER_ERROR', message, hints[f.errorCode ?? ''], {
    operation: 'Create',
    names: refused,
    principal,
  });
}
