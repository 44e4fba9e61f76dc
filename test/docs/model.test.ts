import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { bashCompletion, fishCompletion, manPages, zshCompletion } from '../../src/docs/index.js';
import { argumentCompleter, optionCompleter } from '../../src/docs/completers.js';
import { allCommands, commandModel } from '../../src/docs/model.js';

const program = await buildProgram(async () => {});

describe('command model', () => {
  const root = commandModel(program);
  const find = (path: string) => [...allCommands(root)].find((c) => c.path.join(' ') === path)!;

  it('walks commands, subcommands, options and arguments', () => {
    expect(root.subcommands.map((c) => c.name)).toEqual(expect.arrayContaining(['topics', 'profile', 'completion', 'help']));
    const create = find('topics create');
    expect(create.arguments).toEqual([expect.objectContaining({ name: 'topics', variadic: true, required: true })]);
    expect(create.options.find((o) => o.long === '--replication-factor')).toMatchObject({ short: '-r', takesValue: true, valueName: 'n' });
    expect(create.options.find((o) => o.long === '--config')).toMatchObject({ repeatable: true });
    expect(create.examples[0]).toMatch(/^ktool topics create orders/);
  });

  it('skips hidden commands and flags hidden options', () => {
    expect(root.subcommands.map((c) => c.name)).not.toContain('__complete');
    const list = find('topics list');
    expect(list.options.find((o) => o.long === '--brokers')).toMatchObject({ hidden: true, takesValue: true });
    for (const text of [bashCompletion(program), zshCompletion(program), fishCompletion(program), ...manPages(program).values()]) {
      expect(text).not.toMatch(/-l brokers|'--brokers=|\\-\\-brokers\b/);
    }
    expect([...manPages(program).keys()].some((n) => n.includes('__complete'))).toBe(false);
  });

  it('takes choices from commander and from "output format:" descriptions', () => {
    expect(find('profile add').options.find((o) => o.long === '--sasl-mechanism')?.completer).toEqual({
      kind: 'choices',
      values: ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'],
    });
    expect(find('topics list').options.find((o) => o.long === '--format')?.completer).toEqual({
      kind: 'choices',
      values: ['table', 'wide', 'json', 'yaml'],
    });
    expect(find('completion').arguments[0].completer).toEqual({ kind: 'choices', values: ['bash', 'zsh', 'fish'] });
  });

  it('maps positional arguments to completers by name', () => {
    for (const path of ['topics describe', 'topics alter', 'topics delete'])
      expect(find(path).arguments[0].completer).toEqual({ kind: 'topics' });
    expect(find('topics create').arguments[0].completer).toEqual({ kind: 'none' });
    for (const path of ['profile use', 'profile show', 'profile delete'])
      expect(find(path).arguments[0].completer).toEqual({ kind: 'profiles' });
    expect(find('profile add').arguments[0].completer).toEqual({ kind: 'none' });
    for (const path of ['groups describe', 'groups delete', 'lag']) expect(find(path).arguments[0].completer).toEqual({ kind: 'groups' });
    for (const path of ['consume', 'groups describe'])
      expect(find(path).options.find((o) => o.long === '--group')?.completer).toEqual({ kind: 'groups' });
    expect(find('help').arguments[0].completer).toMatchObject({ kind: 'choices', values: expect.arrayContaining(['topics', 'profile']) });
    // commands that land later (produce, consume) get topic completion just by their argument names
    expect(argumentCompleter({ path: 'produce', name: 'topic' })).toEqual({ kind: 'topics' });
    expect(optionCompleter({ path: 'consume', long: '--topic', short: '-t', valueName: 'topic', description: 'topic to read' })).toEqual({
      kind: 'topics',
    });
    expect(optionCompleter({ path: 'x', long: '--profile', valueName: 'name', description: '' })).toEqual({ kind: 'profiles' });
    expect(optionCompleter({ path: 'x', long: '--input', valueName: 'file', description: '' })).toEqual({ kind: 'files' });
  });

  it('works on any commander tree', () => {
    const p = new Command('ktool');
    const grp = p.command('things').description('things').alias('th');
    grp
      .command('show <topic>')
      .description("show 'a' thing [really]")
      .addOption(new Option('--mode <m>', 'mode: fast').choices(['a', 'b']).hideHelp(false));
    grp.command('secret', { hidden: true });
    const model = commandModel(p);
    expect(model.subcommands[0]).toMatchObject({ name: 'things', aliases: ['th'] });
    expect(model.subcommands[0].subcommands.map((s) => s.name)).toEqual(['show', 'help']);
    expect(bashCompletion(p)).toContain("'things') echo 'show help'");
    expect(zshCompletion(p)).toContain('(things|th) _ktool_cmd_things');
    expect(fishCompletion(p)).toContain("-a 'th'");
    expect(manPages(p).get('ktool-things-show.1')).toContain("show 'a' thing [really]");
  });
});

describe('choices listed in descriptions', () => {
  const choices = (description: string) => optionCompleter({ path: 'x', long: '--x', valueName: 'v', description });
  it.each([
    ['output format: table|wide|json|yaml', ['table', 'wide', 'json', 'yaml']],
    ['how keys are written in the input: text|json|base64|hex', ['text', 'json', 'base64', 'hex']],
    ['none|gzip|snappy|lz4|zstd (default: none)', ['none', 'gzip', 'snappy', 'lz4', 'zstd']],
  ])('%s', (description, values) => expect(choices(description)).toEqual({ kind: 'choices', values }));
  it.each(['each line is KEY<sep>VALUE', '0, 1 or all (default: all)', 'a regex such as a|b'])('%s: none', (description) =>
    expect(choices(description)).toEqual({ kind: 'none' }),
  );
});
