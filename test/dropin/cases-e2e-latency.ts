/** The differential harness's cases for kafka-e2e-latency.sh (the table's types: cases.ts). */
import type { Script } from './cases.js';

const B = 'B';

/** A run of `n` records of 4 bytes, acks 1: the flags under test come after. */
const named = (topic: string, n: string) => [
  '--bootstrap-server',
  B,
  '--topic',
  topic,
  '--num-records',
  n,
  '--producer-acks',
  '1',
  '--record-size',
  '4',
];

export const E2E_LATENCY: Script = {
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
  setup: [
    { args: ['topics', 'create', '{e1}'] },
    { args: ['topics', 'create', '{e2}'] },
    { args: ['topics', 'create', '{e4}', '{e5}', '{e6}', '{e7}', '{e8}'] },
  ],
  files: {
    // Settings the tool sets over the file's (acks from --producer-acks), and one of the connection's.
    eprops: 'acks=all\nclient.id=dropin-e2e\n',
  },
  cases: [
    // The positional form. The same records (java.util.Random(0)'s letters).
    { args: [B, '{e1}', '20', '1', '10'], normalize: ['numbers'], state: [['kcat', '{e1}']] },
    {
      args: ['--bootstrap-server', B, '--topic', '{e2}', '--num-records', '10', '--producer-acks', 'all', '--record-size', '5'],
      normalize: ['numbers'],
      state: [['kcat', '{e2}']],
    },
    { args: ['--bootstrap-server', B, '--topic', '{e3}', '--num-records', '5', '--producer-acks', '0', '--record-size', '5'] },
    // The clients' settings from a file, named and as the sixth positional argument.
    {
      args: [...named('{e4}', '5'), '--command-config', '@eprops'],
      normalize: ['numbers'],
      state: [['kcat', '{e4}']],
    },
    { args: [B, '{e5}', '5', 'all', '3', '@eprops'], normalize: ['numbers'], state: [['kcat', '{e5}']] },
    // Keys and headers: the records carry them (kcat -J: an empty key is told apart from none).
    {
      args: [
        ...named('{e6}', '4'),
        '--record-key-size',
        '3',
        '--num-headers',
        '2',
        '--record-header-key-size',
        '2',
        '--record-header-size',
        '5',
      ],
      normalize: ['numbers'],
      state: [['kcat-json', '{e6}']],
    },
    // No key size: the original still sends a key, an empty one; a header value of -1 is null, a key size of 0 an empty key.
    {
      args: [...named('{e7}', '4'), '--num-headers', '3', '--record-header-size', '-1'],
      normalize: ['numbers'],
      state: [['kcat-json', '{e7}']],
    },
    {
      args: [...named('{e8}', '2'), '--record-key-size', '0', '--num-headers', '1', '--record-header-key-size', '4'],
      normalize: ['numbers'],
      state: [['kcat-json', '{e8}']],
    },
    // Refused: negative sizes and counts.
    { args: [...named('{e8}', '2'), '--record-key-size', '-1'] },
    { args: [...named('{e8}', '2'), '--num-headers', '-1'] },
    { args: [...named('{e8}', '2'), '--record-header-key-size', '-1'] },
    { args: [...named('{e8}', '2'), '--record-header-size', '-2'] },
  ],
};
