// `npm pack`'s prepack step: the usual build (scripts/build.mjs), then a check that the bundle is the
// whole program, so the package declares no runtime dependencies and installs with nothing to fetch.
// dist/chunks keeps the chunks of earlier builds for a while (a running bin/ktool may still load
// them); dist/.npmignore leaves those out of the tarball.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

// Loaded with require() inside a try, each with a fallback in the bundle: absent from an install.
const OPTIONAL_REQUIRES = new Map([
  ['@node-rs/crc32', 'native CRC-32C; the bundled WebAssembly one is used without it'],
  ['supports-color', "debug's colour detection; plain output without it"],
]);

/** The specifiers a bundle file loads: relative ones (chunks) and bare ones, by kind. */
export function specifiers(code) {
  const found = { relative: [], imports: [], requires: [] };
  // esbuild writes every import and export-from as `... from "x";` ending a line.
  const patterns = [/\bfrom\s*"([^"\n]+)";\s*$/gm, /^import\s*"([^"\n]+)";\s*$/gm, /\bimport\(\s*"([^"\n]+)"\s*\)/g];
  for (const pattern of patterns) {
    for (const [, spec] of code.matchAll(pattern)) (spec.startsWith('.') ? found.relative : found.imports).push(spec);
  }
  // A require() call, not the text "require(...)" that Ajv keeps in strings for its standalone code.
  for (const [, spec] of code.matchAll(/(?<![\w$.'"`])(?:__)?require\(\s*"([^"\n]+)"\s*\)/g)) found.requires.push(spec);
  return found;
}

/** Every file the entry reaches; throws on a missing chunk or a package the bundle does not contain. */
export function reachableFiles(entry) {
  const seen = new Set();
  const problems = [];
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    let code;
    try {
      code = readFileSync(file, 'utf8');
    } catch {
      problems.push(`${relative(root, file)} is imported but missing`);
      return;
    }
    const { relative: local, imports, requires } = specifiers(code);
    for (const spec of imports)
      if (!isBuiltin(spec)) problems.push(`${relative(root, file)} imports ${spec}, which the bundle does not contain`);
    for (const spec of requires) {
      if (!isBuiltin(spec) && !OPTIONAL_REQUIRES.has(spec))
        problems.push(`${relative(root, file)} requires ${spec}, which the bundle does not contain`);
    }
    for (const spec of local) visit(join(dirname(file), spec));
  };
  visit(entry);
  if (problems.length > 0) throw new Error(`the bundle is not self-contained:\n  ${problems.join('\n  ')}`);
  return seen;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await import('./build.mjs');
  const reached = reachableFiles(join(dist, 'ktool.mjs'));
  const stale = readdirSync(join(dist, 'chunks')).filter((chunk) => !reached.has(join(dist, 'chunks', chunk)));
  writeFileSync(
    join(dist, '.npmignore'),
    `# Written by scripts/build-pack.mjs: chunks of earlier builds, left out of the package.\n` +
      `${stale.map((c) => `chunks/${c}\n`).join('')}`,
  );
  console.error(
    `build-pack: dist/ktool.mjs and ${reached.size - 1} chunks, no runtime dependencies (${stale.length} stale chunks left out)`,
  );
}
