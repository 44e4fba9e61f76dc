/**
 * The differential harness's cases for kafka-log-dirs.sh (LogDirsCommand) on the one-node cluster:
 * always with --topic-list of this run's topics (the sizes of other tests' topics change while the
 * sides run). Shared topics (read only): the partitions are listed in the order of Java's HashMap of
 * TopicPartition, by the names' hashes.
 */
import type { Script } from './cases.js';

const B = 'B';

export const LOG_DIRS: Script = {
  script: 'kafka-log-dirs.sh',
  helpFlags: ['bootstrap-server', 'broker-list', 'command-config', 'describe', 'help', 'topic-list', 'version'],
  mainClass: 'org.apache.kafka.tools.LogDirsCommand',
  noun: ['cluster', 'log-dirs'],
  files: { props: 'client.id=dropin-log-dirs\n' },
  setup: [
    { args: ['topics', 'create', '{=ld1}', '-p', '3'] },
    { args: ['topics', 'create', '{=ld2}'] },
    { args: ['produce', '{=ld1}', '--key-separator', ':'], stdin: 'k1:a\nk2:b\nk3:c\nk4:d\n' },
  ],
  cases: [
    { args: ['--bootstrap-server', B, '--describe', '--topic-list', '{=ld1}'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic-list', '{=ld1},{=ld2},{nope}'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic-list', '{=ld2}', '--broker-list', '1'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic-list', '{=ld1}', '--command-config', '@props'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic-list', '{=ld1}', '--broker-list', '1,7'] },
    { args: ['--bootstrap-server', B, '--describe', '--broker-list', 'x'] },
    { args: ['--bootstrap-server', B, '--topic-list', '{=ld1}'] },
    { args: ['--bootstrap-server', B, '--describe', '--topic-list', '{=ld1}', '--bogus'] },
  ],
};
