import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'local',
  description: 'run a real Apache Kafka (KRaft) on this machine, no Docker',
  order: ['start', 'stop', 'status', 'list', 'delete', 'logs'],
});
