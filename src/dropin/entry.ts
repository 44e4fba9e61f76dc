/**
 * Running a kafka-*.sh spelling (detect.ts says which): a drop-in spelling never reaches the command
 * tree, so its output is the original's, not ktool's tables.
 */
import { createContext, type ContextDeps } from '../cli/context.js';
import type { Io } from '../cli/io.js';
import type { ExitCodeValue } from '../errors.js';
import { JoptError, parseJopt, unsupportedGiven, valueOf } from './jopt.js';
import type { DropinName } from './detect.js';
import { outOf, UsageExit, type DropinScript } from './script.js';

const SCRIPTS: Record<DropinName, () => Promise<DropinScript>> = {
  topics: async () => (await import('./topics.js')).TOPICS,
  configs: async () => (await import('./configs.js')).CONFIGS,
  groups: async () => (await import('./groups.js')).GROUPS,
  reassign: async () => (await import('./reassign.js')).REASSIGN,
  'elect-leaders': async () => (await import('./elect-leaders.js')).ELECT_LEADERS,
  transactions: async () => (await import('./transactions.js')).TRANSACTIONS,
};

export function loadDropin(name: DropinName): Promise<DropinScript> {
  return SCRIPTS[name]();
}

export async function runDropin(script: DropinScript, args: string[], io: Io, deps: ContextDeps): Promise<ExitCodeValue> {
  let parsed;
  try {
    parsed = script.parse ? script.parse(args) : parseJopt(args, script.options);
  } catch (error) {
    if (!(error instanceof JoptError)) throw error;
    io.stderr.write(script.parse ? `${script.script}: error: ${error.message}\n` : `${error.message}\n`);
    return 1 as ExitCodeValue;
  }
  const unsupported = script.unsupported ? script.unsupported(parsed) : unsupportedGiven(parsed, script.options);
  if (unsupported.length) {
    io.stderr.write(
      `${script.script} options ktool does not support: ` + unsupported.map((o) => `--${o.name} (${o.unsupported})`).join(', ') + '\n',
    );
    return 1 as ExitCodeValue;
  }
  const bootstrap = valueOf(parsed, script.bootstrapOption);
  const ctx = createContext(
    io,
    { bootstrapServer: bootstrap, commandConfig: valueOf(parsed, 'command-config') ?? valueOf(parsed, 'admin.config') },
    deps,
  );
  try {
    return (await script.run(parsed, ctx, outOf(ctx))) as ExitCodeValue;
  } catch (error) {
    if (error instanceof UsageExit) {
      io.stderr.write(`${error.message}\n(run with --help for usage)\n`);
      return 1 as ExitCodeValue;
    }
    throw error;
  } finally {
    await ctx.dispose();
  }
}
