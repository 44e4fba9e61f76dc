import type { Io } from './io.js';

export interface Spinner {
  update(text: string): void;
  stop(): void;
}

const NOOP: Spinner = { update() {}, stop() {} };

/** An ora spinner on stderr when it is a TTY; nothing otherwise (scripts and pipes stay clean). */
export function startSpinner(io: Io, text: string): Spinner {
  if (!io.stderrIsTTY || io.env.CI) return NOOP;
  let spinner: { text: string; stop(): void } | undefined;
  let stopped = false;
  // ora is loaded only when a spinner is actually shown.
  void import('ora').then(({ default: ora }) => {
    if (stopped) return;
    spinner = ora({ text, stream: io.stderr as NodeJS.WritableStream, discardStdin: false }).start();
  });
  return {
    update(next) {
      text = next;
      if (spinner) spinner.text = next;
    },
    stop() {
      stopped = true;
      spinner?.stop();
    },
  };
}
