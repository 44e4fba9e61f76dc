import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { write } from '../../cli/io.js';
import { sleep } from '../../util/sleep.js';
import { ExitCode } from '../../errors.js';
import { renderView, toPlain } from '../../output/render.js';
import { toYaml } from '../../output/yaml.js';
import { collectLag } from './collect.js';
import type { LagOptions } from './options.js';
import { lagView, reportViolations, violations } from './view.js';

interface Sample {
  time: number;
  lag: number;
}

/** Trend over the last few samples: lag change per second and, if it shrinks, when it reaches 0. */
export function trendOf(history: Sample[]): { ratePerSec: number | null; etaSeconds: number | null } {
  if (history.length < 2) return { ratePerSec: null, etaSeconds: history.at(-1)?.lag === 0 ? 0 : null };
  const first = history[0];
  const last = history.at(-1)!;
  const seconds = (last.time - first.time) / 1000;
  if (seconds <= 0) return { ratePerSec: null, etaSeconds: null };
  const ratePerSec = (last.lag - first.lag) / seconds;
  const etaSeconds = last.lag === 0 ? 0 : ratePerSec < 0 ? last.lag / -ratePerSec : null;
  return { ratePerSec, etaSeconds };
}

const WINDOW = 6;

/**
 * `lag --watch`: on a terminal, the table redrawn in place every interval with the lag trend; off a
 * terminal (or with --json), one NDJSON line per sample: `{time, groups: [GroupLag & {ratePerSec,
 * etaSeconds}]}`, or with --format yaml one YAML document per sample. Stops on Ctrl-C or after --count samples.
 */
export async function watch(options: LagOptions, ctx: Context): Promise<CommandResult> {
  const { io } = ctx;
  const live = io.stdoutIsTTY && (ctx.format === 'table' || ctx.format === 'wide');
  const history = new Map<string, Sample[]>();
  let failing = false;
  for (let n = 0; ; n++) {
    if (io.signal.aborted) break;
    const snapshot = await collectLag(ctx, options);
    const trend = new Map<string, ReturnType<typeof trendOf>>();
    for (const g of snapshot.groups) {
      const h = [...(history.get(g.group) ?? []), { time: snapshot.time, lag: g.lag }].slice(-WINDOW);
      history.set(g.group, h);
      trend.set(g.group, trendOf(h));
    }
    const bad = violations(snapshot, options);
    failing = bad.length > 0;
    if (live) {
      const body = renderView(lagView(snapshot.groups, trend), { format: ctx.format, chalk: ctx.chalk, columns: io.columns || 120 });
      await write(
        io.stdout,
        `\x1b[H\x1b[2J${new Date(snapshot.time).toISOString()}  every ${options.watchMs! / 1000}s, Ctrl-C to stop\n\n${body}`,
      );
    } else {
      const line = { time: snapshot.time, groups: snapshot.groups.map((g) => ({ ...g, ...trend.get(g.group) })) };
      // --format yaml means YAML here too: one document per sample.
      await write(io.stdout, ctx.format === 'yaml' ? `---\n${toYaml(toPlain(line))}` : JSON.stringify(toPlain(line)) + '\n');
    }
    reportViolations(ctx, bad);
    if (options.count !== undefined && n + 1 >= options.count) break;
    if (io.stdout.destroyed) break;
    await sleep(options.watchMs!, io.signal);
  }
  if (io.signal.aborted && io.signal.reason !== 'EPIPE') return { exitCode: failing ? ExitCode.check : ExitCode.interrupted };
  return { exitCode: failing ? ExitCode.check : ExitCode.ok };
}
