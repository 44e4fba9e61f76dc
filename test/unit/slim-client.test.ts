import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  makeAjvInstanceLazy,
  makeAjvLazy,
  makeCommanderSpawnLazy,
  makeCryptoLazy,
  makeNativeCrcLazy,
  makeTlsLazy,
  makeTransactionalIdLazy,
  makeWasmLazy,
  patchProducer,
  // @ts-expect-error plain .mjs build script without types
} from '../../scripts/slim-client.mjs';

const libraryFile = (path: string) => new URL(`../../node_modules/@platformatic/${path}`, import.meta.url);

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

  it('wasm-utils instantiates its WebAssembly on the first call, with the same results', async () => {
    const source = readFileSync(libraryFile('wasm-utils/dist/bundled.js'), 'utf8');
    const [code, ok] = makeWasmLazy(source) as [string, boolean];
    expect(ok).toBe(true);
    // The patched module, importable from a temporary directory: its one import made absolute.
    const dynamicBuffer = pathToFileURL(join(process.cwd(), 'node_modules/@platformatic/dynamic-buffer/dist/index.js')).href;
    const dir = mkdtempSync(join(tmpdir(), 'ktool-lazy-wasm-'));
    const wasm = (globalThis as unknown as { WebAssembly: { Instance: new (...args: unknown[]) => unknown } }).WebAssembly;
    const instantiate = wasm.Instance;
    let instances = 0;
    try {
      writeFileSync(join(dir, 'lazy.mjs'), code.replace("'@platformatic/dynamic-buffer'", `'${dynamicBuffer}'`));
      wasm.Instance = function (...args: unknown[]) {
        instances++;
        return new instantiate(...args);
      } as unknown as typeof instantiate;
      const lazy = await import(pathToFileURL(join(dir, 'lazy.mjs')).href);
      expect(instances).toBe(0);
      // CRC-32C's check value, and an lz4 round trip of more than the first 4 KB buffer.
      expect(lazy.crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
      const text = Buffer.from('ktool '.repeat(2000));
      expect(Buffer.compare(lazy.lz4Decompress(lazy.lz4Compress(text)), text)).toBe(0);
      expect(lazy.crc32c(text)).toBe(lazy.crc32c(Buffer.from(text)));
      expect(instances).toBe(1);
    } finally {
      wasm.Instance = instantiate;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the native CRC is looked for on the first checksum, not at import', () => {
    const source = readFileSync(libraryFile('kafka/dist/protocol/crc32c.js'), 'utf8');
    const [code, ok] = makeNativeCrcLazy(source) as [string, boolean];
    expect(ok).toBe(true);
    expect(code).not.toMatch(/^export const crc32c = /m);
    expect(code).toMatch(/^export function crc32c\(data\) \{\n {2}__ktoolCrc32c \?\?= loadNativeCRC32C\(\) \?\? wasmCRC32C;/m);
    expect(makeNativeCrcLazy('export const crc32c = somethingElse;')).toEqual(['export const crc32c = somethingElse;', false]);
  });

  it('node:crypto is loaded on the first call of a function the client imports from it, not at import', () => {
    for (const file of [
      'kafka/dist/protocol/sasl/scram-sha.js',
      'kafka/dist/clients/producer/producer.js',
      'kafka/dist/clients/consumer/consumer.js',
    ]) {
      const [code, ok] = makeCryptoLazy(readFileSync(libraryFile(file), 'utf8')) as [string, boolean];
      expect(ok, file).toBe(true);
      expect(code, file).not.toMatch(/from '(node:)?crypto'/);
    }
    const [code] = makeCryptoLazy(
      "import { createHash, randomUUID as uuid } from 'crypto';\nexport const f = () => [createHash, uuid];",
    ) as [string, boolean];
    const loaded: string[] = [];
    const require = (id: string) => {
      loaded.push(id);
      return { createHash: (a: string) => `hash:${a}`, randomUUID: () => 'u-1' };
    };
    const [hash, uuid] = new Function('require', `${code.replace('export const', 'const')}; return f();`)(require);
    expect(loaded).toEqual([]);
    expect([hash('sha256'), uuid()]).toEqual(['hash:sha256', 'u-1']);
    expect(loaded).toEqual(['node:crypto', 'node:crypto']);
  });

  it("the producer's default transactional id is drawn when first read, so constructing one loads no node:crypto", () => {
    const producer = readFileSync(libraryFile('kafka/dist/clients/producer/producer.js'), 'utf8');
    const [patched, ok] = patchProducer(producer) as [string, boolean];
    expect(ok).toBe(true);
    expect(patched).not.toMatch(/from '(node:)?crypto'/);
    expect(patched).not.toContain('transactionalId ??= randomUUID()');
    // The patched statement, run as the constructor runs it: lazily the same default, or the id given.
    const [code] = makeTransactionalIdLazy('this[kOptions].transactionalId ??= randomUUID();') as [string, boolean];
    const construct = (options: { transactionalId?: string }) => {
      let drawn = 0;
      const randomUUID = () => `uuid-${++drawn}`;
      new Function('kOptions', 'randomUUID', code).call({ kOptions: options }, 'kOptions', randomUUID);
      return { options, drawn: () => drawn };
    };
    const fresh = construct({});
    expect(fresh.drawn()).toBe(0);
    expect(fresh.options.transactionalId).toBe('uuid-1');
    expect(fresh.options.transactionalId).toBe('uuid-1');
    expect(fresh.drawn()).toBe(1);
    expect(Object.keys(fresh.options)).toEqual(['transactionalId']);
    fresh.options.transactionalId = 'mine';
    expect(fresh.options.transactionalId).toBe('mine');
    const given = construct({ transactionalId: 'given' });
    expect(given.options.transactionalId).toBe('given');
    expect(given.drawn()).toBe(0);
    expect(makeTransactionalIdLazy('this.id = randomUUID();')).toEqual(['this.id = randomUUID();', false]);
  });

  it("commander's node:child_process is loaded by its spawn(), not at import", () => {
    const command = new URL('../../node_modules/commander/lib/command.js', import.meta.url);
    const [code, ok] = makeCommanderSpawnLazy(readFileSync(command, 'utf8')) as [string, boolean];
    expect(ok).toBe(true);
    expect(code).not.toMatch(/from 'node:child_process'/);
    // Anything else of child_process used: the patch refuses, the build fails.
    expect(makeCommanderSpawnLazy("import childProcess from 'node:child_process';\nchildProcess.fork(x);")[1]).toBe(false);
  });
});
