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
