/** The differential harness's cases for kafka-producer-perf-test.sh (the table's types: cases.ts). */
import type { Script } from './cases.js';

const B = 'B';

export const PRODUCER_PERF: Script = {
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
