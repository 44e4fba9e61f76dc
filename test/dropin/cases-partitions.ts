/**
 * The differential harness's cases for kafka-reassign-partitions.sh and kafka-leader-election.sh,
 * on the three-node cluster (replicas have somewhere to move). The set-up puts each side's topics on
 * the same brokers (ktool's own reassign --wait), so the current assignments they print are equal.
 */
import type { Script } from './cases.js';

const B = 'B';
const plan = (partitions: [string, number, number[]][]) =>
  JSON.stringify({ version: 1, partitions: partitions.map(([topic, partition, replicas]) => ({ topic, partition, replicas })) });

const FILES: Record<string, string> = {
  fix: plan([
    ['{r1}', 0, [1]],
    ['{r1}', 1, [2]],
    ['{r2}', 0, [3]],
    ['{e1}', 0, [1, 2]],
  ]),
  swap: plan([['{e1}', 0, [2, 1]]]),
  topics: JSON.stringify({ topics: [{ topic: '{r1}' }], version: 1 }),
  moveR2: plan([['{r2}', 0, [3, 1]]]),
  r1Now: plan([
    ['{r1}', 0, [1]],
    ['{r1}', 1, [2]],
  ]),
  r1Other: plan([['{r1}', 0, [2]]]),
  r1Add: plan([['{r1}', 1, [2, 3]]]),
  badBroker: plan([['{r1}', 0, [9]]]),
  r1Grow: plan([['{r1}', 0, [1, 2]]]),
  reassignProps: 'client.id=dropin-reassign\nrequest.timeout.ms=30000\n',
  electProps: 'client.id=dropin-elect\n',
  elect: JSON.stringify({
    partitions: [
      { topic: '{=e2}', partition: 0 },
      { topic: '{=e2}', partition: 1 },
    ],
  }),
};

