import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Dispatcher } from '../../src/cli/dispatch.js';

/** Tier 1: what options a command line parses to, without running anything. */
export async function parseArgs(argv: string[]): Promise<{ path?: string; options?: unknown; code: number; stderr: string }> {
  let captured: { path: string; options: unknown } | undefined;
  const dispatcher: Dispatcher = async (path, load, args, flags) => {
    const mod = await load();
    captured = { path, options: mod.parse(args, flags) };
  };
  const stderr = new PassThrough();
  const err: Buffer[] = [];
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(
    argv,
    {
      stdin: Readable.from([]),
      stdout: new PassThrough(),
      stderr,
      stdinIsTTY: false,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      columns: 0,
      env: {},
      now: () => 0,
      signal: new AbortController().signal,
    },
    {},
    dispatcher,
  );
  return { ...captured, code, stderr: Buffer.concat(err).toString() };
}
