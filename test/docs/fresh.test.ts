import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { generateDocs } from '../../src/docs/index.js';
// @ts-expect-error: a plain .mjs script without type declarations
import { REGISTRY_PATH, registrySource } from '../../scripts/command-registry.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HINT = 'generated docs are stale: run `npm run gen-docs` and commit completions/ and man/';

describe('committed completions/ and man/ match the command tree', async () => {
  const files = generateDocs(await await buildProgram(async () => {}));

  it('src/commands/registry.ts lists every file that exports a spec', async () => {
    expect(
      readFileSync(join(ROOT, REGISTRY_PATH), 'utf8') === (await registrySource(ROOT)),
      `src/commands/registry.ts is stale; ${HINT}`,
    ).toBe(true);
  });

  it.each([...files.keys()])('%s', (path) => {
    let committed: string | undefined;
    try {
      committed = readFileSync(join(ROOT, path), 'utf8');
    } catch {
      committed = undefined;
    }
    expect(committed, `${path} is missing; ${HINT}`).toBeDefined();
    expect(committed === files.get(path), `${path} differs from what the command tree generates; ${HINT}`).toBe(true);
  });

  it('has no man page for a command that no longer exists', () => {
    const stale = readdirSync(join(ROOT, 'man')).filter((name) => name.endsWith('.1') && !files.has(`man/${name}`));
    expect(stale, `stale man pages; ${HINT}`).toEqual([]);
  });
});
