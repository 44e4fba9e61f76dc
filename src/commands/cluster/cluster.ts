import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'cluster',
  description: 'cluster id, brokers, health, KRaft quorum, feature flags, log dirs and API versions',
  order: ['info', 'health', 'quorum', 'features', 'log-dirs', 'api-versions'],
});
