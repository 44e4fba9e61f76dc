/** The differential harness's cases for kafka-console-consumer.sh (the table's types: cases.ts). */
import type { Script } from './cases.js';
import { LINES } from './cases-console-producer.js';

const B = 'B';

export const CONSUMER: Script = {
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
  files: {
    'consumer.properties': 'auto.offset.reset=earliest\n',
    'formatter.properties': 'print.key=true\nkey.separator=|\n',
  },
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
    { args: ['--bootstrap-server', B, '--topic', '{=c1}', '--from-beginning', '--timeout-ms', '3000'] },
    { args: ['--bootstrap-server', B, '--topic', '{=c1}', '--group', '{ccg}', '--from-beginning', '--max-messages', '3'] },
    { args: ['--bootstrap-server', B, '--include', '{=c1}', '--from-beginning', '--max-messages', '3'] },
    // Consumer settings inline and in files: where a new consumer starts (auto.offset.reset), its isolation.
    {
      args: [
        ...['--bootstrap-server', B, '--topic', '{=c1}', '--max-messages', '3'],
        ...['--command-property', 'auto.offset.reset=earliest', '--isolation-level', 'read_committed'],
      ],
    },
    {
      args: [
        ...['--bootstrap-server', B, '--topic', '{=c1}', '--max-messages', '3'],
        ...['--consumer-property', 'auto.offset.reset=earliest', '--consumer.config', '@consumer.properties'],
      ],
    },
    // The formatter's spelling: Kafka's own class, its properties file, String deserializers (what ktool prints).
    {
      args: [
        ...['--bootstrap-server', B, '--topic', '{=c1}', '--max-messages', '3', '--command-config', '@consumer.properties'],
        ...['--formatter', 'org.apache.kafka.tools.consumer.DefaultMessageFormatter', '--formatter-config', '@formatter.properties'],
        ...['--key-deserializer', 'org.apache.kafka.common.serialization.StringDeserializer'],
        ...['--value-deserializer', 'org.apache.kafka.common.serialization.StringDeserializer'],
        ...['--skip-message-on-error', '--enable-systest-events'],
      ],
    },
    {
      args: [
        ...['--bootstrap-server', B, '--topic', '{=c1}', '--from-beginning', '--max-messages', '2'],
        ...['--formatter-property', 'print.key=true', '--formatter-property', 'print.value=false'],
      ],
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
