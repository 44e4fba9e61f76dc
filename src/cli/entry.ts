// The only place that touches process.exit. Kept tiny so the compile cache is on before the rest loads.
import { enableCompileCache } from 'node:module';

enableCompileCache?.();

const controller = new AbortController();
let interrupts = 0;
const onSignal = (signal: NodeJS.Signals) => {
  interrupts++;
  if (interrupts > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
  controller.abort(signal);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
// A closed pipe (`ktool ... | head`) is a normal end, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') controller.abort('EPIPE');
});

// Last resort for a throw inside a client-library callback, which no await of ours can catch:
// one line, not a stack trace (unless --debug), and the failure exit code.
const crash = (error: unknown) => {
  const debug = process.argv.includes('--debug');
  const message = error instanceof Error ? (debug ? error.stack : error.message) : String(error);
  process.stderr.write(`error: unexpected failure: ${message}\nhint: this is a bug in ktool; rerun with --debug and report it\n`);
  process.exit(1);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

const { main } = await import('./main.js');
const { processIo } = await import('./io.js');
const code = await main(process.argv.slice(2), processIo(controller.signal));
process.exitCode = code;
// Sockets or timers left by a client must not keep a finished command alive.
setTimeout(() => process.exit(code), 50).unref();
