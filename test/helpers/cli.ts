import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import type { ContextDeps } from '../../src/cli/context.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string | Buffer | Readable;
  tty?: boolean;
  columns?: number;
  deps?: ContextDeps;
  signal?: AbortSignal;
  /** The clock (io.now), for output that shows times relative to now. */
  now?: () => number;
}

/** Runs `ktool ARGV` in-process with captured stdout/stderr (tier 2 and integration tests). */
export async function runCli(argv: string[], options: CliRunOptions = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const io: Io = {
    stdin:
      options.stdin instanceof Readable ? options.stdin : Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout,
    stderr,
    stdinIsTTY: Boolean(options.tty),
    stdoutIsTTY: Boolean(options.tty),
    stderrIsTTY: Boolean(options.tty),
    columns: options.tty ? (options.columns ?? 120) : 0,
    env: { ...testEnv(), ...options.env },
    now: options.now ?? (() => Date.now()),
    signal: options.signal ?? new AbortController().signal,
  };
  const code = await main(argv, io, options.deps);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** The environment tests run ktool with: an isolated config file, the test broker, no colour. */
export function testEnv(): Record<string, string | undefined> {
  return {
    HOME: process.env.HOME,
    PATH: process.env.PATH,
    KTOOL_CONFIG: process.env.KTOOL_TEST_CONFIG,
    XDG_CACHE_HOME: process.env.XDG_CACHE_HOME,
    KTOOL_BROKERS: process.env.KTOOL_TEST_BOOTSTRAP,
    NO_COLOR: '1',
  };
}

let counter = 0;
/** A unique name per test run, so tests never share topics or groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
}
