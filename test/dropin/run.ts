import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Case, Normalizer, Script } from './cases.js';
import { bootstrap, placeholders, runInOneJvm, runKtoolInOrder, sideName, stderrClass, type Outcome, type Side } from './harness.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';
import { brokerLogDir, resolveLogFileArg } from './log-files.js';

/** What is compared for one invocation on one side. */
export interface Observed {
  stdout: string;
  stderr: string;
  code: number;
  state: string[];
}

export interface Compared {
  script: Script;
  index: number;
  kafka: Observed;
  ktool: Observed;
  ms: { kafka: number; ktool: number };
}

const NORMALIZERS: Record<Normalizer, (text: string) => string> = {
  'this-run-only': (text) =>
    text
      .split('\n')
      .filter((line) => line.includes('{'))
      // Sorted again: each side's names sort differently against the shared ones.
      .sort()
      .join('\n'),
  'topic-id': (text) => text.replace(/TopicId: [A-Za-z0-9_-]{22}/g, 'TopicId: <id>'),
};

function withBroker(args: string[], run: string, side: Side): string[] {
  return args.map((a) => (a === 'B' ? bootstrap() : resolveLogFileArg(sideName(run, side, a), () => brokerLogDir(bootstrap()))));
}

function observe(run: string, side: Side, c: Case, outcome: Outcome, state: string[]): Observed {
  let stdout = placeholders(run, side, outcome.stdout);
  for (const n of c.normalize ?? []) stdout = NORMALIZERS[n](stdout);
  return { stdout, stderr: stderrClass(placeholders(run, side, outcome.stderr)), code: outcome.code, state };
}

/** State commands' output, ids and offsets' timestamps out (they differ between any two topics). */
async function snapshot(run: string, side: Side, c: Case, env: Record<string, string>): Promise<string[]> {
  const out: string[] = [];
  for (const cmd of c.state ?? []) {
    if (cmd[0] === 'kcat') {
      out.push(placeholders(run, side, await kcatRecords(sideName(run, side, cmd[1]))));
      continue;
    }
    const r = await spawnKtool([...withBroker(cmd, run, side), '-b', bootstrap()], { env });
    const text = placeholders(run, side, r.stdout).replace(/"id": ?"[A-Za-z0-9_-]{22}"/g, '"id":"<id>"');
    out.push(`${r.code} ${text}`);
  }
  return out;
}

/** kcat's view of a topic's records (partition, offset, key, value, headers): the state produce leaves. */
export function kcatRecords(topic: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('kcat', ['-C', '-b', bootstrap(), '-t', topic, '-e', '-q', '-f', '%p %o %k=%s %h\\n'], { timeout: 30_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout.split('\n').sort().join('\n')),
    );
  });
}

export async function runDifferential(scripts: readonly Script[], env: Record<string, string>): Promise<Compared[]> {
  const run = `dropin-${randomBytes(3).toString('hex')}`;
  const setups = scripts.flatMap((s) => s.setup);
  for (const side of ['k', 't'] as const) {
    // Shared fixtures ({=x}) once, on the first side.
    for (const step of setups.filter((s) => side === 'k' || !s.args.some((a) => a.includes('{=')))) {
      const r = await spawnKtool([...withBroker(step.args, run, side), '-b', bootstrap()], { env, stdin: step.stdin });
      if (r.code !== 0 && !step.mayFail) throw new Error(`set-up ${step.args.join(' ')}: ${r.stderr}`);
    }
  }
  const all = scripts.flatMap((script) => script.cases.map((c, index) => ({ script, c, index })));
  const [kafka, ktool] = await Promise.all([
    runInOneJvm(all.map(({ script, c }) => ({ mainClass: script.mainClass, args: withBroker(c.args, run, 'k'), stdin: c.stdin }))),
    runKtoolInOrder(
      all.map(({ script, c }) => ({ args: [...script.noun, ...withBroker(c.ktoolArgs ?? c.args, run, 't')], stdin: c.stdin })),
      env,
    ),
  ]);
  const results: Compared[] = [];
  for (const [i, { script, c, index }] of all.entries()) {
    const [ks, ts] = await Promise.all([snapshot(run, 'k', c, env), snapshot(run, 't', c, env)]);
    results.push({
      script,
      index,
      kafka: observe(run, 'k', c, kafka[i], ks),
      ktool: observe(run, 't', c, ktool[i], ts),
      ms: { kafka: kafka[i].ms, ktool: ktool[i].ms },
    });
  }
  // Clean-up: this run's topics, both sides.
  await spawnKtool(['topics', 'delete', `${run}-.*`, '--yes', '-b', bootstrap()], { env });
  return results;
}
