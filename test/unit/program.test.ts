import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { runCli } from '../helpers/cli.js';

const names = (program: Command) => program.commands.map((c) => c.name()).sort();

describe('the command tree', () => {
  it('a known command loads only what it names; a line naming none only the nouns; docs the whole tree', async () => {
    const all = names(await buildProgram(async () => {}));
    expect(all).toEqual(expect.arrayContaining(['topics', 'groups', 'lag', 'produce', 'consume', 'mirror', 'local']));
    // A single-verb command (lag, once built with groups in one tree file) is the only one built.
    expect(names(await buildProgram(async () => {}, ['lag']))).toEqual(['lag']);
    const topicsList = await buildProgram(async () => {}, ['topics', 'list']);
    expect(names(topicsList)).toEqual(['topics']);
    expect(names(topicsList.commands[0])).toEqual(['list']);
    expect(names((await buildProgram(async () => {}, ['topics', 'lsit'])).commands[0])).toEqual(
      expect.arrayContaining(['list', 'describe', 'create']),
    );
    // Top-level help and suggestions show the visible nouns only, from src/commands/top-level.json: no command file is
    // loaded for them, and the help is the whole tree's, byte for byte.
    const full = await buildProgram(async () => {});
    const visible = full.commands.filter((c) => !(c as unknown as { _hidden: boolean })._hidden).map((c) => c.name());
    for (const words of [['help'], ['prodcue'], ['--help'], []]) {
      const program = await buildProgram(async () => {}, words);
      expect(names(program)).toEqual(visible.sort());
      expect(program.commands.flatMap((noun) => noun.commands)).toEqual([]);
      expect(program.helpInformation()).toBe(full.helpInformation());
    }
    expect(names((await buildProgram(async () => {}, ['help', 'topics'])).commands.find((c) => c.name() === 'topics')!)).toEqual(
      expect.arrayContaining(['list', 'describe']),
    );
  });

  it('each positional argument once in every usage line (a described argument is not added again from `command`)', async () => {
    const program = await buildProgram(async () => {});
    const walk = (c: Command): Command[] => [c, ...c.commands.flatMap(walk)];
    const twice = walk(program)
      .map((c) => [c.name(), c.registeredArguments.map((a) => a.name())] as const)
      .filter(([, args]) => new Set(args).size !== args.length);
    expect(twice).toEqual([]);
    expect(
      program.commands
        .find((c) => c.name() === 'transactions')!
        .commands.find((c) => c.name() === 'list')!
        .usage(),
    ).toBe('[options] [pattern]');
  });

  it('help, a mistyped command and options before the command still work', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/produce[\s\S]*consume[\s\S]*mirror/);
    const typo = await runCli(['prodcue', 't']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Did you mean produce\?/);
    expect((await runCli(['--json', 'profile', 'list'])).code).toBe(0);
    expect((await runCli(['help', 'consume'])).stdout).toMatch(/Usage: ktool consume/);
  });

  it('a noun without its verb prints its help on stderr and exits 2; asked-for help is stdout and 0', async () => {
    const nouns = (await buildProgram(async () => {})).commands
      .filter((c) => c.commands.length > 0 && !(c as unknown as { _actionHandler: unknown })._actionHandler)
      .map((c) => c.name());
    expect(nouns).toEqual(expect.arrayContaining(['topics', 'groups', 'configs', 'cluster', 'acls', 'users', 'profile', 'local']));
    for (const noun of nouns) {
      const r = await runCli([noun]);
      expect([noun, r.code]).toEqual([noun, 2]);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^Usage: ktool ${noun} `));
      const asked = await runCli(['help', noun]);
      expect([noun, asked.code, asked.stderr]).toEqual([noun, 0, '']);
      expect(asked.stdout).toMatch(new RegExp(`^Usage: ktool ${noun} `));
      expect((await runCli([noun, '--help'])).code).toBe(0);
    }
    // ktool alone too; kafka-topics.sh's --list is not a missing verb (it is rewritten to `topics list`).
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(['topics', '--list', '-b', '127.0.0.1:1', '--timeout', '1ms'])).stderr).not.toMatch(/Usage:/);
  });
});
