/**
 * A drop-in script: one of Kafka's kafka-*.sh tools run by ktool when a command line uses its
 * spelling (`ktool topics --list`), with the original's options, output, exit codes and no prompt
 * the original lacks (README "Drop-in scripts", test/dropin/ compares each with Kafka's own class).
 */
import type { Context } from '../cli/context.js';
import { write } from '../cli/io.js';
import type { GlobalOptions } from '../cli/context.js';
import type { JoptOption, JoptResult } from './jopt.js';

export interface DropinScript {
  /** kafka-topics.sh */
  readonly script: string;
  /** The original's options, as its --help lists them. */
  readonly options: readonly JoptOption[];
  /**
   * The original's own parsing when it is not jopt-simple's (argparse4j: argparse.ts with
   * sub-commands, argparse-flat.ts without); it throws JoptError to refuse.
   */
  parse?(args: readonly string[]): JoptResult;
  /** The options given that ktool does not implement, when `parse` is the script's own. */
  unsupported?(parsed: JoptResult): readonly { name: string; unsupported?: string }[];
  /** The connection flags the context is built from. */
  readonly bootstrapOption: string;
  /** The connection when it is not only `--<bootstrapOption>` and `--command-config` (properties given inline). */
  connection?(parsed: JoptResult): GlobalOptions;
  /** How an error of the parser is printed (argparse4j: its usage, then `<prog>: error: ...`); default: the message. */
  usageError?(message: string): string;
  run(parsed: JoptResult, ctx: Context, out: DropinOut): Promise<number>;
}

/** Where a drop-in writes: stdout and stderr as the original does, in order. */
export interface DropinOut {
  stdout(text: string): Promise<void>;
  stderr(text: string): Promise<void>;
}

export function outOf(ctx: Context): DropinOut {
  return {
    stdout: (text) => write(ctx.io.stdout, text),
    stderr: (text) => write(ctx.io.stderr, text),
  };
}

/** CommandLineUtils.printUsageAndExit: the message on stderr (the original adds its whole --help), exit 1. */
export class UsageExit extends Error {}
