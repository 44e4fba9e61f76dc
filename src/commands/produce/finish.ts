/**
 * The end of a run: what was read goes out (unless a request failed or a fatal error), every
 * acknowledgement is awaited, the transaction is committed or aborted, and the run is summed up:
 * the summary as data, the error (if any) beside it.
 */
import type { CommandResult } from '../../cli/dispatch.js';
import { CancelledError, KtoolError, OperationError, PartialFailureError } from '../../errors.js';
import type { ProducerApi } from '../../kafka/producer-types.js';
import type { BadLines } from './bad-lines.js';
import type { PlainLines } from './plain-lines.js';
import type { RecordBatches } from './record-batches.js';
import type { ReadOutcome } from './record-input.js';
import type { Sender } from './sender.js';
import { summaryLine, type ProduceSummary } from './summary.js';

export interface FinishState {
  producer: ProducerApi;
  sender: Sender;
  plain: PlainLines | undefined;
  batches?: RecordBatches;
  badLines: BadLines;
  /** Every topic written (asked once reading ended). */
  topics: () => string[];
  transactional: boolean;
  quiet: boolean;
  /** performance.now() at the start. */
  started: number;
}

export async function finish(state: FinishState, read: ReadOutcome): Promise<CommandResult> {
  const { sender, producer } = state;
  await deliver(state, read.fatal === undefined && sender.error === undefined);
  const ok =
    read.fatal === undefined &&
    sender.error === undefined &&
    state.badLines.stoppedAt === undefined &&
    !read.interrupted &&
    sender.counts.failed === 0;
  const tx = state.transactional ? await endTransaction(producer, sender, ok) : undefined;
  await producer.close();

  const summary = summarize(state, read, tx?.outcome);
  const stopError = read.fatal ?? sender.error ?? tx?.error;
  if (state.badLines.stoppedAt) summary.error = state.badLines.stoppedAt;
  else if (stopError !== undefined) summary.error = (stopError as Error).message ?? String(stopError);
  const error = errorOf(summary, read.fatal, stopError, state.badLines.stoppedAt);
  // A run that failed before its first record (an unreachable cluster) has nothing to sum up: the error says it all.
  if (read.fatal !== undefined && summary.sent + summary.failed + summary.skipped === 0) throw error;
  // The data on stdout when asked for, else a line on stderr (with -q only when it matters).
  const troubled = summary.failed > 0 || summary.skipped > 0 || summary.interrupted || summary.error !== undefined;
  const result: CommandResult = { data: summary, stderr: !state.quiet || troubled ? `${summaryLine(summary)}\n` : '' };
  if (error !== undefined) result.error = error;
  return result;
}

/** Sends what was read and waits for every acknowledgement; after a failure, drops what was not sent yet (counted as failed). */
async function deliver({ sender, plain, batches }: FinishState, sendRest: boolean): Promise<void> {
  if (sendRest) {
    sender.flushNow();
    await plain?.flush();
    await batches?.flush();
  } else {
    sender.counts.failed += sender.discardPending();
    plain?.discard();
    batches?.discard();
  }
  await sender.drain();
}

/** Commits when everything went, else aborts; after an abort nothing counts as sent. */
async function endTransaction(
  producer: ProducerApi,
  sender: Sender,
  commit: boolean,
): Promise<{ outcome: 'committed' | 'aborted'; error?: unknown }> {
  let outcome: 'committed' | 'aborted';
  let error: unknown;
  try {
    if (commit) {
      await producer.commitTransaction();
      outcome = 'committed';
    } else {
      await producer.abortTransaction();
      outcome = 'aborted';
    }
  } catch (e) {
    error = e;
    outcome = 'aborted';
  }
  if (outcome === 'aborted') {
    sender.counts.failed += sender.counts.sent;
    sender.counts.sent = 0;
  }
  return error === undefined ? { outcome } : { outcome, error };
}

function summarize(state: FinishState, read: ReadOutcome, transaction: ProduceSummary['transaction']): ProduceSummary {
  const { counts } = state.sender;
  const durationMs = performance.now() - state.started;
  const summary: ProduceSummary = {
    topics: state.topics(),
    sent: counts.sent,
    failed: counts.failed,
    skipped: state.badLines.skipped,
    bytes: counts.bytes,
    durationMs: Math.round(durationMs),
    recordsPerSecond: durationMs > 0 ? Math.round((counts.sent * 1000) / durationMs) : 0,
    interrupted: read.interrupted,
  };
  if (transaction) summary.transaction = transaction;
  return summary;
}

/** The run's exit: interrupted (130), the fatal error, a failed request (5 when some records went), a bad line (1), failed records (5). */
function errorOf(summary: ProduceSummary, fatal: unknown, stopError: unknown, badLine: string | undefined): unknown {
  if (summary.interrupted) return new CancelledError(`interrupted: ${summary.sent} sent, ${summary.failed} failed`);
  if (fatal !== undefined) return fatal;
  if (stopError !== undefined) {
    const err = stopError instanceof KtoolError ? stopError : new OperationError(String((stopError as Error)?.message ?? stopError));
    if (summary.sent > 0 && summary.failed > 0)
      return new PartialFailureError(`${summary.failed} of ${summary.sent + summary.failed} records failed: ${err.message}`, err.hint);
    return err;
  }
  if (badLine) return new OperationError(badLine, { hint: 'nothing from that line on was sent; --on-error skip skips bad lines' });
  if (summary.failed > 0) return new PartialFailureError(`${summary.failed} records failed`);
  return undefined;
}
