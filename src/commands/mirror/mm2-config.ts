import { UsageError } from '../../errors.js';
import type { TopicSelection } from './options.js';
import { mm2Policy } from './rename.js';

/** One end as MirrorMaker 2 sees it: a bootstrap list and extra client properties. */
export interface Mm2Cluster {
  alias: string;
  bootstrap: string;
  /** Client properties (security.protocol, sasl.*, ssl.*) from a --from-config/--to-config file. */
  properties: Map<string, string>;
}

export interface Mm2Options {
  name: string;
  source: Mm2Cluster;
  target: Mm2Cluster;
  selection: TopicSelection;
  tasks: number;
  syncConfigs: boolean;
  replicationFactor: number;
  checkpoints: boolean;
  heartbeats: boolean;
}

export const MIRROR_CLASSES = {
  source: 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
  checkpoint: 'org.apache.kafka.connect.mirror.MirrorCheckpointConnector',
  heartbeat: 'org.apache.kafka.connect.mirror.MirrorHeartbeatConnector',
} as const;

const BYTES = 'org.apache.kafka.connect.converters.ByteArrayConverter';

/** The source alias --rename implies: `src.{topic}` means alias "src" (DefaultReplicationPolicy). */
export function aliasesFor(
  selection: TopicSelection,
  sourceAlias: string | undefined,
  targetAlias: string | undefined,
): { source: string; target: string } {
  const policy = mm2Policy(selection.rename);
  if (!policy.identity && sourceAlias && sourceAlias !== policy.alias) {
    throw new UsageError(
      `--source-alias ${sourceAlias} contradicts --rename '${selection.rename.pattern}' (alias ${policy.alias})`,
      'MirrorMaker 2 names copies SOURCE_ALIAS + separator + topic: give one of them',
    );
  }
  return { source: policy.identity ? (sourceAlias ?? 'source') : policy.alias, target: targetAlias ?? 'target' };
}

/**
 * The connector configs for one source->target flow: MirrorSourceConnector (the records), and
 * optionally MirrorCheckpointConnector (consumer offsets translated to the target) and
 * MirrorHeartbeatConnector (a heartbeat topic showing the flow is alive).
 */
export function mm2Connectors(o: Mm2Options): { name: string; config: Record<string, string> }[] {
  if (o.selection.topicsText.includes(',')) {
    throw new UsageError(
      `--topics '${o.selection.topicsText}' contains a comma, which MirrorMaker 2 reads as a list separator`,
      "use alternation instead: 'a|b'",
    );
  }
  const policy = mm2Policy(o.selection.rename);
  const common: Record<string, string> = {
    'source.cluster.alias': o.source.alias,
    'target.cluster.alias': o.target.alias,
    'source.cluster.bootstrap.servers': o.source.bootstrap,
    'target.cluster.bootstrap.servers': o.target.bootstrap,
    'key.converter': BYTES,
    'value.converter': BYTES,
    'header.converter': BYTES,
    'tasks.max': String(o.tasks),
    'replication.policy.class': policy.identity
      ? 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy'
      : 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy',
  };
  if (!policy.identity) common['replication.policy.separator'] = policy.separator;
  for (const [side, cluster] of [
    ['source', o.source],
    ['target', o.target],
  ] as const) {
    for (const [k, v] of cluster.properties) if (k !== 'bootstrap.servers') common[`${side}.cluster.${k}`] = v;
  }
  const rf = String(o.replicationFactor);
  const out = [
    {
      name: `${o.name}-source`,
      config: {
        ...common,
        'connector.class': MIRROR_CLASSES.source,
        topics: o.selection.topicsText,
        ...(o.selection.excludeText ? { 'topics.exclude': o.selection.excludeText } : {}),
        'replication.factor': rf,
        'offset-syncs.topic.replication.factor': rf,
        'sync.topic.configs.enabled': String(o.syncConfigs),
        'sync.topic.acls.enabled': 'false',
        'refresh.topics.interval.seconds': '30',
      },
    },
  ];
  if (o.checkpoints) {
    out.push({
      name: `${o.name}-checkpoint`,
      config: {
        ...common,
        'connector.class': MIRROR_CLASSES.checkpoint,
        groups: '.*',
        'checkpoints.topic.replication.factor': rf,
        'emit.checkpoints.interval.seconds': '10',
      } as never,
    });
  }
  if (o.heartbeats) {
    out.push({
      name: `${o.name}-heartbeat`,
      config: {
        ...common,
        'connector.class': MIRROR_CLASSES.heartbeat,
        'heartbeats.topic.replication.factor': rf,
        'emit.heartbeats.interval.seconds': '5',
      } as never,
    });
  }
  return out;
}
