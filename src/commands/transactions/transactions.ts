import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'transactions',
  description: 'transactions and producer state: list, describe, describe-producers, find-hanging, abort (kafka-transactions.sh)',
  order: ['list', 'describe', 'describe-producers', 'find-hanging', 'abort'],
});
