import { describe, expect, it } from 'vitest';
import { parseArgparse } from '../../src/dropin/argparse.js';
import { JoptError } from '../../src/dropin/jopt.js';
import { prettyTable } from '../../src/dropin/pretty-table.js';
import { TRANSACTIONS_PARSER } from '../../src/dropin/transactions.js';
import { parseArgs } from '../helpers/parse-args.js';

describe('transactions arguments -> options', () => {
  it.each([
    [['transactions', 'list'], 'transactions list', { states: [], producerIds: [] }],
    [
      ['transactions', 'list', 'etl-.*', '--state', 'ongoing', '--producer-id', '7', '--duration-filter', '60000'],
      'transactions list',
      { pattern: 'etl-.*', states: ['Ongoing'], producerIds: [7n], durationMs: 60000 },
    ],
    [['transactions', 'list', '--transactional-id-pattern', 'a.*'], 'transactions list', { pattern: 'a.*', states: [], producerIds: [] }],
    [['transactions', 'describe', 'a', '--transactional-id', 'b', 'a'], 'transactions describe', { ids: ['a', 'b'] }],
    [['transactions', 'describe-producers', 'orders:3'], 'transactions describe-producers', { topic: 'orders', partition: 3 }],
    [
      ['transactions', 'describe-producers', '--topic', 'a:b', '--partition', '0', '--broker-id', '2'],
      'transactions describe-producers',
      { topic: 'a:b', partition: 0, brokerId: 2 },
    ],
    [['transactions', 'find-hanging', '--broker-id', '1'], 'transactions find-hanging', { brokerId: 1, maxTimeoutMinutes: 15 }],
    [
      ['transactions', 'find-hanging', 'orders', '--partition', '2', '--max-transaction-timeout', '0'],
      'transactions find-hanging',
      { topic: 'orders', partition: 2, maxTimeoutMinutes: 0 },
    ],
    [
      ['transactions', 'abort', 'orders:1', '--start-offset', '42'],
      'transactions abort',
      { topic: 'orders', partition: 1, yes: false, startOffset: 42n },
    ],
    [
      ['transactions', 'abort', 'orders:1', '--producer-id', '9', '--producer-epoch', '3', '--coordinator-epoch', '-1', '--yes'],
      'transactions abort',
      { topic: 'orders', partition: 1, yes: true, producerId: 9n, producerEpoch: 3, coordinatorEpoch: 0 },
    ],
  ])('%j', async (argv, path, options) => {
    expect(await parseArgs(argv)).toMatchObject({ code: 0, path, options });
  });

  it.each([
    [['transactions', 'list', '--state', 'done'], /unknown transaction state/],
    [['transactions', 'list', '('], /invalid transactional id regular expression/],
    [['transactions', 'describe'], /name a transactional id/],
    [['transactions', 'describe-producers', 'orders'], /expected TOPIC:PARTITION/],
    [['transactions', 'describe-producers', '--topic', 'orders'], /name the partition/],
    [['transactions', 'abort', 'orders:0'], /name the transaction/],
    [['transactions', 'abort', 'orders:0', '--start-offset', '1', '--producer-id', '2'], /not both/],
    [['transactions', 'abort', 'orders:0', '--producer-id', '2', '--coordinator-epoch', '0'], /needs --producer-epoch/],
    [['transactions', 'find-hanging', '--max-transaction-timeout', 'x'], /whole number/],
  ])('%j is a usage error', async (argv, message) => {
    const r = await parseArgs(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe("kafka-transactions.sh's argparse4j parsing", () => {
  const parse = (...args: string[]) => parseArgparse(args, TRANSACTIONS_PARSER);
  it('takes the tool options, a sub-command, its options; abbreviations and --name=value', () => {
    const r = parse('--bootstrap', 'h:1', 'abort', '--topic=t', '--partition', '0', '--producer-id', '5', '--coordinator-epoch', '-1');
    expect(r.operands).toEqual(['abort']);
    expect(Object.fromEntries(r.values)).toEqual({
      'bootstrap-server': ['h:1'],
      topic: ['t'],
      partition: ['0'],
      'producer-id': ['5'],
      'coordinator-epoch': ['-1'],
    });
  });
  it('forceTerminateTransaction takes --transactionalId (its only spelling), the tool options before it', () => {
    const r = parse('--command-config', 'c.properties', '--bootstrap-server', 'h:1', 'forceTerminateTransaction', '--transactionalId', 'x');
    expect(r.operands).toEqual(['forceTerminateTransaction']);
    expect(Object.fromEntries(r.values)).toEqual({
      'command-config': ['c.properties'],
      'bootstrap-server': ['h:1'],
      transactionalId: ['x'],
    });
  });
  it.each([
    [['--bootstrap-server', 'h', 'forceTerminateTransaction'], 'argument --transactionalId is required'],
    [['--bootstrap-server', 'h', 'forceTerminateTransaction', '--transactional-id', 'x'], "unrecognized arguments: '--transactional-id'"],
    [['list'], 'argument --bootstrap-server is required'],
    [['--bootstrap-server', 'h'], 'too few arguments'],
    [['--bootstrap-server', 'h', 'nope'], "invalid choice: 'nope'"],
    [['--bootstrap-server', 'h', 'list', '--bootstrap-server', 'h'], "unrecognized arguments: '--bootstrap-server'"],
    [['--bootstrap-server', 'h', 'describe-producers', '--topic', 't', '--partition', 'x'], "could not convert 'x' to Integer"],
    [['--bootstrap-server', 'h', 'describe-producers', '--topic', 't'], 'argument --partition is required'],
    [['--bootstrap-server', 'h', 'abort', '--p', '1'], 'ambiguous option: --p'],
    [['--bootstrap-server', 'h', 'list', 'x'], "unrecognized arguments: 'x'"],
  ])('%j: %s', (args, message) => {
    expect(() => parse(...args)).toThrow(JoptError);
    expect(() => parse(...args)).toThrow(message);
  });
  it("prints tables as ToolsUtils.prettyPrintTable: cells padded to the column's width, a tab after each", () => {
    expect(prettyTable(['A', 'Bb'], [['xyz', '1']])).toBe('A  \tBb\t\nxyz\t1 \t\n');
  });
});
