import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'acls',
  description: 'list, create and delete ACLs (kafka-acls.sh spellings work too)',
  order: ['list', 'create', 'delete'],
  notes: `kafka-acls.sh spellings are accepted:
  ktool acls --add --allow-principal User:alice --operation Read --topic t
  ktool acls --remove --allow-principal User:alice --operation Read --topic t [--force]
  ktool acls --list [--topic t] [--principal User:alice]`,
});
