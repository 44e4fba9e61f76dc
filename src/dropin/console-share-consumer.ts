/**
 * kafka-console-share-consumer.sh (ConsoleShareConsumer, Kafka 4.3), drop-in as `ktool share-consume
 * ...` (consume's --topic/--group spelling is kafka-console-consumer.sh's): `consume --share-group`
 * underneath, with DefaultMessageFormatter's lines (print.delivery too), `Processed a total of N
 * messages` on stderr, --release/--reject as the acknowledgement of what was written, and the
 * original's TimeoutException line when --timeout-ms ends reading.
 */
import type { ConsumeOptions } from '../commands/consume/options.js';
import { CONSOLE_DESERIALIZERS, CONSOLE_FORMATTERS, fileItems, split } from '../commands/consume/console-consumer.js';
import { javaHashMapOrder } from './java-hash-order.js';
import { has, unsupportedGiven, valueOf, type JoptOption, type JoptResult } from './jopt.js';
import { UsageExit, type DropinScript } from './script.js';

const switchOf = (name: string, unsupported?: string): JoptOption => ({ name, value: false, unsupported });
const valued = (name: string, unsupported?: string): JoptOption => ({ name, value: true, unsupported });

export const CONSOLE_SHARE_CONSUMER_OPTIONS: readonly JoptOption[] = [
  valued('bootstrap-server'),
  valued('command-config'),
  valued('command-property'),
  valued('consumer-config'),
  valued('consumer-property'),
  switchOf('enable-systest-events'),
  valued('formatter'),
  valued('formatter-config'),
  valued('formatter-property'),
  valued('group'),
  switchOf('help'),
  valued('key-deserializer'),
  valued('max-messages'),
  valued('property'),
  switchOf('reject'),
  // Rejects a record its formatter fails on: ktool's (DefaultMessageFormatter's lines of strings) never fails.
  switchOf('reject-message-on-error'),
  switchOf('release'),
  valued('timeout-ms'),
  valued('topic'),
  valued('value-deserializer'),
  switchOf('version'),
];

/** The consumer settings ktool's share consumer takes from --command-config and --command-property. */
const USED = new Set(['group.id']);

/** What the consumer properties decide (ConsoleShareConsumerOptions' checks, in its order). */
interface ShareConsumerSettings {
  group: string;
  /** The deprecation lines (stdout, first). */
  deprecations: string[];
  /** Consumer settings ktool has no use for, named on stderr. */
  ignored: string[];
}

export function shareConsumerSettings(o: JoptResult): ShareConsumerSettings {
  const both = (a: string, b: string) => {
    if (has(o, a) && has(o, b)) throw new UsageExit(`Options --${a} and --${b} cannot be specified together.`);
  };
  both('consumer-property', 'command-property');
  both('consumer-config', 'command-config');
  const line = (old: string, use: string) => `Option --${old} is deprecated and will be removed in a future version. Use --${use} instead.`;
  const deprecations = [
    ...(has(o, 'consumer-property') ? [line('consumer-property', 'command-property')] : []),
    ...(has(o, 'consumer-config') ? [line('consumer-config', 'command-config')] : []),
  ];
  const file = valueOf(o, 'command-config') ?? valueOf(o, 'consumer-config');
  const fromFile = new Map(file === undefined ? [] : fileItems(file, '--command-config'));
  const inline = new Map((o.values.get('command-property') ?? o.values.get('consumer-property') ?? []).map(split));
  // Every place a group id is given must name the same one (the original lists them as its HashSet holds them).
  const ids = [valueOf(o, 'group'), fromFile.get('group.id'), inline.get('group.id')].filter((g) => g !== undefined);
  const distinct = [...new Set(ids)];
  if (distinct.length > 1)
    throw new UsageExit(
      "The group ids provided in different places (directly using '--group', via '--consumer-property', or via " +
        `'--consumer-config') do not match. Detected group ids: ${javaHashMapOrder(distinct, 16)
          .map((g) => `'${g}'`)
          .join(', ')}`,
    );
  const ignored = [...inline.keys()].filter((k) => !USED.has(k));
  return { group: distinct[0] ?? 'console-share-consumer', deprecations, ignored };
}

export const CONSOLE_SHARE_CONSUMER: DropinScript = {
  script: 'kafka-console-share-consumer.sh',
  options: CONSOLE_SHARE_CONSUMER_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  unsupported(parsed) {
    const formatter = valueOf(parsed, 'formatter');
    const classes = [
      ...(formatter !== undefined && !CONSOLE_FORMATTERS.has(formatter)
        ? [{ name: 'formatter', unsupported: `${formatter}: DefaultMessageFormatter only` }]
        : []),
      ...['key-deserializer', 'value-deserializer']
        .map((name) => ({ name, cls: valueOf(parsed, name) }))
        .filter(({ cls }) => cls !== undefined && !CONSOLE_DESERIALIZERS.has(cls))
        .map(({ name, cls }) => ({ name, unsupported: `${cls}: StringDeserializer only (ktool prints the bytes as UTF-8)` })),
    ];
    return [...unsupportedGiven(parsed, CONSOLE_SHARE_CONSUMER_OPTIONS), ...classes];
  },
  connection: (parsed) => ({
    bootstrapServer: valueOf(parsed, 'bootstrap-server'),
    commandConfig: valueOf(parsed, 'command-config') ?? valueOf(parsed, 'consumer-config'),
    commandConfigKeys: (key) => USED.has(key),
  }),
  async run(o, ctx, out) {
    if (has(o, 'help')) {
      const { wordHelp } = await import('./words.js');
      await out.stdout(wordHelp((await import('./share-words.js')).SHARE_CONSUME_WORD));
      return 0;
    }
    const topic = valueOf(o, 'topic');
    if (topic === undefined) throw new UsageExit('--topic is a required argument');
    if (has(o, 'release') && has(o, 'reject')) throw new UsageExit('At most one of --reject and --release may be specified.');
    const { group, deprecations, ignored } = shareConsumerSettings(o);
    if (has(o, 'property') && has(o, 'formatter-property'))
      throw new UsageExit('Options --property and --formatter-property cannot be specified together.');
    const consume = await import('../commands/consume/consume.js');
    const options: ConsumeOptions = consume.parse([], {
      topic: [topic],
      shareGroup: group,
      maxMessages: valueOf(o, 'max-messages'),
      timeoutMs: valueOf(o, 'timeout-ms'),
      property: o.values.get('property'),
      formatterProperty: o.values.get('formatter-property'),
      formatterConfig: valueOf(o, 'formatter-config'),
    } as never);
    options.console = {
      propertyWarning: has(o, 'property'),
      deprecations,
      ignored,
      systestEvents: has(o, 'enable-systest-events'),
      timeoutLogger: 'org.apache.kafka.tools.consumer.ConsoleShareConsumer',
    };
    options.shareAck = has(o, 'release') ? 'release' : has(o, 'reject') ? 'reject' : 'accept';
    const result = await consume.run(options, ctx);
    return result?.exitCode ?? 0;
  },
};
