import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'profile',
  description: 'saved cluster connections (~/.config/ktool/config.yaml)',
  order: ['add', 'use', 'list', 'show', 'delete'],
});
