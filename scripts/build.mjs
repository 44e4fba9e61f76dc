// Bundles src/ into dist/ (ESM, code-split so that command modules and the Kafka client load
// only when a command needs them). See scripts/slim-client.mjs for the start-up patches.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { slimClientPlugin } from './slim-client.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
await rm(`${root}/dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { ktool: 'src/cli/entry.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  alias: { '@platformatic/wasm-utils': '@platformatic/wasm-utils/bundled' },
  external: ['protobufjs', '@node-rs/crc32'],
  // CommonJS dependencies (cli-table3) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __ktoolCreateRequire } from 'node:module'; const require = __ktoolCreateRequire(import.meta.url);" },
  plugins: [slimClientPlugin()],
});
