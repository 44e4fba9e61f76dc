/**
 * Subject completion against the real registry: `ktool __complete subjects PREFIX` (what the
 * generated bash/zsh/fish completions call for `<subject>` arguments and --value-subject) lists the
 * registry's subjects starting with PREFIX. Completion gives up silently after 1.3 s, so on a loaded
 * machine an empty answer is asked again until the deadline.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';

const env = { KTOOL_SCHEMA_REGISTRY: process.env.KTOOL_TEST_SCHEMA_REGISTRY, KTOOL_TIMEOUT: '60s' };
const dir = mkdtempSync(join(tmpdir(), 'ktool-complete-sr-'));
const subjects: string[] = [];
afterAll(async () => {
  for (const s of subjects) await runCli(['schemas', 'delete', s, '--permanent', '--yes'], { env });
  rmSync(dir, { recursive: true, force: true });
});

async function completions(kind: string, prefix: string): Promise<string[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await runCli(['__complete', kind, prefix], { env });
    expect(r.code).toBe(0);
    const names = r.stdout.split('\n').filter(Boolean);
    if (names.length > 0 || Date.now() > deadline) return names;
    await sleep(500);
  }
}

describe('subject completion from the registry', needs('KTOOL_TEST_SCHEMA_REGISTRY'), () => {
  it('__complete subjects PREFIX: the subjects starting with it, sorted', { timeout: 180_000 }, async () => {
    const prefix = uniqueName('complete-sr');
    const schema = join(dir, 's.avsc');
    writeFileSync(schema, '{"type":"record","name":"C","fields":[{"name":"id","type":"string"}]}');
    for (const s of [`${prefix}-orders-value`, `${prefix}-orders-key`, `${prefix}-payments-value`]) {
      const r = await runCli(['schemas', 'register', s, schema], { env });
      expect(r.code, r.stderr).toBe(0);
      subjects.push(s);
    }
    expect(await completions('subjects', `${prefix}-o`)).toEqual([`${prefix}-orders-key`, `${prefix}-orders-value`]);
    expect(await completions('subjects', prefix)).toEqual([`${prefix}-orders-key`, `${prefix}-orders-value`, `${prefix}-payments-value`]);
  });
});
