/**
 * The compatibility suite's smoke table: one row per command (the ones a user runs most), each
 * judged ok, "needs X.Y" (ktool said in one line which broker it needs) or failed (anything else,
 * including a hang, which the suite's timeout turns into a kill).
 */
import { spawnKtool } from '../helpers/spawn-ktool.js';

export interface SmokeStep {
  name: string;
  args: string[];
  stdin?: string;
  /** What stdout must hold for the row to count as ok (beyond exit 0). */
  expect?: RegExp;
}

export type Outcome = { kind: 'ok' } | { kind: 'needs'; version: string; line: string } | { kind: 'failed'; line: string };

export function smokeSteps(b: string, t: string): SmokeStep[] {
  const g = `${t}-g`;
  const conn = ['-b', b];
  return [
    { name: 'topics create', args: ['topics', 'create', t, '-p', '2', ...conn] },
    { name: 'topics list', args: ['topics', 'list', ...conn], expect: new RegExp(t) },
    { name: 'topics describe', args: ['topics', 'describe', t, ...conn], expect: /PartitionCount: 2/ },
    { name: 'produce', args: ['produce', t, ...conn], stdin: 'a\nb\nc\n' },
    { name: 'produce --transactional-id', args: ['produce', t, '--transactional-id', `${t}-tx`, ...conn], stdin: 'd\ne\n' },
    { name: 'consume (no group)', args: ['consume', t, '-e', ...conn], expect: /^(?=[\s\S]*a)(?=[\s\S]*e)/ },
    { name: 'consume -g (classic group)', args: ['consume', t, '-e', '-g', g, ...conn], expect: /^(?=[\s\S]*a)(?=[\s\S]*e)/ },
    { name: 'consume --group-protocol consumer', args: ['consume', t, '-e', '-g', `${g}-848`, '--group-protocol', 'consumer', ...conn] },
    { name: 'topics alter', args: ['topics', 'alter', t, '-p', '3', ...conn] },
    { name: 'groups list', args: ['groups', 'list', ...conn], expect: new RegExp(g) },
    { name: 'groups describe', args: ['groups', 'describe', g, ...conn], expect: new RegExp(t) },
    { name: 'lag', args: ['lag', g, ...conn] },
    { name: 'configs describe', args: ['configs', 'describe', '--topic', t, ...conn] },
    { name: 'configs alter', args: ['configs', 'alter', '--topic', t, '--add-config', 'retention.ms=86400000', ...conn] },
    { name: 'offsets', args: ['offsets', t, ...conn], expect: new RegExp(`${t}:0:`) },
    { name: 'delete-records', args: ['delete-records', t, '--before', 'end', '--yes', ...conn] },
    { name: 'acls --add', args: ['acls', '--add', '--allow-principal', 'User:alice', '--operation', 'Read', '--topic', t, ...conn] },
    { name: 'acls --list', args: ['acls', '--list', '--topic', t, ...conn], expect: /alice/ },
    { name: 'users list', args: ['users', 'list', ...conn] },
    {
      name: 'mirror --until-caught-up',
      args: ['mirror', '--from-bootstrap', b, '--to-bootstrap', b, '--topics', t, '--rename', 'copy.{topic}', '--until-caught-up'],
    },
    { name: 'cluster info', args: ['cluster', 'info', ...conn], expect: /Cluster ID/ },
    { name: 'cluster health', args: ['cluster', 'health', ...conn] },
    { name: 'cluster api-versions', args: ['cluster', 'api-versions', ...conn] },
    { name: 'topics delete', args: ['topics', 'delete', t, `copy.${t}`, '--yes', ...conn] },
  ];
}

/** Rows an older broker cannot run, and the release ktool must name for each (one line, exit 1). */
export function expectedNeeds(version: string): Map<string, string> {
  const [major, minor] = version.split('.').map(Number);
  const needs = new Map<string, string>();
  if (major < 4) needs.set('consume --group-protocol consumer', '4.0');
  if (major === 3 && minor < 5) needs.set('users list', '3.5');
  return needs;
}

const STEP_TIMEOUT_MS = 25_000;

