/**
 * kafka-leader-election.sh (org.apache.kafka.tools.LeaderElectionCommand), drop-in:
 * `ktool partitions elect-leaders --bootstrap-server B --election-type PREFERRED --topic t --partition 0`.
 * Its checks and lines byte for byte ("Successfully completed leader election (PREFERRED) for
 * partitions t-0, ...", "Valid replica already elected for partitions ...", partitions in the order
 * of Java's HashSet), failures on stderr (without the stack trace), exit 1.
 */
import { KtoolError } from '../errors.js';
import { electLeaders, readElectionFile } from '../commands/partitions/elect.js';
import { PlanError, tpName } from '../commands/partitions/plan.js';
import type { ElectionType } from '../kafka/partitions-types.js';
import { javaHashOrder, javaTpHash } from './java-hash-order.js';
import { has, valueOf, type JoptOption, type JoptResult } from './jopt.js';
import { UsageExit, type DropinScript } from './script.js';

const switchOf = (name: string, unsupported?: string): JoptOption => ({ name, value: false, unsupported });
const valued = (name: string): JoptOption => ({ name, value: true });

export const ELECT_OPTIONS: readonly JoptOption[] = [
  valued('admin.config'),
  switchOf('all-topic-partitions'),
  valued('bootstrap-server'),
  valued('command-config'),
  valued('election-type'),
  switchOf('help', 'see ktool partitions elect-leaders --help'),
  valued('partition'),
  valued('path-to-json-file'),
  valued('topic'),
  switchOf('version'),
];

/** An AdminCommandFailedException of validate(): its message on stderr, exit 1. */
class Failed extends Error {}

function electionType(o: JoptResult): ElectionType {
  const v = valueOf(o, 'election-type')!;
  const t = v.toUpperCase();
  if (t !== 'PREFERRED' && t !== 'UNCLEAN') throw new UsageExit(`Cannot parse argument '${v}' of option election-type`);
  return t;
}

/** LeaderElectionCommandOptions.validate. */
function validate(o: JoptResult): void {
  const missing = ['bootstrap-server', 'election-type'].filter((n) => !has(o, n));
  if (missing.length) throw new Failed(`Missing required option(s): ${missing.join(', ')}`);
  // CommandLineUtils.checkInvalidArgs: the deprecated spelling and its replacement are exclusive (usage, exit 1).
  if (has(o, 'admin.config') && has(o, 'command-config'))
    throw new UsageExit('Option "[admin.config]" can\'t be used with option "[command-config]"');
  const exclusive = ['topic', 'all-topic-partitions', 'path-to-json-file'];
  if (exclusive.filter((n) => has(o, n)).length !== 1)
    throw new Failed(`One and only one of the following options is required: ${exclusive.join(', ')}`);
  if (has(o, 'topic') && !has(o, 'partition')) throw new Failed('Missing required option(s): partition');
  if (!has(o, 'topic') && has(o, 'partition')) throw new Failed('Option partition is only allowed if topic is used');
}

/** Kafka's exception class for an error name: UNKNOWN_TOPIC_OR_PARTITION -> ...UnknownTopicOrPartitionException. */
function javaException(error: string): string {
  const camel = error
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  return `org.apache.kafka.common.errors.${camel}Exception`;
}

export const ELECT_LEADERS: DropinScript = {
  script: 'kafka-leader-election.sh',
  options: ELECT_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  // The deprecated --admin.config, or --command-config (validate refuses both).
  connection: (o) => ({
    bootstrapServer: valueOf(o, 'bootstrap-server'),
    commandConfig: valueOf(o, 'admin.config') ?? valueOf(o, 'command-config'),
  }),
  async run(o, ctx, out) {
    try {
      validate(o);
      const type = electionType(o);
      const partition = valueOf(o, 'partition');
      if (partition !== undefined && !/^[+-]?\d+$/.test(partition))
        throw new UsageExit(`Cannot parse argument '${partition}' of option partition`);
      const path = valueOf(o, 'path-to-json-file');
      const partitions = path
        ? await readElectionFile(path)
        : has(o, 'topic')
          ? [{ topic: valueOf(o, 'topic')!, partition: Number(partition) }]
          : null;
      // After the JSON file is read, before the admin client is made from the deprecated option's file.
      if (has(o, 'admin.config'))
        await out.stdout(
          'Option --admin.config has been deprecated and will be removed in a future version. Use --command-config instead.\n',
        );
      const r = await electLeaders(ctx, type, partitions);
      const set = (tps: { topic: string; partition: number }[]) => javaHashOrder(tps, javaTpHash).map(tpName).join(', ');
      if (r.elected.length) await out.stdout(`Successfully completed leader election (${type}) for partitions ${set(r.elected)}\n`);
      if (r.notNeeded.length) await out.stdout(`Valid replica already elected for partitions ${set(r.notNeeded)}\n`);
      if (r.failed.length) {
        for (const f of javaHashOrder(r.failed, javaTpHash))
          await out.stdout(
            `Error completing leader election (${type}) for partition: ${tpName(f)}: ${javaException(f.error!)}: ${f.message}\n`,
          );
        throw new Failed(`${r.failed.length} replica(s) could not be elected`);
      }
      return 0;
    } catch (error) {
      if (error instanceof UsageExit) throw error;
      if (!(error instanceof Failed || error instanceof PlanError || error instanceof KtoolError)) throw error;
      await out.stderr(`${error.message}\n`);
      return 1;
    }
  },
};
