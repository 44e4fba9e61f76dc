import { isatty } from 'node:tty';
import type { Readable, Writable } from 'node:stream';

/** Everything a command may touch outside itself, injected so tests can run in-process. */
export interface Io {
  stdin: Readable;
  /** The descriptor behind stdin when it is the process's own: bulk readers may read it directly. */
  stdinFd?: number;
  stdout: Writable;
  stderr: Writable;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Terminal width for tables; 0 when unknown (not a TTY). */
  columns: number;
  env: Record<string, string | undefined>;
  now(): number;
  /** Aborted on Ctrl-C/SIGTERM (entry.ts wires the signals). */
  signal: AbortSignal;
}

export function processIo(signal: AbortSignal): Io {
  return {
    // Created only when used: a file on stdin is read from its descriptor (produce) instead.
    get stdin() {
      return process.stdin;
    },
    stdinFd: 0,
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: isatty(0),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : 0,
    env: process.env,
    now: () => Date.now(),
    signal,
  };
}

/** Writes and resolves when the chunk is flushed (or the pipe is gone). */
export function write(stream: Writable, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) return resolve();
    stream.write(text, () => resolve());
  });
}
