/**
 * The differential harness's table: per script, the invocations run through Kafka's tool class and
 * through ktool with the same arguments (test/dropin/harness.ts). `B` in an argument is the broker;
 * `{x}` a name of the side's own (`{run}` the side's prefix, for regexes). What a case normalises
 * is only what the original itself varies between two runs, named in `normalize`.
 */
import { ACLS } from './cases-acls.js';
import { API_VERSIONS } from './cases-api-versions.js';
import { DELETE_RECORDS } from './cases-delete-records.js';
import { LOG_DIRS } from './cases-log-dirs.js';
import { KCAT_CONSUME, KCAT_PRODUCE } from './cases-kcat.js';
import { ELECT, REASSIGN } from './cases-partitions.js';
import { TOKENS } from './cases-tokens.js';
import { SHARE_GROUPS } from './cases-share-groups.js';
import { CONSOLE_SHARE_CONSUMER } from './cases-console-share-consumer.js';
import { FEATURES, METADATA_QUORUM } from './cases-quorum-features.js';

export type Normalizer =
  /** Lines naming no topic of this run dropped (other tests share the broker), the rest sorted (the sides' names differ). */
  | 'this-run-only'
  /** Topic ids (random per topic). */
  | 'topic-id'
  /** The replicas of kafka-reassign-partitions.sh --generate's proposal (AdminUtils draws its start at random). */
  | 'proposed-replicas'
  /** kafka-transactions.sh describe's TransactionDurationMs (now minus the start: the clock's). */
  | 'txn-duration'
  /** Runs of spaces as one: column widths follow the longest name of every group on the shared broker. */
  | 'columns'
  /**
   * kafka-delegation-tokens.sh: token ids and HMACs (random per token) and dates (yyyy-MM-ddTHH:mm,
   * from the clock: the sides may cross a minute).
   */
  | 'tokens'
  /** Every number (and date) as N: the perf tools' figures are timings, different in any two runs. */
  | 'numbers'
  /** Lines sorted: kcat prints the partitions of a topic in the order their fetches come back. */
  | 'sorted-lines'
  /**
   * The other side's names put back too: a dump of a shared log (a __consumer_offsets partition) holds
   * the other side's group when both hash to it, which only that side's placeholders would replace.
   */
  | 'both-sides'
  /**
   * kafka-acls.sh's resources and entries sorted (blocks, and the entry lines in each): AclCommand keeps
   * them in HashMaps and HashSets keyed by enums, whose hash is the object's identity, different per JVM.
   */
  | 'acl-order'
  /**
   * kafka-delete-records.sh's `partition: ...` lines sorted: the admin client's result map is an
   * immutable map (Collectors.toUnmodifiableMap), its order salted per JVM (three runs, three orders).
   */
  | 'partition-lines'
  /**
   * What moves with the metadata log between two runs (kafka-metadata-quorum.sh, kafka-features.sh):
   * HighWatermark, MaxFollowerLag(TimeMs), the replication table's log end offsets, lags and times,
   * the finalized features' Epoch.
   */
  | 'metadata-offsets';

export interface Case {
  /** Arguments after the script (for ktool, after its noun). */
  args: string[];
  /**
   * ktool's arguments when they differ: an alias Kafka 4.3.1 dropped that ktool keeps accepting
   * (`--broker-list`), run against the original's current spelling.
   */
  ktoolArgs?: string[];
  stdin?: string;
  normalize?: Normalizer[];
  /**
   * Known differences, not yet fixed: these fields are compared the other way round (the test fails
   * once they match, so the entry and README's table are updated), the rest as usual.
   */
  differs?: { fields: ('stdout' | 'stderr' | 'code')[]; why: string };
  /**
   * Native ktool commands run after every case on both sides' names: their output must match (cluster
   * state); ['kcat', '{t}'] / ['kcat-json', '{t}'] is the topic's records as kcat reads them.
   */
  state?: string[][];
}

