/**
 * The node flags that bound streaming commands' memory (README, Memory): bin/ktool passes them on
 * both of its paths, and the standalone executable bakes the same into its execArgv. Only flags
 * that leave V8's code-cache flag hash alone: --heap-growing-percent here made every start compile
 * node's own modules again (src/util/heap.ts sets it at run time instead).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FLAGS = ['--max-semi-space-size=16'];

describe('node flags of the launcher and the standalone executable', () => {
  it('bin/ktool starts node with the memory flags, with its own node and with the machine one', () => {
    const execs = readFileSync('bin/ktool', 'utf8')
      .split('\n')
      .filter((l) => /\bexec\b.*dist\/ktool\.mjs/.test(l));
    expect(execs).toHaveLength(2);
    for (const line of execs) for (const f of FLAGS) expect(line).toContain(` ${f} `);
    for (const line of execs) expect(line).not.toMatch(/--heap-growing-percent/);
  });

  it("the standalone executable's execArgv is bin/ktool's", () => {
    const m = /execArgv: \[([^\]]*)\]/.exec(readFileSync('scripts/build-sea.mjs', 'utf8'));
    expect(m).not.toBeNull();
    expect(m![1].split(',').map((s) => s.trim().replace(/^'|'$/g, ''))).toEqual(FLAGS);
  });
});
