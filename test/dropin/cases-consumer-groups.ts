/** The differential harness's cases for kafka-consumer-groups.sh (the table's types: cases.ts). */
import type { Case, Script } from './cases.js';
import { LINES } from './cases-console-producer.js';

const B = 'B';
const reset = (...args: string[]) => ['--bootstrap-server', B, '--reset-offsets', ...args];

/** --from-file: the plans of `files`, read as OffsetsUtils.parseResetPlan does. */
const FROM_FILE = [
  { args: reset('--group', '{rg}', '--from-file', '@plan3', '--dry-run') },
  { args: reset('--group', '{rg}', '--from-file', '@plan3', '--dry-run', '--export') },
  // The four-column plan: the first line's probe as three columns fails (its exception on stderr), then per group.
  { args: reset('--group', '{rg}', '--from-file', '@plan4', '--dry-run') },
  { args: reset('--group', '{rg}', '--group', '{og}', '--from-file', '@plan4', '--dry-run', '--export'), normalize: ['sorted-lines'] },
  // Three columns and two groups: read as group,topic,... (a plan for a group named like the topic): no plan for either.
  { args: reset('--group', '{rg}', '--group', '{og}', '--from-file', '@plan3', '--dry-run'), normalize: ['sorted-lines'] },
  { args: reset('--group', '{nope}', '--from-file', '@plan4', '--dry-run') },
  { args: reset('--group', '{rg}', '--from-file', '@far', '--dry-run') },
  { args: reset('--group', '{rg}', '--from-file', '@gap', '--dry-run') },
  { args: reset('--group', '{rg}', '--from-file', '/nonexistent/ktool-plan.csv', '--dry-run') },
  { args: reset('--group', '{rg}', '--from-file', '@plan3', '--to-earliest', '--dry-run') },
  { args: reset('--group', '{og}', '--from-file', '@plan3', '--execute'), state: [['groups', 'describe', '{og}', '--json']] },
];

/** --validate-regex: RE2/J's verdict, no broker asked (--bootstrap-server not required). */
const VALIDATE_REGEX = [
  { args: ['--validate-regex', 'orders\\..*'] },
  { args: ['--validate-regex', '(orders'] },
  { args: ['--validate-regex', 'a**'] },
  { args: ['--bootstrap-server', B, '--validate-regex', '[z-a]'] },
  { args: ['--validate-regex', '(?<name>x)\\8'] },
  { args: ['--validate-regex', 'x', '--list'] },
  { args: ['--validate-regex'] },
];

/**
 * --all-groups: every consumer group on the shared broker, so only this run's lines are compared; dry
 * runs only (`--delete --all-groups` would delete every other test's groups). Refusals first.
 */
const ALL_GROUPS: Case[] = [
  { args: ['--bootstrap-server', B, '--describe', '--all-groups', '--group', '{=grp}'] },
  { args: ['--bootstrap-server', B, '--delete', '--all-groups', '--topic', '{=gt}'] },
  { args: ['--bootstrap-server', B, '--delete-offsets', '--all-groups', '--topic', '{=gt}'] },
  { args: reset('--all-groups', '--group', '{rg}', '--topic', '{=gt}', '--to-earliest', '--dry-run') },
  { args: reset('--all-groups', '--topic', '{=gt}', '--to-earliest', '--to-latest', '--dry-run') },
  { args: reset('--all-groups', '--topic', '{=gt}', '--to-earliest', '--dry-run', '--execute') },
  { args: ['--bootstrap-server', B, '--list', '--all-groups'], normalize: ['this-run-only'] },
  { args: ['--bootstrap-server', B, '--describe', '--all-groups'], normalize: ['this-run-only', 'columns'] },
  { args: ['--bootstrap-server', B, '--describe', '--all-groups', '--state'], normalize: ['this-run-only', 'columns'] },
  { args: ['--bootstrap-server', B, '--describe', '--all-groups', '--members', '--verbose'], normalize: ['this-run-only', 'columns'] },
  { args: reset('--all-groups', '--all-topics', '--to-current', '--dry-run'), normalize: ['this-run-only', 'columns'] },
  { args: reset('--all-groups', '--all-topics', '--to-earliest', '--dry-run', '--export'), normalize: ['this-run-only'] },
  { args: reset('--all-groups', '--from-file', '@plan4', '--dry-run'), normalize: ['this-run-only', 'columns'] },
];

