/**
 * kafka-transactions.sh (org.apache.kafka.tools.TransactionsCommand), drop-in: `ktool transactions
 * --bootstrap-server B list|describe|describe-producers|find-hanging|abort ...`. Kafka's tables
 * (ToolsUtils.prettyPrintTable), `None` for what is absent, nothing printed by a successful abort,
 * a failure as one line on stderr and exit 1.
 */
import { readFile } from 'node:fs/promises';
import type { Context } from '../cli/context.js';
import { parseProperties } from '../config/properties.js';
import type { TransactionsApi } from '../kafka/transactions-admin-types.js';
import { javaStringHash } from './java-hash-order.js';
import { has, valueOf, type JoptResult } from './jopt.js';
import { parseArgparse, unsupportedArgs, type ArgOption, type ArgParser } from './argparse.js';
import { javaHashOrder, prettyTable } from './pretty-table.js';
import { UsageExit, type DropinOut, type DropinScript } from './script.js';
import { abortSpecAt, findHanging, type OpenTransaction } from '../commands/transactions/hanging.js';

const TP: readonly ArgOption[] = [
  { name: 'topic', value: 'string', required: true },
  { name: 'partition', value: 'int', required: true },
];

export const TRANSACTIONS_PARSER: ArgParser = {
  script: 'kafka-transactions.sh',
  options: [
    { name: 'help', unsupported: 'ktool transactions --help' },
    { name: 'version', aliases: ['v'], version: true },
    { name: 'command-config', value: 'string' },
    { name: 'bootstrap-server', value: 'string', required: true },
  ],
  commands: {
    list: [
      { name: 'help', unsupported: 'ktool transactions --help' },
      { name: 'duration-filter', value: 'long' },
      { name: 'transactional-id-pattern', value: 'string' },
    ],
    describe: [
      { name: 'help', unsupported: 'ktool transactions --help' },
      { name: 'transactional-id', value: 'string', required: true },
    ],
    'describe-producers': [{ name: 'help', unsupported: 'ktool transactions --help' }, { name: 'broker-id', value: 'int' }, ...TP],
    abort: [
      { name: 'help', unsupported: 'ktool transactions --help' },
      ...TP,
      { name: 'start-offset', value: 'long' },
      { name: 'producer-id', value: 'long' },
      { name: 'producer-epoch', value: 'short' },
      { name: 'coordinator-epoch', value: 'int' },
    ],
    'find-hanging': [
      { name: 'help', unsupported: 'ktool transactions --help' },
      { name: 'broker-id', value: 'int' },
      { name: 'max-transaction-timeout', value: 'int' },
      { name: 'topic', value: 'string' },
      { name: 'partition', value: 'int' },
    ],
    forceTerminateTransaction: [
      { name: 'help', unsupported: 'ktool transactions --help' },
      { name: 'transactionalId', value: 'string', required: true },
    ],
  },
};

/** TransactionsCommand.printErrorAndExit with a cause: `<what>: <cause>. Enable debug logging ...`. */
class Failed extends Error {}
const failing = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw new Failed(`${what}: ${(error as Error).message}. Enable debug logging for additional detail.`);
  }
};

const num = (o: JoptResult, name: string) => (has(o, name) ? Number(valueOf(o, name)) : undefined);
const tpName = (t: { topic: string; partition: number }) => `${t.topic}-${t.partition}`;
/** TopicPartition.hashCode: 31 * (31 + partition) + topic.hashCode(). */
const tpHash = (t: { topic: string; partition: number }) => (Math.imul(31, 31 + t.partition) + javaStringHash(t.topic)) | 0;
/** Long.hashCode. */
const longHash = (v: bigint) => Number(BigInt.asIntN(32, v ^ (v >> 32n)));

async function list(o: JoptResult, api: TransactionsApi): Promise<string> {
  const duration = valueOf(o, 'duration-filter');
  const pattern = valueOf(o, 'transactional-id-pattern');
  const listed = await failing('Failed to list transactions', () =>
    api.listTransactions({
      ...(duration !== undefined && Number(duration) >= 0 ? { durationMs: Number(duration) } : {}),
      ...(pattern === undefined ? {} : { pattern }),
    }),
  );
  return prettyTable(
    ['TransactionalId', 'Coordinator', 'ProducerId', 'TransactionState'],
    listed.map((t) => [t.transactionalId, String(t.coordinator), String(t.producerId), t.state]),
  );
}

