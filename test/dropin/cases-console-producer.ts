/** The differential harness's cases for kafka-console-producer.sh (the table's types: cases.ts). */
import type { Script } from './cases.js';

const B = 'B';

export const LINES = 'k1:v1\nk2:v2\nk3:v3\n';

export const PRODUCER: Script = {
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
  setup: [
    {
      args: [
        'topics',
        'create',
        ...['{p1}', '{p2}', '{p3}', '{p4}', '{p5}', '{p6}', '{p7}', '{p8}', '{p9}', '{p10}', '{p11}', '{p12}', '{mb.c}'],
      ],
    },
  ],
  files: {
    'producer.properties': 'acks=all\nlinger.ms=5\n',
    'reader.properties': 'parse.key=true\nkey.separator=:\n',
  },
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
    // The tuning flags: each the Java producer setting it controls; the same records come out.
    {
      args: [
        ...['--bootstrap-server', B, '--topic', '{p5}', '--batch-size', '16384', '--timeout', '200'],
        ...['--request-required-acks', 'all', '--request-timeout-ms', '30000', '--message-send-max-retries', '5'],
        ...['--retry-backoff-ms', '200', '--metadata-expiry-ms', '60000', '--max-partition-memory-bytes', '32768'],
      ],
      stdin: 'a\nb\nc\n',
      state: [['kcat', '{p5}']],
    },
    {
      args: ['--bootstrap-server', B, '--topic', '{p6}', '--sync', '--command-property', 'acks=1', '--command-property', 'linger.ms=0'],
      stdin: 'a\nb\nc\n',
      state: [['kcat', '{p6}']],
    },
    // Properties files: the producer's (--command-config, and its deprecated --producer.config) and the reader's.
    {
      args: [
        '--bootstrap-server',
        B,
        '--topic',
        '{p7}',
        '--command-config',
        '@producer.properties',
        '--reader-config',
        '@reader.properties',
      ],
      stdin: LINES,
      state: [['kcat', '{p7}']],
    },
    {
      args: [
        ...['--bootstrap-server', B, '--topic', '{p8}', '--producer.config', '@producer.properties'],
        ...['--reader-property', 'parse.key=true', '--reader-property', 'key.separator=:', '--reader-property', 'ignore.error=true'],
      ],
      stdin: `${LINES}no-separator\n`,
      state: [['kcat', '{p8}']],
    },
    {
      args: ['--bootstrap-server', B, '--topic', '{p9}', '--line-reader', 'org.apache.kafka.tools.LineMessageReader'],
      stdin: 'a\nb\n',
      state: [['kcat', '{p9}']],
    },
    // buffer.memory: ktool holds fewer batches unacknowledged when it cannot hold its 5 in flight and the one being filled.
    {
      args: ['--bootstrap-server', B, '--topic', '{p10}', '--max-memory-bytes', '33554432', '--batch-size', '16384'],
      stdin: 'a\nb\n',
      state: [['kcat', '{p10}']],
    },
    // max.block.ms: how long each send() waits for its topic's metadata. A topic that is there: no wait.
    { args: ['--bootstrap-server', B, '--topic', '{p11}', '--max-block-ms', '60000'], stdin: 'a\nb\n', state: [['kcat', '{p11}']] },
    // A missing topic: the Java producer's metadata request lets the broker create it (the shared broker's
    // auto.create.topics.enable is Kafka's default, true): a WARN for the first answer, then the records.
    { args: ['--bootstrap-server', B, '--topic', '{mb-auto}'], stdin: 'a\nb\n', state: [['kcat', '{mb-auto}']] },
    // A topic the broker cannot create (its name collides with {mb.c}'s): each record waits --max-block-ms,
    // then fails alone (an ERROR and the TimeoutException); the run goes on and ends 0.
    {
      args: ['--bootstrap-server', B, '--topic', '{mb_c}', '--max-block-ms', '3000'],
      stdin: 'a\nbb\n',
      state: [['topics', 'describe', '{mb_c}']],
    },
    // A cluster that cannot be reached (nothing listens on port 1): the same wait, NetworkClient's WARN lines meanwhile.
    {
      args: ['--bootstrap-server', '127.0.0.1:1', '--topic', '{mb-down}', '--max-block-ms', '1000'],
      stdin: 'a\nbb\n',
      state: [['topics', 'describe', '{mb-down}']],
    },
    // --sync (send().get()): the first record that fails ends the run, exit 1.
    {
      args: ['--bootstrap-server', B, '--topic', '{mb_c}', '--max-block-ms', '2000', '--sync'],
      stdin: 'a\nbb\n',
      state: [['topics', 'describe', '{mb_c}']],
    },
    {
      args: ['--bootstrap-server', B, '--topic', '{p12}', '--socket-buffer-size', '102400'],
      stdin: 'a\nb\n',
      state: [['kcat', '{p12}']],
      differs: {
        fields: ['stderr'],
        why:
          "inherent: send.buffer.bytes is the socket's SO_SNDBUF, which Node's net.Socket cannot set (only its UDP sockets " +
          'can), so the flag is named on stderr as not honoured (a warning line); the records are the same',
      },
    },
    // What a script checking the version reads: the Kafka version whose tool the spelling follows.
    { args: ['--version'] },
    {
      args: ['--help'],
      differs: {
        fields: ['stdout', 'stderr', 'code'],
        why: "ktool's own help on stdout, exit 0; the original prints its option table on stderr and exits 1",
      },
    },
  ],
};
