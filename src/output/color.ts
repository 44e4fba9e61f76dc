import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Colour decision, in order: --no-color, NO_COLOR (any non-empty value), FORCE_COLOR
 * (0 disables, anything else enables), else colour only when the stream is a TTY.
 */
export function colorEnabled(opts: { noColor?: boolean; env: Record<string, string | undefined>; isTTY: boolean }): boolean {
  if (opts.noColor) return false;
  if (opts.env.NO_COLOR) return false;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return opts.isTTY;
}

export function makeChalk(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
