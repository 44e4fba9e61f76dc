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
import { kafkaVersionLine } from './version.js';

const SCRIPTS: Record<DropinName, () => Promise<DropinScript>> = {
  topics: async () => (await import('./topics.js')).TOPICS,
  configs: async () => (await import('./configs.js')).CONFIGS,
  groups: async () => (await import('./groups.js')).GROUPS,
  reassign: async () => (await import('./reassign.js')).REASSIGN,
  'elect-leaders': async () => (await import('./elect-leaders.js')).ELECT_LEADERS,
  transactions: async () => (await import('./transactions.js')).TRANSACTIONS,
  'perf-produce': async () => (await import('./perf-produce.js')).PRODUCER_PERFORMANCE,
  'perf-consume': async () => (await import('./perf-consume.js')).CONSUMER_PERFORMANCE,
  'perf-e2e': async () => (await import('./perf-e2e.js')).END_TO_END_LATENCY,
  tokens: async () => (await import('./tokens.js')).TOKENS,
  'delete-records': async () => (await import('./delete-records.js')).DELETE_RECORDS,
  'log-dirs': async () => (await import('./log-dirs.js')).LOG_DIRS,
  'api-versions': async () => (await import('./api-versions.js')).BROKER_API_VERSIONS,
  acls: async () => (await import('./acls.js')).ACLS,
  quorum: async () => (await import('./quorum.js')).METADATA_QUORUM,
  features: async () => (await import('./features.js')).FEATURES,
  'share-groups': async () => (await import('./share-groups.js')).SHARE_GROUPS,
  'share-consume': async () => (await import('./console-share-consumer.js')).CONSOLE_SHARE_CONSUMER,
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
    const message = script.usageError
      ? script.usageError(error.message)
      : script.parse
        ? `${script.script}: error: ${error.message}`
        : error.message;
    io.stderr.write(`${message}
`);
    return 1 as ExitCodeValue;
  }
  // CommandLineUtils.maybePrintHelpOrVersion: --version among the original's options (--help is ktool's: main).
  if (parsed.values.has('version') && !parsed.values.has('help')) {
    io.stdout.write(kafkaVersionLine(script.script));
    return 0 as ExitCodeValue;
  }
  const unsupported = script.unsupported ? script.unsupported(parsed) : unsupportedGiven(parsed, script.options);
  if (unsupported.length) {
    io.stderr.write(
      `${script.script} options ktool does not support: ` + unsupported.map((o) => `--${o.name} (${o.unsupported})`).join(', ') + '\n',
    );
    return 1 as ExitCodeValue;
  }
  const ignored = script.options.filter((o) => o.ignored !== undefined && parsed.values.has(o.name));
  if (ignored.length) {
    io.stderr.write(
      `warning: ${script.script} options ktool does not honour (ignored): ` +
        ignored.map((o) => `--${o.name} (${o.ignored})`).join(', ') +
        '\n',
    );
  }
  const connection = script.connection
    ? script.connection(parsed)
    : {
        bootstrapServer: valueOf(parsed, script.bootstrapOption),
        commandConfig: valueOf(parsed, 'command-config') ?? valueOf(parsed, 'admin.config'),
      };
  const ctx = createContext(io, connection, deps);
  try {
    return (await script.run(parsed, ctx, outOf(ctx))) as ExitCodeValue;
  } catch (error) {
    if (error instanceof UsageExit) {
      io.stderr.write(script.usageError ? `${script.usageError(error.message)}\n` : `${error.message}\n(run with --help for usage)\n`);
      return 1 as ExitCodeValue;
    }
    throw error;
  } finally {
    await ctx.dispose();
  }
}
