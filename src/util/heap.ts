/**
 * V8 lets its old generation grow to up to 4x what survived the last full collection before it
 * collects again. Streaming commands promote a steady flow of objects that die soon after
 * (records waiting for an acknowledgement, a window's cells living for a minute of event time), so
 * RSS settled at about 4x the live heap: 200-260 MB on 1M small records where 15-30 MB were live.
 * bin/ktool (and the standalone executable) start node with --heap-growing-percent=100 (2x); stats,
 * whose window state is what grows, asks for 1.5x here (V8 reads the flag each time it sets the
 * next limit). Measured in README (Memory): the CPU it costs, on a small and on a large state.
 */
import { setFlagsFromString } from 'node:v8';

export const STATE_HEAP_GROWING_PERCENT = 50;

export function tightenHeapGrowth(percent = STATE_HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
