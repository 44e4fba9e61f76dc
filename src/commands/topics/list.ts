import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { compileRegex } from '../../cli/parse-helpers.js';
import { UsageError } from '../../errors.js';
import { emptyListing } from '../missing-hints.js';

export const spec = defineCommand({
  command: 'list [regex]',
  description: 'list topics, optionally those whose name matches REGEX',
  groups: ['connection', 'output', 'base'],
  options: [{ flags: '--exclude-internal', description: 'hide internal topics (__consumer_offsets, ...)' }],
  examples: ['ktool topics list', "ktool topics list 'orders\\..*' --json | jq -r '.[].name'"],
});

export interface ListOptions {
  pattern?: RegExp;
  excludeInternal: boolean;
}

/** One row of `topics list --json`. */
export interface TopicListItem {
  name: string;
  partitions: number;
  replicationFactor: number;
  internal: boolean;
}

export function parse(args: string[], flags: Flags<typeof spec>): ListOptions {
  if (args.length > 1) throw new UsageError('topics list takes at most one REGEX', 'combine alternatives as a|b');
  return { pattern: args[0] ? compileRegex(args[0], 'topic') : undefined, excludeInternal: Boolean(flags.excludeInternal) };
}

export async function run(options: ListOptions, ctx: Context): Promise<CommandResult> {
  const admin = await (await ctx.kafka()).admin();
  const { topics } = await admin.describeTopics([], { includeInternal: !options.excludeInternal });
  const data: TopicListItem[] = topics
    .filter((t) => !options.pattern || options.pattern.test(t.name))
    .map((t) => ({
      name: t.name,
      partitions: t.partitions.length,
      replicationFactor: t.partitions[0]?.replicas.length ?? 0,
      internal: t.internal,
    }));
  if (!data.length)
    return {
      data,
      view: await emptyListing(
        ctx,
        options.pattern ? `topics matching '${options.pattern.source.slice(4, -2)}'` : 'topics',
        'listing needs DESCRIBE on the topics',
      ),
    };
  return {
    data,
    view: [
      {
        head: ['NAME', 'PARTITIONS', 'REPLICAS', 'INTERNAL'],
        rows: data.map((t) => [t.name, t.partitions, t.replicationFactor, t.internal ? 'yes' : '']),
        numeric: [1, 2],
        wideOnly: [3],
        wrap: [0],
      },
    ],
  };
}
