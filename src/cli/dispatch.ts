import type { Command } from 'commander';
import { describeError, exitCodeFor, type ExitCodeValue } from '../errors.js';
import type { View } from '../output/view.js';
import type { Context, ContextDeps } from './context.js';
import type { CommandSpec } from './spec.js';
import type { Io } from './io.js';

/**
 * What a command returns: data for json/yaml, a view for people, an optional non-zero exit code.
 * The renderer (run-command.ts emit) picks what to print for the format asked for.
 */
export interface CommandResult {
  data?: unknown;
  view?: View;
  /**
   * Text printed as it is instead of the view: one string for every format but json/yaml, or a
   * text per format (`{ table: ... }` for kafka-get-offsets lines, `{ prometheus: ... }`).
   */
  text?: string | Readonly<Partial<Record<string, string>>>;
  /**
   * For every format but json/yaml: the rendering for people, written on stderr instead of anything
   * on stdout (a run's summary when stdout carries only data: produce's). '' prints nothing.
   */
  stderr?: string;
  exitCode?: ExitCodeValue;
  /** The command failed after producing data that must still be printed first (produce's summary). */
  error?: unknown;
}

export interface CommandModule<O> {
  /** Flags, help, choices and examples: what the command tree is built from. */
  spec: CommandSpec;
  /** Arguments and flags -> typed options; throws UsageError. Pure, so tests can table-drive it. */
  parse(args: string[], flags: Record<string, unknown>): O;
  run(options: O, ctx: Context): Promise<CommandResult | void>;
}

export type Loader = () => Promise<CommandModule<unknown>>;

/** Runs a command; tests replace it with one that captures the parsed options. */
export type Dispatcher = (path: string, load: Loader, args: string[], flags: Record<string, unknown>) => Promise<void>;

/** The leaf action: collects positionals and merged flags and hands them to the dispatcher. */
export interface Runtime {
  io: Io;
  deps: ContextDeps;
  exitCode: ExitCodeValue;
}

/** Loads the runner (context, colours, tables) only when a command actually runs: --help stays lean. */
export function runningDispatcher(runtime: Runtime): Dispatcher {
  return async (path, load, args, flags) => {
    const { runCommand } = await import('./run-command.js');
    await runCommand(runtime, load, args, flags);
  };
}

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
