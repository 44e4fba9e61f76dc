import type { CommandResult } from '../cli/dispatch.js';
import type { Io } from '../cli/io.js';
import { ExitCode, type KtoolError } from '../errors.js';

/** What a batch command knows about its items once the brokers answered. */
export interface Batch<F> {
  /** How many items the batch had (the done and the failed). */
  total: number;
  failed: readonly F[];
  /** One failure in words, after `error: ` on stderr ("cannot delete topic t: ... (CODE)"). */
  describe(failure: F): string;
  /**
   * The error thrown when nothing was done, for the last failure (`failed` is every one, e.g. for
   * the names a refusal covers): it decides the exit code (4 refused, 3 not found, 1 ...) and the hint.
   */
  error(last: F, failed: readonly F[]): KtoolError | Promise<KtoolError>;
}

/**
 * The partial-failure policy of every command that acts on a batch of items (topics create and
 * delete, delete-records, groups delete, delete-offsets and reset-offsets, cluster api-versions,
 * acls create and delete), in one place so that they agree (README, Exit codes):
 *
 * - every item done: the result as it is, exit 0;
 * - some failed: what was done is still printed, each failure is one `error:` line on stderr, exit 5;
 * - every item failed: nothing was done, so the command fails: each failure but the last is one
 *   `error:` line, and the error for the last one (built by the command) is thrown, so stderr lists
 *   the failures in the batch's order and ends with the hint.
 */
export async function batchOutcome<F>(io: Pick<Io, 'stderr'>, result: CommandResult, batch: Batch<F>): Promise<CommandResult> {
  const { failed } = batch;
  if (!failed.length) return result;
  const all = failed.length >= batch.total;
  for (const f of all ? failed.slice(0, -1) : failed) io.stderr.write(`error: ${batch.describe(f)}\n`);
  if (all) throw await batch.error(failed[failed.length - 1], failed);
  return { ...result, exitCode: ExitCode.partial };
}
