import { CommanderError } from 'commander';
import { ExitCode, signalExitCode, UsageError, type ExitCodeValue } from '../errors.js';
import type { ContextDeps } from './context.js';
import { reportError, runningDispatcher, type Dispatcher, type Runtime } from './dispatch.js';
import type { Io } from './io.js';
import { dropinName, dropinWords } from '../dropin/detect.js';
import { originalVersionLine } from '../dropin/version.js';
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
  // `kafka-X.sh --version`'s spelling (`ktool topics --version`): the Kafka version its tool follows.
  const kafkaVersion = originalVersionLine(argv);
  if (kafkaVersion) {
    io.stdout.write(kafkaVersion);
    return ExitCode.ok;
  }
  // A kafka-*.sh spelling (`topics --list`): the original's options, output and exit codes (src/dropin/).
  let dropin = dropinName(argv);
  // --help among its flags: ktool's help of that command (the original prints its own, and runs nothing);
  // the two share words have no native command, their drop-ins print theirs.
  if (dropin && argv.includes('--help') && dropin !== 'share-groups' && dropin !== 'share-consume') {
    argv = [...argv.slice(0, dropinWords(dropin)), '--help'];
    dropin = undefined;
  }
  if (dropin) {
    // Ctrl-C/SIGTERM end an original's JVM with 130/143 whatever it was doing: so here, whatever the script made of
    // its interrupted wait (an error line, its failure's 1, a listing's 0).
    const bySignal = () => io.signal.aborted && io.signal.reason !== 'EPIPE';
    try {
      const { loadDropin, runDropin } = await import('../dropin/entry.js');
      const code = await runDropin(await loadDropin(dropin), argv.slice(dropinWords(dropin)), io, deps);
      return signalExitCode(bySignal() ? ExitCode.interrupted : code, io.signal);
    } catch (error) {
      if (io.signal.aborted && io.signal.reason === 'EPIPE') return ExitCode.ok;
      if (bySignal()) return signalExitCode(ExitCode.interrupted, io.signal);
      reportError(io, error, debug);
      // Every failure of the originals is exit 1; ktool's internal-topic guard keeps its 2.
      return signalExitCode(error instanceof UsageError ? ExitCode.usage : (1 as ExitCodeValue), io.signal);
    }
  }
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
