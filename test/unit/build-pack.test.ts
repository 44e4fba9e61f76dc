import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs build script without types
import { reachableFiles } from '../../scripts/build-pack.mjs';

// npm pack's check that the bundle needs no package at run time (the tarball declares none).
describe('build-pack: the bundle is the whole program', () => {
  let dir = '';
  const bundle = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'ktool-build-pack-'));
    mkdirSync(join(dir, 'chunks'));
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
    return join(dir, 'ktool.mjs');
  };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('follows static and dynamic chunk imports; builtins, optional requires and Ajv code strings pass', () => {
    const entry = bundle({
      'ktool.mjs':
        'import { a } from "./chunks/chunk-A.mjs";\nimport { readFile } from "node:fs";\nconst m = () => import("./chunks/main-B.mjs");\n',
      'chunks/chunk-A.mjs':
        'import {\n  x\n} from "./chunk-C.mjs";\nvar os = __require("os");\ntry { __require("supports-color"); } catch {}\n',
      'chunks/main-B.mjs':
        'import "./chunk-C.mjs";\nequal.code = \'require("ajv/dist/runtime/equal").default\';\nconst help = "copy from \\"x\\";";\n',
      'chunks/chunk-C.mjs': 'export const x = 1;\n',
      'chunks/stale-D.mjs': 'import "left-pad";\n',
    });
    expect([...(reachableFiles(entry) as Set<string>)].map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      'chunks/chunk-A.mjs',
      'chunks/chunk-C.mjs',
      'chunks/main-B.mjs',
      'ktool.mjs',
    ]);
  });

  it('fails on an import of a package the bundle left out, and on a missing chunk', () => {
    const entry = bundle({
      'ktool.mjs': 'import chalk from "chalk";\nconst m = () => import("./chunks/gone-E.mjs");\nconst t = __require("cli-table3");\n',
    });
    expect(() => reachableFiles(entry)).toThrow(
      /imports chalk[\s\S]*requires cli-table3[\s\S]*chunks\/gone-E\.mjs is imported but missing/,
    );
  });
});
