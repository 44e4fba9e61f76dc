import { describe, expect, it } from 'vitest';
import { parseArgs } from '../helpers/parse-args.js';

/** The command line -> consume's options, through the spec (commander), without running anything. */
describe('consume arguments -> options', () => {
  it.each([
    [
      ['consume', 't', '-e'],
      {
        topics: ['t'],
        offsetText: 'start',
        exitAtEnd: true,
        output: { kind: 'values' },
        isolation: 'read_uncommitted',
        groupProtocol: 'classic',
        fetchMaxBytes: 1 << 20,
        verbose: false,
      },
    ],
    [
      ['consume', '--topic', 'a', '--topic', 'b', '--from-beginning', '--max-messages', '5'],
      { topics: ['a', 'b'], offsetText: 'start', maxMessages: 5, exitAtEnd: false },
    ],
    [
      ['consume', 't', '-p', '0', '-p', '2', '-P', '4-5', '-o', '-10'],
      { partitions: { partitions: [0, 2, 4, 5] }, offsetText: '-10', offset: { start: { kind: 'fromEnd', delta: 10n } } },
    ],
    [
      ['consume', 't:1', 'u', '-o', '100:200'],
      {
        topics: ['t', 'u'],
        topicPartitions: { t: { partitions: [1] } },
        offset: { start: { kind: 'offset', offset: 100n }, end: { kind: 'offset', offset: 200n } },
      },
    ],
    [
      ['consume', 't', '-g', 'billing', '--group-protocol', 'consumer', '--isolation-level', 'read_committed'],
      { group: 'billing', groupProtocol: 'consumer', isolation: 'read_committed', offsetText: 'end' },
    ],
    [['consume', 't', 'u', '--share-group', 'workers', '-n', '10'], { topics: ['t', 'u'], shareGroup: 'workers', maxMessages: 10 }],
    [
      ['consume', 't', '--json', '--key-encoding', 'hex', '--value-encoding', 'base64'],
      { output: { kind: 'json', keyEncoding: 'hex', valueEncoding: 'base64' } },
    ],
    [['consume', 't', '--output', 'yaml'], { output: { kind: 'yaml', keyEncoding: 'text', valueEncoding: 'text' } }],
    [['consume', 't', '-f', '%k=%v\\n'], { output: { kind: 'template', template: '%k=%v\\n' } }],
    [
      ['consume', 't', '--property', 'print.key=true', '--formatter-property', 'key.separator=|'],
      { output: { kind: 'console', props: expect.objectContaining({ printKey: true, keySeparator: '|' }) } },
    ],
    [
      ['consume', 't', '--header', 'a=1', '--header', 'b=', '--timeout-ms', '1500', '--fetch-max-bytes', '8MB', '-v'],
      {
        headerFilters: [
          ['a', '1'],
          ['b', ''],
        ],
        idleTimeoutMs: 1500,
        fetchMaxBytes: 8 << 20,
        verbose: true,
      },
    ],
  ])('%j', async (argv, options) => {
    const r = await parseArgs(argv);
    expect(r.stderr).toBe('');
    expect(r.path).toBe('consume');
    expect(r.options).toMatchObject(options);
  });

  it('--grep and --key-grep match anywhere in the value or key', async () => {
    const { options } = (await parseArgs(['consume', 't', '--grep', 'err(or)?', '--key-grep', '^k'])) as {
      options: { grep: RegExp; keyGrep: RegExp };
    };
    expect([options.grep.test('an error here'), options.grep.test('fine')]).toEqual([true, false]);
    expect([options.keyGrep.test('k1'), options.keyGrep.test('xk')]).toEqual([true, false]);
  });

  it.each([
    [['consume', 't', '--isolation-level', 'dirty'], /argument 'dirty' is invalid. Allowed choices are read_committed, read_uncommitted/],
    [['consume', 't', '--group-protocol', 'new'], /Allowed choices are classic, consumer/],
    [['consume', 't', '--value-encoding', 'rot13'], /Allowed choices are text, json, base64, hex/],
    [['consume', 't', '--share-group', 'w', '-g', 'x'], /--group cannot be combined with --share-group/],
    [['consume', 't:0', '--share-group', 'w'], /-p\/--partition and TOPIC:PARTITIONS cannot be combined with --share-group/],
    [['consume', 't', '--share-group', 'w', '-p', '0'], /-p\/--partition and TOPIC:PARTITIONS cannot be combined/],
    [['consume', '--include', 't.*', '--share-group', 'w'], /--include cannot be combined with --share-group/],
    [['consume', 't', '--share-group', 'w', '--from-beginning'], /-o\/--offset and --from-beginning cannot be combined/],
    [['consume', 't', '--share-group', 'w', '-e'], /-e\/--exit cannot be combined with --share-group/],
    [['consume', 't', '--share-group', 'w', '--isolation-level', 'read_committed'], /--isolation-level cannot be combined/],
    [['consume', 't', '--share-group', ''], /--share-group needs a group id/],
  ])('the spec refuses %j (exit 2)', async (argv, message) => {
    const r = await parseArgs(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