export const GROUPS: Script = {
  script: 'kafka-consumer-groups.sh',
  helpFlags: [
    'all-groups',
    'all-topics',
    'bootstrap-server',
    'by-duration',
    'command-config',
    'delete',
    'delete-offsets',
    'describe',
    'dry-run',
    'execute',
    'export',
    'from-file',
    'group',
    'help',
    'list',
    'members',
    'offsets',
    'reset-offsets',
    'shift-by',
    'state',
    'timeout',
    'to-current',
    'to-datetime',
    'to-earliest',
    'to-latest',
    'to-offset',
    'topic',
    'type',
    'validate-regex',
    'verbose',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
  noun: ['groups'],
  files: {
    props: 'client.id=dropin-consumer-groups\n',
    // What --export prints: one group's plan (topic,partition,offset), several groups' (group first).
    plan3: '{=gt},0,0\n{=gt},1,0\n',
    plan4: '{rg},{=gt},0,0\n{og},{=gt},1,0\n',
    // Beyond the log end: moved to it, with the original's WARN line.
    far: '{=gt},0,99\n',
    // A blank line in the middle: Jackson's refusal fails the whole command.
    gap: '{=gt},0,0\n\n{=gt},1,0\n',
  },
  setup: [
    { args: ['topics', 'create', '{=gt}', '-p', '2'] },
    { args: ['produce', '{=gt}', '--key-separator', ':'], stdin: LINES },
    { args: ['consume', '{=gt}', '-g', '{=grp}', '-e'] },
    { args: ['consume', '{=gt}', '-g', '{rg}', '-e'] },
    { args: ['consume', '{=gt}', '-g', '{dg}', '-e'] },
    { args: ['consume', '{=gt}', '-g', '{og}', '-e'] },
  ],
  cases: [
    { args: ['--bootstrap-server', B, '--list'], normalize: ['this-run-only'] },
    { args: ['--bootstrap-server', B, '--list', '--state'], normalize: ['this-run-only', 'columns'] },
    { args: ['--bootstrap-server', B, '--list', '--type'], normalize: ['this-run-only', 'columns'] },
    { args: ['--bootstrap-server', B, '--list', '--state', 'Empty', '--type', 'classic'], normalize: ['this-run-only', 'columns'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{=grp}'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{=grp}', '--offsets', '--verbose'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{=grp}', '--state'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{=grp}', '--state', '--verbose'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{=grp}', '--members'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{=grp}', '--members', '--verbose', '--timeout', '10000'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{nope}'] },
    { args: ['--bootstrap-server', B, '--reset-offsets', '--group', '{rg}', '--topic', '{=gt}', '--to-earliest'] },
    { args: ['--bootstrap-server', B, '--reset-offsets', '--group', '{rg}', '--topic', '{=gt}', '--to-latest', '--dry-run'] },
    {
      args: ['--bootstrap-server', B, '--reset-offsets', '--group', '{rg}', '--all-topics', '--to-offset', '1', '--execute'],
      state: [['groups', 'describe', '{rg}', '--json']],
    },
    {
      args: [
        '--bootstrap-server',
        B,
        '--reset-offsets',
        '--group',
        '{rg}',
        '--topic',
        '{=gt}:0',
        '--shift-by',
        '-1',
        '--execute',
        '--export',
      ],
      state: [['groups', 'describe', '{rg}', '--json']],
    },
    { args: ['--bootstrap-server', B, '--reset-offsets', '--group', '{rg}', '--topic', '{=gt}', '--to-current', '--dry-run'] },
    {
      args: [
        ...['--bootstrap-server', B, '--reset-offsets', '--group', '{rg}', '--topic', '{=gt}'],
        ...['--to-datetime', '2020-01-01T00:00:00.000', '--dry-run'],
      ],
    },
    { args: ['--bootstrap-server', B, '--reset-offsets', '--group', '{rg}', '--topic', '{=gt}', '--by-duration', 'PT1H', '--dry-run'] },
    { args: ['--bootstrap-server', B, '--reset-offsets', '--group', '{rg}', '--topic', '{=gt}'] },
    { args: ['--bootstrap-server', B, '--reset-offsets', '--group', '{rg}', '--to-earliest'] },
    {
      args: ['--bootstrap-server', B, '--delete-offsets', '--group', '{og}', '--topic', '{=gt}:1'],
      state: [['groups', 'describe', '{og}', '--json']],
    },
    { args: ['--bootstrap-server', B, '--delete-offsets', '--group', '{og}', '--topic', '{nope}'] },
    { args: ['--bootstrap-server', B, '--delete', '--group', '{nope}'] },
    { args: ['--bootstrap-server', B, '--delete', '--group', '{dg}'], state: [['groups', 'describe', '{dg}', '--json']] },
    { args: ['--bootstrap-server', B, '--list', '--bogus'] },
    { args: ['--bootstrap-server', B] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{=grp}', '--command-config', '@props'] },
    { args: ['--bootstrap-server', B, '--list', '--command-config', '@props'], normalize: ['this-run-only'] },
    ...FROM_FILE,
    ...VALIDATE_REGEX,
    // Last: the other side's deletions are over (Kafka's side runs well ahead), so both see their own groups.
    ...ALL_GROUPS,
  ],
};