async function describe(o: JoptResult, api: TransactionsApi, now: number): Promise<string> {
  const id = valueOf(o, 'transactional-id')!;
  const what = `Failed to describe transaction state of transactional-id \`${id}\``;
  const d = (await failing(what, () => api.describeTransactions([id]))).get(id);
  if (!d)
    throw new Failed(
      `${what}: DescribeTransactions request for transactionalId \`${id}\` failed because the ID could not be found. ` +
        'Enable debug logging for additional detail.',
    );
  const start = d.startTimeMs === null ? 'None' : String(d.startTimeMs);
  const duration = d.startTimeMs === null ? 'None' : String(now - d.startTimeMs);
  const partitions = javaHashOrder(d.partitions, tpHash).map(tpName).join(',');
  return prettyTable(
    ['CoordinatorId', 'TransactionalId', 'ProducerId', 'ProducerEpoch', 'TransactionState', 'TransactionTimeoutMs'].concat([
      'CurrentTransactionStartTimeMs',
      'TransactionDurationMs',
      'TopicPartitions',
    ]),
    [[String(d.coordinator), id, String(d.producerId), String(d.producerEpoch), d.state, String(d.timeoutMs), start, duration, partitions]],
  );
}

async function describeProducers(o: JoptResult, api: TransactionsApi): Promise<string> {
  const tp = { topic: valueOf(o, 'topic')!, partition: num(o, 'partition')! };
  const brokerId = num(o, 'broker-id');
  const where = brokerId === undefined ? 'leader' : `broker ${brokerId}`;
  const states = await failing(`Failed to describe producers for partition ${tpName(tp)} on ${where}`, () =>
    api.describeProducers([tp], brokerId),
  );
  const rows = [...states.values()]
    .flat()
    .map((p) => [
      String(p.producerId),
      String(p.producerEpoch),
      String(p.coordinatorEpoch),
      String(p.lastSequence),
      String(p.lastTimestamp),
      p.txnStartOffset === null ? 'None' : String(p.txnStartOffset),
    ]);
  const head = ['ProducerId', 'ProducerEpoch', 'LatestCoordinatorEpoch', 'LastSequence', 'LastTimestamp', 'CurrentTransactionStartOffset'];
  return prettyTable(head, rows);
}

async function hanging(o: JoptResult, ctx: Context): Promise<string> {
  const topic = valueOf(o, 'topic');
  const brokerId = num(o, 'broker-id');
  const partition = num(o, 'partition');
  if (topic === undefined && brokerId === undefined)
    throw new UsageExit('The `find-hanging` command requires either --topic or --broker-id to limit the scope of the search');
  if (partition !== undefined && topic === undefined) throw new UsageExit('The --partition argument requires --topic to be provided');
  const clients = await ctx.kafka();
  const now = ctx.io.now();
  const scope = { topic, brokerId, partition, maxTimeoutMinutes: num(o, 'max-transaction-timeout') ?? 15 };
  const found = await failing('Failed to find hanging transactions', async () =>
    findHanging(await clients.admin(), await clients.transactions(), scope, now),
  );
  // Java prints them grouped by producer id (a HashMap), each producer's partitions as described (a HashMap too).
  const producers = javaHashOrder([...new Set(found.map((f) => f.producer.producerId))], longHash);
  const rows = producers.flatMap((id) =>
    javaHashOrder(
      found.filter((f) => f.producer.producerId === id),
      tpHash,
    ).map((t: OpenTransaction) => [
      t.topic,
      String(t.partition),
      String(t.producer.producerId),
      String(t.producer.producerEpoch),
      String(t.producer.coordinatorEpoch),
      String(t.producer.txnStartOffset ?? -1),
      String(t.producer.lastTimestamp),
      String(Math.floor((now - t.producer.lastTimestamp) / 60_000)),
    ]),
  );
  return prettyTable(
    ['Topic', 'Partition', 'ProducerId', 'ProducerEpoch', 'CoordinatorEpoch', 'StartOffset', 'LastTimestamp', 'Duration(min)'],
    rows,
  );
}

