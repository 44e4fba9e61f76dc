import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Case, Normalizer, Script } from './cases.js';
import {
  bootstrap,
  placeholders,
  runInOneJvm,
  runKcatInOrder,
  runKtoolInOrder,
  sideName,
  stderrClass,
  type Outcome,
  type Side,
} from './harness.js';
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
  // ReassignPartitionsCommand --generate draws its start broker and replica shift at random (AdminUtils).
  'proposed-replicas': (text) =>
    text.replace(
      /(Proposed partition reassignment configuration\n)(.*)/,
      (_, head: string, json: string) => head + json.replace(/"replicas":\[[\d,]*\]/g, '"replicas":[<random>]'),
    ),
  'txn-duration': (text) =>
    text
      .split('\n')
      .map((line, i) =>
        i === 0 || !line
          ? line
          : line
              .split('\t')
              .map((cell, c) => (c === 7 ? '<ms>' : cell))
              .join('\t'),
      )
      .join('\n'),
  'producer-id': (text) =>
    text
      .split('\n')
      .map((line, i) => (i === 0 || !line ? line : line.replace(/^([^\t]*\t[^\t]*\t)\d+ */, '$1<pid>')))
      .join('\n'),
  columns: (text) => text.replace(/ +/g, ' '),
  'usable-versions': (text) => text.replace(/\[(usable: \d+|UNUSABLE)\]/g, "[usable: <client's>]"),
  tokens: (text) =>
    text
      .replace(/(tokenId : )[A-Za-z0-9_-]+/g, '$1<id>')
      .replace(/(hmac :)[A-Za-z0-9+/=]+/g, '$1<hmac>')
      .replace(/^[A-Za-z0-9_-]{22} [A-Za-z0-9+/]{86}== /gm, '<id> <hmac> ')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d/g, '<date>'),
  'sorted-lines': (text) => text.split('\n').sort().join('\n'),
  'configured-loggers': (text) =>
    text
      .split('\n')
      .filter((line) => !line.startsWith('  ') || /^ {2}(kafka|state\.change\.logger|root)=/.test(line))
      .join('\n'),
  numbers: (text) => text.replace(/\b(\d+(\.\d+)?(E-?\d+)?|Infinity|NaN)\b/g, 'N'),
  'admin-timeout': (text) =>
    text
      .replace(/TimeoutException: Timed out waiting for a node assignment\. Call: (\S+)/g, 'TimeoutException: <$1 timed out>')
      .replace(
        /TimeoutException: Call\(callName=([^,]+), [^)]*\) timed out at \S+ after \S+ attempt\(s\)/g,
        'TimeoutException: <$1 timed out>',
      ),
  'both-sides': (text) => text, // in observe(): it needs the run's names
  'acl-order': aclOrder,
  'partition-lines': (text) => {
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('partition: '));
    if (first < 0) return text;
    const count = lines.slice(first).findIndex((l) => !l.startsWith('partition: '));
    const end = count < 0 ? lines.length : first + count;
    return [...lines.slice(0, first), ...lines.slice(first, end).sort(), ...lines.slice(end)].join('\n');
  },
  'metadata-offsets': (text) =>
    text
      .replace(/^(HighWatermark|MaxFollowerLag|MaxFollowerLagTimeMs):( +)-?\d+$/gm, '$1:$2N')
      .replace(/Epoch: \d+$/gm, 'Epoch: N')
      // The replication table: cells trimmed (widths follow the numbers), LogEndOffset to LastCaughtUpTimestamp as N.
      .replace(/^(.*\t)$/gm, (line) =>
        line.startsWith('NodeId')
          ? line.replace(/ +\t/g, '\t')
          : line
              .split('\t')
              .map((cell, i) => (i >= 2 && i <= 5 ? 'N' : cell.trim()))
              .join('\t'),
      ),
};

/** Blocks (a line and the tab-indented entry lines under it) sorted, and their entries, within each principal's section. */
function aclOrder(text: string): string {
  const sections: string[][][] = [[]];
  let block: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('ACLs for principal ')) {
      sections.push([[line]]);
      sections.push([]);
      block = undefined;
    } else if (/^ ?\t/.test(line) && block) block.push(line);
    else if (line === '') block = undefined;
    else sections[sections.length - 1].push((block = [line]));
  }
  return sections
    .map((blocks) =>
      blocks
        .map(([head, ...entries]) => {
          const sorted = entries.map((e) => e.replace(/^ ?\t/, '')).sort();
          return [head, ...sorted.map((e, i) => (i === 0 && entries[0].startsWith(' ') ? ' \t' : '\t') + e)].join('\n');
        })
        .sort()
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n');
}

