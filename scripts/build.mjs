// Bundles src/ into dist/ (ESM, code-split so that command modules and the Kafka client load
// only when a command needs them). See scripts/slim-client.mjs for the start-up patches.
import { build } from 'esbuild';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sharedBuildOptions } from './build-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// Built aside, then moved in file by file: a `bin/ktool` already running (a test, a user's pipe)
// keeps finding its content-hashed chunks, and the entry file is replaced atomically.
const staging = `dist.tmp-${process.pid}`;
await rm(`${root}/${staging}`, { recursive: true, force: true });
await build({
  ...sharedBuildOptions(),
  absWorkingDir: root,
  outdir: staging,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  format: 'esm',
  target: 'node22',
  // CommonJS dependencies (cli-table3) call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __ktoolCreateRequire } from 'node:module'; const require = __ktoolCreateRequire(import.meta.url);",
  },
});

await mkdir(`${root}/dist/chunks`, { recursive: true });
const fresh = new Set(await readdir(`${root}/${staging}/chunks`));
for (const chunk of fresh) await rename(`${root}/${staging}/chunks/${chunk}`, `${root}/dist/chunks/${chunk}`);
await rename(`${root}/${staging}/ktool.mjs`, `${root}/dist/ktool.mjs`);
await rm(`${root}/${staging}`, { recursive: true, force: true });
// Chunks of earlier builds go once no process started from them can still be loading them.
const staleAfterMs = 10 * 60_000;
for (const chunk of await readdir(`${root}/dist/chunks`)) {
  if (fresh.has(chunk)) continue;
  const path = `${root}/dist/chunks/${chunk}`;
  if (Date.now() - (await stat(path)).mtimeMs > staleAfterMs) await rm(path, { force: true });
}
