import type { Context } from '../../cli/context.js';
import { groupsNotFound } from '../../kafka/not-found.js';
import type { CommittedOffset, GroupDescription } from '../../kafka/groups.js';
import { missingHint, principal } from '../missing-hints.js';
import { groupsApi } from './shared.js';

/**
 * Named groups must exist (a group without members but with committed offsets does): exit 3 with
 * the close names that do ("did you mean billing?"), or a note that the principal sees no groups.
 */
export async function requireGroups(ctx: Context, groups: GroupDescription[], committed?: Map<string, CommittedOffset[]>): Promise<void> {
  const missing = groups.filter((g) => !g.exists && !committed?.get(g.group)?.length).map((g) => g.group);
  if (!missing.length) return;
  const visible = (await (await groupsApi(ctx)).listGroups()).map((g) => g.group);
  throw groupsNotFound(missing, missingHint('groups', missing, visible, await principal(ctx)));
}
