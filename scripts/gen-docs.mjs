// `npm run gen-docs`: regenerates the command registry (src/commands/registry.ts, from the files
// that export a spec), then completions/ (bash, zsh, fish) and man/ from the command tree.
// Bundles src/docs/write.ts (dependencies stay external, so the Kafka client is never loaded)
// into node_modules/.cache and runs it; no need for a fresh dist/.
import { build } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REGISTRY_PATH, registrySource } from './command-registry.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const registry = await registrySource(root);
if ((await readFile(join(root, REGISTRY_PATH), 'utf8').catch(() => '')) !== registry) {
  await writeFile(join(root, REGISTRY_PATH), registry);
  console.log(`wrote ${REGISTRY_PATH}`);
}
const outdir = join(root, 'node_modules', '.cache', 'ktool-gen-docs');
await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { 'gen-docs': 'src/docs/write.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
});
const { writeDocs } = await import(pathToFileURL(join(outdir, 'gen-docs.mjs')).href);
const { written, unchanged, removed } = await writeDocs(root);
for (const path of written) console.log(`wrote ${path}`);
for (const path of removed) console.log(`removed ${path}`);
console.log(`${written.length} written, ${removed.length} removed, ${unchanged.length} unchanged`);
