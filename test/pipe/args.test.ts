import { describe, expect, it } from 'vitest';
import { parseArgs } from '../helpers/parse-args.js';
import type { PipeOptions } from '../../src/commands/pipe/options.js';

const parse = async (...argv: string[]) => {
  const r = await parseArgs(['pipe', ...argv]);
  return { ...r, o: r.options as PipeOptions | undefined };
};

describe('ktool pipe arguments', () => {
  it('defaults: new records (-o end), read_uncommitted, stop on an expression error, acks all and idempotent', async () => {
    const { o, code } = await parse('in', 'out');
    expect(code).toBe(0);
    expect(o).toMatchObject({
      input: 'in',
      output: 'out',
      offsetText: 'end',
      exitAtEnd: false,
      isolation: 'read_uncommitted',
      onError: 'stop',
      producer: { acks: -1, idempotent: true, compression: 'none' },
      fetchMaxBytes: 1 << 20,
    });
    expect(o!.where).toBeUndefined();
  });

  it.each([
    [['-e'], { offsetText: 'start', exitAtEnd: true }],
    [['-n', '5'], { offsetText: 'start', maxMessages: 5 }],
    [['-o', '-10', '-e'], { offsetText: '-10' }],
    [['--isolation-level', 'read_committed'], { isolation: 'read_committed' }],
    [['--on-error', 'skip'], { onError: 'skip' }],
    [['--compression', 'zstd', '--acks', '1'], { producer: { acks: 1, idempotent: false, compression: 'zstd' } }],
    [['-p', '0,2'], { selection: { topics: ['in'], partitions: { partitions: [0, 2] } } }],
  ])('%j', async (flags, expected) => {
    const { o, code, stderr } = await parse('in', 'out', ...flags);
    expect(code, stderr).toBe(0);
    expect(o).toMatchObject(expected);
  });

  it('expressions are compiled at parse time', async () => {
    const { o } = await parse('in', 'out', '--where', 'value.a > 1', '--map', 'value.b', '--key', 'key');
    expect(o!.where!.source).toBe('value.a > 1');
    expect(typeof o!.map!.evaluate).toBe('function');
    expect(o!.key!.flag).toBe('--key');
  });

  it.each([
    [['in'], /missing required argument 'out'/],
    [['in', 'in'], /the input and output topics are the same \(in\)/],
    [['in', 'bad name'], /invalid topic name "bad name"/],
    [['in', 'out', '--where', 'a >'], /--where: the expression ends too early at column 4/],
    [['in', 'out', '--on-error', 'ignore'], /--on-error/],
    [['in', 'out', '--acks', '2'], /--acks must be 0, 1 or all/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, stderr } = await parse(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
