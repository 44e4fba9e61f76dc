import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { ExitCode } from '../../errors.js';
import { parsePipe, type PipeOptions } from './options.js';
import { summaryLine, type PipeSummary } from './summary.js';
import { Transform } from './transform.js';
import { tightenHeapGrowth } from '../../util/heap.js';

export const spec = defineCommand({
  command: 'pipe <in> <out>',
  description:
    'copy records from one topic to another, filtered and transformed by JavaScript expressions (the Kafka Streams "hello world")',
  groups: ['connection', 'output', 'base'],
  options: [
    {
      flags: '--where <expr>',
      description: "keep only records for which the expression is true, e.g. 'value.price > 10'",
    },
    { flags: '--map <expr>', description: 'the new value: a string as it is, null a tombstone, anything else its JSON' },
    { flags: '--key <expr>', description: 'the new key (as --map); the output partition follows it as with Java producers' },
    {
      flags: '--on-error <what>',
      description: 'an expression that throws on a record: stop (exit 1, naming partition and offset) or skip (count it)',
      choices: ['stop', 'skip'],
    },
    {
      flags: '-o, --offset <spec>',
      description: 'where to start, as consume: start|end|N|-N|+N|N:M|@TIME|@T1:@T2 (default: end; start with -e or -n)',
    },
    { flags: '-e, --exit', description: 'stop when every partition reached the end it had at start' },
    { flags: '-n, --max-messages <n>', description: 'stop after N records written' },
    { flags: '-p, --partition <list>', description: 'read only these partitions of IN, e.g. 0,2 or 0-3', repeatable: true },
    { flags: '-P, --partitions <list>', description: 'same as -p', repeatable: true },
    {
      flags: '--isolation-level <level>',
      description: 'read_committed hides aborted transactions',
      choices: ['read_committed', 'read_uncommitted'],
    },
    { flags: '--fetch-max-bytes <size>', description: 'bytes per fetch response (default 1MB)' },
    { flags: '--compression <codec>', description: 'none, gzip, snappy, lz4, zstd (default none)' },
    { flags: '--acks <acks>', description: '0, 1 or all (default all, idempotent)' },
    {
      flags: '-g, --group <app>',
      description:
        'run as application APP, exactly once: processes of the same APP share the partitions; each commit is one ' +
        'transaction with the output and the input offsets; a restart resumes (-o start|end: where a new APP begins)',
    },
    { flags: '--commit-interval <duration>', description: 'with -g: how often the transaction is committed (default 100ms)' },
    {
      flags: '--transaction-timeout <duration>',
      description: "with -g: transaction.timeout.ms (default 10s): how soon a killed process's open transaction is aborted",
    },
    { flags: '-v, --verbose', description: 'print the summary on stderr even when stdout is not a terminal' },
  ],
  notes:
    'An expression is JavaScript over the record as `consume --json` prints it: topic, partition, offset, timestamp, ' +
    'key, value, headers (and r, the whole envelope; keyBytes, valueBytes). A JSON key or value is parsed (value.price), ' +
    'other text is a string. It runs with your rights, like node -e: ktool evaluates only the expressions on its ' +
    'command line. Headers and timestamps are kept.\n',
  examples: [
    "ktool pipe orders big-orders -e --where 'value.total > 100'",
    "ktool pipe orders orders-upper --map 'value.toUpperCase()'                 # text values",
    "ktool pipe orders by-customer --key 'value.customer' --map '({id: value.id, total: value.total})'",
    'ktool pipe clicks eu-clicks --where \'headers.region === "eu"\' -o start -e',
    "ktool pipe orders audit --where 'value?.amount >= 1e6' --on-error skip",
    "ktool pipe input-topic output-topic --map 'value.toUpperCase()' -g upper   # exactly once; run it again elsewhere to scale out",
    'ktool pipe reset upper --execute                                          # start APP over: offsets and internal topics',
  ],
});

export function parse(args: string[], flags: Flags<typeof spec>): PipeOptions {
  return parsePipe(args, flags);
}

export async function run(o: PipeOptions, ctx: Context): Promise<CommandResult> {
  tightenHeapGrowth(); // src/util/heap.ts
  const started = performance.now();
  const transform = new Transform(o, o.onError, (m) => ctx.warn(m));
  let outcome: { written: number; failed: number; error?: unknown; transactions?: number };
  if (o.app !== undefined) {
    const { runApp } = await import('./app.js');
    const counts = await runApp({ ...o, app: o.app }, ctx, transform);
    outcome = { written: counts.written, failed: 0, error: counts.error, transactions: counts.transactions };
  } else {
    const { copy } = await import('./copy.js');
    outcome = await copy(o, ctx, transform);
  }
  const { read, filtered, failed } = transform.counts;
  const durationMs = Math.round(performance.now() - started);
  const summary: PipeSummary = {
    input: o.input,
    output: o.output,
    read,
    written: outcome.written,
    filtered,
    failed,
    sendFailed: outcome.failed,
    durationMs,
    recordsPerSecond: durationMs > 0 ? Math.round((read * 1000) / durationMs) : read,
    interrupted: ctx.io.signal.aborted,
  };
  if (outcome.transactions !== undefined) summary.transactions = outcome.transactions;
  // Skipped records, failed sends and errors are always summed up on stderr; a clean run only on a terminal or with -v.
  const troubled = outcome.error !== undefined || failed > 0 || outcome.failed > 0;
  const result: CommandResult = { data: summary, stderr: troubled || o.verbose || ctx.io.stderrIsTTY ? `${summaryLine(summary)}\n` : '' };
  if (outcome.error !== undefined) result.error = outcome.error;
  else if (ctx.io.signal.aborted) result.exitCode = ExitCode.interrupted;
  return result;
}
