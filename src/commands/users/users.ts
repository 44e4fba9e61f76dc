import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'users',
  description: 'SCRAM users: list, create (or change the password of) and delete SCRAM-SHA-256/512 credentials',
  order: ['list', 'create', 'delete'],
});
