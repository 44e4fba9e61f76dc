import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

// The built bundle (dist/, made by the global setup): what users run.
describe('the bundle', () => {
  const home = mkdtempSync(join(tmpdir(), 'ktool-bundle-'));
  const env = { KTOOL_CONFIG: join(home, 'config.yaml'), KTOOL_PROFILE: undefined };
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("drops the client's Schema Registry code; ktool's own codecs (avsc, protobufjs) load only when a command decodes", () => {
    const dist = new URL('../../dist/', import.meta.url);
    const chunks = new URL('chunks/', dist);
    const text = (f: URL) => readFileSync(f, 'utf8');
    const all = readdirSync(chunks)
      .map((f) => text(new URL(f, chunks)))
      .join('\n');
    expect(all).toContain('__ktoolLazyValidator');
    expect(all).not.toMatch(/ConfluentSchemaRegistry/);
    // What start-up loads: the entry and the chunks it imports statically, transitively.
    const seen = new Set<string>();
    const visit = (file: URL) => {
      if (seen.has(file.href)) return;
      seen.add(file.href);
      for (const m of text(file).matchAll(/^(?:import|export)\b[^;]*?from\s*"(\.[^"]+)"|^import\s*"(\.[^"]+)"/gm)) {
        visit(new URL(m[1] ?? m[2], file));
      }
    };
    visit(new URL('ktool.mjs', dist));
    const startup = [...seen].map((href) => text(new URL(href))).join('\n');
    expect(all).toMatch(/avsc|protobufjs/i);
    expect(startup).not.toMatch(/avsc|protobufjs/i);
  });

  it("requires Node's built-ins (scripts/builtins-by-require.mjs), but leaves src/'s import() of one as it is (its named exports)", () => {
    const chunks = new URL('../../dist/chunks/', import.meta.url);
    const all = readdirSync(chunks)
      .filter((f) => f.endsWith('.mjs'))
      .map((f) => readFileSync(new URL(f, chunks), 'utf8'))
      .join('\n');
    // No import statement of a built-in but the banner's (which defines require).
    expect(all.match(/^import\b[^;]*?from\s*"(node:[^"]+)"/gm) ?? []).toEqual([]);
    const src = new URL('../../src/', import.meta.url);
    const sources = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const dynamic = new Set(
      sources.flatMap((f) => [...readFileSync(new URL(f, src), 'utf8').matchAll(/await import\('(node:[^']+)'\)/g)].map((m) => m[1])),
    );
    expect(dynamic.size).toBeGreaterThan(0);
    for (const spec of dynamic) expect(all, spec).toContain(`import("${spec}")`);
  });

  it('__complete topics lists the topics of a real cluster', async () => {
    const name = uniqueName('complete');
    const bootstrap = process.env.KTOOL_TEST_BOOTSTRAP!;
    const created = await spawnKtool(['topics', 'create', name, '-b', bootstrap], { env });
    expect(created.code, created.stderr).toBe(0);
    try {
      const r = await spawnKtool(['__complete', 'topics', '-b', bootstrap, '--', name.slice(0, -2)], { env });
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')).toContain(name);
    } finally {
      await spawnKtool(['topics', 'delete', name, '--yes', '-b', bootstrap], { env });
    }
  });
});
