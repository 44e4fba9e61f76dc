import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs build script without types
import { makeAjvLazy } from '../../scripts/slim-client.mjs';

describe('slim-client build patch', () => {
  it('turns top-level ajv.compile calls into lazily compiled validators with the same behaviour', () => {
    const source = `const ajv = { compile: (schema) => { globalThis.__compiled = (globalThis.__compiled ?? 0) + 1; const v = (d) => { v.errors = d === schema.ok ? null : ['bad']; return d === schema.ok; }; return v; } };
export const aValidator = ajv.compile({ ok: 1 });
export const bValidator = ajv.compile({
  ok: (2)
});`;
    const [code, count] = makeAjvLazy(source) as [string, number];
    expect(count).toBe(2);
    const mod = new Function(`${code.replace(/export const/g, 'const')}; return { aValidator, bValidator };`)();
    expect((globalThis as { __compiled?: number }).__compiled).toBeUndefined();
    expect(mod.aValidator(1)).toBe(true);
    expect(mod.aValidator(5)).toBe(false);
    expect(mod.aValidator.errors).toEqual(['bad']);
    expect(mod.bValidator(2)).toBe(true);
    expect((globalThis as { __compiled?: number }).__compiled).toBe(2);
  });

  it('the library still has the shape the patch expects', () => {
    const dir = new URL('../../node_modules/@platformatic/kafka/dist/clients/admin/options.js', import.meta.url);
    const [, count] = makeAjvLazy(readFileSync(dir, 'utf8')) as [string, number];
    expect(count).toBeGreaterThan(20);
  });

  it('the built bundle carries no Schema Registry code (avsc)', () => {
    const chunks = new URL('../../dist/chunks/', import.meta.url);
    const all = readdirSync(chunks).map((f) => readFileSync(new URL(f, chunks), 'utf8')).join('\n');
    expect(all).toContain('__ktoolLazyValidator');
    expect(all).not.toMatch(/avsc|ConfluentSchemaRegistry/);
  });
});
