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

const { main } = await import('./main.js');
const { processIo } = await import('./io.js');
const code = await main(process.argv.slice(2), processIo(controller.signal));
process.exitCode = code;
// Sockets or timers left by a client must not keep a finished command alive.
setTimeout(() => process.exit(code), 50).unref();
