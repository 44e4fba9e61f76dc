/** The differential harness's cases for kafka-e2e-latency.sh (the table's types: cases.ts). */
import type { Script } from './cases.js';

const B = 'B';

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
