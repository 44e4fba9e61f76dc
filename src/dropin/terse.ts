import type { DropinOut } from './script.js';

/** Kafka's TerseException (and what a tool's main() treats alike): its message alone, no stack trace, exit 1. */
export class Terse extends Error {}

/** Runs a tool's body as its main() does: a Terse it throws is its message alone on stderr and exit 1. */
export async function terseOnStderr(out: DropinOut, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (!(error instanceof Terse)) throw error;
    await out.stderr(`${error.message}\n`);
    return 1;
  }
}
