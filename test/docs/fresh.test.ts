import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { generateDocs } from '../../src/docs/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HINT = 'generated docs are stale: run `npm run gen-docs` and commit completions/ and man/';

describe('committed completions/ and man/ match the command tree', () => {
  const files = generateDocs(buildProgram(async () => {}));

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
