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
