/**
 * V8 lets its old generation grow to up to 4x what survived the last full collection before it
 * collects again. Streaming commands promote a steady flow of objects that die soon after
 * (records waiting for an acknowledgement, a window's cells living for a minute of event time), so
 * RSS settled at about 4x the live heap: 200-260 MB on 1M small records where 15-30 MB were live.
 * The streaming commands (consume, mirror, pipe) ask for 2x here once their modules and the client
 * are loaded; stats, whose window state is what grows, for 1.5x. V8 reads the flag each time it sets
 * the next limit. Measured in README (Memory): the CPU it costs, on a small and on a large state.
 *
 * Not a node command-line flag: any V8 flag that is not the default changes the hash V8 checks
 * before it accepts a code cache, so node's embedded code cache of its own modules (net, crypto,
 * child_process, ...) was rejected and every start compiled them again (ktool --help 0.11 -> 0.17-0.25 s).
 * Set at run time, the modules loaded before it keep their cache.
 */
import { setFlagsFromString } from 'node:v8';

export const STREAM_HEAP_GROWING_PERCENT = 100;
export const STATE_HEAP_GROWING_PERCENT = 50;

export function tightenHeapGrowth(percent = STREAM_HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
