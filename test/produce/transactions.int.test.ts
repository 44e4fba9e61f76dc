/**
 * produce --transactional-id against the real broker: an id is reused run after run (as Java's
 * producer reuses it), a killed run's transaction is aborted by the next run, a concurrent run
 * fences the older one, and Kafka's own TransactionsCommand agrees on the state left behind.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, testEnv, uniqueName } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { pollUntil } from '../helpers/poll.js';
import { KTOOL_BIN, spawnKtool } from '../helpers/spawn-ktool.js';
import { asAdmin, asAlice } from '../security/helpers.js';
import { needs } from '../helpers/needs.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];

async function topic(partitions = 3): Promise<string> {
  const name = uniqueName('txn');
  const r = await runCli(['topics', 'create', name, '-p', String(partitions)]);
  expect(r.code, r.stderr).toBe(0);
  created.push(name);
  return name;
}

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

/** Record values as kcat (librdkafka, not ktool) reads them under one isolation level, sorted. */
function values(t: string, isolation: 'read_committed' | 'read_uncommitted'): string[] {
  const out = execFileSync('kcat', ['-C', '-e', '-q', '-b', bootstrap(), '-t', t, '-X', `isolation.level=${isolation}`, '-f', '%s\n'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return out.split('\n').filter(Boolean).sort();
}

/** Kafka's own view of a transactional id: `kafka-transactions.sh describe` as column -> value. */
async function describeTransaction(id: string): Promise<Record<string, string>> {
  const r = await runKafkaTool('org.apache.kafka.tools.TransactionsCommand', [
    '--bootstrap-server',
    bootstrap(),
    'describe',
    '--transactional-id',
    id,
  ]);
  expect(r.code, r.stderr).toBe(0);
  const [header, row] = r.stdout
    .trim()
    .split('\n')
    .map((l) => l.split('\t').map((c) => c.trim()));
  return Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']));
}

const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

/** A produce run reading from a pipe the test keeps open. */
function startProducer(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
} {
  const child = spawn(KTOOL_BIN, args, { env: { ...process.env, ...testEnv() } as NodeJS.ProcessEnv });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

/** Waits until these values are in the log (sent, not committed). */
const untilWritten = (t: string, expected: string[]) =>
  pollUntil(() => expected.every((v) => values(t, 'read_uncommitted').includes(v)), {
    what: `${expected.length} uncommitted records in ${t}`,
  });

describe('produce --transactional-id', () => {
  it(
    'reuses one transactional id run after run: every run commits, all records are read_committed, ' + 'Kafka sees CompleteCommit',
    async () => {
      const t = await topic();
      const id = uniqueName('txn-id');
      const expected: string[] = [];
      for (let run = 1; run <= 5; run++) {
        const records = lines(`run${run}`, 20);
        expected.push(...records);
        const r = await spawnKtool(['produce', t, '--transactional-id', id], { stdin: records.join('\n') + '\n' });
        expect({ run, code: r.code, stderr: r.stderr }).toEqual({
          run,
          code: 0,
          stderr: expect.stringMatching(/^20 records sent to topic .*; transaction committed\n$/),
        });
      }
      expect(values(t, 'read_committed')).toEqual(expected.sort());
      const state = await describeTransaction(id);
      expect(state.TransactionState).toBe('CompleteCommit');
      // Java's transaction.timeout.ms default, not the request timeout.
      expect(state.TransactionTimeoutMs).toBe('60000');
      // Kafka's own consumer agrees (read_committed is not the default there).
      const java = await runKafkaTool('org.apache.kafka.tools.consumer.ConsoleConsumer', [
        '--bootstrap-server',
        bootstrap(),
        '--topic',
        t,
        '--from-beginning',
        '--isolation-level',
        'read_committed',
        '--max-messages',
        String(expected.length),
        '--timeout-ms',
        '20000',
      ]);
      expect(java.stdout.split('\n').filter(Boolean).sort()).toEqual(expected);
    },
  );

  it('a run killed with -9 mid-transaction: the next run with the id aborts its transaction and commits its own', async () => {
    const t = await topic();
    const id = uniqueName('txn-id');
    const killed = startProducer(['produce', t, '--transactional-id', id, '--linger-ms', '0']);
    const orphans = lines('killed', 5);
    killed.child.stdin.write(orphans.join('\n') + '\n');
    await untilWritten(t, orphans);
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    expect((await describeTransaction(id)).TransactionState).toBe('Ongoing');

    const next = await spawnKtool(['produce', t, '--transactional-id', id], { stdin: 'next-1\nnext-2\n' });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/^2 records sent .*; transaction committed\n$/);
    expect(values(t, 'read_committed')).toEqual(['next-1', 'next-2']);
    // The killed run's records are in the log, aborted.
    expect(values(t, 'read_uncommitted')).toEqual([...orphans, 'next-1', 'next-2'].sort());
    expect((await describeTransaction(id)).TransactionState).toBe('CompleteCommit');
  });

  it(
    'two concurrent runs with one id: the newer commits, the older is fenced with a one-line error and ' +
      'none of its records are visible',
    async () => {
      const t = await topic();
      const id = uniqueName('txn-id');
      const older = startProducer(['produce', t, '--transactional-id', id, '--linger-ms', '0']);
      const before = lines('older', 3);
      older.child.stdin.write(before.join('\n') + '\n');
      await untilWritten(t, before);

      const newer = await spawnKtool(['produce', t, '--transactional-id', id], { stdin: 'newer-1\nnewer-2\n' });
      expect(newer.code, newer.stderr).toBe(0);
      expect(newer.stderr).toMatch(/transaction committed\n$/);

      older.child.stdin.end('older-late\n');
      const r = await older.done;
      expect(r.code, r.stderr).toBe(1);
      const errorLines = r.stderr.split('\n').filter((l) => l.startsWith('error:') || l.startsWith('hint:'));
      expect(errorLines).toHaveLength(2);
      expect(errorLines[0]).toMatch(
        new RegExp(`^error: another producer with transactional id ${id} took over \\((INVALID_PRODUCER_EPOCH|PRODUCER_FENCED)\\)$`),
      );
      expect(errorLines[1]).toBe(
        'hint: one run per transactional id at a time: the newer run fenced this one, and what this one sent is aborted',
      );
      expect(r.stderr).toMatch(/^0 records sent .* 4 failed .*; transaction aborted\n/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(values(t, 'read_committed')).toEqual(['newer-1', 'newer-2']);
      expect((await describeTransaction(id)).TransactionState).toBe('CompleteCommit');
    },
  );

  it('-X transaction.timeout.ms: a transaction open longer is aborted by the broker, and the error says so', async () => {
    const t = await topic(1);
    const id = uniqueName('txn-id');
    const slow = startProducer(['produce', t, '--transactional-id', id, '--linger-ms', '0', '-X', 'transaction.timeout.ms=1000']);
    slow.child.stdin.write('slow-1\n');
    await untilWritten(t, ['slow-1']);
    // The coordinator looks for expired transactions every 10 s; its abort marker ends the log.
    await pollUntil(
      async () => {
        const d = await runCli(['topics', 'describe', t, '--json']);
        return (JSON.parse(d.stdout) as [{ partitions: [{ latestOffset: number }] }])[0].partitions[0].latestOffset === 2;
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'the abort marker of the timed-out transaction' },
    );
    slow.child.stdin.end('slow-2\n');
    const r = await slow.done;
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        String.raw`\nerror: the transaction was open longer than transaction.timeout.ms \(1000 ms\) and the broker ` +
          String.raw`aborted it \((INVALID_PRODUCER_EPOCH|PRODUCER_FENCED)\)\n` +
          String.raw`hint: raise it with -X transaction.timeout.ms=N`,
      ),
    );
    expect(values(t, 'read_committed')).toEqual([]);
    expect((await describeTransaction(id)).TransactionTimeoutMs).toBe('1000');
  }, 60_000);

  it('-X transaction.timeout.ms needs --transactional-id', async () => {
    const r = await runCli(['produce', 'any-topic', '-X', 'transaction.timeout.ms=1000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: -X transaction.timeout.ms applies only with --transactional-id\n/);
  });
});

describe('produce --transactional-id with ACLs', needs('KTOOL_TEST_SASL_BOOTSTRAP', 'KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP'), () => {
  const topics: string[] = [];
  afterAll(async () => {
    for (const t of topics) await asAdmin(['acls', 'delete', '--topic', t, '--yes']);
    if (topics.length) await asAdmin(['topics', 'delete', ...topics, '--if-exists', '--yes']);
  });

  it(
    "a principal with Kafka's producer ACLs (Write, Describe on the topic and the transactional id) " + 'commits; no ClusterAction needed',
    async () => {
      const t = uniqueName('txn-acl');
      const id = uniqueName('txn-acl-id');
      expect((await asAdmin(['topics', 'create', t, '-p', '2'])).code).toBe(0);
      topics.push(t);
      const acl = await asAdmin([
        'acls',
        'create',
        '--allow-principal',
        'User:alice',
        '--producer',
        '--topic',
        t,
        '--transactional-id',
        id,
      ]);
      expect(acl.code, acl.stderr).toBe(0);
      try {
        // The ACLs were created in one request; once alice may describe the topic, the broker has them all.
        await pollUntil(async () => (await asAlice(['topics', 'describe', t])).code === 0, { what: 'the ACLs to apply' });
        const r = await asAlice(['produce', t, '--transactional-id', id], { stdin: 'a\nb\nc\n' });
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/3 records sent .*; transaction committed/);
        const again = await asAlice(['produce', t, '--transactional-id', id], { stdin: 'd\n' });
        expect(again.code, again.stderr).toBe(0);
      } finally {
        await asAdmin(['acls', 'delete', '--transactional-id', id, '--yes']);
      }
    },
  );
});
