import { createInterface } from 'node:readline';
import { AbortedError, CancelledError, UsageError } from '../errors.js';
import type { Io } from './io.js';

/** What a destructive verb is about to do, for its one confirmation. */
export interface Confirmation {
  /** Lower case, no full stop: "delete 2 topics and all their data". */
  action: string;
  /** What it applies to, listed before the question (the first 20). */
  items?: readonly string[];
  /** --yes (or a legacy spelling that never asked): no question. */
  yes: boolean;
}

const SHOWN = 20;

/**
 * The one confirmation of every destructive verb (README "Destructive commands"): nothing with
 * --yes; off a terminal a usage error (exit 2) saying to pass --yes; on a terminal the question on
 * stderr, where only y/yes goes on. No, an empty line or EOF is AbortedError (exit 1, "aborted:
 * nothing deleted"); Ctrl-C ends the prompt at once with exit 130.
 */
export async function confirmDestructive(io: Io, c: Confirmation): Promise<void> {
  if (c.yes) return;
  if (!io.stdinIsTTY)
    throw new UsageError(`${c.action}: needs confirmation and standard input is not a terminal`, 'pass --yes to go ahead without asking');
  const items = c.items ?? [];
  const listed = items
    .slice(0, SHOWN)
    .map((i) => `  ${i}\n`)
    .join('');
  const more = items.length > SHOWN ? `  ... and ${items.length - SHOWN} more\n` : '';
  const answer = await ask(io, `${listed}${more}${c.action[0].toUpperCase()}${c.action.slice(1)}? [y/N] `);
  if (answer === 'interrupted') throw new CancelledError('interrupted');
  if (answer === 'no') throw new AbortedError();
}

/**
 * One line from stdin. Listens to the abort signal itself: the first Ctrl-C (which entry.ts turns
 * into an abort) must end the wait, not be swallowed while a line is awaited.
 */
async function ask(io: Io, question: string): Promise<'yes' | 'no' | 'interrupted'> {
  if (io.signal.aborted) return 'interrupted';
  io.stderr.write(question);
  const rl = createInterface({ input: io.stdin, terminal: false });
  let onAbort = () => {};
  try {
    const { answer, typed } = await new Promise<{ answer: 'yes' | 'no' | 'interrupted'; typed: boolean }>((resolve) => {
      onAbort = () => resolve({ answer: 'interrupted', typed: false });
      io.signal.addEventListener('abort', onAbort, { once: true });
      rl.once('line', (line) => resolve({ answer: /^y(es)?$/i.test(line.trim()) ? 'yes' : 'no', typed: true }));
      rl.once('close', () => resolve({ answer: 'no', typed: false }));
    });
    // A typed answer ends with the terminal's echo of Enter; Ctrl-C and EOF leave the cursor after "[y/N] ".
    if (!typed) io.stderr.write('\n');
    return answer;
  } finally {
    io.signal.removeEventListener('abort', onAbort);
    rl.close();
  }
}
