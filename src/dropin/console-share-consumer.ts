/**
 * kafka-console-share-consumer.sh (ConsoleShareConsumer, Kafka 4.3), drop-in as `ktool share-consume
 * ...` (consume's --topic/--group spelling is kafka-console-consumer.sh's): `consume --share-group`
 * underneath, with DefaultMessageFormatter's lines (print.delivery too), `Processed a total of N
 * messages` on stderr, --release/--reject as the acknowledgement of what was written, and the
 * original's TimeoutException line when --timeout-ms ends reading.
 */
import type { ConsumeOptions } from '../commands/consume/options.js';
import { has, unsupportedGiven, valueOf, type JoptOption } from './jopt.js';
import { UsageExit, type DropinScript } from './script.js';

const switchOf = (name: string, unsupported?: string): JoptOption => ({ name, value: false, unsupported });
const valued = (name: string, unsupported?: string): JoptOption => ({ name, value: true, unsupported });

export const CONSOLE_SHARE_CONSUMER_OPTIONS: readonly JoptOption[] = [
  valued('bootstrap-server'),
  valued('command-config'),
  valued('command-property', 'consumer properties on the command line: use --command-config FILE'),
  valued('consumer-config'),
  valued('consumer-property', 'consumer properties on the command line: use --command-config FILE'),
  switchOf('enable-systest-events', 'system-test lifecycle events'),
  valued('formatter'),
  valued('formatter-config', 'a formatter properties file: use --formatter-property'),
  valued('formatter-property'),
  valued('group'),
  switchOf('help'),
  valued('key-deserializer', 'Java deserializer classes'),
  valued('max-messages'),
  valued('property'),
  switchOf('reject'),
  switchOf('reject-message-on-error', 'formatting never fails in ktool: nothing to reject'),
  switchOf('release'),
  valued('timeout-ms'),
  valued('topic'),
  valued('value-deserializer', 'Java deserializer classes'),
  switchOf('version', "prints Kafka's version"),
];

const DEFAULT_FORMATTERS = new Set(['org.apache.kafka.tools.consumer.DefaultMessageFormatter', 'kafka.tools.DefaultMessageFormatter']);

/** What Java's log4j prints when the share consumer's poll times out (--timeout-ms): HH:mm:ss.SSS first. */
function timeoutError(): string {
  const time = new Date().toTimeString().slice(0, 8) + '.' + String(Date.now() % 1000).padStart(3, '0');
  return (
    `${time} [main] ERROR org.apache.kafka.tools.consumer.ConsoleShareConsumer - ` +
    'Error processing message, terminating consumer process: \n' +
    'org.apache.kafka.common.errors.TimeoutException: null\n'
  );
}

export const CONSOLE_SHARE_CONSUMER: DropinScript = {
  script: 'kafka-console-share-consumer.sh',
  options: CONSOLE_SHARE_CONSUMER_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  unsupported(parsed) {
    const formatter = valueOf(parsed, 'formatter');
    const custom = formatter !== undefined && !DEFAULT_FORMATTERS.has(formatter);
    return [
      ...unsupportedGiven(parsed, CONSOLE_SHARE_CONSUMER_OPTIONS),
      ...(custom ? [{ name: 'formatter', unsupported: `${formatter}: DefaultMessageFormatter only` }] : []),
    ];
  },
  connection: (parsed) => ({
    bootstrapServer: valueOf(parsed, 'bootstrap-server'),
    commandConfig: valueOf(parsed, 'command-config') ?? valueOf(parsed, 'consumer-config'),
  }),
  async run(o, ctx, out) {
    if (has(o, 'help')) {
      const { wordHelp } = await import('./words.js');
      await out.stdout(wordHelp((await import('./share-words.js')).SHARE_CONSUME_WORD));
      return 0;
    }
    const topic = valueOf(o, 'topic');
    if (topic === undefined) throw new UsageExit('--topic is a required argument');
    if (has(o, 'release') && has(o, 'reject')) throw new UsageExit('Option "[release]" can\'t be used with option "[reject]"');
    if (has(o, 'consumer-config'))
      await out.stdout('Option --consumer-config is deprecated and will be removed in a future version. Use --command-config instead.\n');
    const consume = await import('../commands/consume/consume.js');
    const options: ConsumeOptions = consume.parse([], {
      topic: [topic],
      shareGroup: valueOf(o, 'group') ?? 'console-share-consumer',
      maxMessages: valueOf(o, 'max-messages'),
      timeoutMs: valueOf(o, 'timeout-ms'),
      property: o.values.get('property'),
      formatterProperty: o.values.get('formatter-property'),
    } as never);
    options.console = { propertyWarning: has(o, 'property'), timeoutError };
    options.shareAck = has(o, 'release') ? 'release' : has(o, 'reject') ? 'reject' : 'accept';
    const result = await consume.run(options, ctx);
    return result?.exitCode ?? 0;
  },
};