export interface Script {
  script: string;
  /** Every option of the original's --help (Kafka 4.3.1), for README's coverage table. */
  helpFlags: string[];
  mainClass: string;
  /** The reference tool: Kafka's class (mainClass) by default, or kcat 1.7 (`kcat ARGS`, mainClass unused). */
  reference?: 'kcat';
  /** ktool's words before the arguments. */
  noun: string[];
  /** Native ktool commands run for both sides before the cases (topics, records, groups); `mayFail`: a failure is the point. */
  setup: { args: string[]; stdin?: string; mayFail?: true }[];
  cases: Case[];
  /**
   * The shared three-node cluster (KTOOL_TEST_BOOTSTRAP_3) instead of the one-node one; or the SASL
   * listener of the SASL cluster (KTOOL_TEST_SASL_BOOTSTRAP, delegation tokens on); or that cluster's PLAINTEXT
   * listener (KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP: an authorizer, ANONYMOUS a super user).
   */
  cluster?: 'three' | 'sasl' | 'sasl-plaintext';
  /**
   * Native ktool commands run per side before the cases (after `--json`): `field` of their JSON
   * answers the cases' `{capture:name}`; `visible`: polled until its output names that field's value.
   */
  captures?: { name: string; args: string[]; field: string; visible?: { args: string[]; field: string } }[];
  /** Files the cases name as `@name` (plans, topic lists), written for each side with its names. */
  files?: Record<string, string>;
  /** Native ktool commands run once after the cases (with the first side's names and files). */
  cleanup?: string[][];
}

const B = 'B';

