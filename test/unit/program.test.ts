import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, REGISTRARS } from '../../src/cli/program.js';
import { runCli } from '../helpers/cli.js';

const names = (program: Command) => program.commands.map((c) => c.name()).sort();

describe('the command tree', () => {
  it('each registrar registers exactly the top-level commands it is listed under', () => {
    for (const [register, listed] of REGISTRARS) {
      const program = new Command('ktool');
      register(program, async () => {});
      expect(names(program)).toEqual([...listed].sort());
    }
  });

  it('a known command builds only its subtree; anything else builds the whole tree', () => {
    const all = names(buildProgram(async () => {}));
    expect(all).toEqual(REGISTRARS.flatMap(([, listed]) => listed).sort());
    expect(names(buildProgram(async () => {}, 'lag'))).toEqual(['groups', 'lag']);
    expect(names(buildProgram(async () => {}, 'help'))).toEqual(all);
    expect(names(buildProgram(async () => {}, 'prodcue'))).toEqual(all);
  });

  it('help, a mistyped command and options before the command still work', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/produce[\s\S]*consume[\s\S]*mirror/);
    const typo = await runCli(['prodcue', 't']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Did you mean produce\?/);
    expect((await runCli(['--json', 'profile', 'list'])).code).toBe(0);
    expect((await runCli(['help', 'consume'])).stdout).toMatch(/Usage: ktool consume/);
  });
});
