/**
 * `--version` in a kafka-*.sh spelling: the version of the Kafka whose tool the spelling follows, as
 * the original prints it (CommandLineUtils.printVersionAndExit: AppInfoParser's version on stdout,
 * exit 0; kafka-transactions.sh's argparse4j adds the commit), never ktool's own (`ktool --version`).
 * Two places ask it, for every script alike: main (`ktool WORDS --version`, the flag alone, before
 * the command tree: the original's whole command line) and runDropin (`--version` among the
 * original's other options, after its parse, as the original checks it). Loads nothing.
 */
import { DEFAULT_KAFKA_VERSION } from '../local/versions.js';

/** AppInfoParser's commit id of Kafka 4.3.1 (kafka-clients' kafka/kafka-version.properties), whose tools the spellings follow. */
const KAFKA_COMMIT = '26b251a451ce941d';

/** What `--version` prints (a line), per script: the jopt-simple tools the version alone. */
export function kafkaVersionLine(script: string): string {
  return script === 'kafka-transactions.sh' ? `${DEFAULT_KAFKA_VERSION} (Commit:${KAFKA_COMMIT})\n` : `${DEFAULT_KAFKA_VERSION}\n`;
}

/**
 * ktool's words for each kafka-*.sh script whose --help lists --version, with its script name.
 * kafka-producer-perf-test.sh, kafka-metadata-quorum.sh and kafka-features.sh have no --version
 * (their originals refuse it), and kafka-e2e-latency.sh's alone is five positional arguments too
 * few (its drop-in says so, as the original does): none of the four is here.
 */
const WORDS: Readonly<Record<string, string>> = {
  topics: 'kafka-topics.sh',
  produce: 'kafka-console-producer.sh',
  consume: 'kafka-console-consumer.sh',
  offsets: 'kafka-get-offsets.sh',
  configs: 'kafka-configs.sh',
  groups: 'kafka-consumer-groups.sh',
  'dump-log': 'kafka-dump-log.sh',
  'partitions reassign': 'kafka-reassign-partitions.sh',
  'partitions elect-leaders': 'kafka-leader-election.sh',
  transactions: 'kafka-transactions.sh',
  'perf consume': 'kafka-consumer-perf-test.sh',
  tokens: 'kafka-delegation-tokens.sh',
  'delete-records': 'kafka-delete-records.sh',
  'cluster log-dirs': 'kafka-log-dirs.sh',
  'cluster api-versions': 'kafka-broker-api-versions.sh',
  acls: 'kafka-acls.sh',
  'share-groups': 'kafka-share-groups.sh',
  'share-consume': 'kafka-console-share-consumer.sh',
};

/**
 * `ktool WORDS --version` (kafka-transactions.sh's `-v` too): the original's `kafka-X.sh --version`,
 * so its line; undefined for any other command line (`ktool --version` is ktool's, and a ktool verb,
 * `ktool topics list --version`, is ktool's command, which has no such option).
 */
export function originalVersionLine(argv: readonly string[]): string | undefined {
  const flag = argv.at(-1);
  const words = argv.slice(0, -1).join(' ');
  if (flag !== '--version' && !(flag === '-v' && words === 'transactions')) return undefined;
  const script = Object.hasOwn(WORDS, words) ? WORDS[words] : undefined;
  return script === undefined ? undefined : kafkaVersionLine(script);
}
