/**
 * Every documented flag reaches its own command (issue 14): for each runnable command in the tree
 * and each option of its spec and groups, `ktool <path> <option> [value]` is parsed by that command,
 * never taken by another (ktool's own -V/--version once printed ktool's version for `local start
 * --version 4.2.0`), and never "unknown". A value may still be refused by the command's parse (a
 * usage error naming it); what is checked is that the option arrives there.
 */
import { describe, expect, it } from 'vitest';
import { groupOptions } from '../../src/cli/common-options.js';
import type { OptionSpec } from '../../src/cli/spec.js';
import { COMMANDS } from '../../src/commands/registry.js';
import { dropinName } from '../../src/dropin/detect.js';
import { originalVersionLine } from '../../src/dropin/version.js';
import { parseArgs } from '../helpers/parse-args.js';

/** Arguments that satisfy a command's positionals (`<topics...>`, `<group>` ...): one word each. */
function positionals(command: string): string[] {
  return [...command.matchAll(/<[^>]+>/g)].map(() => 'x');
}

function argvFor(option: OptionSpec): string[] {
  const long = option.flags.match(/--[a-z0-9.-]+/)?.[0] ?? option.flags.split(/[ ,]/)[0];
  if (/<[^>]+>/.test(option.flags)) return [long, option.choices?.[0] ?? '1'];
  return [long];
}

describe('every option of every command arrives at that command', async () => {
  const modules = await Promise.all(COMMANDS.map(async (entry) => ({ entry, mod: await entry.load() })));
  const runnable = modules.filter(({ mod }) => mod.parse && mod.run && !mod.spec.hidden);
  const cases = runnable.flatMap(({ entry, mod }) => {
    const options = [...(mod.spec.groups ?? []).flatMap((g) => groupOptions(g, mod.spec.extraFormats)), ...(mod.spec.options ?? [])];
    return options.map((option) => ({ path: entry.path, command: mod.spec.command, option }));
  });

  it('walks the whole tree', () => expect(cases.length).toBeGreaterThan(300));

  it.each(cases.map((c) => [`${c.path} ${argvFor(c.option).join(' ')}`, c] as const))('%s', async (_, c) => {
    const argv = [...c.path.split(' '), ...positionals(c.command.split(' ').slice(1).join(' ')), ...argvFor(c.option)];
    // The whole line is a kafka-*.sh spelling, the original's by design (src/dropin/): `produce --version`
    // prints Kafka's version, `delete-records --bootstrap-server B` is kafka-delete-records.sh asking for its file.
    if (originalVersionLine(argv) || dropinName(argv)) return;
    const r = await parseArgs(argv);
    expect(r.stderr, argv.join(' ')).not.toMatch(/unknown option|unknown command/);
    // Parsed by this command, or refused by its own parse with a usage error (exit 2): never 0 unparsed.
    if (r.path === undefined) expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(2);
    else expect(r.path).toBe(c.path);
  });

  it("local start --version 4.2.0 is the Kafka version to start, not ktool's", async () => {
    const r = await parseArgs(['local', 'start', '--version', '4.2.0']);
    expect(r.path).toBe('local start');
    expect(JSON.stringify(r.options)).toContain('4.2.0');
  });
});
