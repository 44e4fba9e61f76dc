/**
 * kafka-console-consumer.sh's own flags (ConsoleConsumer, Kafka 4.3.1) on `ktool consume --topic T`:
 * the consumer properties (--consumer-property, --command-property, the --command-config and
 * --consumer.config files) that decide what is read (group.id, auto.offset.reset, isolation.level),
 * the formatter's (DefaultMessageFormatter's --formatter-config file), the deserializers that print
 * what ktool prints (StringDeserializer), --enable-systest-events' closing line, and --version.
 * Consumer settings ktool has no use for are named on stderr, not silently dropped.
 */
import { parseProperties } from '../../config/properties.js';
import { defineOptions } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import { readUserFileSync } from '../../util/read-user-file.js';
import { log4jPrefix } from '../../util/log4j-prefix.js';

const d = (text: string) => `kafka-console-consumer: ${text}`;

/** Hidden: the original's spelling, documented by its own --help (README's drop-in table names them). */
export const CONSOLE_CONSUMER_OPTIONS = defineOptions([
  { flags: '--consumer-property <key=value>', description: d('consumer setting (deprecated there)'), repeatable: true, hidden: true },
  {
    flags: '--command-property <key=value>',
    description: d('consumer setting: group.id, auto.offset.reset, isolation.level'),
    repeatable: true,
    hidden: true,
  },
  { flags: '--consumer.config <file>', description: d('consumer properties file (deprecated there: --command-config)'), hidden: true },
  { flags: '--enable-systest-events', description: d('print shutdown_complete at the end'), hidden: true },
  { flags: '--formatter <class>', description: d("Kafka's DefaultMessageFormatter (ktool's only one)"), hidden: true },
  { flags: '--formatter-config <file>', description: d('formatter properties file (--formatter-property wins)'), hidden: true },
  { flags: '--key-deserializer <class>', description: d("StringDeserializer (keys printed as they are, ktool's way)"), hidden: true },
  { flags: '--value-deserializer <class>', description: d("StringDeserializer (values printed as they are, ktool's way)"), hidden: true },
  { flags: '--skip-message-on-error', description: d('skip a record that fails to format (none does in ktool)'), hidden: true },
  { flags: '--version', description: d('print the Kafka version whose console consumer this spelling follows'), hidden: true },
]);

/** Kafka's DefaultMessageFormatter, Kafka 4's and Kafka 3's names: ktool's way of printing records (console-format.ts). */
export const CONSOLE_FORMATTERS: ReadonlySet<string> = new Set([
  'org.apache.kafka.tools.consumer.DefaultMessageFormatter',
  'kafka.tools.DefaultMessageFormatter',
]);
/** Deserializers whose toString prints what ktool prints (the bytes as UTF-8). */
export const CONSOLE_DESERIALIZERS: ReadonlySet<string> = new Set(['org.apache.kafka.common.serialization.StringDeserializer']);
/** The consumer settings that change what is read: the rest of a file or --command-property is named as ignored. */
const USED = new Set(['group.id', 'auto.offset.reset', 'isolation.level']);

export interface ConsoleConsumerFlags {
  group?: string;
  fromBeginning?: boolean;
  offset?: string[];
  isolationLevel?: 'read_committed' | 'read_uncommitted';
  formatterProperty?: string[];
  commandConfig?: string;
  commandConfigKeys?: (key: string) => boolean;
  consumerProperty?: string[];
  commandProperty?: string[];
  'consumer.config'?: string;
  formatter?: string;
  formatterConfig?: string;
  keyDeserializer?: string;
  valueDeserializer?: string;
}

/** A properties file's entries (--command-config, --formatter-config), in the file's order. */
export const fileItems = (path: string, what: string) => [...parseProperties(readUserFileSync(path, what)).entries()];

/** A --command-property (--consumer-property) item: key=value. */
export function split(item: string): [string, string] {
  const eq = item.indexOf('=');
  if (eq <= 0) throw new UsageError(`--command-property expects key=value, got "${item}"`);
  return [item.slice(0, eq).trim(), item.slice(eq + 1).trim()];
}

