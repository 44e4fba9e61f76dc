/** The differential harness's cases for kafka-transactions.sh (the table's types: cases.ts). */
import type { Script } from './cases.js';

const B = 'B';

export const TRANSACTIONS: Script = {
  script: 'kafka-transactions.sh',
  helpFlags: [
    'bootstrap-server',
    'broker-id',
    'command-config',
    'coordinator-epoch',
    'duration-filter',
    'help',
    'max-transaction-timeout',
    'partition',
    'producer-epoch',
    'producer-id',
    'start-offset',
    'topic',
    'transactional-id',
    'transactional-id-pattern',
    'transactionalId',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.TransactionsCommand',
  noun: ['transactions'],
  files: { txProps: 'client.id=dropin-transactions\n', txTimeout: 'request.timeout.ms=45000\n' },
  // One committed transaction both sides look at ({=...}: its producer id is the same for both).
  setup: [
    { args: ['topics', 'create', '{=tx}', '-p', '2'] },
    { args: ['topics', 'create', '{txa}'] },
    { args: ['produce', '{txa}', '--transactional-id', '{ftid}'], stdin: 'c\n' },
    { args: ['produce', '{=tx}', '--transactional-id', '{=tid}', '--partition', '0'], stdin: 'a\nb\n' },
  ],
  cases: [
    { args: ['--bootstrap-server', B, 'list', '--transactional-id-pattern', '{=run}-tid'] },
    { args: ['--bootstrap', B, 'list', '--transactional-id-pat', '{=run}-t.d'] },
    { args: ['--bootstrap-server', B, 'list', '--transactional-id-pattern', '{=run}-tid', '--duration-filter', '86400000'] },
    { args: ['--bootstrap-server', B, 'describe', '--transactional-id', '{=tid}'], normalize: ['txn-duration'] },
    { args: ['--bootstrap-server', B, 'describe', '--transactional-id', '{=nope}'] },
    { args: ['--bootstrap-server', B, 'describe-producers', '--topic', '{=tx}', '--partition', '0'] },
    { args: ['--bootstrap-server', B, 'describe-producers', '--topic', '{=tx}', '--partition', '1', '--broker-id', '1'] },
    { args: ['--bootstrap-server', B, 'find-hanging', '--topic', '{=tx}'] },
    { args: ['--bootstrap-server', B, 'find-hanging', '--topic', '{=tx}', '--partition', '0', '--max-transaction-timeout', '0'] },
    { args: ['--bootstrap-server', B, 'find-hanging'] },
    { args: ['--bootstrap-server', B, 'find-hanging', '--partition', '0'] },
    { args: ['--bootstrap-server', B, 'abort', '--topic', '{=tx}', '--partition', '0', '--start-offset', '0'] },
    { args: ['--bootstrap-server', B, 'abort', '--topic', '{=tx}', '--partition', '0'] },
    { args: ['--bootstrap-server', B, 'abort', '--topic', '{=tx}', '--partition', '0', '--producer-id', '5'] },
    { args: ['--bootstrap-server', B, 'abort', '--topic', '{=tx}', '--partition', '0', '--producer-id', '5', '--producer-epoch', '0'] },
    { args: ['--bootstrap-server', B, 'abort', '--topic', '{=tx}', '--partition', 'x', '--start-offset', '0'] },
    // The pre-3.0 way (producer id, epoch and coordinator epoch), on a partition of each side's own.
    {
      args: [
        ...['--bootstrap-server', B, 'abort', '--topic', '{txa}', '--partition', '0'],
        ...['--producer-id', '5', '--producer-epoch', '0', '--coordinator-epoch', '0'],
      ],
    },
    { args: ['--bootstrap-server', B, 'abort', '--topic', '{txa}', '--partition', '0', '--producer-id', '5', '--coordinator-epoch', '1'] },
    // forceTerminateTransaction: the id's producer fenced (its epoch bumped, an open transaction aborted); a new id starts
    // at epoch 0 with the admin client's request.timeout.ms as its transaction timeout.
    { args: ['--bootstrap-server', B, 'forceTerminateTransaction', '--transactionalId', '{ftid}'] },
    { args: ['--bootstrap-server', B, 'describe', '--transactional-id', '{ftid}'], normalize: ['producer-id', 'txn-duration'] },
    { args: ['--bootstrap-server', B, 'forceTerminateTransaction', '--transactionalId', '{ftnew}'] },
    { args: ['--bootstrap-server', B, 'describe', '--transactional-id', '{ftnew}'], normalize: ['producer-id', 'txn-duration'] },
    { args: ['--bootstrap-server', B, '--command-config', '@txTimeout', 'forceTerminateTransaction', '--transactionalId', '{fttm}'] },
    { args: ['--bootstrap-server', B, 'describe', '--transactional-id', '{fttm}'], normalize: ['producer-id', 'txn-duration'] },
    { args: ['--bootstrap-server', B, 'forceTerminateTransaction'] },
    { args: ['--bootstrap-server', B, '--command-config', '@txProps', 'list', '--transactional-id-pattern', '{=run}-tid'] },
    {
      args: ['--bootstrap-server', B, '--command-config', '@txProps', 'describe', '--transactional-id', '{=tid}'],
      normalize: ['txn-duration'],
    },
    { args: ['--bootstrap-server', B, 'bogus'] },
    { args: ['--bootstrap-server', B, 'list', '--bogus'] },
    { args: ['--bootstrap-server', B] },
    { args: ['--bootstrap-server', B, 'list', 'describe'] },
  ],
};
