// esbuild plugin that trims @platformatic/kafka's start-up cost (measured: import 0.7 s -> ~0.08 s),
// and commander's.
// 1. The client compiles ~38 Ajv validators at module top level, which costs
// ~300 ms of start-up even though validation only runs in `strict` mode. This rewrites every
// `export const X = ajv.compile(EXPR);` into a validator that compiles on first call.
// Tested by test/unit/slim-client.test.ts; if the library changes shape the build fails loudly.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const LAZY_HELPER = `
function __ktoolLazyValidator(make) {
  let compiled;
  const validate = function (data) {
    compiled ??= make();
    const ok = compiled(data);
    validate.errors = compiled.errors;
    return ok;
  };
  validate.errors = null;
  return validate;
}
`;

/** Rewrites top-level `export const X = ajv.compile(...)` statements; returns [code, count]. */
export function makeAjvLazy(source) {
  const marker = /export const (\w+) = ajv\.compile\(/g;
  let out = '';
  let last = 0;
  let count = 0;
  let match;
  while ((match = marker.exec(source)) !== null) {
    const argStart = match.index + match[0].length;
    let depth = 1;
    let i = argStart;
    for (; i < source.length && depth > 0; i++) {
      const ch = source[i];
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
    }
    if (depth !== 0) throw new Error(`lazy-ajv: unbalanced ajv.compile( for ${match[1]}`);
    const arg = source.slice(argStart, i - 1);
    out += source.slice(last, match.index);
    out += `export const ${match[1]} = __ktoolLazyValidator(() => ajv.compile(${arg}))`;
    last = i;
    marker.lastIndex = i;
    count++;
  }
  out += source.slice(last);
  return [count > 0 ? LAZY_HELPER + out : out, count];
}

/**
 * 3. utils.js builds the Ajv instance those validators compile with at import (Ajv and its 2020
 * meta-schemas: ~20 ms of every start-up). This makes `ajv` a proxy that builds it on first use;
 * the keyword definitions added at the top level are collected and added then. Returns [code, ok].
 */
export function makeAjvInstanceLazy(source) {
  const importLine = "import { Ajv2020 } from 'ajv/dist/2020.js';";
  const declaration = /export const ajv = new Ajv2020\((\{[^}]*\})\);/;
  const match = declaration.exec(source);
  if (!source.includes(importLine) || !match) return [source, false];
  const lazy = `const __ktoolAjvKeywords = [];
let __ktoolAjv;
function __ktoolRealAjv() {
  if (!__ktoolAjv) {
    const { Ajv2020 } = require('ajv/dist/2020.js');
    __ktoolAjv = new Ajv2020(${match[1]});
    for (const keyword of __ktoolAjvKeywords) __ktoolAjv.addKeyword(keyword);
  }
  return __ktoolAjv;
}
export const ajv = new Proxy({}, {
  get(_, key) {
    const real = __ktoolRealAjv();
    const value = real[key];
    return typeof value === 'function' ? value.bind(real) : value;
  },
});`;
  const code = source.replace(importLine, '').replace(declaration, lazy).replaceAll('\najv.addKeyword(', '\n__ktoolAjvKeywords.push(');
  return [code, true];
}

/**
 * 4. network/connection.js imports node:tls at the top for its TLS connections (~9 ms of every
 * start-up); this loads it on the first TLS connection. Returns [code, ok].
 */
export function makeTlsLazy(source) {
  const importLine = "import { connect as createTLSConnection } from 'node:tls';";
  if (!source.includes(importLine)) return [source, false];
  return [source.replace(importLine, "const createTLSConnection = (...args) => require('node:tls').connect(...args);"), true];
}

/**
 * 5. wasm-utils (CRC-32C, lz4, snappy) decodes, compiles and instantiates its WebAssembly at import
 * (~10 ms of every start-up: the client's import 50 -> 39 ms): this does it on the first call.
 * Every entry point goes through prepareInput() first. Returns [code, ok].
 */
export function makeWasmLazy(source) {
  const eager = new RegExp(
    [
      String.raw`const wasm = (Uint8Array\.from\([^\n]*\));`,
      String.raw`const wasmModule = new WebAssembly\.Module\(wasm\);`,
      String.raw`const instance = new WebAssembly\.Instance\(wasmModule\);`,
      String.raw`const \{ ([^}]*) \} = instance\.exports;`,
      String.raw`let currentBufferLength = 4096;`,
      String.raw`let currentBufferOffset = alloc\(currentBufferLength\);`,
      String.raw`let currentBuffer = new Uint8Array\(memory\.buffer, currentBufferOffset, currentBufferLength\);`,
      '',
    ].join('\n'),
  );
  const match = eager.exec(source);
  const entry = 'export function prepareInput(data) {\n';
  if (!match || !source.includes(entry)) return [source, false];
  const names = match[2].split(',').map((pair) => pair.trim().split(':').pop().trim());
  const lazy = `let ${names.join(', ')};
