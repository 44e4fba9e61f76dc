import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, testEnv, uniqueName } from '../helpers/cli.js';
import { KTOOL_BIN } from '../helpers/spawn-ktool.js';

/** bin/ktool under a real pseudo-terminal (python3's pty), answering its confirmation. */
const PTY_RUN = fileURLToPath(new URL('./pty-run.py', import.meta.url));
const created: string[] = [];

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--if-exists', '--yes']);
});

function underPty(answer: string, args: string[]): Promise<{ code: number; output: string; exitMs: number | null }> {
  return new Promise((resolve, reject) => {
    execFile(
      'python3',
      [PTY_RUN, answer, KTOOL_BIN, ...args],
      { env: { ...testEnv(), TERM: 'dumb' } as NodeJS.ProcessEnv, timeout: 90_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        resolve(JSON.parse(stdout));
      },
    );
  });
}

async function createTopic(): Promise<string> {
  const name = uniqueName('safety-pty');
  expect((await runCli(['topics', 'create', name])).code).toBe(0);
  created.push(name);
  return name;
}

const exists = async (name: string) => (await runCli(['topics', 'describe', name])).code === 0;

describe('the confirmation prompt on a real terminal', () => {
  it('the first Ctrl-C ends it at once with 130; nothing deleted', async () => {
    const t = await createTopic();
    const r = await underPty('\\x03', ['topics', 'delete', t]);
    expect(r.code, r.output).toBe(130);
    expect(r.output).toContain(`Delete 1 topic and all their data? [y/N]`);
    expect(r.output).toMatch(/error: interrupted\r?\n/);
    expect(r.exitMs).toBeLessThan(3000);
    expect(await exists(t)).toBe(true);
  });

  it('"n" aborts with exit 1 and "aborted: nothing deleted"; Ctrl-D too', async () => {
    const t = await createTopic();
    for (const answer of ['n\\r', '\\r', '\\x04']) {
      const r = await underPty(answer, ['topics', 'delete', t]);
      expect(r.code, `${answer}: ${r.output}`).toBe(1);
      expect(r.output).toMatch(/error: aborted: nothing deleted\r?\n/);
    }
    expect(await exists(t)).toBe(true);
  });

  it('"y" deletes', async () => {
    const t = await createTopic();
    const r = await underPty('y\\r', ['topics', 'delete', t]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain(`Deleted: ${t}`);
    expect(await exists(t)).toBe(false);
  });
});
