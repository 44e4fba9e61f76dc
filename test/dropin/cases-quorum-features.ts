/**
 * The differential harness's cases for kafka-metadata-quorum.sh (MetadataQuorumCommand, on the
 * three-node cluster: three combined broker+controller nodes, so three voters) and kafka-features.sh
 * (FeatureCommand). Changes of feature levels are --dry-run only (validated by the controller,
 * nothing changed) or to the level the shared cluster already has: a real upgrade and downgrade run
 * on a cluster of their own (test/admin/features.int.test.ts). 'metadata-offsets' normalises what
 * moves with the metadata log between the two runs: high watermark, log end offsets, lags, fetch
 * and caught-up times, and the finalized features' epoch.
 */
import type { Script } from './cases.js';

const B = 'B';
/**
 * Inherent: without a sub-command word the line is ktool's own spelling too (`--bootstrap-server` is ktool's -b), which
 * describes by default; Kafka's tool refuses it (too few arguments, exit 1). An unknown word is the original's (detect.ts).
 */
const BARE =
  "no sub-command: the line is also ktool's own `cluster quorum|features --bootstrap-server B`, which describes " +
  "(exit 0); Kafka's tool refuses it (too few arguments, exit 1)";

export const METADATA_QUORUM: Script = {
  script: 'kafka-metadata-quorum.sh',
  cluster: 'three',
  helpFlags: [
    'bootstrap-controller',
    'bootstrap-server',
    'command-config',
    'controller-directory-id',
    'controller-id',
    'dry-run',
    'help',
    'human-readable',
    'replication',
    'status',
  ],
  mainClass: 'org.apache.kafka.tools.MetadataQuorumCommand',
  noun: ['cluster', 'quorum'],
  files: { quorumProps: 'client.id=dropin-quorum\n' },
  setup: [],
  cases: [
    { args: ['--bootstrap-server', B, 'describe', '--status'], normalize: ['metadata-offsets'] },
    { args: ['--bootstrap-server', B, 'describe', '--replication'], normalize: ['metadata-offsets'] },
    { args: ['--bootstrap-server', B, 'describe', '--replication', '--human-readable'], normalize: ['metadata-offsets'] },
    { args: ['--bootstrap-server', B, 'describe', '--repl'], normalize: ['metadata-offsets'] },
    { args: ['--bootstrap-server', B, 'describe'] },
    { args: ['--bootstrap-server', B, 'describe', '--status', '--replication'] },
    { args: ['--bootstrap-server', B, 'describe', '--status', '--human-readable'] },
    { args: ['--bootstrap-server', B, 'describe', '--bogus'] },
    { args: ['--bootstrap-server', B, 'bogus'] },
    { args: ['--bootstrap-server', B], normalize: ['metadata-offsets'], differs: { fields: ['stdout', 'stderr', 'code'], why: BARE } },
    { args: ['--bootstrap-server', B, '--bootstrap-controller', B, 'describe', '--status'] },
    { args: ['--bootstrap-server', B, '--command-config', '@quorumProps', 'describe', '--status'], normalize: ['metadata-offsets'] },
    {
      args: [
        '--bootstrap-server',
        B,
        'remove-controller',
        '--controller-id',
        '1',
        '--controller-directory-id',
        'AAAAAAAAAAAAAAAAAAAAAQ',
        '--dry-run',
      ],
    },
    { args: ['--bootstrap-server', B, 'remove-controller', '-i', '2', '-d', 'AAAAAAAAAAAAAAAAAAAAAA', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'remove-controller', '-i', '2', '-d', 'xyz', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'remove-controller', '-i', '-1', '-d', 'AAAAAAAAAAAAAAAAAAAAAA', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'remove-controller', '-i', '2'] },
    // Not implemented by ktool (one line naming it, exit 1); Kafka's tool refuses it here too: no --command-config.
    { args: ['--bootstrap-server', B, 'add-controller'] },
  ],
};

