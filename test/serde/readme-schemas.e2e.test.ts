/**
 * README's "Schemas" section keeps its worked examples honest: every ```sh block there that starts by
 * writing a schema file (`cat > x.avsc <<'AVSC'`) is cut into steps (a command with its
 * continuation lines or heredoc) and run as written with bash and bin/ktool, against the suite's
 * broker and registry (KTOOL_BROKERS and KTOOL_SCHEMA_REGISTRY standing in for the `local` profile
 * that `ktool local start --schema-registry` writes). The topic and subject names are made unique
 * (`orders` -> `readme-orders-<pid>-...`); each step must exit 0, and the output a README comment
 * line shows under a step (`# {"id":"o-1",...}`, `...` for any text, schema ids any number) must be
 * what the step printed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testEnv, uniqueName } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';
import { KTOOL_BIN, spawnKtool } from '../helpers/spawn-ktool.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The ```sh blocks of README's "## Schemas" section (up to the next "## " heading) that write a schema file first. */
function workedExamples(readme: string): string[] {
  const start = readme.indexOf('\n## Schemas\n');
  if (start < 0) throw new Error('README has no "## Schemas" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.filter((b) => /^cat > \S+ <<'(\w+)'\n/.test(b));
}

interface Step {
  command: string;
  /** The README's whole-line comments right after the command: what it prints. */
  output: string[];
}

/** A block -> steps: a heredoc up to its end marker, lines ending in | or \ joined with the next. */
function steps(block: string): Step[] {
  const lines = block.split('\n');
  const out: Step[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      out.at(-1)!.output.push(line.replace(/^# ?/, ''));
      continue;
    }
    const command = [line];
    const heredoc = /<<'(\w+)'/.exec(line)?.[1];
    if (heredoc) while (lines[i] !== heredoc) command.push(lines[++i]);
    else while (/[|\\]$/.test(lines[i].replace(/\s+#[^'"]*$/, '').trimEnd()) && i + 1 < lines.length) command.push(lines[++i]);
    out.push({ command: command.join('\n'), output: [] });
  }
  return out;
}

/** A README output line -> a pattern: `...` is any text, a schema id any number. */
function pattern(line: string): RegExp {
  const escaped = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\.\\\.\\\./g, '.*');
  return new RegExp(`^${escaped.replace(/(SchemaId":)\d+/g, '$1\\d+')}$`);
}

/** The names the example creates (topics, and subjects' TOPIC part) -> unique ones. */
function renames(block: string): Map<string, string> {
  const names = new Set<string>();
  for (const m of block.matchAll(/ktool topics create (\S+)/g)) names.add(m[1]);
  for (const m of block.matchAll(/ktool schemas register (\S+)-value /g)) names.add(m[1]);
  for (const n of [...names]) if ([...names].some((o) => o !== n && n.startsWith(`${o}-`))) names.delete(n);
  return new Map([...names].map((n) => [n, uniqueName(`readme-${n}`)]));
}

const rename = (text: string, map: Map<string, string>) =>
  [...map].reduce((t, [from, to]) => t.replace(new RegExp(`(?<![\\w.-])${from}(?=[-"\\s]|$)`, 'gm'), to), text);

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd, env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end();
  });
}

describe('README: the Schemas worked examples', () => {
  it('are found: the schemas tour and the typed produce/consume example', () => {
    const blocks = workedExamples(README);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('ktool schemas register orders-value order.avsc');
    expect(blocks[1]).toContain('ktool produce payments --value-format avro');
    expect(steps(blocks[1]).find((s) => s.command === 'ktool consume payments -e')).toEqual({
      command: 'ktool consume payments -e',
      output: [
        '{"id":"o-1","amount":"12.50","note":{"string":"gift"},"at":"2024-05-31T13:45:10.123Z"}',
        '{"id":"o-2","amount":"3.00","note":null,"at":"2024-06-01T08:00:00.000Z"}',
      ],
    });
  });
});

describe('README: the Schemas worked examples run as written', needs('KTOOL_TEST_BOOTSTRAP', 'KTOOL_TEST_SCHEMA_REGISTRY'), () => {
  const work = mkdtempSync(join(tmpdir(), 'ktool-readme-schemas-'));
  const bin = join(work, 'bin');
  const topics: string[] = [];
  const subjects: string[] = [];
  const env = {
    ...testEnv(),
    PATH: `${bin}:${process.env.PATH}`,
    KTOOL_BROKERS: process.env.KTOOL_TEST_BOOTSTRAP,
    KTOOL_SCHEMA_REGISTRY: process.env.KTOOL_TEST_SCHEMA_REGISTRY,
    // The shared registry is a JVM on a loaded machine: more than the default 10 s for an answer.
    KTOOL_TIMEOUT: '60s',
  } as NodeJS.ProcessEnv;
  execFileSync('mkdir', ['-p', bin]);
  writeFileSync(join(bin, 'ktool'), `#!/bin/sh\nexec '${KTOOL_BIN}' "$@"\n`);
  chmodSync(join(bin, 'ktool'), 0o755);

  afterAll(async () => {
    if (topics.length) await spawnKtool(['topics', 'delete', '--yes', ...topics], { env });
    for (const s of subjects) await spawnKtool(['schemas', 'delete', s, '--permanent', '--yes'], { env });
    rmSync(work, { recursive: true, force: true });
  });

  async function runExample(block: string): Promise<Map<string, string>> {
    const names = renames(block);
    expect(names.size).toBeGreaterThan(0);
    const script = rename(block, names);
    for (const m of script.matchAll(/ktool topics create (\S+)/g)) topics.push(m[1]);
    for (const to of names.values()) subjects.push(`${to}-value`);
    const cwd = mkdtempSync(join(work, 'ex-'));
    for (const step of steps(script)) {
      const r = await bash(step.command, cwd, env);
      expect(r.code, `${step.command}\n${r.stderr}`).toBe(0);
      if (step.output.length === 0) continue;
      const printed = r.stdout.split('\n').filter((l) => l !== '');
      expect(printed.length, `${step.command}\nprinted:\n${r.stdout}`).toBe(step.output.length);
      step.output.forEach((line, i) => expect(printed[i], `${step.command}: line ${i + 1}`).toMatch(pattern(line)));
    }
    return names;
  }

  it('the schemas tour: register, list, get, check, a second version, diff, versions', { timeout: 300_000 }, async () => {
    const block = workedExamples(README)[0];
    const names = await runExample(block);
    const subject = `${names.get('orders')}-value`;
    const versions = await spawnKtool(['schemas', 'versions', subject, '--json'], { env });
    expect(JSON.parse(versions.stdout).map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('typed produce and consume: register, latest, decode, --json, a copy with the same bytes', { timeout: 300_000 }, async () => {
    const block = workedExamples(README)[1];
    const names = await runExample(block);
    const topic = names.get('payments')!;
    const raw = (t: string) =>
      execFileSync('kcat', ['-C', '-e', '-q', '-b', process.env.KTOOL_TEST_BOOTSTRAP!, '-t', t, '-c', '2', '-f', '%S|%s|'], {
        timeout: 60_000,
      });
    const original = raw(topic);
    expect(original.length).toBeGreaterThan(20);
    expect(raw(`${topic}-copy`)).toEqual(original);
  });
});