/** The broker of a script's cluster, and where each side's files are written. */
interface Cluster {
  bootstrap: string;
  dir: string;
  /** The SASL cluster: every command names its credentials (`--command-config @file`); no topics to clean up. */
  sasl?: boolean;
  /** Per side, what the scripts' `captures` read (`{capture:name}` in an argument). */
  captured?: Record<Side, Record<string, string>>;
  /** The cluster's controllers (`C` in an argument: --bootstrap-controller), from its quorum. */
  controllers?: string;
}

/** `B` is the broker, `C` its controllers; `@name` a file of the script's `files`, written for the side (its names in it). */
function withBroker(args: string[], run: string, side: Side, cluster: Cluster = { bootstrap: bootstrap(), dir: '' }): string[] {
  return args.map((a) =>
    /^\{capture:[a-z0-9]+\}$/.test(a)
      ? (cluster.captured?.[side][a.slice(9, -1)] ?? a)
      : a === 'B'
        ? cluster.bootstrap
        : a === 'C' && cluster.controllers
          ? cluster.controllers
          : a.startsWith('@')
            ? join(cluster.dir, `${side}-${a.slice(1)}`)
            : resolveLogFileArg(sideName(run, side, a), () => brokerLogDir(cluster.bootstrap)),
  );
}

function writeFiles(scripts: readonly Script[], run: string, dir: string): void {
  for (const script of scripts)
    for (const [name, text] of Object.entries(script.files ?? {}))
      for (const side of ['k', 't'] as const) writeFileSync(join(dir, `${side}-${name}`), sideName(run, side, text));
}

/** The `{x}` and `{=x}` names a script's set-ups, cases and files use. */
function scriptNames(script: Script): Set<string> {
  const text = JSON.stringify([script.setup, script.cases, script.files ?? {}]);
  return new Set([...text.matchAll(/\{=?[a-z0-9._-]+\}/g)].map((m) => m[0]));
}

/**
 * A listing (this-run-only) keeps the lines naming the script's own names: other scripts of the
 * run make topics and groups while it runs (kcat -G's group showed up in one side's --list only).
 */
function ownLinesOnly(script: Script, text: string): string {
  const own = scriptNames(script);
  return text
    .split('\n')
    .filter((line) => [...line.matchAll(/\{=?[a-z0-9._-]+\}/g)].every((m) => own.has(m[0])))
    .join('\n');
}

function observe(run: string, side: Side, script: Script, c: Case, outcome: Outcome, state: string[]): Observed {
  const names = (text: string) =>
    c.normalize?.includes('both-sides')
      ? placeholders(run, side === 'k' ? 't' : 'k', placeholders(run, side, text))
      : placeholders(run, side, text);
  let stdout = names(outcome.stdout);
  if (c.normalize?.includes('this-run-only')) {
    // The other side's names are another test's too (--all-groups lists both sides' groups).
    const other = `${run}-${side === 'k' ? 't' : 'k'}-`;
    stdout = ownLinesOnly(
      script,
      stdout
        .split('\n')
        .filter((line) => !line.includes(other))
        .join('\n'),
    );
  }
  for (const n of c.normalize ?? []) stdout = NORMALIZERS[n](stdout);
  return { stdout, stderr: stderrClass(names(outcome.stderr)), code: outcome.code, state };
}

/**
 * Waits (60 s at most) until no reassignment of this run moves: Kafka's side leaves one in progress
 * (a throttled execute), and ktool's side's `--list` looks at the whole cluster.
 */
