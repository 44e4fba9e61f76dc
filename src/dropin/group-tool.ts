/**
 * The action dispatch kafka-consumer-groups.sh and kafka-share-groups.sh share: the action given
 * runs, and a failure is the original's printError (ConsumerGroupCommand's, ShareGroupCommand's):
 * `Error: Executing <kind> group command failed due to ...` on stdout, the ExecutionException line
 * (where Java prints its stack trace) on stderr, and the command still exits 0. A usage error
 * (UsageExit, or exit code 2) stays one.
 */
import type { Context } from '../cli/context.js';
import { has, type JoptResult } from './jopt.js';
import { UsageExit, type DropinOut } from './script.js';

/** An action's exit code, when it has one of its own (0 otherwise). */
export type GroupAction = (o: JoptResult, ctx: Context, out: DropinOut) => Promise<void | number>;

/** The actions, in the order they are tried: the first given runs, --reset-offsets when none of the others is. */
const ORDER = ['list', 'describe', 'delete', 'delete-offsets', 'reset-offsets'] as const;
export type GroupActions = Record<(typeof ORDER)[number], GroupAction>;

/** `kind` as the tool names its groups ("consumer", "share"). */
export async function runGroupTool(kind: string, actions: GroupActions, o: JoptResult, ctx: Context, out: DropinOut): Promise<number> {
  const action = actions[ORDER.find((name) => has(o, name)) ?? 'reset-offsets'];
  try {
    return (await action(o, ctx, out)) ?? 0;
  } catch (error) {
    if (error instanceof UsageExit || !(error instanceof Error)) throw error;
    if ((error as { exitCode?: number }).exitCode === 2) throw error;
    const { javaException } = await import('./configs.js');
    // `javaText`: the exception as Java prints it, when it is not one of Kafka's (a file the tool cannot read).
    const text = (error as { javaText?: string }).javaText ?? javaException(error);
    await out.stdout(`\nError: Executing ${kind} group command failed due to ${text}\n`);
    await out.stderr(`java.util.concurrent.ExecutionException: ${text}\n`);
    return 0;
  }
}
