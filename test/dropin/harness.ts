/**
 * The differential harness (issue 14): every invocation of a script's table runs twice against the
 * same broker, once through Kafka's own tool class (all of them in one JVM, test/dropin/Driver.java:
 * a JVM per invocation would cost ~1.5 s each) and once through bin/ktool with the same arguments.
 * Each side works on its own names (`{x}` in an argument is `<run>-k-x` for Kafka's tool and
 * `<run>-t-x` for ktool), so the outputs are compared after both are put back to `{x}`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kafkaLibs, type ToolRun } from '../helpers/kafka-tools.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';
import type { Case, Script } from './cases.js';

export type Side = 'k' | 't';

export interface Outcome extends ToolRun {
  ms: number;
}

export interface CaseResult {
  script: Script;
  case: Case;
  kafka: Outcome;
  ktool: Outcome;
}

const DRIVER = fileURLToPath(new URL('./Driver.java', import.meta.url));

/**
 * The names a side works on: `{x}` -> `<run>-<side>-x`; `{run}` -> `<run>-<side>` (for regexes).
 * `{=x}` is `<run>-s-x` on both sides: read-only fixtures, where the names themselves must be the
 * same (an order Java derives from name hashes).
 */
export function sideName(run: string, side: Side, text: string): string {
  return text.replace(/\{(=?)([a-z0-9._-]*)\}/g, (_, shared: string, name: string) => {
    if (shared) return name === 'run' ? `${run}-s` : `${run}-s-${name}`;
    return name === 'run' ? `${run}-${side}` : `${run}-${side}-${name}`;
  });
}

/** Back from a side's names to the placeholders, so both sides' outputs compare. */
export function placeholders(run: string, side: Side, text: string): string {
  const escaped = run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text
    .replace(new RegExp(`${escaped}-${side}-([A-Za-z0-9._-]+)`, 'g'), '{$1}')
    .replace(new RegExp(`${escaped}-s-([A-Za-z0-9._-]+)`, 'g'), '{=$1}')
    .replaceAll(`${run}-${side}`, '{run}')
    .replaceAll(`${run}-s`, '{=run}');
}

export function bootstrap(): string {
  const b = process.env.KTOOL_TEST_BOOTSTRAP;
  if (!b) throw new Error('KTOOL_TEST_BOOTSTRAP is not set');
  return b;
}

let log4j: string | undefined;
/** WARN and above on stderr, following System.setErr (the driver swaps it per invocation). */
function log4jConfig(): string {
  if (log4j) return log4j;
  const dir = mkdtempSync(join(tmpdir(), 'ktool-dropin-'));
  log4j = join(dir, 'log4j2.properties');
  writeFileSync(
    log4j,
    'rootLogger.level=WARN\nrootLogger.appenderRef.err.ref=ERR\nappender.err.type=Console\nappender.err.name=ERR\n' +
      'appender.err.target=SYSTEM_ERR\nappender.err.follow=true\nappender.err.layout.type=PatternLayout\n' +
      'appender.err.layout.pattern=%p %m%n\n',
  );
  return log4j;
}

export interface JavaInvocation {
  mainClass: string;
  args: string[];
  stdin?: string;
}

/** Runs the invocations in order in one JVM; one outcome each. */
export function runInOneJvm(invocations: JavaInvocation[], timeoutMs = 300_000): Promise<Outcome[]> {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const input = invocations.map((inv) => [inv.mainClass, inv.stdin ?? '', ...inv.args].map(b64).join(' ') + '\n').join('');
  return new Promise((resolve, reject) => {
    const child = spawn(
      'java',
      [
        '-Xmx512m',
        '-XX:TieredStopAtLevel=1',
        '-XX:+UseSerialGC',
        '-Xshare:auto',
        `-Dlog4j2.configurationFile=${log4jConfig()}`,
        '-cp',
        `${kafkaLibs()}/*`,
        DRIVER,
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = Buffer.concat(out).toString('utf8').split('\n').filter(Boolean);
      if (lines.length !== invocations.length) {
        reject(new Error(`driver ended (${code}) after ${lines.length} of ${invocations.length}: ${Buffer.concat(err).toString()}`));
        return;
      }
      resolve(
        lines.map((line) => {
          const [exit, ms, o, e] = line.split(' ');
          const text = (s: string) => Buffer.from(s, 'base64').toString('utf8');
          return { code: Number(exit), ms: Number(ms), stdout: text(o), stderr: text(e) };
        }),
      );
    });
    child.stdin.end(input);
  });
}

/** Runs kcat (the reference of kcat's spellings) once per invocation, in order. */
export async function runKcatInOrder(invocations: { args: string[]; stdin?: string }[]): Promise<Outcome[]> {
  const results: Outcome[] = [];
  for (const inv of invocations) {
    const started = performance.now();
    const r = spawnSync('kcat', inv.args, { input: inv.stdin ?? '', encoding: 'utf8', timeout: 60_000 });
    results.push({ code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, ms: Math.round(performance.now() - started) });
  }
  return results;
}

/** Runs bin/ktool once per invocation, in order. */
export async function runKtoolInOrder(invocations: { args: string[]; stdin?: string }[], env: Record<string, string>): Promise<Outcome[]> {
  const results: Outcome[] = [];
  for (const inv of invocations) {
    const r = await spawnKtool(inv.args, { stdin: inv.stdin ?? '', env, timeoutMs: 60_000 });
    results.push({ code: r.code ?? -1, stdout: r.stdout, stderr: r.stderr, ms: r.ms });
  }
  return results;
}

/**
 * The class of stderr's first line (the words differ between the tools, what a script can test does
 * not): none, warning, processed (the console consumer's count) or error.
 */
export function stderrClass(stderr: string): string {
  // Kafka 4.3's consumers open with a note advertising KIP-848: not the run's outcome, skipped.
  // kcat's end-of-partition notes (its verbosity 1; -q silences them) are not the run's outcome either.
  const first =
    stderr
      .split('\n')
      .find(
        (l) =>
          l.trim() !== '' &&
          !l.startsWith('The consumer rebalance protocol (KIP-848)') &&
          !/^% Reached (end of topic|stop timestamp for topic) /.test(l),
      ) ?? '';
  if (first === '') return 'none';
  if (/^Processed a total of \d+ messages$/.test(first)) return first;
  // A WARN line is one in either layout: the harness's (`%p %m`) or Kafka's tools' (`[%d] %p %m (%c)`), which ktool's copies keep.
  if (/^(\[[^\]]*\] )?(WARN|warning:|WARNING)/.test(first) || /^% (?!ERROR|FATAL)/.test(first)) return 'warning';
  return 'error';
}
