/**
 * The build's built-ins plugin (scripts/builtins-by-require.mjs) reads which names a module takes
 * from a built-in; each becomes one property read of require()'s result. A name missed would fail
 * the build (esbuild: no matching export), a namespace import keeps the whole module.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error a build script (JavaScript, no types)
import { importedNamesIn } from '../../scripts/builtins-by-require.mjs';

const names = (text: string, spec = 'node:util') => importedNamesIn(text, spec) as [boolean, string[]] | null;

describe('importedNamesIn', () => {
  it.each([
    ["import { promisify } from 'node:util';", [false, ['promisify']]],
    ['import { inspect, promisify as p, type InspectOptions } from "node:util";', [false, ['inspect', 'promisify', 'InspectOptions']]],
    ["import util from 'node:util';", [true, []]],
    ["import util, { format } from 'node:util';", [true, ['format']]],
    ["import { default as util, format } from 'node:util'", [true, ['format']]],
    ["import type { InspectOptions } from 'node:util';", [false, ['InspectOptions']]],
    ["export { inspect as show } from 'node:util';", [false, ['inspect']]],
    ["import {\n  a,\n  b,\n} from 'node:util';\nimport { c } from 'node:util';", [false, ['a', 'b', 'c']]],
    ["import { a } from 'node:utilx';", [false, []]],
  ])('%s', (text, want) => {
    expect(names(text)).toEqual(want);
  });

  it('a namespace import or export * keeps the whole module (null)', () => {
    expect(names("import * as util from 'node:util';")).toBeNull();
    expect(names("export * from 'node:util';")).toBeNull();
  });

  it('finds the specifier with regex characters in it', () => {
    expect(names("import { setTimeout } from 'node:timers/promises';", 'node:timers/promises')).toEqual([false, ['setTimeout']]);
  });
});
