/**
 * Ctrl-C/SIGTERM end every command within a second. Commands stop on io.signal themselves (produce
 * sends what it read and prints its summary, consume commits what it wrote); this is the backstop
 * for whatever still waits (a request to a broker that never answers, a client library retrying):
 * after a grace period the command is left behind and reported as interrupted. entry.ts exits
 * right after main() returns, whatever sockets are left.
 */
import { CancelledError } from '../errors.js';
import { raceWith } from '../util/race.js';

/** How long a command has after the signal to end on its own. */
export const STOP_GRACE_MS = 600;
/** How long closing the clients may take once the signal came (a silent broker never answers a close). */
export const CLOSE_GRACE_MS = 150;

/** The work's outcome, or a CancelledError once the signal aborted and graceMs went by. */
export function untilStopped<T>(work: Promise<T>, signal: AbortSignal, graceMs = STOP_GRACE_MS): Promise<T> {
  return raceWith(work, (reject) => {
    let timer: NodeJS.Timeout | undefined;
    const giveUp = () => (timer = setTimeout(() => reject(new CancelledError()), graceMs));
    if (signal.aborted) giveUp();
    else signal.addEventListener('abort', giveUp, { once: true });
    return () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', giveUp);
    };
  });
}

/** Waits for the work, but after the signal only up to graceMs (then leaves it). */
export async function settleAfterSignal(work: Promise<unknown>, signal: AbortSignal, graceMs = CLOSE_GRACE_MS): Promise<void> {
  try {
    await untilStopped(work, signal, graceMs);
  } catch (error) {
    if (!(error instanceof CancelledError)) throw error;
  }
}