async function settleReassignments(run: string, env: Record<string, string>, cluster: Cluster): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await spawnKtool(['partitions', 'reassign', '--list', '--json', '-b', cluster.bootstrap], { env });
    if ((r.code === 0 && !r.stdout.includes(run)) || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** State commands' output, ids and offsets' timestamps out (they differ between any two topics). */
async function snapshot(run: string, side: Side, c: Case, env: Record<string, string>, cluster: Cluster): Promise<string[]> {
  const out: string[] = [];
  for (const cmd of c.state ?? []) {
    if (cmd[0] === 'kcat' || cmd[0] === 'kcat-json') {
      out.push(placeholders(run, side, await kcatRecords(sideName(run, side, cmd[1]), cmd[0] === 'kcat-json')));
      continue;
    }
    const r = await spawnKtool([...withBroker(cmd, run, side, cluster), '-b', cluster.bootstrap], { env });
    const text = placeholders(run, side, r.stdout).replace(/"id": ?"[A-Za-z0-9_-]{22}"/g, '"id":"<id>"');
    out.push(`${r.code} ${text}`);
  }
  return out;
}

/**
 * kcat's view of a topic's records (partition, offset, key, value, headers): the state produce leaves.
 * `json`: kcat's -J envelopes, null and empty told apart, timestamps out (the times of sending).
 */
export function kcatRecords(topic: string, json = false): Promise<string> {
  const format = json ? ['-J'] : ['-f', '%p %o %k=%s %h\\n'];
  return new Promise((resolve, reject) => {
    execFile('kcat', ['-C', '-b', bootstrap(), '-t', topic, '-e', '-q', ...format], { timeout: 30_000 }, (error, stdout) =>
      error
        ? reject(error)
        : resolve(
            stdout
              .replace(/"ts":\d+/g, '"ts":<ts>')
              .split('\n')
              .sort()
              .join('\n'),
          ),
    );
  });
}

export async function runDifferential(scripts: readonly Script[], env: Record<string, string>): Promise<Compared[]> {
  const run = `dropin-${randomBytes(3).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'ktool-dropin-files-'));
  writeFiles(scripts, run, dir);
  const one = scripts.filter((s) => s.cluster === undefined);
  const three = scripts.filter((s) => s.cluster === 'three');
  const sasl = scripts.filter((s) => s.cluster === 'sasl');
  const plain = scripts.filter((s) => s.cluster === 'sasl-plaintext');
  const results = await runPhase(one, run, env, { bootstrap: bootstrap(), dir }, false);
  if (three.length) results.push(...(await runPhase(three, run, env, { bootstrap: bootstrap3(), dir }, true)));
  if (sasl.length) results.push(...(await runPhase(sasl, run, env, { bootstrap: saslBootstrap(), dir, sasl: true }, false)));
  if (plain.length) results.push(...(await runPhase(plain, run, env, { bootstrap: saslPlaintextBootstrap(), dir }, false)));
  return results;
}

/** The SASL cluster's PLAINTEXT listener (KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP): its authorizer answers ACL requests. */
export function saslPlaintextBootstrap(): string {
  const b = process.env.KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP;
  if (!b) throw new Error('KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP is not set');
  return b;
}

/** The three-node cluster's bootstrap (KTOOL_TEST_BOOTSTRAP_3), for scripts whose cases need replicas to move. */
export function bootstrap3(): string {
  const b = process.env.KTOOL_TEST_BOOTSTRAP_3;
  if (!b) throw new Error('KTOOL_TEST_BOOTSTRAP_3 is not set');
  return b;
}

/** The SASL cluster's SASL_PLAINTEXT listener (KTOOL_TEST_SASL_BOOTSTRAP), for kafka-delegation-tokens.sh. */
export function saslBootstrap(): string {
  const b = process.env.KTOOL_TEST_SASL_BOOTSTRAP;
  if (!b) throw new Error('KTOOL_TEST_SASL_BOOTSTRAP is not set');
  return b;
}

/**
 * The scripts' captures, per side: a native command's JSON field (a token's HMAC), kept for the
 * cases' `{capture:name}`; then, where given, polled (30 s at most) until another native command's
 * output names what was captured (a token reaches the brokers' caches after its creation returns).
 */
async function capture(scripts: readonly Script[], run: string, env: Record<string, string>, cluster: Cluster): Promise<void> {
  const captured: Record<Side, Record<string, string>> = { k: {}, t: {} };
  for (const side of ['k', 't'] as const)
    for (const c of scripts.flatMap((s) => s.captures ?? [])) {
      const r = await spawnKtool([...withBroker(c.args, run, side, cluster), '-b', cluster.bootstrap, '--json'], { env });
      if (r.code !== 0) throw new Error(`capture ${c.args.join(' ')}: ${r.stderr}`);
      const json = JSON.parse(r.stdout) as Record<string, string>;
      captured[side][c.name] = String(json[c.field]);
      if (!c.visible) continue;
      const deadline = Date.now() + 30_000;
      for (;;) {
        const v = await spawnKtool([...withBroker(c.visible.args, run, side, cluster), '-b', cluster.bootstrap], { env });
        if (v.stdout.includes(json[c.visible.field]) || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  cluster.captured = captured;
}

/** The controllers' endpoints of the cluster's quorum, as --bootstrap-controller takes them. */
async function controllersOf(env: Record<string, string>, cluster: Cluster): Promise<string> {
  const r = await spawnKtool(['cluster', 'quorum', '--json', '-b', cluster.bootstrap], { env });
  if (r.code !== 0) throw new Error(`cluster quorum: ${r.stderr}`);
  const quorum = JSON.parse(r.stdout) as { replicas: { endpoints: string[] }[] };
  return quorum.replicas.flatMap((q) => q.endpoints.map((e) => e.replace(/^[A-Z_]+:\/\//, ''))).join(',');
}

/**
 * One cluster's scripts: set-ups, then every case through Kafka's tool and through ktool. The sides
 * run at the same time, except where an invocation looks at the whole cluster's state (a
 * reassignment in progress anywhere keeps --verify from clearing throttles): one side after the other.
 */
async function runPhase(scripts: readonly Script[], run: string, env: Record<string, string>, cluster: Cluster, oneAfterOther: boolean) {
  // Step by step, both sides each (not one side's whole set-up, then the other's): a state the cluster changes by
  // itself (the controller's periodic preferred-leader election, every 300 s) then reaches both sides' fixtures or
  // neither, but for the moment between the two runs of one step.
  for (const step of scripts.flatMap((s) => s.setup))
    for (const side of ['k', 't'] as const) {
      // Shared fixtures (only {=x} names) once, on the first side; a step naming a side's own {x} runs on both.
      if (side === 't' && !step.args.some((a) => /\{[^=]/.test(a)) && step.args.some((a) => a.includes('{='))) continue;
      const r = await spawnKtool([...withBroker(step.args, run, side, cluster), '-b', cluster.bootstrap], { env, stdin: step.stdin });
      if (r.code !== 0 && !step.mayFail) throw new Error(`set-up ${step.args.join(' ')}: ${r.stderr}`);
    }
  await capture(scripts, run, env, cluster);
  if (scripts.some((s) => s.cases.some((c) => c.args.includes('C')))) cluster.controllers = await controllersOf(env, cluster);
  const all = scripts.flatMap((script) => script.cases.map((c, index) => ({ script, c, index })));
  // The reference: Kafka's tool classes in one JVM, and kcat (scripts with reference 'kcat') at the same time.
  const java = async () => {
    const viaJvm = all.filter(({ script }) => script.reference !== 'kcat');
    const viaKcat = all.filter(({ script }) => script.reference === 'kcat');
    const jvmRuns = viaJvm.map(({ script, c }) => ({
      mainClass: script.mainClass,
      args: withBroker(c.args, run, 'k', cluster),
      stdin: c.stdin,
    }));
    const [jvm, kcat] = await Promise.all([
      jvmRuns.length ? runInOneJvm(jvmRuns) : [],
      runKcatInOrder(viaKcat.map(({ c }) => ({ args: withBroker(c.args, run, 'k', cluster), stdin: c.stdin }))),
    ]);
    return all.map((x) => (x.script.reference === 'kcat' ? kcat[viaKcat.indexOf(x)] : jvm[viaJvm.indexOf(x)]));
  };
  const ours = () =>
    runKtoolInOrder(
      all.map(({ script, c }) => ({ args: [...script.noun, ...withBroker(c.ktoolArgs ?? c.args, run, 't', cluster)], stdin: c.stdin })),
      env,
    );
  // One side's reassignments settle before the other's cases (and, for both, before the state is read: a replica
  // still joining the ISR would differ from the other side's settled one).
  const settled = async <T>(outcomes: T) => (await settleReassignments(run, env, cluster), outcomes);
  const [kafka, ktool] = oneAfterOther ? [await java().then(settled), await ours().then(settled)] : await Promise.all([java(), ours()]);
  const results: Compared[] = [];
  for (const [i, { script, c, index }] of all.entries()) {
    const [ks, ts] = await Promise.all([snapshot(run, 'k', c, env, cluster), snapshot(run, 't', c, env, cluster)]);
    results.push({
      script,
      index,
      kafka: observe(run, 'k', script, c, kafka[i], ks),
      ktool: observe(run, 't', script, c, ktool[i], ts),
      ms: { kafka: kafka[i].ms, ktool: ktool[i].ms },
    });
  }
  // Clean-up: the scripts' own (throttles left on brokers; a step naming a side's own {x}, for each side), then this
  // run's topics, both sides.
  for (const step of scripts.flatMap((s) => s.cleanup ?? []))
    for (const side of step.some((a) => /\{[a-z0-9._-]+\}/.test(a)) ? (['k', 't'] as const) : (['k'] as const))
      await spawnKtool([...withBroker(step, run, side, cluster), '-b', cluster.bootstrap], { env });
  if (!cluster.sasl) await spawnKtool(['topics', 'delete', `${run}-.*`, '--yes', '-b', cluster.bootstrap], { env });
  return results;
}
