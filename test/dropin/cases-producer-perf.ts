/** The differential harness's cases for kafka-producer-perf-test.sh (the table's types: cases.ts). */
import type { Script } from './cases.js';

const B = 'B';

/**
 * Payload files by a path relative to the repository (both sides run there): the original prints the
 * absolute path, the same for both. Every piece of a file is the same text, so the records written
 * (chosen at random among the pieces) are the same on both sides, and only if the file is split where
 * the original splits it.
 */
const DELIMITED = 'test/dropin/fixtures/perf-payloads-delimited.txt';
const LINES = 'test/dropin/fixtures/perf-payloads-lines.txt';
/** A run of a few unthrottled records: the flags under test come after. */
const run = (topic: string, ...rest: string[]) => ['--topic', topic, '--num-records', '20', '--throughput', '-1', ...rest];

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
  setup: [
    { args: ['topics', 'create', '{pp1}', '{pp2}', '{pp3}', '{pp4}', '{pp5}'] },
    { args: ['topics', 'create', '{pp6}', '{pp7}', '{pp8}', '{pp9}', '{pp10}'] },
  ],
  files: {
    // Settings ktool's producer takes (acks, linger.ms, compression.type): no "unused" warning on either side.
    props: 'acks=1\nlinger.ms=5\ncompression.type=gzip\n',
  },
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
    // The payload file's pieces, at a regex delimiter (Scanner.useDelimiter): every record is `same`.
    {
      args: run('{pp6}', '--payload-file', DELIMITED, '--payload-delimiter', '[;,]', '--bootstrap-server', B),
      normalize: ['numbers'],
      state: [['kcat', '{pp6}']],
    },
    // The default delimiter, a newline (the trailing one ends the last piece): every record is `line`.
    { args: run('{pp7}', '--payload-file', LINES, '--bootstrap-server', B), normalize: ['numbers'], state: [['kcat', '{pp7}']] },
    // A missing file: the path line, then IllegalArgumentException (exit 1).
    { args: run('{pp7}', '--payload-file', 'test/dropin/fixtures/no-such-payloads.txt', '--bootstrap-server', B) },
    // A file of delimiters only: no piece (`Number of records read: 0`), then the original's IllegalArgumentException (exit 1).
    {
      args: run(
        '{pp7}',
        '--payload-file',
        'test/dropin/fixtures/perf-payloads-delimiters-only.txt',
        '--payload-delimiter',
        ';+',
        '--bootstrap-server',
        B,
      ),
    },
    // --payload-delimiter without --payload-file: ignored, as the original's help says.
    { args: run('{pp8}', '--record-size', '4', '--payload-delimiter', ';', '--bootstrap-server', B), normalize: ['numbers'] },
    { args: run('{pp8}', '--record-size', '4', '--payload-file', LINES, '--bootstrap-server', B) },
    // The producer's settings from a file (the new and the deprecated spelling) and inline.
    {
      args: run('{pp9}', '--payload-monotonic', '--command-config', '@props', '--bootstrap-server', B),
      normalize: ['numbers'],
      state: [['kcat', '{pp9}']],
    },
    {
      args: run('{pp10}', '--payload-monotonic', '--producer.config', '@props', '--bootstrap-server', B),
      normalize: ['numbers'],
      state: [['kcat', '{pp10}']],
    },
    {
      args: run('{pp8}', '--record-size', '4', '--command-property', 'acks=1', 'linger.ms=2', '--bootstrap-server', B),
      normalize: ['numbers'],
    },
    // Refused: both spellings of the file, of the inline properties; a property without '='; a reporting interval of 0.
    { args: run('{pp8}', '--record-size', '4', '--command-config', '@props', '--producer.config', '@props', '--bootstrap-server', B) },
    { args: run('{pp8}', '--record-size', '4', '--command-property', 'acks=1', '--producer-props', 'acks=1', '--bootstrap-server', B) },
    { args: run('{pp8}', '--record-size', '4', '--command-property', 'acks', '--bootstrap-server', B) },
    { args: run('{pp8}', '--record-size', '4', '--reporting-interval', '0', '--bootstrap-server', B) },
    // No window line within 10 minutes: the output is the total line alone.
    { args: run('{pp8}', '--record-size', '4', '--reporting-interval', '600000', '--bootstrap-server', B), normalize: ['numbers'] },
    {
      args: run('{pp8}', '--record-size', '4', '--print-metrics', '--bootstrap-server', B),
      normalize: ['numbers'],
      differs: {
        fields: ['stdout'],
        why:
          "--print-metrics: the Java tool prints its client's whole metric registry (about 110 metrics: buffer pool, network, per node " +
          "and topic); ktool's client keeps none, so ktool prints the figures its run measured (producer-metrics record-send-total, " +
          'record-send-rate, record-error-total) in the same layout after the same lines',
      },
    },
  ],
};
