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

  it('carries no Schema Registry code (avsc)', () => {
    const chunks = new URL('../../dist/chunks/', import.meta.url);
    const all = readdirSync(chunks)
      .map((f) => readFileSync(new URL(f, chunks), 'utf8'))
      .join('\n');
    expect(all).toContain('__ktoolLazyValidator');
    expect(all).not.toMatch(/avsc|ConfluentSchemaRegistry/);
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
