import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'perf',
  description:
    'benchmarks: producer throughput and latency, consumer throughput, end-to-end latency ' +
    '(kafka-producer-perf-test.sh, kafka-consumer-perf-test.sh, kafka-e2e-latency.sh spellings)',
  order: ['produce', 'consume', 'e2e'],
});
