/**
 * ktool transactions against the real broker: a committed transaction listed and described, its
 * producer on the partition, and a hanging transaction (test/transactions/hanging.ts) found by
 * find-hanging (ktool's and Kafka's own TransactionsCommand agree), aborted by its start offset, after
 * which read_committed readers get past it.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, uniqueName } from '../helpers/cli.js';
import { runKafkaTool } from '../helpers/kafka-tools.js';
import { needs } from '../helpers/needs.js';
import { makeHangingTransaction } from './hanging.js';

const bootstrap = () => process.env.KTOOL_TEST_BOOTSTRAP!;
const created: string[] = [];

async function topic(): Promise<string> {
  const name = uniqueName('txns');
  const r = await runCli(['topics', 'create', name, '-p', '2']);
  expect(r.code, r.stderr).toBe(0);
  created.push(name);
  return name;
}

afterAll(async () => {
  if (created.length) await runCli(['topics', 'delete', ...created, '--yes', '--if-exists']);
});

const json = async (argv: string[]) => {
  const r = await runCli([...argv, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

/** Values kcat (librdkafka) reads read_committed: what a hanging transaction holds back. */
function committedValues(t: string): string[] {
  const out = execFileSync(
    'kcat',
    ['-C', '-e', '-q', '-b', bootstrap(), '-t', t, '-p', '0', '-X', 'isolation.level=read_committed', '-f', '%s\n'],
    {
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  return out.split('\n').filter(Boolean);
}

describe('transactions', needs('KTOOL_TEST_BOOTSTRAP'), () => {
  it('lists and describes a committed transaction; describe-producers shows its producer', async () => {
    const t = await topic();
    const id = uniqueName('txns-id');
    const p = await runCli(['produce', t, '--transactional-id', id, '--partition', '1'], { stdin: 'a\nb\nc\n' });
    expect(p.code, p.stderr).toBe(0);
    const [described] = await json(['transactions', 'describe', id]);
    expect(described).toMatchObject({ transactionalId: id, state: 'CompleteCommit', partitions: [], timeoutMs: 60000 });
    const listed = await json(['transactions', 'list', `${id}|nothing`]);
    expect(listed).toEqual([
      { transactionalId: id, producerId: described.producerId, state: 'CompleteCommit', coordinator: described.coordinator },
    ]);
    const producers = await json(['transactions', 'describe-producers', `${t}:1`]);
    expect(producers.producers).toEqual([
      expect.objectContaining({
        producerId: described.producerId,
        producerEpoch: described.producerEpoch,
        lastSequence: 2,
        txnStartOffset: null,
      }),
    ]);
    // The kafka-transactions.sh spelling of the same: Kafka's layout, the same producer.
    const dropin = await runCli([
      'transactions',
      '--bootstrap-server',
      bootstrap(),
      'describe-producers',
      '--topic',
      t,
      '--partition',
      '1',
    ]);
    expect(dropin.code, dropin.stderr).toBe(0);
    expect(dropin.stdout.split('\n')[0]).toMatch(/^ProducerId\s*\tProducerEpoch\s*\t/);
    expect(dropin.stdout.split('\n')[1]).toMatch(new RegExp(`^${described.producerId}\\s*\\t${described.producerEpoch}\\s*\\t`));
    const missing = await runCli(['transactions', 'describe', uniqueName('txns-nobody')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^error: transactional id .* not found/);
  });

  it('finds a hanging transaction, as Kafka does, and aborts it by its start offset', async () => {
    const t = await topic();
    const pre = await runCli(['produce', t, '--partition', '0'], { stdin: 'before\n' });
    expect(pre.code, pre.stderr).toBe(0);
    const hanging = await makeHangingTransaction(bootstrap(), t, 0);
    const after = await runCli(['produce', t, '--partition', '0'], { stdin: 'after\n' });
    expect(after.code, after.stderr).toBe(0);
    // Held back: read_committed stops at the open transaction's first offset.
    expect(committedValues(t)).toEqual(['before']);

    const found = await json(['transactions', 'find-hanging', t, '--max-transaction-timeout', '0']);
    expect(found).toEqual([
      expect.objectContaining({
        topic: t,
        partition: 0,
        producer: expect.objectContaining({ producerId: Number(hanging.producerId), txnStartOffset: Number(hanging.startOffset) }),
      }),
    ]);
    const kafka = await runKafkaTool('org.apache.kafka.tools.TransactionsCommand', [
      ...['--bootstrap-server', bootstrap(), 'find-hanging', '--topic', t, '--max-transaction-timeout', '0'],
    ]);
    expect(kafka.code, kafka.stderr).toBe(0);
    const kafkaRows = kafka.stdout.trim().split('\n').slice(1);
    expect(
      kafkaRows.map((l) =>
        l
          .split('\t')
          .map((c) => c.trim())
          .slice(0, 6),
      ),
    ).toEqual([[t, '0', String(hanging.producerId), String(hanging.producerEpoch), '-1', String(hanging.startOffset)]]);
    // By broker too: the partitions with a replica on the leader.
    const byBroker = await json(['transactions', 'find-hanging', '--broker-id', '1', '--max-transaction-timeout', '0']);
    expect(byBroker.some((h: { topic: string }) => h.topic === t)).toBe(true);

    const wrong = await runCli(['transactions', 'abort', `${t}:0`, '--start-offset', String(hanging.startOffset + 1n), '--yes']);
    expect(wrong.code).toBe(3);
    const noYes = await runCli(['transactions', 'abort', `${t}:0`, '--start-offset', String(hanging.startOffset)]);
    expect(noYes.code).toBe(2);
    const aborted = await json(['transactions', 'abort', `${t}:0`, '--start-offset', String(hanging.startOffset), '--yes']);
    expect(aborted).toEqual({
      topic: t,
      partition: 0,
      producerId: Number(hanging.producerId),
      producerEpoch: hanging.producerEpoch,
      coordinatorEpoch: 0,
    });

    expect(await json(['transactions', 'find-hanging', t, '--max-transaction-timeout', '0'])).toEqual([]);
    expect(committedValues(t)).toEqual(['before', 'after']);
  });

  it('aborts by producer id and epoch (the spelling for brokers before 3.0), and the drop-in finds none left', async () => {
    const t = await topic();
    const hanging = await makeHangingTransaction(bootstrap(), t, 1);
    const r = await runCli([
      ...['transactions', '--bootstrap-server', bootstrap(), 'abort', '--topic', t, '--partition', '1'],
      ...['--producer-id', String(hanging.producerId), '--producer-epoch', String(hanging.producerEpoch), '--coordinator-epoch', '-1'],
    ]);
    expect(r, r.stderr).toMatchObject({ code: 0, stdout: '' });
    const left = await runCli([
      'transactions',
      '--bootstrap-server',
      bootstrap(),
      'find-hanging',
      '--topic',
      t,
      '--max-transaction-timeout',
      '0',
    ]);
    expect(left.stdout).toBe(
      'Topic\tPartition\tProducerId\tProducerEpoch\tCoordinatorEpoch\tStartOffset\tLastTimestamp\tDuration(min)\t\n',
    );
  });
});
