import { defineCommand } from '../../cli/spec.js';

// Called by the completion scripts; hidden from help, completions and man pages.
export const spec = defineCommand({
  command: '__complete',
  description: 'values for shell completion',
  hidden: true,
  order: ['topics', 'groups', 'share-groups', 'profiles', 'subjects', 'schema-ids'],
});
