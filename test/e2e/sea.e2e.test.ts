import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRoundTrip, runInstalled } from '../helpers/installed-ktool.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const exe = join(root, 'dist-sea', 'ktool');

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** dist-sea/ktool is older than what it is made of (or missing): build it (~5-15 s). */
function stale(): boolean {
  if (!existsSync(exe)) return true;
  const inputs = [
    'src',
    'scripts/build-sea.mjs',
    'scripts/build-options.mjs',
    'scripts/builtins-by-require.mjs',
    'scripts/slim-client.mjs',
    'package-lock.json',
  ].map((p) => join(root, p));
  return Math.max(statSync(process.execPath).mtimeMs, ...inputs.map(newestMtime)) > statSync(exe).mtimeMs;
}

describe('the standalone executable (npm run build:sea), on a PATH with no node', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ktool-sea-'));
  const emptyPath = join(scratch, 'bin');
  mkdirSync(emptyPath);
  const env = { PATH: emptyPath, HOME: scratch, KTOOL_CONFIG: join(scratch, 'config.yaml'), NO_COLOR: '1' };
  const ktool = (args: string[], stdin?: string) => runInstalled(exe, args, env, stdin);

  beforeAll(() => {
    if (stale()) execFileSync(process.execPath, ['scripts/build-sea.mjs'], { cwd: root, stdio: 'pipe' });
  }, 120_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('is one file (Node and the program) of a bounded size', () => {
    const mb = statSync(exe).size / 1e6;
    expect(mb).toBeGreaterThan(50);
    expect(mb).toBeLessThan(150);
  });

  it('--version and --help', async () => {
    expect(await ktool(['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
    const help = await ktool(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: ktool/);
    expect(help.stderr).toBe('');
  });

  it('commands load their code lazily from the one script (completion, a usage error)', async () => {
    const completion = await ktool(['completion', 'bash']);
    expect(completion.code, completion.stderr).toBe(0);
    expect(completion.stdout).toMatch(/complete -F/);
    const typo = await ktool(['topcs']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Did you mean topics\?/);
  });

  it('topics list, produce and consume work against a real broker', async () => {
    await expectRoundTrip(ktool, process.env.KTOOL_TEST_BOOTSTRAP!);
  });
});
