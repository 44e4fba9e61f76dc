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
  files: {
    // client.id: a setting ktool's connection takes; max.partition.fetch.bytes: one the tool sets over the file's (--fetch-size).
    cprops: 'client.id=dropin-consumer-perf\nmax.partition.fetch.bytes=1000\n',
  },
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
    // The consumer's settings from a file (the new and the deprecated spelling) and inline.
    { args: ['--bootstrap-server', B, '--topic', '{=pc}', '--num-records', '1000', '--command-config', '@cprops'], normalize: ['numbers'] },
    {
      args: ['--bootstrap-server', B, '--topic', '{=pc}', '--num-records', '1000', '--consumer.config', '@cprops'],
      normalize: ['numbers'],
    },
    {
      args: ['--bootstrap-server', B, '--topic', '{=pc}', '--num-records', '1000', '--command-property', 'client.id=dropin-cperf'],
      normalize: ['numbers'],
    },
    // The group named, its offsets committed at the end (the group's state compared).
    {
      args: ['--bootstrap-server', B, '--topic', '{=pc}', '--num-records', '1000', '--group', '{pcg}'],
      normalize: ['numbers'],
      state: [['groups', 'describe', '{pcg}', '--offsets', '--json']],
    },
    // A new group from the latest offsets: nothing comes within the timeout.
    {
      args: ['--bootstrap-server', B, '--topic', '{=pc}', '--num-records', '10', '--from-latest', '--timeout', '1000', '--hide-header'],
      normalize: ['numbers'],
    },
    // Bytes per partition in a fetch: 1000 records of 50 bytes in fetches of about 2 KB.
    { args: ['--bootstrap-server', B, '--topic', '{=pc}', '--num-records', '1000', '--fetch-size', '2000'], normalize: ['numbers'] },
    { args: ['--bootstrap-server', B, '--topic', '{=pc}', '--num-records', '1000', '--fetch-size', '-1'] },
    {
      args: ['--bootstrap-server', B, '--topic', '{=pc}', '--num-records', '1000', '--socket-buffer-size', '65536'],
      normalize: ['numbers'],
      differs: {
        fields: ['stderr'],
        why:
          "--socket-buffer-size is the Java consumer's receive.buffer.bytes (SO_RCVBUF); node's sockets cannot set it, so ktool " +
          "reads with the operating system's buffer and says so on stderr (a warning line); stdout and the exit code are the same",
      },
    },
    {
      args: ['--bootstrap-server', B, '--topic', '{=pc}', '--num-records', '1000', '--print-metrics'],
      normalize: ['numbers'],
      differs: {
        fields: ['stdout'],
        why:
          "--print-metrics: the Java tool prints its client's whole metric registry (about 140 metrics: coordinator, fetch " +
          "manager, network, per node and partition); ktool's client keeps none, so ktool prints the figures its run measured " +
          '(records- and bytes-consumed total and rate, join-time-max) in the same layout after the same lines',
      },
    },
  ],
};
