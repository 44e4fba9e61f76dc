/**
 * The differential harness's cases for kafka-console-share-consumer.sh (ConsoleShareConsumer) as
 * `ktool share-consume`: each case reads a one-partition topic (keyed records, so the lines' order is
 * the log's) as a share group of its own, made to start at the earliest offset in set-up.
 */
import type { Script } from './cases.js';

const B = 'B';
const GROUPS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'];
const STRING = 'org.apache.kafka.common.serialization.StringDeserializer';

export const CONSOLE_SHARE_CONSUMER: Script = {
  script: 'kafka-console-share-consumer.sh',
  helpFlags: [
    'bootstrap-server',
    'command-config',
    'command-property',
    'consumer-config',
    'consumer-property',
    'enable-systest-events',
    'formatter',
    'formatter-config',
    'formatter-property',
    'group',
    'help',
    'key-deserializer',
    'max-messages',
    'property',
    'reject',
    'reject-message-on-error',
    'release',
    'timeout-ms',
    'topic',
    'value-deserializer',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.consumer.ConsoleShareConsumer',
  noun: ['share-consume'],
  files: {
    props: 'client.id=dropin-share-consumer\n',
    formatter: 'print.key=true\nkey.separator=|\nprint.offset=false\n',
    group9: 'group.id={c9}\nclient.id=dropin-share-consumer\n',
  },
  setup: [
    { args: ['topics', 'create', '{=ct}', '-p', '1'] },
    { args: ['produce', '{=ct}', '--key-separator', ':'], stdin: 'k1:a\nk2:b\nk3:c\nk4:d\n' },
    ...GROUPS.map((g) => ({
      args: ['configs', 'alter', '--entity-type', 'groups', '--entity-name', `{${g}}`, '--add-config', 'share.auto.offset.reset=earliest'],
    })),
  ],
  cases: [
    {
      args: [
        ...['--bootstrap-server', B, '--topic', '{=ct}', '--group', '{c1}', '--max-messages', '2'],
        ...['--property', 'print.key=true', '--property', 'print.offset=true', '--property', 'print.delivery=true'],
      ],
    },
    {
      args: [
        ...['--bootstrap-server', B, '--topic', '{=ct}', '--group', '{c2}', '--max-messages', '3', '--command-config', '@props'],
        ...['--formatter', 'org.apache.kafka.tools.consumer.DefaultMessageFormatter'],
        ...[
          '--formatter-property',
          'print.partition=true',
          '--formatter-property',
          'key.separator=|',
          '--formatter-property',
          'print.key=true',
        ],
      ],
    },
    { args: ['--bootstrap-server', B, '--topic', '{=ct}', '--group', '{c3}', '--max-messages', '4', '--consumer-config', '@props'] },
    { args: ['--bootstrap-server', B, '--topic', '{=ct}', '--group', '{c4}', '--max-messages', '2', '--reject'] },
    {
      args: ['--bootstrap-server', B, '--topic', '{=ct}', '--group', '{c5}', '--max-messages', '2', '--release'],
      // Released: the next member of the group gets the same records, delivered a second time.
      state: [['consume', '{=ct}', '--share-group', '{c5}', '-n', '2']],
    },
    { args: ['--bootstrap-server', B, '--topic', '{=ct}', '--group', '{c6}', '--timeout-ms', '15000'] },
    { args: ['--bootstrap-server', B, '--group', '{c7}'] },
    // The group from --command-property; the formatter's file under --formatter-property; String deserializers
    // (what ktool prints); a formatter that never fails (nothing to reject); the closing systest event.
    {
      args: [
        ...['--bootstrap-server', B, '--topic', '{=ct}', '--command-property', 'group.id={c8}', '--max-messages', '3'],
        ...['--formatter-config', '@formatter', '--formatter-property', 'print.offset=true'],
        ...['--key-deserializer', STRING, '--value-deserializer', STRING, '--reject-message-on-error', '--enable-systest-events'],
      ],
    },
    // The deprecated spellings (their lines on stdout first), one group id in three places.
    {
      args: [
        ...['--bootstrap-server', B, '--topic', '{=ct}', '--group', '{c9}', '--consumer-property', 'group.id={c9}'],
        ...['--consumer-config', '@group9', '--max-messages', '1', '--property', 'print.key=true'],
      ],
    },
    { args: ['--bootstrap-server', B, '--topic', '{=ct}', '--group', '{c10}', '--command-property', 'group.id={c11}'] },
    { args: ['--bootstrap-server', B, '--topic', '{=ct}', '--consumer-property', 'a=b', '--command-property', 'c=d'] },
    { args: ['--bootstrap-server', B, '--topic', '{=ct}', '--consumer-config', '@props', '--command-config', '@props'] },
    { args: ['--bootstrap-server', B, '--topic', '{=ct}', '--bogus'] },
  ],
};
