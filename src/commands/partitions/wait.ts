/** Waiting for reassignments to finish (partitions reassign --execute --wait, topics alter --replication-factor --wait). */
import type { Context } from '../../cli/context.js';
import { CancelledError } from '../../errors.js';
import type { PlanEntry } from './plan.js';
import * as ops from './reassign-ops.js';

const POLL_MS = 500;

/**
 * Polls --verify until none of the plan's partitions is still moving (no deadline: a big move takes
 * hours; Ctrl-C stops the wait, not the move). The last verify removes the throttles, unless kept.
 */
export async function waitForReassignments(ctx: Context, plan: readonly PlanEntry[], preserveThrottles: boolean): Promise<ops.Verified> {
  for (;;) {
    const r = await ops.verify(ctx, plan, true);
    if (r.states.every((s) => s.done)) return preserveThrottles ? r : ops.verify(ctx, plan, false);
    const moving = r.states.filter((s) => !s.done).length;
    ctx.info(`waiting: ${moving} partition${moving === 1 ? '' : 's'} still moving`);
    await sleep(POLL_MS, ctx.io.signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new CancelledError('interrupted'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError('interrupted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
