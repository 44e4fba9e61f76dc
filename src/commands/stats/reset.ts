import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import type { Flags } from '../../cli/spec.js';
import { parseReset, resetSpec, runReset, type ResetOptions } from '../app-reset.js';

export const spec = resetSpec('stats');

export function parse(args: string[], flags: Flags<typeof spec>): ResetOptions {
  return parseReset(args, flags);
}

export function run(o: ResetOptions, ctx: Context): Promise<CommandResult> {
  return runReset(o, ctx, 'stats');
}
