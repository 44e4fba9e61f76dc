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
  // One committed transaction both sides look at ({=...}: its producer id is the same for both).
  setup: [
    { args: ['topics', 'create', '{=tx}', '-p', '2'] },
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
    { args: ['--bootstrap-server', B, 'bogus'] },
    { args: ['--bootstrap-server', B, 'list', '--bogus'] },
    { args: ['--bootstrap-server', B] },
    { args: ['--bootstrap-server', B, 'list', 'describe'] },
  ],
};