export const FEATURES: Script = {
  script: 'kafka-features.sh',
  helpFlags: [
    'bootstrap-controller',
    'bootstrap-server',
    'command-config',
    'dry-run',
    'feature',
    'help',
    'metadata',
    'node-id',
    'release-version',
    'unsafe',
  ],
  mainClass: 'org.apache.kafka.tools.FeatureCommand',
  noun: ['cluster', 'features'],
  files: { featuresProps: 'client.id=dropin-features\n' },
  setup: [],
  cases: [
    { args: ['--bootstrap-server', B, 'describe'], normalize: ['metadata-offsets'] },
    { args: ['--bootstrap-server', B, 'describe', '--node-id', '1'], normalize: ['metadata-offsets'] },
    { args: ['--bootstrap-server', B, 'describe', '--node-id', '-1'] },
    { args: ['--bootstrap-server', B, 'upgrade', '--feature', 'group.version=1', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'upgrade', '--feature', 'group.version=1', '--feature', 'transaction.version=5', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'upgrade', '--feature', 'bogus.version=1', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'upgrade', '--release-version', '4.3-IV0', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'upgrade', '--release-version', '3.9', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'upgrade', '--release-version', '4.4-IV0', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'upgrade', '--release-version', '2.8'] },
    { args: ['--bootstrap-server', B, 'upgrade', '--release-version', '4.3', '--feature', 'group.version=1'] },
    { args: ['--bootstrap-server', B, 'upgrade', '--metadata', '4.3-IV0', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'upgrade', '--metadata', '4.3-IV0', '--feature', 'metadata.version=30', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'upgrade', '--feature', 'group.version'] },
    { args: ['--bootstrap-server', B, 'upgrade', '--feature', 'group.version=x'] },
    { args: ['--bootstrap-server', B, 'upgrade', '--feature', 'group.version=1', '--feature', 'group.version=1'] },
    { args: ['--bootstrap-server', B, 'upgrade'] },
    // The level the shared cluster has already: applied, nothing changes.
    { args: ['--bootstrap-server', B, 'upgrade', '--feature', 'group.version=1'] },
    { args: ['--bootstrap-server', B, 'downgrade', '--feature', 'group.version=0', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'downgrade', '--feature', 'transaction.version=1', '--unsafe', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'downgrade', '--release-version', '4.2-IV1', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'downgrade', '--metadata', '4.0-IV3', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'disable', '--feature', 'share.version', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'disable', '--feature', 'share.version', '--feature', 'streams.version', '--unsafe', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'disable', '--dry-run'] },
    { args: ['--bootstrap-server', B, 'version-mapping'] },
    { args: ['--bootstrap-server', B, 'version-mapping', '--release-version', '3.3-IV3'] },
    { args: ['--bootstrap-server', B, 'version-mapping', '--release-version', '3.9'] },
    { args: ['--bootstrap-server', B, 'version-mapping', '--release-version', '4.0-IV1'] },
    { args: ['--bootstrap-server', B, 'version-mapping', '--release-version', '4.4-IV0'] },
    { args: ['--bootstrap-server', B, 'version-mapping', '--release-version', '4.4'] },
    { args: ['--bootstrap-server', B, 'version-mapping', '--release-version', '3.2-IV0'] },
    {
      args: [
        '--bootstrap-server',
        B,
        'feature-dependencies',
        '--feature',
        'eligible.leader.replicas.version=1',
        '--feature',
        'metadata.version=21',
        '--feature',
        'transaction.version=2',
      ],
    },
    { args: ['--bootstrap-server', B, 'feature-dependencies', '--feature', 'group.version=5'] },
    { args: ['--bootstrap-server', B, 'feature-dependencies', '--feature', 'kraft.version=1', '--feature', 'bogus=1'] },
    { args: ['--bootstrap-server', B, 'feature-dependencies', '--feature', 'metadata.version=99'] },
    { args: ['--bootstrap-server', B, 'feature-dependencies'] },
    { args: ['--bootstrap-server', B, 'bogus'] },
    { args: ['--bootstrap-server', B], normalize: ['metadata-offsets'], differs: { fields: ['stdout', 'stderr', 'code'], why: BARE } },
    { args: ['--bootstrap-server', B, '--bootstrap-controller', B, 'describe'] },
    { args: ['--bootstrap-server', B, '--command-config', '@featuresProps', 'describe'], normalize: ['metadata-offsets'] },
    { args: ['--bootstrap-server', B, 'describe', '--bogus'] },
  ],
};
