import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRoundTrip, runInstalled } from '../helpers/installed-ktool.js';
// @ts-expect-error plain .mjs build script without types
import { reachableFiles } from '../../scripts/build-pack.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const nodeDir = dirname(process.execPath);

/** npm as a user runs it: none of the npm_* settings of an `npm test` that may have started vitest. */
function npm(args: string[], cwd: string): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  return execFileSync('npm', args, { cwd, env: { ...env, PATH: `${nodeDir}:${process.env.PATH}` }, encoding: 'utf8', stdio: 'pipe' });
}

// What issue 15 found: the tarball had no dist/ (it is gitignored and nothing built it), so the
// installed ktool failed with "Cannot find module .../dist/ktool.mjs"; it also shipped the tests.
describe('npm pack, then npm install -g from the tarball, offline', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ktool-install-'));
  const prefix = join(scratch, 'prefix');
  const installed = join(prefix, 'lib', 'node_modules', 'ktool');
  // No node_modules anywhere above the install, an empty npm cache, and no registry (--offline):
  // the install works only if the package needs nothing but itself and a Node.
  const env = {
    PATH: `${join(prefix, 'bin')}:${nodeDir}:/usr/bin:/bin`,
    HOME: scratch,
    KTOOL_CONFIG: join(scratch, 'config.yaml'),
    NO_COLOR: '1',
  };
  const ktool = (args: string[], stdin?: string) => runInstalled('ktool', args, env, stdin);
  let files: string[] = [];

  beforeAll(() => {
    npm(['pack', '--offline', '--pack-destination', scratch], root);
    const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBe('ktool-0.1.0.tgz');
    files = execFileSync('tar', ['tzf', join(scratch, tarball!)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    npm(
      [
        'install',
        '--global',
        '--offline',
        '--no-audit',
        '--no-fund',
        '--cache',
        join(scratch, 'npm-cache'),
        '--prefix',
        prefix,
        join(scratch, tarball!),
      ],
      scratch,
    );
  }, 120_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('packs the program only: the launcher, the bundle, completions, man pages, README', () => {
    for (const file of files)
      expect(file).toMatch(
        new RegExp(
          String.raw`^package\/(bin\/ktool|bin\/check-node\.cjs|dist\/ktool\.mjs|dist\/chunks\/[\w-]+\.mjs|` +
            String.raw`completions\/[\w.]+|man\/[\w-]+\.1|README\.md|LICENSE|package\.json)$`,
        ),
      );
    for (const needed of ['bin/ktool', 'bin/check-node.cjs', 'dist/ktool.mjs', 'completions/ktool.bash', 'man/ktool.1', 'README.md'])
      expect(files).toContain(`package/${needed}`);
  });

  it('installs the bundle with every chunk it loads and no other (no chunks of earlier builds)', () => {
    const reached = [...(reachableFiles(join(installed, 'dist', 'ktool.mjs')) as Set<string>)].map((f) => relative(installed, f)).sort();
    const shipped = files
      .filter((f) => f.startsWith('package/dist/'))
      .map((f) => f.slice('package/'.length))
      .sort();
    expect(shipped).toEqual(reached);
  });

  it('declares no dependencies: there is nothing to install but the package', () => {
    const manifest = JSON.parse(
      execFileSync('tar', ['xzfO', join(scratch, 'ktool-0.1.0.tgz'), 'package/package.json'], { encoding: 'utf8' }),
    );
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.optionalDependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
    expect(readdirSync(installed)).not.toContain('node_modules');
  });

  it('ktool --version runs from the bin link npm made', async () => {
    const r = await ktool(['--version']);
    expect(r).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('topics list, produce and consume work against a real broker', async () => {
    await expectRoundTrip(ktool, process.env.KTOOL_TEST_BOOTSTRAP!);
  });

  it('a node older than 22.12 on PATH gets one line saying so, exit 1, not a SyntaxError', async () => {
    // A `node` that reports v20.11.0 to the program it runs (the real one underneath).
    const oldNode = join(scratch, 'old-node');
    mkdirSync(oldNode);
    writeFileSync(
      join(oldNode, 'v20.cjs'),
      "Object.defineProperty(process, 'version', { value: 'v20.11.0' });\n" +
        "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.11.0' } });\n",
    );
    writeFileSync(join(oldNode, 'node'), `#!/bin/sh\nexec '${process.execPath}' --require '${join(oldNode, 'v20.cjs')}' "$@"\n`, {
      mode: 0o755,
    });
    const r = await runInstalled('ktool', ['--version'], { ...env, PATH: `${join(prefix, 'bin')}:${oldNode}:/usr/bin:/bin` });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: ktool needs Node\.js >= 22\.12; the node on PATH \([^)]+\) is v20\.11\.0\nhint: [^\n]+\n$/);
  });
});

describe('bin/ktool in a checkout that was never built', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ktool-unbuilt-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('says in one line to run scripts/setup.sh, exit 1, no stack trace', () => {
    mkdirSync(join(scratch, 'bin'));
    copyFileSync(join(root, 'bin', 'ktool'), join(scratch, 'bin', 'ktool'));
    chmodSync(join(scratch, 'bin', 'ktool'), 0o755);
    for (const args of [['--help'], ['topics', 'list']]) {
      const r = spawnSync(join(scratch, 'bin', 'ktool'), args, { encoding: 'utf8', env: { PATH: `${nodeDir}:/usr/bin:/bin` } });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: [^\n]*run scripts\/setup\.sh\n$/);
    }
  });
});