/** ConsoleConsumer 4.3's deprecation lines (stdout, first) and its refusal of an option beside its replacement. */
export function consoleConsumerDeprecations(f: ConsoleConsumerFlags): string[] {
  if (f.consumerProperty?.length && f.commandProperty?.length)
    throw new UsageError('Options --consumer-property and --command-property cannot be specified together.');
  if (f['consumer.config'] !== undefined && f.commandConfig !== undefined)
    throw new UsageError('Options --consumer.config and --command-config cannot be specified together.');
  const line = (old: string, use: string) => `Option ${old} is deprecated and will be removed in a future version. Use ${use} instead.`;
  return [
    ...(f.consumerProperty?.length ? [line('--consumer-property', '--command-property')] : []),
    ...(f['consumer.config'] !== undefined ? [line('--consumer.config', '--command-config')] : []),
  ];
}

/**
 * The console flags applied to consume's own (`f` is the command's flag object: group, offset start,
 * isolation and formatter properties are set on it; the properties file becomes the connection's
 * --command-config, its consumer keys not reported as unknown). Returns the settings it ignores.
 */
export function applyConsoleConsumerFlags(f: ConsoleConsumerFlags): string[] {
  if (f.formatter !== undefined && !CONSOLE_FORMATTERS.has(f.formatter))
    throw new UsageError(`--formatter ${f.formatter}: ktool formats records as Kafka's DefaultMessageFormatter only`);
  for (const [flag, cls] of [
    ['--key-deserializer', f.keyDeserializer],
    ['--value-deserializer', f.valueDeserializer],
  ] as const)
    if (cls !== undefined && !CONSOLE_DESERIALIZERS.has(cls))
      throw new UsageError(`${flag} ${cls}: ktool prints the bytes as UTF-8 text, as StringDeserializer only`);
  const file = f.commandConfig ?? f['consumer.config'];
  if (file !== undefined) {
    f.commandConfig = file;
    f.commandConfigKeys = (key) => USED.has(key);
  }
  const props = [
    ...(file === undefined ? [] : fileItems(file, '--command-config').filter(([k]) => USED.has(k))),
    ...[...(f.consumerProperty ?? []), ...(f.commandProperty ?? [])].map(split),
  ];
  const ignored: string[] = [];
  for (const [key, value] of props) {
    if (key === 'group.id') f.group ??= value;
    else if (key === 'isolation.level') f.isolationLevel ??= isolation(value);
    else if (key === 'auto.offset.reset') {
      if (value !== 'earliest' && value !== 'latest' && value !== 'none')
        throw new UsageError(`auto.offset.reset must be earliest, latest or none, got "${value}"`);
      if (value === 'earliest' && f.offset === undefined) f.fromBeginning = true;
    } else ignored.push(key);
  }
  applyFormatterConfig(f);
  return ignored;
}

/**
 * --formatter-config FILE under the formatter's command-line properties: the file's first, then
 * --property's and --formatter-property's (which the original puts over the file).
 */
export function applyFormatterConfig(f: { formatterConfig?: string; property?: string[]; formatterProperty?: string[] }): void {
  if (f.formatterConfig === undefined) return;
  f.formatterProperty = [
    ...fileItems(f.formatterConfig, '--formatter-config').map(([k, v]) => `${k}=${v}`),
    ...(f.property ?? []),
    ...(f.formatterProperty ?? []),
  ];
}

function isolation(value: string): 'read_committed' | 'read_uncommitted' {
  if (value === 'read_committed' || value === 'read_uncommitted') return value;
  throw new UsageError(`isolation.level must be read_committed or read_uncommitted, got "${value}"`);
}

/**
 * What kafka-console-consumer.sh (and -share-consumer.sh) print on stderr when --timeout-ms ends
 * reading: the tool's receive throws a TimeoutException without a message, which it logs as an
 * ERROR through Kafka's config/tools-log4j2.yaml (`[%d] %p %m (%c)%n`, the date in the local zone),
 * the exception on the next line as log4j2 renders one without a message or stack trace.
 */
export function consoleTimeoutError(logger: string, now: number): string {
  return (
    `${log4jPrefix(now, 'ERROR')}Error processing message, terminating consumer process:  (${logger})\n` +
    'org.apache.kafka.common.errors.TimeoutException: null\n'
  );
}
