/**
 * kafka-consumer-groups.sh's refusals (ConsumerGroupCommandOptions.checkArgs, Kafka 4.3), in its
 * order: each on stderr with exit 1 (the original adds its whole --help), nothing on stdout. A
 * --reset-offsets with neither --dry-run nor --execute prints the original's WARN line first.
 */
import { has, valueOf, type JoptResult } from './jopt.js';
import { UsageExit, type DropinOut } from './script.js';

const SCOPE = '[group], [all-groups]';
export const SCENARIOS = ['to-offset', 'to-datetime', 'by-duration', 'to-earliest', 'to-latest', 'to-current', 'shift-by', 'from-file'];
const ACTIONS = ['list', 'describe', 'delete', 'reset-offsets', 'delete-offsets', 'validate-regex'];

/** CommandLineUtils.checkInvalidArgs: `used` refuses each of `others` given with it. */
function checkInvalid(o: JoptResult, used: string, others: string[]): void {
  if (!has(o, used)) return;
  const bad = others.find((x) => has(o, x));
  if (bad) throw new UsageExit(`Option "[${used}]" can't be used with option "[${bad}]"`);
}

export async function checkGroupsArgs(o: JoptResult, out: DropinOut): Promise<void> {
  if (has(o, 'describe')) {
    if (!has(o, 'group') && !has(o, 'all-groups')) throw new UsageExit(`Option [describe] takes one of these options: ${SCOPE}`);
    if (['members', 'offsets', 'state'].filter((x) => has(o, x)).length > 1)
      throw new UsageExit('Option [describe] takes at most one of these options: [members], [offsets], [state]');
    if (has(o, 'state') && valueOf(o, 'state')) throw new UsageExit('Option [describe] does not take a value for [state]');
  }
  if (has(o, 'delete')) {
    if (!has(o, 'group') && !has(o, 'all-groups')) throw new UsageExit(`Option [delete] takes one of these options: ${SCOPE}`);
    if (has(o, 'topic')) throw new UsageExit('The consumer does not support topic-specific offset deletion from a consumer group.');
  }
  if (has(o, 'delete-offsets') && (!has(o, 'group') || !has(o, 'topic'))) {
    throw new UsageExit('Option [delete-offsets] takes the following options: [topic], [group]');
  }
  if (has(o, 'reset-offsets')) {
    if (has(o, 'dry-run') && has(o, 'execute')) throw new UsageExit('Option [reset-offsets] only accepts one of [execute] and [dry-run]');
    if (!has(o, 'dry-run') && !has(o, 'execute')) {
      await out.stderr(
        'WARN: No action will be performed as the --execute option is missing. In version 5.0, this command will require either ' +
          '--dry-run or --execute to be specified. You should add the --dry-run option explicitly if you are scripting this command ' +
          'and want to keep the current default behavior without prompting.\n',
      );
    }
    if (!has(o, 'group') && !has(o, 'all-groups')) throw new UsageExit(`Option [reset-offsets] takes one of these options: ${SCOPE}`);
    for (const s of SCENARIOS)
      checkInvalid(
        o,
        s,
        SCENARIOS.filter((x) => x !== s),
      );
  }
  checkInvalid(o, 'group', ['all-groups']);
  checkInvalid(o, 'group', ['list']);
  checkInvalid(o, 'topic', ['list', 'describe']);
  if (ACTIONS.filter((a) => has(o, a)).length !== 1) {
    throw new UsageExit(`Command must include exactly one action: ${ACTIONS.map((a) => `--${a}`).join(', ')}`);
  }
}

/** --validate-regex: whether RE2 (RE2/J in the original) compiles it; no broker is asked. */
export async function validateRegex(regex: string, out: DropinOut): Promise<number> {
  const { RE2JS } = await import('re2js');
  try {
    RE2JS.compile(regex);
    await out.stdout(`The regular expression \`${regex}\` is valid.\n`);
  } catch (error) {
    const description = (error as { error?: string }).error ?? (error as Error).message;
    await out.stdout(`The regular expression \`${regex}\` is invalid: ${description}.\n`);
  }
  return 0;
}