async function abort(o: JoptResult, api: TransactionsApi): Promise<string> {
  const tp = { topic: valueOf(o, 'topic')!, partition: num(o, 'partition')! };
  const startOffset = valueOf(o, 'start-offset');
  const producerId = valueOf(o, 'producer-id');
  if (startOffset === undefined && producerId === undefined)
    throw new UsageExit(
      'The transaction to abort must be identified either with --start-offset (for brokers on 3.0 or above) or with ' +
        '--producer-id, --producer-epoch, and --coordinator-epoch (for older brokers)',
    );
  let spec;
  if (startOffset === undefined) {
    const epoch = num(o, 'producer-epoch');
    if (epoch === undefined) throw new UsageExit('Missing required argument --producer-epoch');
    const coordinatorEpoch = num(o, 'coordinator-epoch');
    if (coordinatorEpoch === undefined) throw new UsageExit('Missing required argument --coordinator-epoch');
    spec = { ...tp, producerId: BigInt(producerId!), producerEpoch: epoch, coordinatorEpoch: Math.max(0, coordinatorEpoch) };
  } else {
    spec = await failing(`Failed to validate producer state for partition ${tpName(tp)}`, () => abortSpecAt(api, tp, BigInt(startOffset)));
    if (!spec) throw new UsageExit(`Could not find any open transactions starting at offset ${startOffset} on partition ${tpName(tp)}`);
  }
  const done = spec;
  const described =
    `AbortTransactionSpec(topicPartition=${tpName(done)}, producerId=${done.producerId}, ` +
    `producerEpoch=${done.producerEpoch}, coordinatorEpoch=${done.coordinatorEpoch})`;
  await failing(`Failed to abort transaction ${described}`, () => api.abortTransaction(done));
  return '';
}

/** The admin client's request.timeout.ms: --command-config's, or Java's default. */
async function requestTimeoutMs(o: JoptResult): Promise<number> {
  const file = valueOf(o, 'command-config');
  const v = file === undefined ? undefined : parseProperties(await readFile(file, 'utf8')).get('request.timeout.ms');
  return v !== undefined && /^\d+$/.test(v.trim()) ? Number(v.trim()) : 30_000;
}

/**
 * Admin.forceTerminateTransaction: the id's producers fenced (InitProducerId as a new producer), its open transaction
 * aborted by the coordinator; nothing printed. The transaction timeout sent is the admin client's request.timeout.ms.
 */
async function forceTerminate(o: JoptResult, api: TransactionsApi): Promise<string> {
  const id = valueOf(o, 'transactionalId')!;
  const timeoutMs = await requestTimeoutMs(o);
  await failing(`Failed to force terminate transactionalId \`${id}\``, () => api.fenceProducer(id, timeoutMs));
  return '';
}

async function run(o: JoptResult, ctx: Context, out: DropinOut): Promise<number> {
  const command = o.operands[0];
  try {
    let text: string;
    if (command === 'find-hanging') text = await hanging(o, ctx);
    else {
      const api = await (await ctx.kafka()).transactions();
      if (command === 'list') text = await list(o, api);
      else if (command === 'describe') text = await describe(o, api, ctx.io.now());
      else if (command === 'describe-producers') text = await describeProducers(o, api);
      else if (command === 'forceTerminateTransaction') text = await forceTerminate(o, api);
      else text = await abort(o, api);
    }
    await out.stdout(text);
    return 0;
  } catch (error) {
    if (!(error instanceof Failed) && !(error instanceof UsageExit)) throw error;
    await out.stderr(`${error.message}\n`);
    return 1;
  }
}

export const TRANSACTIONS: DropinScript = {
  script: 'kafka-transactions.sh',
  options: [],
  parse: (args) => parseArgparse(args, TRANSACTIONS_PARSER),
  unsupported: (parsed) => unsupportedArgs(parsed, TRANSACTIONS_PARSER),
  bootstrapOption: 'bootstrap-server',
  run,
};
