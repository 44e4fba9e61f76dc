/** `groups reset-offsets --execute`: commits each group's new offsets, and the error a refused partition gives. */
import type { Context } from '../../cli/context.js';
import type { KtoolError } from '../../errors.js';
import { errorForKafkaCode } from '../../kafka/code-errors.js';
import { principal } from '../missing-hints.js';
import type { ResetRow } from './reset-rows.js';
import { groupsApi } from './shared.js';

export interface CommitFailure {
  /** `GROUP TOPIC:PARTITION: broker text (CODE)` */
  text: string;
  code: string;
}

/** Commits each group's new offsets; marks the rows done and returns the partitions refused. */
export async function commit(ctx: Context, rows: ResetRow[], share: Set<string>): Promise<CommitFailure[]> {
  const api = await groupsApi(ctx);
  const failures: CommitFailure[] = [];
  let succeeded = 0;
  for (const group of [...new Set(rows.map((r) => r.group))]) {
    const mine = rows.filter((r) => r.group === group);
    const offsets = mine.map((r) => ({ topic: r.topic, partition: r.partition, offset: BigInt(r.newOffset) }));
    const outcomes = await (share.has(group) ? api.alterShareOffsets(group, offsets) : api.commitOffsets(group, offsets));
    const before = succeeded;
    for (const o of outcomes) {
      const row = mine.find((r) => r.topic === o.topic && r.partition === o.partition);
      if (o.errorCode) failures.push({ text: `${group} ${o.topic}:${o.partition}: ${o.error} (${o.errorCode})`, code: o.errorCode });
      else if (row) {
        row.executed = true;
        succeeded++;
      }
    }
    // The table looks the same either way: say what happened.
    const n = succeeded - before;
    if (n > 0) ctx.io.stderr.write(`committed new offsets for ${n} partition${n === 1 ? '' : 's'} of group ${group}\n`);
  }
  return failures;
}

/** The typed error of a refused partition. OffsetCommit needs Read on the group and on the topics. */
export async function commitError(ctx: Context, f: CommitFailure): Promise<KtoolError> {
  return errorForKafkaCode(
    f.code,
    `committing offsets failed: ${f.text}`,
    f.code === 'UNKNOWN_MEMBER_ID' || f.code === 'ILLEGAL_GENERATION'
      ? 'the group has active members: stop its consumers first'
      : undefined,
    { operation: 'Read', principal: await principal(ctx) },
  );
}
