import { CommanderError } from 'commander';
import { ExitCode, signalExitCode, UsageError, type ExitCodeValue } from '../errors.js';
import type { ContextDeps } from './context.js';
import { reportError, runningDispatcher, type Dispatcher, type Runtime } from './dispatch.js';
import type { Io } from './io.js';
import { hoistLeadingOptions } from './hoist.js';
import { rewriteLegacy } from './legacy.js';
import { buildProgram } from './program.js';

/**
 * Runs one ktool invocation and returns its exit code. Never calls process.exit, so tests can run
 * it in-process with captured IO.
 */
export async function main(argv: string[], io: Io, deps: ContextDeps = {}, dispatcher?: Dispatcher): Promise<ExitCodeValue> {
  const runtime: Runtime = { io, deps, exitCode: ExitCode.ok };
  const debug = argv.includes('--debug');
  const args = rewriteLegacy(hoistLeadingOptions(argv));
  const program = await buildProgram(dispatcher ?? runningDispatcher(runtime), args);
  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
    getOutHelpWidth: () => (io.stdoutIsTTY ? io.columns || 100 : 100),
    getErrHelpWidth: () => 100,
    outputError: (s, write) => write(s.replace(/\n?$/, '\n') + `(run with --help for usage)\n`),
  });
  for (const cmd of allCommands(program)) {
    cmd.exitOverride();
    cmd.configureOutput(program.configureOutput());
  }
  try {
    await program.parseAsync(args, { from: 'user' });
    return signalExitCode(runtime.exitCode, io.signal);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
      // Asked for (`ktool help topics`): 0. A noun without its verb (`ktool topics`): the help went
      // to stderr, and it is a usage error, so a script that forgot the verb does not pass.
      if (error.code === 'commander.help') return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
      if (error.code === 'commander.executeSubCommandAsync') return ExitCode.ok;
      return ExitCode.usage;
    }
    if (io.signal.aborted && io.signal.reason === 'EPIPE') return ExitCode.ok;
    return signalExitCode(reportError(io, error, debug), io.signal);
  }
}

function* allCommands(cmd: import('commander').Command): Generator<import('commander').Command> {
  for (const sub of cmd.commands) {
    yield sub;
    yield* allCommands(sub);
  }
}

export { UsageError };
