import { runCli, type CliRun } from '../helpers/cli.js';
import { removeOwnCluster, restartOwnCluster, startOwnCluster, type OwnCluster } from '../helpers/own-cluster.js';
import { KTOOL_BIN } from '../helpers/spawn-ktool.js';

/** A second, independent cluster for the mirror's target, with its own config file and profile. */
export type Target = OwnCluster;

export async function startTarget(): Promise<Target> {
  const t = await startOwnCluster('mirror-test');
  // Profiles for both ends, so that --from/--to PROFILE is exercised too.
  await cli(t, ['profile', 'add', 'src', '-b', process.env.KTOOL_TEST_BOOTSTRAP!]);
  await cli(t, ['profile', 'add', 'dst', '-b', t.bootstrap]);
  return t;
}

/** `ktool local stop|start --name` of the target (a restart keeps its ports and data); start returns the bootstrap. */
export const localTarget = restartOwnCluster;
export const stopTarget = removeOwnCluster;

export function cli(t: Target, argv: string[], stdin?: string): Promise<CliRun> {
  return runCli(argv, { env: { KTOOL_CONFIG: t.config }, stdin });
}

export interface Rec {
  partition: number;
  offset: number;
  key: string | null;
  value: unknown;
  headers?: unknown;
  timestamp: number;
}

/** Every record of a topic (consume --json -o start -e), sorted by partition and offset. */
export async function readAll(t: Target, bootstrap: string, topic: string): Promise<Rec[]> {
  const r = await cli(t, ['consume', topic, '-b', bootstrap, '-o', 'start', '-e', '--json']);
  if (r.code !== 0) throw new Error(`consume ${topic}: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Rec)
    .sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

/** Records in a topic: end minus start offsets over all partitions (-1 when it does not exist). */
export async function countRecords(t: Target, bootstrap: string, topic: string): Promise<number> {
  const r = await cli(t, ['topics', 'describe', topic, '-b', bootstrap, '--json']);
  if (r.code !== 0) return -1;
  const [info] = JSON.parse(r.stdout) as { partitions: { messages: number }[] }[];
  return info.partitions.reduce((n, p) => n + p.messages, 0);
}

/** A `ktool mirror` child process (the built bundle), its output collected. */
export interface MirrorProcess {
  child: import('node:child_process').ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

export async function spawnMirror(t: Target, args: string[]): Promise<MirrorProcess> {
  const { spawn } = await import('node:child_process');
  const child = spawn(KTOOL_BIN, ['mirror', ...args], { env: { ...process.env, KTOOL_CONFIG: t.config, NO_COLOR: '1' } });
  const p: MirrorProcess = { child, stdout: '', stderr: '', exit: new Promise((r) => child.on('close', (code) => r(code))) };
  child.stdout!.on('data', (c: Buffer) => (p.stdout += c));
  child.stderr!.on('data', (c: Buffer) => (p.stderr += c));
  return p;
}

/** Lines `KEY\tVALUE` for `produce -K '\t'`. */
export function keyedLines(n: number, prefix: string): string {
  let s = '';
  for (let i = 0; i < n; i++) s += `${prefix}-${i}\t${prefix}-value-${i}-${'x'.repeat(40)}\n`;
  return s;
}
