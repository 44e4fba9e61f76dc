import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'groups',
  description: 'list, describe, reset and delete consumer groups, classic and KIP-848 (kafka-consumer-groups.sh spellings work too)',
  order: ['list', 'describe', 'reset-offsets', 'delete', 'delete-offsets'],
  notes: `kafka-consumer-groups.sh spellings are accepted:
  ktool groups --list
  ktool groups --describe --group g [--members|--state] [--verbose]
  ktool groups --reset-offsets --group g --topic t --to-earliest --execute
  ktool groups --delete --group g
  ktool groups --delete-offsets --group g --topic t
kafka-share-groups.sh spellings are \`ktool share-groups\` (same flags, same output; ktool share-groups --help):
  ktool share-groups --bootstrap-server B --list [--state]
  ktool share-groups --bootstrap-server B --describe --group g [--members|--state] [--verbose]`,
});
