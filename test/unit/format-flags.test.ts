import { describe, expect, it } from 'vitest';
import { parseArgs } from '../helpers/parse-args.js';

/** --format table|wide|json|yaml means the same in every command, or is refused (issue 10). */
describe('--format through the command tree', () => {
  it.each([
    [['consume', 't', '--format', 'yaml'], { kind: 'yaml', keyEncoding: 'text', valueEncoding: 'text' }],
    [['--format', 'json', 'consume', 't'], { kind: 'json', keyEncoding: 'text', valueEncoding: 'text' }],
    [['consume', 't', '-f', '%v'], { kind: 'template', template: '%v' }],
    [['consume', 't', '--template', '%v'], { kind: 'template', template: '%v' }],
  ])('%j', async (argv, output) => {
    const r = await parseArgs(argv);
    expect(r.stderr).toBe('');
    expect((r.options as { output: unknown }).output).toEqual(output);
  });

  it.each([
    [['consume', 't', '--format', 'table'], /records are not printed as a table/],
    [['consume', 't', '--format', '%v'], /unknown output format/],
    [['local', 'logs', '--json'], /--format and --json do not apply/],
    [['local', 'logs', '--format', 'yaml'], /--format and --json do not apply/],
  ])('rejects %j', async (argv, message) => {
    const r = await parseArgs(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
