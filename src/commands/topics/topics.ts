import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'topics',
  description: 'list, describe, create, alter and delete topics (kafka-topics.sh spellings work too)',
  order: ['list', 'describe', 'create', 'alter', 'delete'],
  notes: `kafka-topics.sh spellings are accepted: ktool topics --create --topic t --partitions 3 --replication-factor 1 --config k=v
  ktool topics --list | --describe [--topic t] | --alter --topic t --partitions 6 | --delete --topic t`,
});
