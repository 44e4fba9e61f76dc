/**
 * `ktool share-groups` (kafka-share-groups.sh) and `ktool share-consume`
 * (kafka-console-share-consumer.sh) described for their --help, completions and man pages
 * (words.ts); the flags are the drop-ins' own option tables.
 */
import { CONSOLE_SHARE_CONSUMER_OPTIONS } from './console-share-consumer.js';
import { SHARE_GROUPS_OPTIONS } from './share-groups.js';
import type { DropinWord } from './words.js';

const B = '--bootstrap-server localhost:9092';

export const SHARE_GROUPS_WORD: DropinWord = {
  word: 'share-groups',
  script: 'kafka-share-groups.sh',
  description: 'list, describe, reset and delete share groups (KIP-932) as kafka-share-groups.sh does, with its output',
  options: SHARE_GROUPS_OPTIONS,
  flags: {
    'all-groups': { help: 'apply to all share groups (--describe, --delete)' },
    'all-topics': { help: 'every topic the group has offsets for (--reset-offsets)' },
    'bootstrap-server': { arg: 'server', help: 'the broker(s) to connect to, HOST:PORT[,HOST:PORT...] (required)' },
    'command-config': { arg: 'file', help: "Kafka client properties (security settings), as the original's admin client takes them" },
    delete: { help: 'delete the share group(s)' },
    'delete-offsets': { help: 'delete the offsets of one share group for the --topic(s)' },
    describe: { help: 'describe the share group(s): offsets (the default), --members or --state' },
    'dry-run': { help: 'show the offsets --reset-offsets would set, change nothing' },
    execute: { help: 'set the offsets (--reset-offsets)' },
    group: { arg: 'group', help: 'the share group to act on' },
    help: { help: 'this help' },
    list: { help: 'list the share groups, one name a line (with --state: GROUP STATE)' },
    members: { help: "with --describe: the group's members and their assignments" },
    offsets: { help: 'with --describe: partitions with their start offset and lag (the default)' },
    'reset-offsets': { help: 'reset the offsets of one share group, which must have no members (--dry-run or --execute)' },
    state: {
      arg: 'states',
      help: "with --describe: the group's state; with --list: the state column, or only groups in Empty,Stable,Dead",
    },
    timeout: { arg: 'ms', help: 'how long to wait for the group (default: 30000)' },
    'to-datetime': { arg: 'datetime', help: 'reset to the first offset at or after YYYY-MM-DDThh:mm:ss.sss' },
    'to-earliest': { help: 'reset to the earliest offset' },
    'to-latest': { help: 'reset to the latest offset' },
    topic: { arg: 'topic', help: 'the topic (TOPIC:0,1,2 for some partitions) to reset or delete offsets of', repeatable: true },
    verbose: { help: 'with --describe: more columns (leader epoch, member epoch, coordinator)' },
    version: { help: "Kafka's version" },
  },
  synopsis: [
    '--bootstrap-server B --list [--state [STATES]]',
    '--bootstrap-server B --describe --group G|--all-groups [--offsets|--members|--state] [--verbose]',
    '--bootstrap-server B --reset-offsets --group G --topic T[:0,1]|--all-topics ' +
      '--to-earliest|--to-latest|--to-datetime D --dry-run|--execute',
    '--bootstrap-server B --delete --group G|--all-groups',
    '--bootstrap-server B --delete-offsets --group G --topic T',
  ],
  notes: [
    'kafka-share-groups.sh (ShareGroupCommand, Kafka 4.3) as a drop-in: its flags, its tables and its lines, byte for byte; ' +
      'a failed action prints "Error: ..." on stdout and exits 0, as the original.',
    "ktool's own commands for share groups, with tables, JSON and YAML: ktool groups list|describe|reset-offsets|delete-offsets|delete.",
  ],
  examples: [
    `ktool share-groups ${B} --list`,
    `ktool share-groups ${B} --describe --group orders-workers --members`,
    `ktool share-groups ${B} --reset-offsets --group orders-workers --topic orders --to-earliest --execute`,
  ],
  exitCodes: [
    ['0', 'done, or a failed action reported in an "Error: ..." line on stdout (as the original)'],
    ['1', 'a usage error or a flag ktool does not support (one line on stderr), or --reset-offsets on a group with members'],
  ],
};

