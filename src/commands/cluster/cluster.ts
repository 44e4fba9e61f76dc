import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'cluster',
  description: 'cluster id, brokers, features, health, log dirs and API versions',
  order: ['info', 'health', 'log-dirs', 'api-versions'],
});
