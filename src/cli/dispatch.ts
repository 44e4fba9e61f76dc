import type { Command } from 'commander';
import { describeError, exitCodeFor, ExitCode, type ExitCodeValue } from '../errors.js';
import { renderData, renderView } from '../output/render.js';
import type { View } from '../output/view.js';
import { createContext, type Context, type ContextDeps, type GlobalOptions } from './context.js';
import { write, type Io } from './io.js';

/** What a command returns: data for json/yaml, a view for people, an optional non-zero exit code. */
export interface CommandResult {
  data?: unknown;
  view?: View;
  /** Raw text for stdout (e.g. prometheus, kafka-get-offsets lines), used for non-json formats. */
  text?: string;
  exitCode?: ExitCodeValue;
}

export interface CommandModule<O> {
  /** Arguments and flags -> typed options; throws UsageError. Pure, so tests can table-drive it. */
  parse(args: string[], flags: Record<string, unknown>): O;
  run(options: O, ctx: Context): Promise<CommandResult | void>;
  /** Formats beyond table|wide|json|yaml that this command accepts. */
  extraFormats?: readonly string[];
}

export type Loader = () => Promise<CommandModule<unknown>>;

/** Runs a command; tests replace it with one that captures the parsed options. */
export type Dispatcher = (path: string, load: Loader, args: string[], flags: Record<string, unknown>) => Promise<void>;

export interface Runtime {
  io: Io;
  deps: ContextDeps;
  exitCode: ExitCodeValue;
}

export function runningDispatcher(runtime: Runtime): Dispatcher {
  return async (_path, load, args, flags) => {
    const mod = await load();
    const options = mod.parse(args, flags);
    const ctx = createContext(runtime.io, flags as GlobalOptions, runtime.deps, mod.extraFormats);
    try {
      const result = await mod.run(options, ctx);
      if (result) await emit(result, ctx);
      runtime.exitCode = result?.exitCode ?? ExitCode.ok;
    } finally {
      await ctx.dispose();
    }
  };
}

export async function emit(result: CommandResult, ctx: Context): Promise<void> {
  const { io, format } = ctx;
  let out: string | undefined;
  if ((format === 'json' || format === 'yaml') && result.data !== undefined) out = renderData(result.data, format);
  else if (result.text !== undefined) out = result.text;
  else if (result.view) out = renderView(result.view, { format, chalk: ctx.chalk, columns: io.stdoutIsTTY ? io.columns || 120 : 0 });
  else if (result.data !== undefined) out = renderData(result.data, 'json');
  if (out) await write(io.stdout, out);
}

/** The leaf action: collects positionals and merged flags and hands them to the dispatcher. */
export function leafAction(dispatch: Dispatcher, path: string, load: Loader) {
  return async (...received: unknown[]) => {
    const cmd = received[received.length - 1] as Command;
    const flags = cmd.optsWithGlobals();
    const args = (received.slice(0, -2) as (string | string[] | undefined)[]).flatMap((a) => (a === undefined ? [] : a));
    await dispatch(path, load, args, flags);
  };
}

export function reportError(io: Io, error: unknown, debug: boolean): ExitCodeValue {
  io.stderr.write(describeError(error, debug) + '\n');
  return exitCodeFor(error);
}
