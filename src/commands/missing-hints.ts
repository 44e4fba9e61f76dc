import type { Context } from '../cli/context.js';
import type { View } from '../output/view.js';
import { noneVisible, principalOf } from '../kafka/denied.js';
import { didYouMean } from '../util/suggest.js';

/**
 * The hint for names that matched nothing: the close ones that exist ("did you mean events?"), or,
 * when the principal sees none at all, that listing needs Describe rights (Kafka hides what a
 * principal may not describe, so "nothing there" and "nothing visible" look the same).
 */
export function missingHint(
  kind: 'topics' | 'groups',
  names: readonly string[],
  visible: readonly string[],
  principal: string | null,
): string {
  const list = kind === 'topics' ? 'ktool topics list shows the topics' : 'ktool groups list shows the groups';
  const guess = didYouMean(names, visible);
  if (guess) return `${guess} (${list})`;
  if (!visible.length)
    return noneVisible(
      kind === 'topics' ? 'topics' : 'consumer groups',
      principal,
      `listing needs DESCRIBE on the ${kind === 'topics' ? 'topics' : 'groups'}`,
    );
  return list;
}

/** The principal of the command's connection, as the brokers see it (null: not known to the client). */
export async function principal(ctx: Context): Promise<string | null> {
  return principalOf((await ctx.kafka()).settings);
}

/**
 * An empty listing for people: no bare header on stdout, a line on stderr saying that nothing is
 * visible to the principal and what listing needs (Kafka shows no error, it hides what a principal
 * may not describe). JSON and YAML stay an empty list.
 */
export async function emptyListing(ctx: Context, what: string, needs: string): Promise<View> {
  if (ctx.format === 'table' || ctx.format === 'wide') ctx.io.stderr.write(noneVisible(what, await principal(ctx), needs) + '\n');
  return [];
}
