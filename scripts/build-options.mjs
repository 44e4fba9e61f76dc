// The esbuild settings that scripts/build.mjs (dist/, what bin/ktool runs) and scripts/build-sea.mjs
// (the standalone executable) share: the same program, bundled whole, with the same client patches.
import { slimClientPlugin } from './slim-client.mjs';

export const sharedBuildOptions = () => ({
  entryPoints: { ktool: 'src/cli/entry.ts' },
  bundle: true,
  platform: 'node',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // The client's WebAssembly (CRC-32C, lz4, snappy) inlined in JS: nothing to read from disk.
  alias: { '@platformatic/wasm-utils': '@platformatic/wasm-utils/bundled' },
  // Optional packages of the client, each loaded inside a try with a fallback: protobufjs only by the
  // Schema Registry code slim-client drops, @node-rs/crc32 (native CRC) instead of the WebAssembly one.
  external: ['protobufjs', '@node-rs/crc32'],
  plugins: [slimClientPlugin()],
});
