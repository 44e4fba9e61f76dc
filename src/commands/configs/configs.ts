import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'configs',
  description:
    'describe and change topic, broker, group and client-metrics configs and client quotas (kafka-configs.sh spellings work too)',
  order: ['describe', 'alter'],
  notes: `kafka-configs.sh spellings are accepted:
  ktool configs --describe --entity-type topics --entity-name t [--all]
  ktool configs --alter --entity-type topics --entity-name t --add-config 'k1=v1,k2=[a,b]' --delete-config k3`,
});
