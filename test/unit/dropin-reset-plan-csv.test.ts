import { describe, expect, it } from 'vitest';
import { parseResetPlan, PlanCsvError } from '../../src/dropin/reset-plan-csv.js';
import { checkGroupsArgs, validateRegex } from '../../src/dropin/groups-args.js';
import { parseJopt } from '../../src/dropin/jopt.js';
import { GROUPS_OPTIONS } from '../../src/dropin/groups.js';
import { UsageExit } from '../../src/dropin/script.js';

/**
 * kafka-consumer-groups.sh --from-file: the plan read as OffsetsUtils.parseResetPlan (Kafka 4.3.1)
 * reads it; the expected plans, notes and messages are what ConsumerGroupCommand printed for these
 * files on the shared broker (the harness compares the runs, test/dropin/cases-consumer-groups.ts).
 */
const plan = (text: string, groups: string[]) => {
  const { plans, notes } = parseResetPlan(text, groups);
  return { plans: Object.fromEntries(plans), notes };
};
const notInt = (value: string) =>
  `com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type \`int\` from String "${value}": ` +
  'not a valid `int` value';
const failure = (text: string, groups: string[]) => {
  try {
    parseResetPlan(text, groups);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanCsvError);
    return (error as Error).message;
  }
  throw new Error('no failure');
};

describe('parseResetPlan', () => {
  it.each([
    ['one group, three columns', 't,0,2\nt,1,3\n', ['g'], { g: [e('t', 0, 2), e('t', 1, 3)] }, []],
    ['CRLF lines', 't,0,2\r\nt,1,3\r\n', ['g'], { g: [e('t', 0, 2), e('t', 1, 3)] }, []],
    ['trailing blank lines dropped (String.split)', 't,0,2\n\n\n', ['g'], { g: [e('t', 0, 2)] }, []],
    ['the last line of a partition wins (a HashMap)', 't,0,2\nt,0,5\n', ['g'], { g: [e('t', 0, 5)] }, []],
    ['negative offsets kept (checkOffsetsRange moves them)', 't,0,-4\n', ['g'], { g: [e('t', 0, -4)] }, []],
    [
      'four columns: the probe as three fails on the partition, then per group',
      'g1,t,0,2\ng2,t,1,3\n',
      ['g1'],
      { g1: [e('t', 0, 2)], g2: [e('t', 1, 3)] },
      [notInt('t')],
    ],
    ['three columns and two groups: read as group,topic,partition (offset 0)', 't,0,2\n', ['g1', 'g2'], { t: [e('0', 2, 0)] }, []],
    ['three columns and --all-groups (no --group)', 't,0,2\n', [], { t: [e('0', 2, 0)] }, []],
    ['a partition that is no int: the probe fails, read with groups', 't,x,2\n', ['g'], { t: [e('x', 2, 0)] }, [notInt('x')]],
  ])('%s', (_name, text, groups, plans, notes) => {
    expect(plan(text, groups)).toEqual({ plans, notes });
  });

  it.each([
    ['a blank line in the middle', 't,0,2\n\nt,1,3\n', ['g'], 'MismatchedInputException: No content to map due to end-of-input'],
    ['an empty file', '', ['g'], 'MismatchedInputException: No content to map due to end-of-input'],
    [
      'five columns',
      'dgx-t,0,2,7,8\n',
      ['g'],
      'com.fasterxml.jackson.dataformat.csv.CsvReadException: Too many entries: expected at most 4 (value #4 (1 chars) "8")\n' +
        ' at [Source: (StringReader); line: 1, column: 13]',
    ],
    ['an offset that is no long', 'g,t,0,x\n', ['g'], 'Cannot deserialize value of type `long` from String "x"'],
  ])("refuses %s with Jackson's exception", (_name, text, groups, message) => {
    expect(failure(text, groups)).toContain(message);
  });
});

function e(topic: string, partition: number, offset: number) {
  return { topic, partition, offset };
}

describe('kafka-consumer-groups.sh refusals and --validate-regex', () => {
  const out = () => {
    const text = { stdout: '', stderr: '' };
    return { text, out: { stdout: async (s: string) => void (text.stdout += s), stderr: async (s: string) => void (text.stderr += s) } };
  };
  it.each([
    [['--describe', '--all-groups', '--group', 'g'], 'Option "[group]" can\'t be used with option "[all-groups]"'],
    [['--delete', '--all-groups', '--topic', 't'], 'The consumer does not support topic-specific offset deletion from a consumer group.'],
    [['--reset-offsets', '--all-groups', '--topic', 't', '--to-earliest', '--to-latest', '--dry-run'], "can't be used with option"],
    [['--reset-offsets', '--group', 'g', '--dry-run', '--execute'], 'Option [reset-offsets] only accepts one of [execute] and [dry-run]'],
    [['--list', '--group', 'g'], 'Option "[group]" can\'t be used with option "[list]"'],
    [['--validate-regex', 'x', '--list'], 'Command must include exactly one action'],
  ])('%j', async (args, message) => {
    const { out: o } = out();
    const refused = checkGroupsArgs(parseJopt(['--bootstrap-server', 'h:1', ...args], GROUPS_OPTIONS), o);
    await expect(refused).rejects.toBeInstanceOf(UsageExit);
    await expect(refused).rejects.toThrow(message);
  });

  it.each([
    ['orders\\..*', 'The regular expression `orders\\..*` is valid.\n'],
    ['(', 'The regular expression `(` is invalid: missing closing ).\n'],
    ['a**', 'The regular expression `a**` is invalid: invalid nested repetition operator.\n'],
    ['[z-a]', 'The regular expression `[z-a]` is invalid: invalid character class range.\n'],
    ['x{2,1}', 'The regular expression `x{2,1}` is invalid: invalid repeat count.\n'],
    ['\\8', 'The regular expression `\\8` is invalid: invalid escape sequence.\n'],
    ['\\', 'The regular expression `\\` is invalid: trailing backslash at end of expression.\n'],
  ])('--validate-regex %s', async (regex, printed) => {
    const { text, out: o } = out();
    expect(await validateRegex(regex, o)).toBe(0);
    expect(text.stdout).toBe(printed);
  });
});
