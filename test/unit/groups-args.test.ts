import { describe, expect, it } from 'vitest';
import { parseArgs } from '../helpers/parse-args.js';

describe('groups and lag arguments -> options', () => {
  it.each([
    [
      ['groups', 'list', '--state', 'stable,empty', '--type', 'CONSUMER'],
      'groups list',
      { states: ['Stable', 'Empty'], types: ['consumer'] },
    ],
    [['groups', '--list', '--json'], 'groups list', { states: [], types: [] }],
    [
      ['groups', 'describe', 'a', '--group', 'b', '--group', 'a', '--members', '--verbose'],
      'groups describe',
      { groups: ['a', 'b'], all: false, mode: 'members', verbose: true },
    ],
    [
      ['groups', '--describe', '--all-groups', '--state', '--json'],
      'groups describe',
      { groups: [], all: true, mode: 'state', verbose: false },
    ],
    [
      ['groups', 'reset-offsets', 'g', '--topic', 'orders:0,1', '--shift-by', '-100', '--execute'],
      'groups reset-offsets',
      {
        groups: ['g'],
        all: false,
        topics: [{ topic: 'orders', partitions: [0, 1] }],
        allTopics: false,
        strategy: { kind: 'shift', by: -100 },
        execute: true,
        export: false,
      },
    ],
    [
      ['groups', '--reset-offsets', '--group', 'g', '--all-topics', '--to-earliest', '--export', '--json'],
      'groups reset-offsets',
      { groups: ['g'], all: false, topics: [], allTopics: true, strategy: { kind: 'earliest' }, execute: false, export: true },
    ],
    [
      ['groups', 'reset-offsets', '--from-file', 'plan.csv', '--dry-run'],
      'groups reset-offsets',
      { groups: [], all: false, topics: [], allTopics: false, strategy: { kind: 'file', path: 'plan.csv' }, execute: false, export: false },
    ],
    [['groups', 'delete', 'a', 'b', '-y'], 'groups delete', { groups: ['a', 'b'], all: false, yes: true }],
    [['groups', 'delete', '--all-groups'], 'groups delete', { groups: [], all: true, yes: false }],
    [
      ['groups', 'delete-offsets', 'g', '--topic', 'orders:1', '--topic', 'payments', '--yes'],
      'groups delete-offsets',
      { group: 'g', topics: [{ topic: 'orders', partitions: [1] }, { topic: 'payments' }], yes: true },
    ],
    [['lag'], 'lag', { groups: [], topics: [], timeLag: true, count: undefined }],
    [
      ['lag', 'g', '--group', 'h', '--topic', 'a:0,b', '--topic', 'a:2', '--no-time-lag', '--max-lag', '5'],
      'lag',
      { groups: ['g', 'h'], topics: ['a', 'b'], partitions: { a: [0, 2] }, timeLag: false, count: undefined, maxLag: 5 },
    ],
    [
      ['lag', '--watch', '--count', '3', '--max-time-lag', '5m'],
      'lag',
      { groups: [], topics: [], timeLag: true, watchMs: 5000, count: 3, maxTimeLagMs: 300000 },
    ],
    [['lag', '--watch', '2s', '--format', 'prometheus'], undefined, undefined],
  ])('%j', async (argv, path, options) => {
    const r = await parseArgs(argv);
    if (path === undefined) {
      expect(r.code).toBe(2);
      return;
    }
    expect(r.stderr).toBe('');
    expect(r.path).toBe(path);
    expect(r.options).toEqual(options);
  });

  it.each([
    [['groups', 'list', '--type', 'connect'], /unknown group type "connect"/],
    [['groups', 'describe', 'g', '--all-groups'], /give group names or --all-groups, not both/],
    [['groups', 'describe', 'g', '--verbose'], /--verbose goes with --members or --state/],
    [['groups', 'reset-offsets', 'g', '--all-topics'], /reset-offsets needs a strategy/],
    [
      ['groups', 'reset-offsets', 'g', '--all-topics', '--to-earliest', '--to-latest'],
      /pick one reset strategy, not --to-earliest and --to-latest/,
    ],
    [['groups', 'reset-offsets', 'g', '--to-earliest'], /say which partitions/],
    [['groups', 'reset-offsets', 'g', '--all-topics', '--to-offset', '-1'], /--to-offset needs a whole number >= 0/],
    [['groups', 'reset-offsets', 'g', '--all-topics', '--to-earliest', '--execute', '--dry-run'], /contradict/],
    [['groups', 'delete'], /groups delete needs at least one GROUP/],
    [['groups', 'delete-offsets', 'a', 'b', '--topic', 't'], /too many arguments|exactly one GROUP/],
    [['groups', 'delete-offsets', 'a'], /say which offsets/],
    [['lag', '--topic', 'a:x'], /--topic/],
  ])('%j is a usage error', async (argv, message) => {
    const r = await parseArgs(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
