/** The differential harness's cases for kafka-configs.sh (the table's types: cases.ts). */
import type { Case, Script } from './cases.js';

const B = 'B';
/** The cluster's controllers (--bootstrap-controller). */
const C = 'C';
const viaC = (...args: string[]) => ['--bootstrap-controller', C, ...args];

/**
 * --bootstrap-controller (KIP-919): the controllers answer DescribeConfigs, IncrementalAlterConfigs and
 * DescribeCluster, not Metadata, ListConfigResources, ListGroups, client quotas or SCRAM credentials: what starts
 * with those fails as Java's admin client fails (UnsupportedEndpointTypeException, ListGroups' KafkaException).
 * Broker configs are cluster-wide on the shared broker, and both sides run at once: the broker alterations here
 * change nothing another case could see (the default's min.insync.replicas set to the 1 it has, deletions of keys
 * not set, the kafka logger set to the INFO it has).
 */
const CONTROLLER_CASES: Case[] = [
  // Brokers: DescribeCluster (to the controllers) names the nodes, a broker's resource goes to that node.
  { args: viaC('--describe', '--entity-type', 'brokers', '--entity-name', '1') },
  { args: viaC('--describe', '--entity-type', 'brokers') },
  { args: viaC('--describe', '--entity-type', 'brokers', '--entity-default') },
  { args: viaC('--describe', '--broker', '1', '--all') },
  { args: viaC('--describe', '--broker', '99') },
  { args: viaC('--alter', '--entity-type', 'brokers', '--entity-default', '--add-config', 'min.insync.replicas=1') },
  { args: viaC('--alter', '--broker', '1', '--delete-config', 'log.cleaner.backoff.ms') },
  { args: viaC('--alter', '--broker-defaults', '--delete-config', 'log.cleaner.backoff.ms') },
  { args: viaC('--alter', '--broker', '2', '--add-config', 'log.cleaner.backoff.ms=15001') },
  { args: viaC('--describe', '--broker-logger', '1'), normalize: ['configured-loggers'] },
  { args: viaC('--describe', '--broker-logger', '99') },
  { args: viaC('--alter', '--broker-logger', '1', '--add-config', 'kafka=INFO') },
  { args: viaC('--alter', '--broker-logger', '1', '--add-config', 'nope.logger=INFO') },
  // Topics: altered and described with --all; without --all (does it exist?) or without a name, a listing.
  {
    args: viaC('--alter', '--topic', '{gc}', '--add-config', 'retention.ms=7200000,cleanup.policy=compact'),
    state: [['configs', 'describe', '--topic', '{gc}', '--json']],
  },
  { args: viaC('--describe', '--topic', '{gc}', '--all') },
  { args: viaC('--alter', '--topic', '{gc}', '--delete-config', 'cleanup.policy') },
  { args: viaC('--describe', '--topic', '{gc}') },
  { args: viaC('--describe', '--entity-type', 'topics') },
  { args: viaC('--alter', '--topic', '{nope}', '--add-config', 'retention.ms=5') },
  // Groups and client metrics: the same, reverted.
  { args: viaC('--alter', '--group', '{cg2}', '--add-config', 'consumer.session.timeout.ms=50000') },
  { args: viaC('--describe', '--group', '{cg2}', '--all') },
  { args: viaC('--describe', '--group', '{cg2}') },
  { args: viaC('--describe', '--entity-type', 'groups') },
  { args: viaC('--alter', '--group', '{cg2}', '--delete-config', 'consumer.session.timeout.ms') },
  { args: viaC('--alter', '--client-metrics', '{cm2}', '--add-config', 'metrics=org.apache.kafka.producer.,interval.ms=5000') },
  { args: viaC('--describe', '--client-metrics', '{cm2}', '--all') },
  { args: viaC('--describe', '--client-metrics', '{cm2}') },
  { args: viaC('--alter', '--client-metrics', '{cm2}', '--delete-config', 'metrics,interval.ms') },
  // Quotas and SCRAM credentials: not on the controllers; the command line's own checks come first.
  { args: viaC('--describe', '--entity-type', 'users', '--entity-name', '{u}') },
  { args: viaC('--describe', '--user-defaults', '--client-defaults') },
  { args: viaC('--describe', '--ip', '127.0.0.1') },
  { args: viaC('--alter', '--user', '{u}', '--add-config', 'producer_byte_rate=1000') },
  { args: viaC('--alter', '--user', '{u}', '--add-config', 'foo=1') },
  { args: viaC('--alter', '--user', '{su}', '--add-config', 'SCRAM-SHA-256=[iterations=4096,password=x]') },
  { args: viaC('--alter', '--user', '{su}', '--add-config', 'SCRAM-SHA-256=[iterations=10,password=x]') },
  { args: viaC('--alter', '--client', '{c}', '--add-config', 'consumer_byte_rate=1000') },
  { args: viaC('--alter', '--ip', '127.0.0.1', '--add-config', 'connection_creation_rate=10') },
  { args: viaC('--alter', '--ip', '127.0.0.1', '--add-config', 'producer_byte_rate=10') },
  // Both bootstraps: refused before anything is sent.
  { args: viaC('--bootstrap-server', B, '--describe', '--broker', '1') },
];

