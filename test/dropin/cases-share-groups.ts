/**
 * The differential harness's cases for kafka-share-groups.sh (ShareGroupCommand) as `ktool
 * share-groups`: share groups made by `consume --share-group` (earliest, read to the end) in set-up,
 * listed (this run's only), described (offsets, state, members of a group with none), reset (refusals
 * and plans, executed ones compared through `groups describe --json`), offsets deleted, groups deleted.
 * The shared one-node broker runs Kafka 4.3.1, share groups on by default.
 */
import type { Script } from './cases.js';

const B = 'B';
const earliest = (group: string) => ({
  args: ['configs', 'alter', '--entity-type', 'groups', '--entity-name', group, '--add-config', 'share.auto.offset.reset=earliest'],
});
const readAll = (group: string) => ({ args: ['consume', '{=st}', '--share-group', group, '--timeout-ms', '4000'] });

export const SHARE_GROUPS: Script = {
  script: 'kafka-share-groups.sh',
  helpFlags: [
    'all-groups',
    'all-topics',
    'bootstrap-server',
    'command-config',
    'delete',
    'delete-offsets',
    'describe',
    'dry-run',
    'execute',
    'group',
    'help',
    'list',
    'members',
    'offsets',
    'reset-offsets',
    'state',
    'timeout',
    'to-datetime',
    'to-earliest',
    'to-latest',
    'topic',
    'verbose',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.consumer.group.ShareGroupCommand',
  noun: ['share-groups'],
  files: { props: 'client.id=dropin-share-groups\n' },
  setup: [
    { args: ['topics', 'create', '{=st}', '-p', '2'] },
    { args: ['produce', '{=st}', '--key-separator', ':'], stdin: 'k1:a\nk2:b\nk3:c\nk4:d\nk5:e\nk6:f\n' },
    earliest('{=sg}'),
    readAll('{=sg}'),
    earliest('{rs}'),
    readAll('{rs}'),
    earliest('{os}'),
    readAll('{os}'),
    earliest('{ds}'),
    readAll('{ds}'),
    { args: ['consume', '{=st}', '-g', '{scg}', '-e'] },
  ],
  cases: [
    { args: ['--bootstrap-server', B, '--list'], normalize: ['this-run-only'] },
    { args: ['--bootstrap-server', B, '--list', '--state'], normalize: ['this-run-only', 'columns'] },
    { args: ['--bootstrap-server', B, '--list', '--state', 'Empty'], normalize: ['this-run-only', 'columns'] },
    { args: ['--bootstrap-server', B, '--list', '--state', 'Stable,Dead'], normalize: ['this-run-only', 'columns'] },
    { args: ['--bootstrap-server', B, '--list', '--state', 'Bogus'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{=sg}'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{=sg}', '--offsets', '--verbose'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{=sg}', '--state'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{=sg}', '--state', '--verbose', '--timeout', '10000'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{=sg}', '--members'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{=sg}', '--members', '--verbose', '--command-config', '@props'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{nope}'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{scg}'] },
    { args: ['--bootstrap-server', B, '--describe'] },
    { args: ['--bootstrap-server', B, '--reset-offsets', '--group', '{rs}', '--topic', '{=st}', '--to-earliest'] },
    { args: ['--bootstrap-server', B, '--reset-offsets', '--group', '{rs}', '--to-earliest', '--dry-run'] },
    { args: ['--bootstrap-server', B, '--reset-offsets', '--group', '{rs}', '--topic', '{=st}', '--dry-run'] },
    { args: ['--bootstrap-server', B, '--reset-offsets', '--group', '{rs}', '--topic', '{=st}', '--to-earliest', '--dry-run'] },
    {
      args: ['--bootstrap-server', B, '--reset-offsets', '--group', '{rs}', '--all-topics', '--to-earliest', '--execute'],
      state: [['groups', 'describe', '{rs}', '--json']],
    },
    {
      args: ['--bootstrap-server', B, '--reset-offsets', '--group', '{rs}', '--topic', '{=st}:0', '--to-latest', '--execute'],
      state: [['groups', 'describe', '{rs}', '--json']],
    },
    {
      args: [
        ...['--bootstrap-server', B, '--reset-offsets', '--group', '{rs}', '--topic', '{=st}'],
        ...['--to-datetime', '2020-01-01T00:00:00.000', '--dry-run'],
      ],
    },
    {
      args: ['--bootstrap-server', B, '--delete-offsets', '--group', '{os}', '--topic', '{=st}'],
      state: [['groups', 'describe', '{os}', '--json']],
    },
    { args: ['--bootstrap-server', B, '--delete-offsets', '--group', '{os}', '--topic', '{nope}'] },
    { args: ['--bootstrap-server', B, '--delete-offsets', '--group', '{os}'] },
    { args: ['--bootstrap-server', B, '--delete', '--group', '{nope}'] },
    { args: ['--bootstrap-server', B, '--delete', '--group', '{scg}'] },
    { args: ['--bootstrap-server', B, '--delete', '--group', '{ds}'], state: [['groups', 'describe', '{ds}', '--json']] },
    { args: ['--bootstrap-server', B, '--list', '--describe', '--group', '{=sg}'] },
    { args: ['--bootstrap-server', B, '--list', '--bogus'] },
    { args: ['--bootstrap-server', B] },
    // --all-groups: every share group of the shared broker, so this run's lines only; last, once the other side's
    // deletions are over. No --delete --all-groups: it would delete every other test's share groups.
    { args: ['--bootstrap-server', B, '--describe', '--all-groups', '--group', '{=sg}'] },
    { args: ['--bootstrap-server', B, '--delete', '--all-groups', '--topic', '{=st}'] },
    { args: ['--bootstrap-server', B, '--delete-offsets', '--all-groups', '--topic', '{=st}'] },
    { args: ['--bootstrap-server', B, '--reset-offsets', '--all-groups', '--all-topics', '--to-earliest', '--dry-run'] },
    { args: ['--bootstrap-server', B, '--list', '--all-groups'], normalize: ['this-run-only'] },
    { args: ['--bootstrap-server', B, '--describe', '--all-groups'], normalize: ['this-run-only', 'columns'] },
    { args: ['--bootstrap-server', B, '--describe', '--all-groups', '--offsets', '--verbose'], normalize: ['this-run-only', 'columns'] },
    { args: ['--bootstrap-server', B, '--describe', '--all-groups', '--state'], normalize: ['this-run-only', 'columns'] },
    { args: ['--bootstrap-server', B, '--describe', '--all-groups', '--members', '--verbose'], normalize: ['this-run-only', 'columns'] },
  ],
};