export const SHARE_CONSUME_WORD: DropinWord = {
  word: 'share-consume',
  script: 'kafka-console-share-consumer.sh',
  description: 'read records as a member of a share group (KIP-932) as kafka-console-share-consumer.sh does, with its output',
  options: CONSOLE_SHARE_CONSUMER_OPTIONS,
  flags: {
    'bootstrap-server': { arg: 'server', help: 'the broker(s) to connect to, HOST:PORT[,HOST:PORT...] (required)' },
    'command-config': { arg: 'file', help: 'Kafka consumer properties (security settings)' },
    'command-property': { arg: 'key=value', help: 'a consumer property', repeatable: true },
    'consumer-config': { arg: 'file', help: 'the same as --command-config (deprecated)' },
    'consumer-property': { arg: 'key=value', help: 'a consumer property (deprecated)', repeatable: true },
    'enable-systest-events': { help: 'system-test lifecycle events' },
    formatter: { arg: 'class', help: 'org.apache.kafka.tools.consumer.DefaultMessageFormatter, the only one' },
    'formatter-config': { arg: 'file', help: 'formatter properties from a file' },
    'formatter-property': {
      arg: 'prop',
      help:
        'a formatter property: print.key, print.offset, print.partition, print.timestamp, print.headers, print.delivery, ' +
        'print.value (=true or false), key.separator=..., line.separator=..., null.literal=...',
      repeatable: true,
    },
    group: { arg: 'group', help: 'the share group (default: console-share-consumer)' },
    help: { help: 'this help' },
    'key-deserializer': { arg: 'class', help: 'a Java deserializer class' },
    'max-messages': { arg: 'n', help: 'stop after n records' },
    property: { arg: 'prop', help: 'the same as --formatter-property (deprecated)', repeatable: true },
    reject: { help: 'reject each record written (never delivered again)' },
    'reject-message-on-error': { help: 'reject a record the formatter fails on' },
    release: { help: 'release each record written (delivered again, up to the delivery limit)' },
    'timeout-ms': { arg: 'ms', help: 'stop when no record has come for ms milliseconds' },
    topic: { arg: 'topic', help: 'the topic to read (required)' },
    'value-deserializer': { arg: 'class', help: 'a Java deserializer class' },
    version: { help: "Kafka's version" },
  },
  synopsis: [
    '--bootstrap-server B --topic T [--group G] [--max-messages N] [--timeout-ms MS] [--release|--reject] [--formatter-property P]...',
  ],
  notes: [
    'kafka-console-share-consumer.sh (ConsoleShareConsumer, Kafka 4.3) as a drop-in: its flags and its lines (DefaultMessageFormatter), ' +
      '"Processed a total of N messages" on stderr; each record is acknowledged once written (accepted, or --release/--reject). ' +
      'Where a new group starts is its share.auto.offset.reset config (latest unless set).',
    "ktool's own spelling, with kcat's formats and JSON: ktool consume --share-group G TOPIC.",
  ],
  examples: [
    `ktool share-consume ${B} --topic orders --group orders-workers`,
    `ktool share-consume ${B} --topic orders --group orders-workers --max-messages 10 --formatter-property print.key=true`,
  ],
  exitCodes: [
    ['0', "done: --max-messages read, or --timeout-ms passed (with the original's TimeoutException line on stderr)"],
    ['1', 'a usage error, a flag ktool does not support, a broker without share groups or one that cannot be reached (on stderr)'],
    ['130', 'interrupted (Ctrl-C)'],
  ],
};

export const DROPIN_WORDS: readonly DropinWord[] = [SHARE_GROUPS_WORD, SHARE_CONSUME_WORD];
