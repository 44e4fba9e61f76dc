/**
 * kafka-log-dirs.sh (org.apache.kafka.tools.LogDirsCommand), drop-in: `ktool cluster log-dirs
 * --bootstrap-server B --describe [--topic-list a,b] [--broker-list 1,2]`. Its three lines byte for
 * byte: "Querying brokers ...", "Received log directory information from brokers 1,2,3" and the JSON
 * Jackson writes of its HashMaps (keys and lists in Java's iteration order: brokers and partitions
 * by hash, TopicPartition's `t-0` names). A broker of --broker-list not in the cluster: its ERROR
 * line on stderr, exit 1.
 */
import { KtoolError } from '../errors.js';
import type { LogDirDescription } from '../kafka/cluster-types.js';
import { javaHashMapOrder, javaHashOrder, javaTpHash } from './java-hash-order.js';
import { has, valueOf, type JoptOption } from './jopt.js';
import { UsageExit, type DropinScript } from './script.js';

export const LOG_DIRS_OPTIONS: readonly JoptOption[] = [
  { name: 'bootstrap-server', value: true },
  { name: 'broker-list', value: true },
  { name: 'command-config', value: true },
  { name: 'describe', value: false },
  { name: 'help', value: false, unsupported: 'see ktool cluster log-dirs --help' },
  { name: 'topic-list', value: true },
  { name: 'version', value: false },
];

class Failed extends Error {}

const split = (v: string | undefined) => (v ?? '').split(',').filter((x) => x !== '');
/** A HashSet<Integer> iterates small non-negative ids ascending (bucket = value). */
const intSetOrder = (ids: Iterable<number>) =>
  javaHashOrder(
    [...new Set(ids)].sort((a, b) => a - b),
    (n) => n,
  );

/** Kafka's exception class for an error name: KAFKA_STORAGE_ERROR -> ...KafkaStorageException. */
function javaException(error: string): string {
  const camel = error
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('')
    .replace(/Error$/, '');
  return `org.apache.kafka.common.errors.${camel}Exception`;
}

/** formatAsJson: the maps' keys in the order Java's HashMap gives for these key sets. */
export function logDirsJson(dirs: readonly LogDirDescription[], brokers: readonly number[], topics: ReadonlySet<string>): string {
  const brokerJson = brokers.map((broker) => {
    const mine = dirs.filter((d) => d.broker === broker);
    const order = javaHashMapOrder(
      mine.map((d) => d.logDir),
      16,
    );
    const logDirs = order.map((logDir) => {
      const d = mine.find((x) => x.logDir === logDir)!;
      const parts = javaHashOrder(
        d.partitions.filter((p) => topics.size === 0 || topics.has(p.topic)),
        javaTpHash,
      );
      const partitions = parts.map((p) => {
        const name = JSON.stringify(`${p.topic}-${p.partition}`);
        return `{"partition":${name},"size":${p.size},"offsetLag":${p.offsetLag},"isFuture":${p.isFuture}}`;
      });
      const error = d.error ? JSON.stringify(javaException(d.error)) : 'null';
      return `{"partitions":[${partitions.join(',')}],"error":${error},"logDir":${JSON.stringify(logDir)}}`;
    });
    return `{"broker":${broker},"logDirs":[${logDirs.join(',')}]}`;
  });
  return `{"brokers":[${brokerJson.join(',')}],"version":1}`;
}

export const LOG_DIRS: DropinScript = {
  script: 'kafka-log-dirs.sh',
  options: LOG_DIRS_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  async run(o, ctx, out) {
    const missing = ['bootstrap-server', 'describe'].find((n) => !has(o, n));
    if (missing) throw new UsageExit(`Missing required argument "[${missing}]"`);
    try {
      const input = split(valueOf(o, 'broker-list')).map((b) => {
        if (!/^[+-]?\d+$/.test(b)) throw new Failed(`For input string: "${b}"`);
        return Number(b);
      });
      const topics = new Set(split(valueOf(o, 'topic-list')));
      const clients = await ctx.kafka();
      const cluster = (await (await clients.admin()).cluster()).brokers.map((b) => b.id);
      const absent = intSetOrder(input.filter((b) => !cluster.includes(b)));
      if (absent.length)
        throw new Failed(
          `ERROR: The given brokers do not exist from --broker-list: ${absent.join(',')}. ` +
            `Current existent brokers: ${intSetOrder(cluster).join(',')}`,
        );
      const queried = intSetOrder(input.length ? input : cluster);
      await out.stdout('Querying brokers for log directories information\n');
      const dirs = (await (await clients.cluster()).describeLogDirs(null)).filter((d) => queried.includes(d.broker));
      await out.stdout(`Received log directory information from brokers ${queried.join(',')}\n`);
      await out.stdout(`${logDirsJson(dirs, queried, topics)}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof Failed || error instanceof KtoolError)) throw error;
      await out.stderr(`${error.message}\n`);
      return 1;
    }
  },
};