export const CONFIGS: Script = {
  script: 'kafka-configs.sh',
  helpFlags: [
    'add-config',
    'add-config-file',
    'all',
    'alter',
    'bootstrap-controller',
    'bootstrap-server',
    'broker',
    'broker-defaults',
    'broker-logger',
    'client',
    'client-defaults',
    'client-metrics',
    'command-config',
    'delete-config',
    'describe',
    'entity-default',
    'entity-name',
    'entity-type',
    'group',
    'help',
    'ip',
    'ip-defaults',
    'topic',
    'user',
    'user-defaults',
    'version',
  ],
  mainClass: 'kafka.admin.ConfigCommand',
  noun: ['configs'],
  setup: [
    { args: ['topics', 'create', '{=g1}', '-c', 'retention.ms=3600000', '-c', 'cleanup.policy=compact'] },
    { args: ['topics', 'create', '{=g2}'] },
    { args: ['topics', 'create', '{ga}'] },
    { args: ['topics', 'create', '{gb}', '-c', 'retention.ms=5000', '-c', 'segment.ms=3600000'] },
    { args: ['topics', 'create', '{gc}'] },
  ],
  cases: [
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'topics', '--entity-name', '{=g1}'] },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'topics', '--entity-name', '{=g2}'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{=g1}'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{=g1}', '--all'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{nope}'] },
    { args: ['--bootstrap-server', B, '--command-config', '/dev/null', '--describe', '--topic', '{=g2}'] },
    {
      args: ['--bootstrap-server', B, '--alter', '--entity-type', 'topics', '--entity-name', '{ga}', '--add-config', 'retention.ms=1000'],
      state: [['configs', 'describe', '--topic', '{ga}', '--json']],
    },
    {
      args: [
        ...['--bootstrap-server', B, '--alter', '--topic', '{ga}'],
        ...['--add-config', 'cleanup.policy=[compact,delete],max.message.bytes = 2000'],
      ],
      state: [['configs', 'describe', '--topic', '{ga}', '--json']],
    },
    {
      args: ['--bootstrap-server', B, '--alter', '--topic', '{gb}', '--delete-config', 'retention.ms,segment.ms'],
      state: [['configs', 'describe', '--topic', '{gb}', '--json']],
    },
    {
      args: ['--bootstrap-server', B, '--alter', '--topic', '{gb}', '--add-config-file', '/dev/null', '--delete-config', 'nope.x'],
      state: [['configs', 'describe', '--topic', '{gb}', '--json']],
    },
    { args: ['--bootstrap-server', B, '--alter', '--topic', '{nope}', '--add-config', 'retention.ms=5'] },
    { args: ['--bootstrap-server', B, '--alter', '--topic', '{ga}', '--add-config', 'bogus.key=5'] },
    { args: ['--bootstrap-server', B, '--alter', '--topic', '{ga}', '--add-config', 'a=b=c'] },
    { args: ['--bootstrap-server', B, '--alter', '--topic', '{ga}'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{ga}', '--add-config', 'a=b'] },
    { args: ['--bootstrap-server', B, '--describe', '--alter', '--topic', '{ga}'] },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'bogus'] },
    { args: ['--bootstrap-server', B, '--describe'] },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'topics', '--entity-default'] },
    { args: ['--bootstrap-server', B, '--describe', '--broker', '1', '--broker-logger', '1'] },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'topics', '--topic', '{ga}'] },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'brokers', '--entity-name', 'x'] },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'brokers', '--entity-name', '1'] },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'brokers', '--entity-name', '99'] },
    { args: ['--bootstrap-server', B, '--describe', '--broker', '1'] },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'brokers', '--entity-default'] },
    { args: ['--bootstrap-server', B, '--describe', '--broker-defaults'] },
    {
      args: ['--bootstrap-server', B, '--describe', '--entity-type', 'broker-loggers', '--entity-name', '1'],
      normalize: ['configured-loggers'],
    },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'broker-loggers'] },
    { args: ['--bootstrap-server', B, '--alter', '--broker-logger', '1', '--add-config', 'nope.logger=INFO'] },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'users', '--entity-name', '{u}'] },
    {
      args: [
        ...['--bootstrap-server', B, '--alter', '--entity-type', 'users', '--entity-name', '{u}'],
        ...['--add-config', 'producer_byte_rate=1000,consumer_byte_rate=20000000'],
      ],
    },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'users', '--entity-name', '{u}'] },
    {
      args: [
        ...['--bootstrap-server', B, '--alter', '--entity-type', 'users', '--entity-name', '{u}'],
        ...['--entity-type', 'clients', '--entity-name', '{c}', '--add-config', 'request_percentage=12.5'],
      ],
    },
    { args: ['--bootstrap-server', B, '--describe', '--user', '{u}', '--client', '{c}'] },
    { args: ['--bootstrap-server', B, '--alter', '--user', '{u}', '--client', '{c}', '--delete-config', 'request_percentage'] },
    { args: ['--bootstrap-server', B, '--alter', '--user', '{u}', '--delete-config', 'producer_byte_rate,consumer_byte_rate'] },
    { args: ['--bootstrap-server', B, '--describe', '--user', '{u}'] },
    { args: ['--bootstrap-server', B, '--alter', '--user', '{u}', '--delete-config', 'producer_byte_rate'] },
    { args: ['--bootstrap-server', B, '--alter', '--user', '{u}', '--add-config', 'producer_byte_rate=abc'] },
    { args: ['--bootstrap-server', B, '--alter', '--user', '{u}', '--add-config', 'foo=1'] },
    { args: ['--bootstrap-server', B, '--alter', '--client', '{c}', '--add-config', 'SCRAM-SHA-256=[password=x]'] },
    { args: ['--bootstrap-server', B, '--alter', '--user', '{su}', '--add-config', 'SCRAM-SHA-256=[iterations=4096,password=x]'] },
    { args: ['--bootstrap-server', B, '--describe', '--user', '{su}'] },
    { args: ['--bootstrap-server', B, '--alter', '--user', '{su}', '--delete-config', 'SCRAM-SHA-256'] },
    { args: ['--bootstrap-server', B, '--describe', '--user', '{su}'] },
    { args: ['--bootstrap-server', B, '--alter', '--user-defaults', '--add-config', 'SCRAM-SHA-256=[password=x]'] },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'clients', '--entity-name', '{c}'] },
    { args: ['--bootstrap-server', B, '--describe', '--client-defaults', '--user-defaults'] },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'clients', '--entity-default'] },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'ips', '--entity-name', '127.0.0.1'] },
    { args: ['--bootstrap-server', B, '--describe', '--ip', '127.0.0.1'] },
    { args: ['--bootstrap-server', B, '--describe', '--ip-defaults'] },
    { args: ['--bootstrap-server', B, '--alter', '--ip', '127.0.0.1', '--add-config', 'producer_byte_rate=1'] },
    { args: ['--bootstrap-server', B, '--describe', '--group', '{cg}'] },
    { args: ['--bootstrap-server', B, '--alter', '--group', '{cg}', '--add-config', 'consumer.session.timeout.ms=50000'] },
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'groups', '--entity-name', '{cg}'] },
    { args: ['--bootstrap-server', B, '--alter', '--group', '{cg}', '--delete-config', 'consumer.session.timeout.ms'] },
    { args: ['--bootstrap-server', B, '--describe', '--client-metrics', '{cm}'] },
    {
      args: [
        '--bootstrap-server',
        B,
        '--alter',
        '--client-metrics',
        '{cm}',
        '--add-config',
        'metrics=org.apache.kafka.producer.,interval.ms=5000',
      ],
    },
    { args: ['--bootstrap-server', B, '--describe', '--client-metrics', '{cm}'] },
    { args: ['--bootstrap-server', B, '--alter', '--client-metrics', '{cm}', '--delete-config', 'metrics,interval.ms'] },
    { args: ['--bootstrap-server', B, '--describe', '--bogus'] },
    ...CONTROLLER_CASES,
  ],
};
