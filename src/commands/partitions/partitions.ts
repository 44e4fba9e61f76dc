import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'partitions',
  description: 'move partition replicas between brokers and elect leaders (kafka-reassign-partitions.sh, kafka-leader-election.sh)',
  order: ['reassign', 'elect-leaders'],
  notes: `The scripts' own command lines work too and print the scripts' lines (a line with --bootstrap-server and only the script's flags):
  ktool partitions reassign --bootstrap-server H --execute --reassignment-json-file plan.json --throttle 50000000
  ktool partitions elect-leaders --bootstrap-server H --election-type PREFERRED --all-topic-partitions`,
});