export const REASSIGN: Script = {
  script: 'kafka-reassign-partitions.sh',
  cluster: 'three',
  files: FILES,
  helpFlags: [
    'additional',
    'bootstrap-controller',
    'bootstrap-server',
    'broker-list',
    'cancel',
    'command-config',
    'disable-rack-aware',
    'disallow-replication-factor-change',
    'execute',
    'generate',
    'help',
    'list',
    'preserve-throttles',
    'reassignment-json-file',
    'replica-alter-log-dirs-throttle',
    'throttle',
    'timeout',
    'topics-to-move-json-file',
    'verify',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.reassign.ReassignPartitionsCommand',
  noun: ['partitions', 'reassign'],
  setup: [
    { args: ['topics', 'create', '{r1}', '-p', '2', '-r', '1'] },
    { args: ['topics', 'create', '{r2}', '-r', '1'] },
    { args: ['topics', 'create', '{e1}', '-r', '2'] },
    { args: ['topics', 'create', '{=e2}', '-p', '2', '-r', '2'] },
    { args: ['partitions', 'reassign', '--execute', '--reassignment-json-file', '@fix', '--additional', '--yes', '--wait'] },
    { args: ['partitions', 'elect-leaders', '--preferred', '{e1}'] },
    // {e1}-0 led by 1, its preferred replica now 2: for kafka-leader-election.sh's cases.
    { args: ['partitions', 'reassign', '--execute', '--reassignment-json-file', '@swap', '--additional', '--yes', '--wait'] },
  ],
  cases: [
    { args: ['--bootstrap-server', B, '--list'] },
    // `C` is the cluster's controllers: --list and --cancel ask them (KIP-919), the other actions refuse the flag.
    { args: ['--bootstrap-controller', 'C', '--list'] },
    { args: ['--bootstrap-server', B, '--list', '--command-config', '@reassignProps'] },
    {
      args: ['--bootstrap-controller', 'C', '--cancel', '--reassignment-json-file', '@r1Now', '--preserve-throttles', '--timeout', '5000'],
    },
    { args: ['--bootstrap-controller', 'C', '--execute', '--reassignment-json-file', '@r1Now'] },
    // A plan that changes {r1}-0's replication factor: refused by the controller (KIP-860), nothing moves.
    {
      args: ['--bootstrap-server', B, '--execute', '--reassignment-json-file', '@r1Grow', '--disallow-replication-factor-change'],
      state: [['topics', 'describe', '{r1}', '--json']],
    },
    {
      args: [
        '--bootstrap-server',
        B,
        '--execute',
        '--reassignment-json-file',
        '@r1Now',
        '--disallow-replication-factor-change',
        '--timeout',
        '5000',
        '--command-config',
        '@reassignProps',
      ],
    },
    {
      args: ['--bootstrap-server', B, '--generate', '--topics-to-move-json-file', '@topics', '--broker-list', '1,2,3'],
      normalize: ['proposed-replicas'],
    },
    {
      args: [
        '--bootstrap-server',
        B,
        '--generate',
        '--topics-to-move-json-file',
        '@topics',
        '--broker-list',
        '2,3',
        '--disable-rack-aware',
      ],
      normalize: ['proposed-replicas'],
    },
    { args: ['--bootstrap-server', B, '--execute', '--reassignment-json-file', '@moveR2', '--throttle', '10000000'] },
    { args: ['--bootstrap-server', B, '--verify', '--reassignment-json-file', '@r1Now', '--preserve-throttles'] },
    { args: ['--bootstrap-server', B, '--verify', '--reassignment-json-file', '@r1Other', '--preserve-throttles'] },
    { args: ['--bootstrap-server', B, '--cancel', '--reassignment-json-file', '@r1Now', '--preserve-throttles'] },
    // --additional: without it both tools first refuse while any reassignment is in progress on the cluster
    // (the suite's other files share it), which both then print alike (CI of b676877).
    {
      args: ['--bootstrap-server', B, '--execute', '--reassignment-json-file', '@badBroker', '--additional'],
      differs: {
        fields: ['stdout'],
        why: "the original prints its exception's stack trace after the same `Error: Unknown broker id 9` line",
      },
    },
    // No `--verify @moveR2` here: Kafka's tool, run in one JVM, reaches it while the move may still be in
    // progress, ktool later; the verify that clears throttles is compared in test/admin/partitions.int.test.ts.
    {
      args: [
        '--bootstrap-server',
        B,
        '--execute',
        '--reassignment-json-file',
        '@r1Add',
        '--additional',
        '--throttle',
        '5000',
        '--replica-alter-log-dirs-throttle',
        '6000',
      ],
      state: [['configs', 'describe', '--topic', '{r1}', '--json']],
    },
    { args: ['--bootstrap-server', B, '--verify'] },
    { args: ['--bootstrap-server', B, '--list', '--throttle', '5'] },
    { args: ['--bootstrap-server', B, '--generate', '--list'] },
  ],
  // Throttles the last execute left on the brokers and on {r1}.
  cleanup: [['partitions', 'reassign', '--verify', '--reassignment-json-file', '@r1Now']],
};

export const ELECT: Script = {
  script: 'kafka-leader-election.sh',
  cluster: 'three',
  helpFlags: [
    'admin.config',
    'all-topic-partitions',
    'bootstrap-server',
    'command-config',
    'election-type',
    'help',
    'partition',
    'path-to-json-file',
    'topic',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.LeaderElectionCommand',
  noun: ['partitions', 'elect-leaders'],
  setup: [],
  cases: [
    { args: ['--bootstrap-server', B, '--election-type', 'PREFERRED', '--topic', '{e1}', '--partition', '0'] },
    { args: ['--bootstrap-server', B, '--election-type', 'PREFERRED', '--topic', '{e1}', '--partition', '0'] },
    { args: ['--bootstrap-server', B, '--election-type', 'preferred', '--path-to-json-file', '@elect'] },
    { args: ['--bootstrap-server', B, '--election-type', 'unclean', '--topic', '{e1}', '--partition', '0'] },
    { args: ['--bootstrap-server', B, '--election-type', 'PREFERRED', '--topic', '{nope}', '--partition', '0'] },
    { args: ['--bootstrap-server', B, '--election-type', 'PREFERRED'] },
    { args: ['--bootstrap-server', B, '--election-type', 'PREFERRED', '--topic', '{e1}'] },
    {
      args: [
        '--bootstrap-server',
        B,
        '--election-type',
        'PREFERRED',
        '--topic',
        '{e1}',
        '--partition',
        '0',
        '--admin.config',
        '@electProps',
      ],
    },
    {
      args: [
        '--bootstrap-server',
        B,
        '--election-type',
        'UNCLEAN',
        '--topic',
        '{e1}',
        '--partition',
        '0',
        '--command-config',
        '@electProps',
      ],
    },
    // A file that is not there: the deprecation line, then the failure to read it (exit 1).
    {
      args: [
        ...['--bootstrap-server', B, '--election-type', 'PREFERRED', '--topic', '{e1}', '--partition', '0'],
        ...['--admin.config', '/nonexistent/admin.properties'],
      ],
    },
    // Both spellings: refused (checkInvalidArgs), before any file is read.
    {
      args: [
        ...['--bootstrap-server', B, '--election-type', 'PREFERRED', '--topic', '{e1}', '--partition', '0'],
        ...['--command-config', '/nonexistent/admin.properties', '--admin.config', '@electProps'],
      ],
    },
    // Every partition of the cluster (other tests' too): an unclean election of a partition that has a leader is not
    // needed, and the controller leaves those out of its answer when asked for all: nothing printed, exit 0.
    { args: ['--bootstrap-server', B, '--election-type', 'UNCLEAN', '--all-topic-partitions'] },
    { args: ['--bootstrap-server', B, '--election-type', 'PREFERRED', '--all-topic-partitions', '--partition', '0'] },
    { args: ['--bootstrap-server', B, '--election-type', 'PREFERRED', '--all-topic-partitions', '--topic', '{e1}', '--partition', '0'] },
  ],
};
