/** The differential harness's cases for kafka-get-offsets.sh (the table's types: cases.ts). */
import type { Script } from './cases.js';
import { LINES } from './cases-console-producer.js';

const B = 'B';

export const OFFSETS: Script = {
  script: 'kafka-get-offsets.sh',
  helpFlags: [
    'bootstrap-server',
    'command-config',
    'exclude-internal-topics',
    'help',
    'partitions',
    'time',
    'topic',
    'topic-partitions',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.GetOffsetShell',
  noun: ['offsets'],
  files: { props: 'client.id=dropin-get-offsets\n' },
  setup: [{ args: ['topics', 'create', '{=o1}', '-p', '3'] }, { args: ['produce', '{=o1}', '--key-separator', ':'], stdin: LINES }],
  cases: [
    { args: ['--bootstrap-server', B, '--topic', '{=o1}'] },
    { args: ['--bootstrap-server', B, '--topic', '{=o1}', '--time', '-2'] },
    { args: ['--bootstrap-server', B, '--topic', '{=o1}', '--time', 'latest'] },
    { args: ['--bootstrap-server', B, '--topic', '{=o1}', '--partitions', '0,2'] },
    { args: ['--bootstrap-server', B, '--topic-partitions', '{=o1}:1'] },
    // Nothing matches: GetOffsetShell's 'Error occurred: Could not match any topic-partitions ...', exit 1.
    { args: ['--bootstrap-server', B, '--topic', '{=nope}'] },
    { args: ['--bootstrap-server', B, '--topic-partitions', '{=nope}:0'] },
    { args: ['--bootstrap-server', B, '--topic', '{=nope}.*'] },
    { args: ['--bootstrap-server', B, '--topic', '{=o1}', '--command-config', '@props'] },
    { args: ['--bootstrap-server', B, '--topic', '{=o1}', '--exclude-internal-topics'] },
    // Internal topics left out even when named or matched (the form without --topic lists every topic of the shared broker).
    { args: ['--bootstrap-server', B, '--topic', '__consumer_offsets|{=o1}', '--exclude-internal-topics', '--time', '-2'] },
    { args: ['--bootstrap-server', B, '--topic', '__consumer_offsets', '--exclude-internal-topics'] },
    { args: ['--bootstrap-server', B, '--topic-partitions', '__consumer_offsets:0,{=o1}:2', '--exclude-internal-topics'] },
    { args: ['--bootstrap-server', B, '--topic', '__consumer_offsets', '--partitions', '0', '--time', '-2'] },
  ],
};
