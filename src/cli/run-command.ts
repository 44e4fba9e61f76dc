import { CancelledError, ExitCode } from '../errors.js';
import { renderData, renderView } from '../output/render.js';
import { createContext, type Context, type GlobalOptions } from './context.js';
import { settleAfterSignal, untilStopped } from './interrupt.js';
import type { CommandResult, Loader, Runtime } from './dispatch.js';
import { write } from './io.js';

/** Parses, runs and renders one command, then closes its clients; Ctrl-C/SIGTERM end it within a second (interrupt.ts). */
export async function runCommand(runtime: Runtime, load: Loader, args: string[], flags: Record<string, unknown>): Promise<void> {
  const mod = await load();
  const { spec } = mod;
  const options = mod.parse(args, flags);
  const globals = (spec.ownsFormatFlag ? { ...flags, format: undefined } : flags) as GlobalOptions;
  const ctx = createContext(runtime.io, globals, runtime.deps, spec.extraFormats);
  const { signal } = runtime.io;
  try {
    const running = mod.run(options, ctx);
    const result = await (spec.ownsSignals ? running : untilStopped(running, signal)).catch((error: unknown): CommandResult => {
      if (spec.quietOnSignal && error instanceof CancelledError && signal.aborted) return { exitCode: ExitCode.interrupted };
      throw error;
    });
    if (result) await emit(result, ctx);
    if (result?.error !== undefined) throw result.error;
    runtime.exitCode = result?.exitCode ?? ExitCode.ok;
  } finally {
    await (spec.ownsSignals ? ctx.dispose() : settleAfterSignal(ctx.dispose(), signal));
  }
}

export async function emit(result: CommandResult, ctx: Context): Promise<void> {
  const { io, format } = ctx;
  let out: string | undefined;
  if ((format === 'json' || format === 'yaml') && result.data !== undefined) out = renderData(result.data, format);
  else if (result.stderr !== undefined) {
    if (result.stderr) io.stderr.write(result.stderr);
    return;
  } else if (typeof result.text === 'string') out = result.text;
  else if (result.text?.[format] !== undefined) out = result.text[format];
  else if (result.view) out = renderView(result.view, { format, chalk: ctx.chalk, columns: io.stdoutIsTTY ? io.columns || 120 : 0 });
  else if (result.data !== undefined) out = renderData(result.data, 'json');
  if (out) await write(io.stdout, out);
}
