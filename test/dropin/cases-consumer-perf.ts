/** The differential harness's cases for kafka-consumer-perf-test.sh (the table's types: cases.ts). */
import type { Script } from './cases.js';

const B = 'B';

export const CONSUMER_PERF: Script = {
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
