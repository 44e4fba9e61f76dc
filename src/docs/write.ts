/**
 * Entry of `npm run gen-docs` (bundled by scripts/gen-docs.mjs): regenerates completions/ and
 * man/ from the command tree, removing man pages of commands that no longer exist.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildProgram } from '../cli/program.js';
import { generateDocs } from './index.js';

export async function writeDocs(root: string): Promise<{ written: string[]; unchanged: string[]; removed: string[] }> {
  const files = generateDocs(await buildProgram(async () => {}));
  const written: string[] = [];
  const unchanged: string[] = [];
  const removed: string[] = [];
  for (const [path, text] of files) {
    const file = join(root, path);
    const old = await readFile(file, 'utf8').catch(() => undefined);
    if (old === text) {
      unchanged.push(path);
      continue;
    }
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    written.push(path);
  }
  for (const name of await readdir(join(root, 'man')).catch(() => [] as string[])) {
    if (name.endsWith('.1') && !files.has(`man/${name}`)) {
      await rm(join(root, 'man', name));
      removed.push(`man/${name}`);
    }
  }
  return { written, unchanged, removed };
}
