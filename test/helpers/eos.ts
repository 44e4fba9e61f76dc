/**
 * What the exactly-once tests (pipe -g, stats -g --to) share: bin/ktool processes started and
 * killed at will, and kcat as the independent reader of the output topic.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { testEnv } from './cli.js';
import { KTOOL_BIN } from './spawn-ktool.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;

/** Started processes still running: an afterAll kills what a failed test left. */
export const running = new Set<ChildProcess>();

const stderrs = new WeakMap<ChildProcess, string>();

/** `bin/ktool ARGS`, stdout ignored, stderr read as it comes (kept for a failing test's message: stderrOf). */
export function startKtool(args: string[]): ChildProcess {
  const child = spawn(KTOOL_BIN, args, { env: testEnv() as NodeJS.ProcessEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  stderrs.set(child, '');
  child.stderr!.on('data', (d: Buffer) => stderrs.set(child, stderrs.get(child)! + d.toString()));
  return child;
}

/** What the process wrote on stderr so far. */
export const stderrOf = (c: ChildProcess): string => stderrs.get(c) ?? '';

/** The first of these processes that ended, with its exit and stderr (for a poll that must not wait out a dead run). */
export function firstEnded(procs: ChildProcess[]): string | undefined {
  const c = procs.find((p) => p.exitCode !== null || p.signalCode !== null);
  return c && `pid ${c.pid} ended (${c.exitCode ?? c.signalCode}): ${stderrOf(c)}`;
}

export const exited = (c: ChildProcess) =>
  new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode ? resolve() : c.once('exit', () => resolve())));

/** Values in a topic as read_committed sees them. */
export function committedValues(topic: string): string[] {
  const out = execFileSync(
    'kcat',
    ['-C', '-e', '-q', '-b', bootstrap(), '-t', topic, '-X', 'isolation.level=read_committed', '-f', '%s\n'],
    {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 << 20,
    },
  );
  return out.split('\n').filter(Boolean);
}

/** Records written to a topic, committed or not (read_uncommitted). */
export function writtenCount(topic: string): number {
  return execFileSync('kcat', ['-C', '-e', '-q', '-b', bootstrap(), '-t', topic, '-f', '.'], { encoding: 'utf8', timeout: 60_000 }).length;
}