const TOPICS: Script = {
  script: 'kafka-topics.sh',
  helpFlags: [
    'alter',
    'at-min-isr-partitions',
    'bootstrap-server',
    'command-config',
    'config',
    'create',
    'delete',
    'delete-config',
    'describe',
    'exclude-internal',
    'help',
    'if-exists',
    'if-not-exists',
    'list',
    'partition-size-limit-per-response',
    'partitions',
    'replica-assignment',
    'replication-factor',
    'topic',
    'topic-id',
    'topics-with-overrides',
    'unavailable-partitions',
    'under-min-isr-partitions',
    'under-replicated-partitions',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.TopicCommand',
  noun: ['topics'],
  setup: [
    { args: ['topics', 'create', '{a}', '-p', '3', '-c', 'retention.ms=3600000', '-c', 'cleanup.policy=compact'] },
    { args: ['topics', 'create', '{b}'] },
    { args: ['topics', 'create', '{del1}'] },
    { args: ['topics', 'create', '{rx1}', '{rx2}'] },
    { args: ['topics', 'create', '{=s1}', '{=s2}', '{=s3}', '{=s4}', '{=s5}', '-p', '2'] },
  ],
  cases: [
    { args: ['--bootstrap-server', B, '--list'], normalize: ['this-run-only'] },
    { args: ['--bootstrap-server', B, '--list', '--exclude-internal'], normalize: ['this-run-only'] },
    { args: ['--bootstrap-server', B, '--list', '--topic', '{run}-[ab]'] },
    { args: ['--bootstrap-server', B, '--list', '--topic', '{=run}-s[1-3],{=run}-s5'] },
    { args: ['--list', '--bootstrap-server', B, '--topic', '{run}-nothing.*'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{a}'], normalize: ['topic-id'] },
    // Several topics: printed in the order of the admin client's HashMap (src/dropin/java-hash-order.ts).
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{=run}-s.'], normalize: ['topic-id'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{a}', '--topics-with-overrides'], normalize: ['topic-id'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{a}', '--under-replicated-partitions'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{a}', '--at-min-isr-partitions'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{nope}'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic', '{nope}', '--if-exists'] },
    {
      args: [
        '--bootstrap-server',
        B,
        '--create',
        '--topic',
        '{c}',
        '--partitions',
        '2',
        '--replication-factor',
        '1',
        '--config',
        'retention.ms=1000',
      ],
      state: [['topics', 'describe', '{c}', '--json']],
    },
    { args: ['--bootstrap-server', B, '--create', '--topic', '{a}'] },
    { args: ['--bootstrap-server', B, '--create', '--topic', '{a}', '--if-not-exists'] },
    { args: ['--bootstrap-server', B, '--create', '--topic', '{d.e_f}'], state: [['topics', 'describe', '{d.e_f}', '--json']] },
    { args: ['--bootstrap-server', B, '--alter', '--topic', '{b}', '--partitions', '4'], state: [['topics', 'describe', '{b}', '--json']] },
    { args: ['--bootstrap-server', B, '--delete', '--topic', '{del1}'], state: [['topics', 'list', '{run}-del.*', '--json']] },
    { args: ['--bootstrap-server', B, '--delete', '--topic', '{run}-rx.*'], state: [['topics', 'list', '{run}-rx.*', '--json']] },
    { args: ['--bootstrap-server', B, '--delete', '--topic', '{nope}'] },
    { args: ['--bootstrap-server', B, '--delete', '--topic', '{nope}', '--if-exists'] },
    { args: ['--bootstrap-server', B, '--bogus'] },
    { args: ['--bootstrap-server', B] },
  ],
};

const LINES = 'k1:v1\nk2:v2\nk3:v3\n';

const PRODUCER: Script = {
  script: 'kafka-console-producer.sh',
  helpFlags: [
    'batch-size',
    'bootstrap-server',
    'command-config',
    'command-property',
    'compression-codec',
    'help',
    'line-reader',
    'max-block-ms',
    'max-memory-bytes',
    'max-partition-memory-bytes',
    'message-send-max-retries',
    'metadata-expiry-ms',
    'producer-property',
    'producer.config',
    'property',
    'reader-config',
    'reader-property',
    'request-required-acks',
    'request-timeout-ms',
    'retry-backoff-ms',
    'socket-buffer-size',
    'sync',
    'timeout',
    'topic',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.ConsoleProducer',
  noun: ['produce'],
  setup: [{ args: ['topics', 'create', '{p1}', '{p2}', '{p3}', '{p4}'] }],
  cases: [
    { args: ['--bootstrap-server', B, '--topic', '{p1}'], stdin: 'a\nb\nc\n', state: [['kcat', '{p1}']] },
    {
      args: ['--bootstrap-server', B, '--topic', '{p2}', '--property', 'parse.key=true', '--property', 'key.separator=:'],
      stdin: LINES,
      state: [['kcat', '{p2}']],
    },
    {
      args: ['--bootstrap-server', B, '--topic', '{p3}', '--producer-property', 'acks=all', '--compression-codec', 'lz4'],
      stdin: 'x\ny\n',
      state: [['kcat', '{p3}']],
    },
    // --broker-list: gone from Kafka 4's console producer, still in most guides; ktool takes it.
    {
      args: ['--bootstrap-server', B, '--topic', '{p4}'],
      ktoolArgs: ['--broker-list', B, '--topic', '{p4}'],
      stdin: 'a\n',
      state: [['kcat', '{p4}']],
    },
  ],
};

const CONSUMER: Script = {
  script: 'kafka-console-consumer.sh',
  helpFlags: [
    'bootstrap-server',
    'command-config',
    'command-property',
    'consumer-property',
    'consumer.config',
    'enable-systest-events',
    'formatter',
    'formatter-config',
    'formatter-property',
    'from-beginning',
    'group',
    'help',
    'include',
    'isolation-level',
    'key-deserializer',
    'max-messages',
    'offset',
    'partition',
    'property',
    'skip-message-on-error',
    'timeout-ms',
    'topic',
    'value-deserializer',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.consumer.ConsoleConsumer',
  noun: ['consume'],
  setup: [{ args: ['topics', 'create', '{=c1}'] }, { args: ['produce', '{=c1}', '--key-separator', ':'], stdin: LINES }],
  cases: [
    { args: ['--bootstrap-server', B, '--topic', '{=c1}', '--from-beginning', '--max-messages', '3'] },
    {
      args: ['--bootstrap-server', B, '--topic', '{=c1}', '--from-beginning', '--max-messages', '2', '--property', 'print.key=true'],
    },
    {
      args: [
        ...['--bootstrap-server', B, '--topic', '{=c1}', '--from-beginning', '--max-messages', '3'],
        ...['--property', 'print.key=true', '--property', 'key.separator=|', '--property', 'print.partition=true'],
        ...['--property', 'print.offset=true'],
      ],
    },
    { args: ['--bootstrap-server', B, '--topic', '{=c1}', '--partition', '0', '--offset', '1', '--max-messages', '2'] },
    {
      args: ['--bootstrap-server', B, '--topic', '{=c1}', '--from-beginning', '--timeout-ms', '3000'],
      differs: { fields: ['stderr'], why: "the original logs 'ERROR Error processing message ... TimeoutException' first" },
    },
  ],
};

const OFFSETS: Script = {
  script: 'kafka-get-offsets.sh',
  helpFlags: [
    'bootstrap-server',
    'command-config',
    'exclude-internal-topics',
    'help',
    'partitions',
    'time',
    'topic',
    'topic-partitions',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.GetOffsetShell',
  noun: ['offsets'],
  setup: [{ args: ['topics', 'create', '{=o1}', '-p', '3'] }, { args: ['produce', '{=o1}', '--key-separator', ':'], stdin: LINES }],
  cases: [
    { args: ['--bootstrap-server', B, '--topic', '{=o1}'] },
    { args: ['--bootstrap-server', B, '--topic', '{=o1}', '--time', '-2'] },
    { args: ['--bootstrap-server', B, '--topic', '{=o1}', '--time', 'latest'] },
    { args: ['--bootstrap-server', B, '--topic', '{=o1}', '--partitions', '0,2'] },
    { args: ['--bootstrap-server', B, '--topic-partitions', '{=o1}:1'] },
    // Nothing matches: GetOffsetShell's 'Error occurred: Could not match any topic-partitions ...', exit 1.
    { args: ['--bootstrap-server', B, '--topic', '{=nope}'] },
    { args: ['--bootstrap-server', B, '--topic-partitions', '{=nope}:0'] },
    { args: ['--bootstrap-server', B, '--topic', '{=nope}.*'] },
  ],
};

const CONFIGS: Script = {
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
    { args: ['--bootstrap-server', B, '--describe', '--entity-type', 'broker-loggers', '--entity-name', '1'] },
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
  ],
};

const GROUPS: Script = {
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
  ],
};

/** Segment files of a shared topic (both sides read the same files): test/dropin/log-files.ts. */
const seg = (topic: string, file: string) => `{log:{=${topic}}:0:${file}}`;
const ZERO = '00000000000000000000';
const DL_LOG = seg('dl', `${ZERO}.log`);
const DL_INDEXES = [seg('dl', `${ZERO}.index`), seg('dl', `${ZERO}.timeindex`), seg('dl', `${ZERO}.txnindex`)];
const ROLLED = [seg('dlr', `${ZERO}.log`), seg('dlr', `${ZERO}.index`), seg('dlr', `${ZERO}.timeindex`)].join(',');
const METADATA_LOG = `{log:__cluster_metadata:0:${ZERO}.log}`;

const DUMP_LOG: Script = {
  script: 'kafka-dump-log.sh',
  helpFlags: [
    'cluster-metadata-decoder',
    'deep-iteration',
    'files',
    'help',
    'index-sanity-check',
    'key-decoder-class',
    'max-bytes',
    'max-message-size',
    'offsets-decoder',
    'print-data-log',
    'remote-log-metadata-decoder',
    'share-group-state-decoder',
    'skip-record-metadata',
    'transaction-log-decoder',
    'value-decoder-class',
    'verify-index-only',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.DumpLogSegments',
  noun: ['dump-log'],
  setup: [
    { args: ['topics', 'create', '{=dl}'] },
    { args: ['produce', '{=dl}', '-K', ':', '-H', 'h1=x', '-H', 'h2=y'], stdin: 'k1:v1\nk2:v2\n' },
    { args: ['produce', '{=dl}'], stdin: 'no key\n' },
    { args: ['produce', '{=dl}', '-K', ':', '--null-marker', 'NULL'], stdin: 'gone:NULL\n' },
    ...['gzip', 'snappy', 'lz4', 'zstd'].map((c) => ({
      args: ['produce', '{=dl}', '--compression', c],
      stdin: `a-${c}\nb-${c}\nc-${c}\n`,
    })),
    { args: ['produce', '{=dl}', '--transactional-id', '{=dltx}'], stdin: 't1\nt2\n' },
    // A bad second line aborts the transaction after its first record was written: an abort marker.
    { args: ['produce', '{=dl}', '--input', 'json', '--transactional-id', '{=dltx}'], stdin: '{"value":"x"}\nnot json\n', mayFail: true },
    { args: ['consume', '{=dl}', '-g', '{=dlg}', '-e'] },
    // 1.1 MB into 1 MiB segments: a rolled segment (trimmed indexes) and a producer snapshot.
    { args: ['topics', 'create', '{=dlr}', '-c', 'segment.bytes=1048576'] },
    { args: ['produce', '{=dlr}'], stdin: `${'x'.repeat(1000)}\n`.repeat(1100) },
  ],
  cases: [
    { args: ['--files', DL_LOG] },
    { args: ['--files', DL_LOG, '--print-data-log'] },
    { args: ['--files', DL_LOG, '--deep-iteration'] },
    { args: ['--files', DL_LOG, '--print-data-log', '--skip-record-metadata'] },
    { args: ['--files', DL_LOG, '--deep-iteration', '--max-bytes', '300'] },
    {
      args: [
        ...['--files', DL_LOG, '--key-decoder-class', 'org.apache.kafka.tools.api.StringDecoder'],
        ...['--value-decoder-class', 'org.apache.kafka.tools.api.StringDecoder'],
      ],
    },
    // The active segment's preallocated indexes: the original's mismatches on stderr.
    { args: ['--files', [DL_LOG, ...DL_INDEXES].join(','), '--print-data-log'] },
    { args: ['--files', ROLLED, '--deep-iteration'] },
    { args: ['--files', ROLLED, '--verify-index-only'] },
    { args: ['--files', ROLLED, '--index-sanity-check'] },
    { args: ['--files', ROLLED, '--verify-index-only', '--max-message-size', '2000000'] },
    { args: ['--files', seg('dlr', '*.snapshot')] },
    { args: ['--files', seg('dl', 'partition.metadata')] },
    // Coordinator logs other tests append to: read up to their size when the case starts.
    { args: ['--files', '{offsets:{=dlg}}', '--offsets-decoder', '--max-bytes', '{size:offsets:{=dlg}}'], normalize: ['both-sides'] },
    { args: ['--files', '{txnlog:{=dltx}}', '--transaction-log-decoder', '--max-bytes', '{size:txnlog:{=dltx}}'] },
    { args: ['--files', METADATA_LOG, '--cluster-metadata-decoder', '--max-bytes', '65536'] },
    { args: ['--files', METADATA_LOG, '--deep-iteration', '--max-bytes', '65536'] },
  ],
};

const TRANSACTIONS: Script = {
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

const PRODUCER_PERF: Script = {
  script: 'kafka-producer-perf-test.sh',
  helpFlags: [
    'bootstrap-server',
    'command-config',
    'command-property',
    'help',
    'num-records',
    'payload-delimiter',
    'payload-file',
    'payload-monotonic',
    'print-metrics',
    'producer-props',
    'producer.config',
    'record-size',
    'reporting-interval',
    'throughput',
    'topic',
    'transaction-duration-ms',
    'transactional-id',
    'warmup-records',
  ],
  mainClass: 'org.apache.kafka.tools.ProducerPerformance',
  noun: ['perf', 'produce'],
  // The topics exist first: the Java producer's auto-creation logs a WARN the comparison would see.
  setup: [{ args: ['topics', 'create', '{pp1}', '{pp2}', '{pp3}', '{pp4}', '{pp5}'] }],
  cases: [
    {
      args: ['--topic', '{pp1}', '--num-records', '2000', '--record-size', '100', '--throughput', '-1', '--bootstrap-server', B],
      normalize: ['numbers'],
    },
    {
      args: ['--topic', '{pp2}', '--num-records', '500', '--payload-monotonic', '--throughput', '-1', '--bootstrap-server', B],
      normalize: ['numbers'],
      state: [['kcat', '{pp2}']],
    },
    {
      args: [
        '--topic',
        '{pp3}',
        '--num-records',
        '100',
        '--record-size',
        '10',
        '--throughput',
        '-1',
        '--bootstrap-server',
        B,
        '--producer-props',
        'acks=1',
      ],
      normalize: ['numbers'],
    },
    {
      args: [
        ...['--topic', '{pp4}', '--num-records', '300', '--payload-monotonic', '--throughput', '1000', '--bootstrap-server', B],
        ...['--transactional-id', '{tx4}', '--transaction-duration-ms', '100'],
      ],
      // No state: where the transaction markers fall (the offsets) depends on timing, in the original too.
      normalize: ['numbers'],
    },
    {
      args: [
        '--topic',
        '{pp5}',
        '--num-records',
        '200',
        '--record-size',
        '10',
        '--throughput',
        '-1',
        '--bootstrap-server',
        B,
        '--warmup-records',
        '50',
      ],
      normalize: ['numbers'],
    },
    { args: ['--topic', '{pp5}', '--num-records', '10', '--throughput', '-1', '--bootstrap-server', B] },
    { args: ['--topic', '{pp5}', '--num-records', '0', '--record-size', '1', '--throughput', '-1', '--bootstrap-server', B] },
    { args: ['--topic', '{pp5}', '--num-records', '1', '--record-size', '1', '--throughput', '-1', '--bogus'] },
  ],
};

const CONSUMER_PERF: Script = {
  script: 'kafka-consumer-perf-test.sh',
  helpFlags: [
    'bootstrap-server',
    'command-config',
    'command-property',
    'consumer.config',
    'date-format',
    'fetch-size',
    'from-latest',
    'group',
    'help',
    'hide-header',
    'include',
    'messages',
    'num-records',
    'print-metrics',
    'reporting-interval',
    'show-detailed-stats',
    'socket-buffer-size',
    'timeout',
    'topic',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.ConsumerPerformance',
  noun: ['perf', 'consume'],
  setup: [{ args: ['topics', 'create', '{=pc}'] }, { args: ['perf', 'produce', '{=pc}', '-n', '1000', '-s', '50', '--acks', '1'] }],
  cases: [
    { args: ['--bootstrap-server', B, '--topic', '{=pc}', '--num-records', '1000'], normalize: ['numbers'] },
    { args: ['--bootstrap-server', B, '--topic', '{=pc}', '--messages', '1000', '--hide-header'], normalize: ['numbers'] },
    {
      args: [
        '--bootstrap-server',
        B,
        '--topic',
        '{=pc}',
        '--num-records',
        '1000',
        '--show-detailed-stats',
        '--reporting-interval',
        '600000',
      ],
      normalize: ['numbers'],
    },
    { args: ['--bootstrap-server', B, '--topic', '{=pc}', '--num-records', '2000', '--timeout', '1000'], normalize: ['numbers'] },
    { args: ['--bootstrap-server', B, '--include', '{=run}-pc', '--num-records', '1000', '--date-format', 'yyyy'], normalize: ['numbers'] },
    { args: ['--bootstrap-server', B, '--topic', '{=pc}'] },
  ],
};

const E2E_LATENCY: Script = {
  script: 'kafka-e2e-latency.sh',
  helpFlags: [
    'bootstrap-server',
    'command-config',
    'help',
    'num-headers',
    'num-records',
    'producer-acks',
    'record-header-key-size',
    'record-header-size',
    'record-key-size',
    'record-size',
    'topic',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.EndToEndLatency',
  noun: ['perf', 'e2e'],
  // Topics made beforehand: EndToEndLatency assigns partitionsFor(topic) right after creating it, which
  // a broker under load can answer before it knows the topic (an empty assignment, then `poll() timed
  // out`). Creating the topic is compared in test/perf/perf.int.test.ts.
  setup: [{ args: ['topics', 'create', '{e1}'] }, { args: ['topics', 'create', '{e2}'] }],
  cases: [
    // The positional form. The same records (java.util.Random(0)'s letters).
    { args: [B, '{e1}', '20', '1', '10'], normalize: ['numbers'], state: [['kcat', '{e1}']] },
    {
      args: ['--bootstrap-server', B, '--topic', '{e2}', '--num-records', '10', '--producer-acks', 'all', '--record-size', '5'],
      normalize: ['numbers'],
      state: [['kcat', '{e2}']],
    },
    { args: ['--bootstrap-server', B, '--topic', '{e3}', '--num-records', '5', '--producer-acks', '0', '--record-size', '5'] },
  ],
};

export const SCRIPTS: readonly Script[] = [
  TOPICS,
  PRODUCER,
  CONSUMER,
  OFFSETS,
  CONFIGS,
  GROUPS,
  DUMP_LOG,
  REASSIGN,
  ELECT,
  TRANSACTIONS,
  PRODUCER_PERF,
  CONSUMER_PERF,
  E2E_LATENCY,
  TOKENS,
  DELETE_RECORDS,
  LOG_DIRS,
  API_VERSIONS,
  ACLS,
  KCAT_PRODUCE,
  KCAT_CONSUME,
  METADATA_QUORUM,
  FEATURES,
  SHARE_GROUPS,
  CONSOLE_SHARE_CONSUMER,
];