let currentBufferLength, currentBufferOffset, currentBuffer;
function __ktoolWasm() {
  if (memory) return;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(${match[1]}));
  ({ ${match[2]} } = instance.exports);
  currentBufferLength = 4096;
  currentBufferOffset = alloc(currentBufferLength);
  currentBuffer = new Uint8Array(memory.buffer, currentBufferOffset, currentBufferLength);
}
`;
  return [source.replace(eager, () => lazy).replace(entry, () => `${entry}    __ktoolWasm();\n`), true];
}

/**
 * 6. protocol/crc32c.js tries to load the optional native CRC (@node-rs/crc32, a dlopen: ~3 ms) at
 * import; this tries on the first checksum, which commands that write or read no records never make.
 * Returns [code, ok].
 */
export function makeNativeCrcLazy(source) {
  const eager = 'export const crc32c = loadNativeCRC32C() ?? wasmCRC32C;';
  if (!source.includes(eager)) return [source, false];
  const lazy = `let __ktoolCrc32c;
export function crc32c(data) {
  __ktoolCrc32c ??= loadNativeCRC32C() ?? wasmCRC32C;
  return __ktoolCrc32c(data);
}`;
  return [source.replace(eager, () => lazy), true];
}

/**
 * 7. SCRAM, the producer and the consumer import node:crypto at the top (~6 ms of every start-up,
 * a command that connects without SCRAM, never makes a transactional id or joins no group uses none
 * of it): each imported function loads it on its first call. Returns [code, ok].
 */
export function makeCryptoLazy(source) {
  const importLine = /^import \{ ([^}]+) \} from '(?:node:)?crypto';$/m;
  const match = importLine.exec(source);
  if (!match) return [source, false];
  const wrappers = match[1].split(',').map((spec) => {
    const [name, local = name] = spec.trim().split(/\s+as\s+/);
    return `const ${local} = (...args) => require('node:crypto').${name}(...args);`;
  });
  return [source.replace(importLine, () => wrappers.join('\n')), true];
}

/**
 * 8. commander imports node:child_process at the top (~3.5 ms of every start-up, --help's too) for
 * executable subcommands, which ktool has none of: its spawn() loads it when called. Returns [code, ok].
 */
export function makeCommanderSpawnLazy(source) {
  const importLine = "import childProcess from 'node:child_process';";
  if (!source.includes(importLine) || /childProcess\.(?!spawn\()/.test(source)) return [source, false];
  return [source.replace(importLine, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), true];
}

/**
 * 9. The producer's constructor draws a random transactional id for the client's own transactions
 * (`transactionalId ??= randomUUID()`), loading node:crypto in every produce (~6 ms of its start-up,
 * measured) although ktool runs its transactions itself (src/kafka/transactions.ts) and never reads
 * it: the same default, drawn when first read. Returns [code, ok].
 */
export function makeTransactionalIdLazy(source) {
  const eager = 'this[kOptions].transactionalId ??= randomUUID();';
  if (!source.includes(eager)) return [source, false];
  const lazy = `if (this[kOptions].transactionalId == null) {
            let __ktoolId;
            Object.defineProperty(this[kOptions], 'transactionalId', {
                get: () => (__ktoolId ??= randomUUID()),
                set: (id) => { __ktoolId = id; },
                enumerable: true,
                configurable: true,
            });
        }`;
  return [source.replace(eager, () => lazy), true];
}

/** The producer's two patches, crypto's (7) then its transactional id's (9): both or the build fails. */
export function patchProducer(source) {
  const [lazyCrypto, cryptoOk] = makeCryptoLazy(source);
  const [code, idOk] = makeTransactionalIdLazy(lazyCrypto);
  return [code, cryptoOk && idOk];
}

export function slimClientPlugin() {
  return {
    name: 'slim-client',
    setup(build) {
      // 2. The Confluent Schema Registry client (avsc, ajv JSON-schema support: ~250 KB) is re-exported
      // from the package root but used by nothing ktool calls; keep only the base classes the
      // producer and consumer import. ktool's Schema Registry serdes will load their own code lazily.
      build.onLoad({ filter: /@platformatic[\\/]kafka[\\/]dist[\\/]registries[\\/]index\.js$/ }, (args) => ({
        contents: "export * from './abstract.js';",
        loader: 'js',
        resolveDir: dirname(args.path),
      }));
      // A patch that no longer finds its shape fails the build loudly.
      const patch = (filter, transform, what) =>
        build.onLoad({ filter }, async (args) => {
          const [contents, ok] = transform(await readFile(args.path, 'utf8'));
          if (!ok) throw new Error(`${args.path} no longer ${what}; update scripts/slim-client.mjs`);
          return { contents, loader: 'js', resolveDir: dirname(args.path) };
        });
      patch(
        /@platformatic[\\/]kafka[\\/]dist[\\/]network[\\/]connection\.js$/,
        makeTlsLazy,
        'imports node:tls the expected way (lazy-tls)',
      );
      patch(
        /@platformatic[\\/]wasm-utils[\\/]dist[\\/]bundled\.js$/,
        makeWasmLazy,
        'instantiates its WebAssembly the expected way (lazy-wasm)',
      );
      patch(
        /@platformatic[\\/]kafka[\\/]dist[\\/]protocol[\\/]crc32c\.js$/,
        makeNativeCrcLazy,
        'loads its native CRC the expected way (lazy-crc)',
      );
      const cryptoUsers = ['protocol[\\\\/]sasl[\\\\/]scram-sha', 'clients[\\\\/]consumer[\\\\/]consumer'];
      patch(
        new RegExp(String.raw`@platformatic[\\/]kafka[\\/]dist[\\/](${cryptoUsers.join('|')})\.js$`),
        makeCryptoLazy,
        'imports node:crypto the expected way (lazy-crypto)',
      );
      patch(
        /@platformatic[\\/]kafka[\\/]dist[\\/]clients[\\/]producer[\\/]producer\.js$/,
        patchProducer,
        'imports node:crypto and defaults its transactional id the expected way (lazy-crypto, lazy-transactional-id)',
      );
      patch(/commander[\\/]lib[\\/]command\.js$/, makeCommanderSpawnLazy, 'imports node:child_process the expected way (lazy-spawn)');
      patch(/@platformatic[\\/]kafka[\\/]dist[\\/]utils\.js$/, makeAjvInstanceLazy, 'builds its Ajv instance the expected way (lazy-ajv)');
      build.onLoad({ filter: /@platformatic[\\/]kafka[\\/]dist[\\/]clients[\\/].*options\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const [contents, count] = makeAjvLazy(source);
        if (source.includes('ajv.compile(') && count === 0) {
          throw new Error(`lazy-ajv: ${args.path} calls ajv.compile in an unexpected shape; update makeAjvLazy in scripts/slim-client.mjs`);
        }
        return { contents, loader: 'js' };
      });
    },
  };
}
