// Builds dist-sea/ktool (`npm run build:sea`): one executable for machines without Node, made with
// Node's single executable application support: a copy of the node binary running this script with
// the whole program injected (postject), for that node's platform (linux-x64 here).
// Node 24's SEA runs a single CommonJS script (ESM entries arrived in Node 25.7), so this is its own
// esbuild build of the same program: one file, no code splitting (the lazy `import()`s of commands
// become lazy module initialisers), with V8's code cache in the blob: without it every start compiles
// the 2 MB script (~40 ms more for --help).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedBuildOptions } from './build-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist-sea');
// The fuse Node looks for to know that a blob was injected (Node's documentation, postject's --sentinel-fuse).
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * src/cli/entry.ts awaits at the top level, which CommonJS cannot: its statements run in an async
 * function instead (its imports stay at the top). The main bundle keeps the file as it is.
 */
export function seaEntryPlugin() {
  return {
    name: 'sea-entry',
    setup(b) {
      b.onLoad({ filter: /src[\\/]cli[\\/]entry\.ts$/ }, async (args) => {
        const lines = (await readFile(args.path, 'utf8')).split('\n');
        const body = lines.findIndex((line) => line.trim() !== '' && !/^(import |\/\/)/.test(line));
        if (body < 0 || lines.slice(body).some((line) => line.startsWith('import '))) {
          throw new Error(`${args.path}: imports after its first statement; update seaEntryPlugin in scripts/build-sea.mjs`);
        }
        const contents = `${lines.slice(0, body).join('\n')}\nvoid (async () => {\n${lines.slice(body).join('\n')}\n})();\n`;
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** Runs a build step quietly; its output only when it fails. */
function run(file, args, what) {
  try {
    execFileSync(file, args, { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`${what} failed: ${error.stdout ?? ''}${error.stderr ?? error.message}`);
  }
}

function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.platform !== 'linux')
    throw new Error(
      `build:sea makes a Linux executable; this is ${process.platform} (macOS and Windows need signing steps it does not do)`,
    );
  const started = Date.now();
  const work = join(outDir, `.build-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const shared = sharedBuildOptions();
  await build({
    ...shared,
    absWorkingDir: root,
    entryPoints: [shared.entryPoints.ktool],
    outfile: join(work, 'ktool.cjs'),
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    // import.meta.url only feeds createRequire() for the optional native CRC, inside a try: the
    // executable always uses the bundled WebAssembly one, whatever node_modules lie around it.
    define: { 'import.meta.url': 'undefined' },
    plugins: [...shared.plugins, seaEntryPlugin()],
    // The executable compiles its one script whole on every start: less of it to read and hash
    // (--help 80 -> 60 ms, `topics list` 126 -> 110 ms, side by side). Identifiers stay, so --debug
    // stack traces still name functions. (dist/ is not minified: its chunks load only when needed,
    // it gained 3% at most, and scripts/build-pack.mjs reads their imports line by line.)
    minifyWhitespace: true,
    minifySyntax: true,
  });

  const config = {
    main: join(work, 'ktool.cjs'),
    output: join(work, 'ktool.blob'),
    disableExperimentalSEAWarning: true,
    useCodeCache: true,
    // What bin/ktool passes node: see there.
    execArgv: ['--max-semi-space-size=16'],
  };
  await writeFile(join(work, 'sea-config.json'), JSON.stringify(config, null, 2));
  // The code cache is made under the flags the executable runs with: V8 rejects a cache made under
  // other flags (a warning on every start: "Code cache data rejected").
  run(process.execPath, [...config.execArgv, '--experimental-sea-config', join(work, 'sea-config.json')], 'making the SEA blob');

  const exe = join(work, 'ktool');
  await copyFile(process.execPath, exe);
  // Node's symbols and debug information are a sixth of its size; strip (binutils) is optional.
  let stripped = false;
  try {
    execFileSync('strip', [exe], { stdio: 'ignore' });
    stripped = true;
  } catch {
    // no strip on this machine: the executable is larger, nothing else changes
  }
  const postject = join(createRequire(import.meta.url).resolve('postject'), '../cli.js');
  run(process.execPath, [postject, exe, 'NODE_SEA_BLOB', config.output, '--sentinel-fuse', SEA_FUSE], 'postject');
  await chmod(exe, 0o755);
  const version = execFileSync(exe, ['--version'], { encoding: 'utf8', env: { PATH: '' } }).trim();

  // Moved in whole: a dist-sea/ktool already running keeps its own file.
  await rename(exe, join(outDir, 'ktool'));
  await rm(work, { recursive: true, force: true });
  const size = (await stat(join(outDir, 'ktool'))).size;
  console.error(
    `build-sea: dist-sea/ktool ${version}, ${megabytes(size)} (node ` +
      `${process.version}${stripped ? ', stripped' : ''}) in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