export async function runStep(step: SmokeStep, env: Record<string, string | undefined>): Promise<Outcome> {
  const r = await spawnKtool(step.args, { env, stdin: step.stdin, timeoutMs: STEP_TIMEOUT_MS });
  const lines = r.stderr.trim().split('\n').filter(Boolean);
  const line = lines.find((l) => l.startsWith('error:')) ?? lines[0] ?? '';
  if (r.signal) return { kind: 'failed', line: `no answer within ${STEP_TIMEOUT_MS / 1000} s (killed)` };
  if (r.code === 0) {
    if (step.expect && !step.expect.test(r.stdout))
      return { kind: 'failed', line: `exit 0 but unexpected output: ${r.stdout.slice(0, 120).replace(/\n/g, ' ')}` };
    return { kind: 'ok' };
  }
  const needs = /needs Kafka (\d+\.\d+)\+/.exec(line);
  // One line: the error (and its hint), exit 1; anything else (a stack, a protocol dump) is a failure.
  const oneLine = lines.length <= 2 && lines[0] === line && (lines.length === 1 || lines[1].startsWith('hint:'));
  if (needs && oneLine && r.code === 1) return { kind: 'needs', version: needs[1], line };
  return { kind: 'failed', line: `exit ${r.code}: ${lines.join(' / ')}` };
}

export function cell(o: Outcome): string {
  return o.kind === 'ok' ? 'ok' : o.kind === 'needs' ? `needs ${o.version}+` : 'FAILED';
}

/** docs/compat.md: command x version, then the failures' lines. Nothing in it varies between runs that pass. */
export function compatMarkdown(versions: string[], rows: Map<string, Map<string, Outcome>>): string {
  const out = [
    '# Broker compatibility',
    '',
    '<!-- Generated by test/compat/compat.int.test.ts (part of the default test run); do not edit by hand. -->',
    '',
    'Each command run by `bin/ktool` against a one-node KRaft cluster of each Kafka release',
    '(`ktool local start --kafka-version V --sasl`, one after another: the authorizer for the `acls` rows).',
    '`needs X.Y+`: ktool refused in one line (`error: ...: needs Kafka X.Y+ (...)`, exit 1) naming the broker',
    'release the feature needs; never a protocol error or a hang (each command is killed after 25 s and counted failed).',
    '',
    `| command | ${versions.join(' | ')} |`,
    `|---|${versions.map(() => '---').join('|')}|`,
  ];
  for (const [name, byVersion] of rows)
    out.push(`| \`${name}\` | ${versions.map((v) => (byVersion.has(v) ? cell(byVersion.get(v)!) : 'n/a')).join(' | ')} |`);
  out.push(
    '',
    'Where a broker lacks a newer request, ktool falls back on its own, with the same output:',
    '',
    "- Fetch v17, which ktool's own record decoding speaks: a broker without it (3.3 and 3.6 here) is read through",
    "  the client library's fetch at the newest version it takes (v13 on 3.3).",
    '- ListGroups v5 with its group-type filter (KIP-848): v4 where the broker lacks it (3.3, 3.6), every group classic.',
    '- ConsumerGroupDescribe (KIP-848, 4.0+): `groups describe` asks DescribeGroups, as for any classic group.',
    '- Older versions of ListOffsets, FindCoordinator, OffsetFetch/OffsetCommit, InitProducerId, EndTxn,',
    '  DescribeCluster and ApiVersions (src/kafka/pinned-apis.ts); topic metadata comes from Metadata v12 (every',
    '  release), never from DescribeTopicPartitions (KIP-966; 3.3 and 3.6 lack it). No share-group (KIP-932) request.',
    '- SCRAM `users` on a KRaft cluster before 3.5 and `--group-protocol consumer` before 4.0 have nothing to fall',
    '  back to: those are the `needs` cells above.',
  );
  const failures = [...rows].flatMap(([name, byVersion]) =>
    [...byVersion].filter(([, o]) => o.kind === 'failed').map(([v, o]) => `- ${v} \`${name}\`: ${(o as { line: string }).line}`),
  );
  if (failures.length) out.push('', '## Failures', '', ...failures);
  return out.join('\n') + '\n';
}
