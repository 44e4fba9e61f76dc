import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs build script without types
import { makeAjvInstanceLazy, makeAjvLazy, makeTlsLazy } from '../../scripts/slim-client.mjs';

describe('slim-client build patch', () => {
  it('turns top-level ajv.compile calls into lazily compiled validators with the same behaviour', () => {
    const source =
      `const ajv = { compile: (schema) => { globalThis.__compiled = (globalThis.__compiled ?? 0) + 1; ` +
      `const v = (d) => { v.errors = d === schema.ok ? null : ['bad']; return d === schema.ok; }; return v; } };
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

  it('builds the Ajv instance on first use, with the keywords added at the top level', () => {
    const source = `import { Ajv2020 } from 'ajv/dist/2020.js';
export const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addKeyword({ keyword: 'even', validate: (_, x) => x % 2 === 0 });`;
    const [code, ok] = makeAjvInstanceLazy(source) as [string, boolean];
    expect(ok).toBe(true);
    let built = 0;
    class Ajv2020 {
      keywords: string[] = [];
      constructor(readonly options: object) {
        built++;
      }
      addKeyword(k: { keyword: string }) {
        this.keywords.push(k.keyword);
      }
      names() {
        return this.keywords;
      }
    }
    const require = (id: string) => (id === 'ajv/dist/2020.js' ? { Ajv2020 } : undefined);
    const ajv = new Function('require', `${code.replace(/export const/g, 'const')}; return ajv;`)(require);
    expect(built).toBe(0);
    expect(ajv.names()).toEqual(['even']);
    expect(ajv.options).toEqual({ allErrors: true, strict: true });
    expect(built).toBe(1);
  });

  it('the library still builds its Ajv instance the way that patch expects', () => {
    const utils = new URL('../../node_modules/@platformatic/kafka/dist/utils.js', import.meta.url);
    const [code, ok] = makeAjvInstanceLazy(readFileSync(utils, 'utf8')) as [string, boolean];
    expect(ok).toBe(true);
    expect(code).not.toMatch(/^ajv\.addKeyword/m);
  });

  it('node:tls is loaded on the first TLS connection, not at start-up', () => {
    const connection = new URL('../../node_modules/@platformatic/kafka/dist/network/connection.js', import.meta.url);
    const [code, ok] = makeTlsLazy(readFileSync(connection, 'utf8')) as [string, boolean];
    expect(ok).toBe(true);
    expect(code).not.toMatch(/from 'node:tls'/);
    expect(code).toContain("require('node:tls').connect(");
  });
});
