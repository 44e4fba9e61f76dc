// The esbuild settings that scripts/build.mjs (dist/, what bin/ktool runs) and scripts/build-sea.mjs
// (the standalone executable) share: the same program, bundled whole, with the same client patches.
import { builtinsByRequire } from './builtins-by-require.mjs';
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
  // An optional package of the client, loaded inside a try with a fallback: @node-rs/crc32 (native CRC)
  // instead of the WebAssembly one. protobufjs is bundled: ktool's own Protobuf codec (src/serde) needs it.
  external: ['@node-rs/crc32'],
  plugins: [builtinsByRequire(), slimClientPlugin()],
});
