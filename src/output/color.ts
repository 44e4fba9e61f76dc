import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Colour decision, first match wins: the --no-color flag; FORCE_COLOR when set and not empty (0 or
 * false: off, anything else: on, whatever the stream is); NO_COLOR when set and not empty (off);
 * else on only when the stream is a terminal. A flag beats the environment (no-color.org), and an
 * explicit FORCE_COLOR beats a standing NO_COLOR as in Node.js itself (chalk ignores NO_COLOR).
 */
export function colorEnabled(opts: { noColor?: boolean; env: Record<string, string | undefined>; isTTY: boolean }): boolean {
  if (opts.noColor) return false;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (opts.env.NO_COLOR) return false;
  return opts.isTTY;
}

export function makeChalk(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
