import { Command, Help } from 'commander';
import { COMMANDS } from '../commands/registry.js';
import TOP_LEVEL from '../commands/top-level.json' with { type: 'json' };
import { EXIT_CODE_HELP } from '../errors.js';
import { addCommand } from './build-command.js';
import type { CommandModule, Dispatcher } from './dispatch.js';
import type { CommandEntry, SpecModule } from './registry-types.js';
import { VERSION } from './version.js';

/**
 * The command tree, built from the specs of src/commands/registry.ts. With `words` (the command
 * line), only what it names is loaded: `topics list` loads the topics noun and its list verb,
 * `topics --help` and `help topics` every topics verb, and a line that names no command (`--help`,
 * a mistyped noun) only the nouns, which is all that top-level help and suggestions show. Without
 * `words` (docs, completion scripts), everything.
 */
export async function buildProgram(dispatch: Dispatcher, words?: readonly string[]): Promise<Command> {
  const program = new Command('ktool')
    .description('One fast command-line toolkit for Apache Kafka.')
    .version(VERSION, '-V, --version')
    // ktool's own -V/--version only before a command: after one, the command's options are its own
    // (`local start --version 4.2.0` is the Kafka version to start, not ktool's version).
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText(
      'after',
      `
Connection: -b/--bootstrap-server, --command-config FILE, --profile NAME and --timeout work on every
command that talks to Kafka. Precedence: flag > env (KTOOL_BROKERS, KTOOL_PROFILE) > profile > localhost:9092.
Connecting and each request wait at most --timeout (then exit 4); Ctrl-C or SIGTERM ends any command
within a second (exit 130 or 143), losing nothing acknowledged.
Output: --format table|wide|json|yaml (or --json) on every command that prints data.

Examples:
  ktool local start                      # a real Kafka 4.3.1 on this machine, saved as profile "local"
  ktool topics create orders -p 6
  ktool topics describe orders --json | jq '.[0].partitions'
  ktool profile add prod -b kafka-1:9092 --sasl-mechanism SCRAM-SHA-512 --username app --password-env KAFKA_PASSWORD

${EXIT_CODE_HELP}
`,
    );
  const selected = selectEntries(words);
  if (selected === 'top-level') return withTopLevelListing(program);
  const loaded = await Promise.all(selected.map((entry) => entry.load()));
  const specOf = new Map(selected.map((entry, i) => [entry.path, loaded[i].spec]));
  const rank = (path: string) => {
    const words = path.split(' ');
    const order = words.length === 1 ? TOP_LEVEL_ORDER : (specOf.get(words.slice(0, -1).join(' '))?.order ?? []);
    const at = order.indexOf(words[words.length - 1]);
    return at < 0 ? order.length : at;
  };
  // Parents before children; siblings in their parent's order.
  const byOrder = selected
    .map((entry, i) => ({ entry, module: loaded[i] }))
    .sort((a, b) => a.entry.path.split(' ').length - b.entry.path.split(' ').length || rank(a.entry.path) - rank(b.entry.path));
  const entries = byOrder.map((x) => x.entry);
  const modules = byOrder.map((x) => x.module);
  const byPath = new Map<string, Command>([['', program]]);
  entries.forEach((entry, i) => {
    const parentPath = entry.path.split(' ').slice(0, -1).join(' ');
    const parent = byPath.get(parentPath);
    if (!parent) throw new Error(`command ${entry.path}: no ${parentPath} in src/commands/registry.ts`);
    byPath.set(entry.path, addCommand(parent, entry.path, modules[i].spec, dispatch, runnable(modules[i])));
  });
  const topRank = (name: string) => (TOP_LEVEL_ORDER.includes(name) ? TOP_LEVEL_ORDER.indexOf(name) : TOP_LEVEL_ORDER.length);
  (program.commands as Command[]).sort((a, b) => topRank(a.name()) - topRank(b.name()));
  return program;
}

/** How `ktool --help` lists the commands: the everyday ones first. Commands not named follow, A-Z. */
const TOP_LEVEL_ORDER = [
  'topics',
  'profile',
  'local',
  'produce',
  'consume',
  'completion',
  '__complete',
  'configs',
  'cluster',
  'offsets',
  'delete-records',
  'groups',
  'lag',
  'acls',
  'users',
  'mirror',
];

/** The entries to load; 'top-level' for a line that names no command (only the listing is needed). */
function selectEntries(words: readonly string[] | undefined): CommandEntry[] | 'top-level' {
  if (words === undefined) return [...COMMANDS];
  const [noun, verb] = words[0] === 'help' ? words.slice(1) : words;
  if (noun === undefined || !COMMANDS.some((e) => e.path === noun)) return 'top-level';
  const exact = COMMANDS.find((e) => e.path === `${noun} ${verb}`);
  return COMMANDS.filter((e) => e.path === noun || (exact ? e === exact : e.path.startsWith(`${noun} `)));
}

/**
 * The top-level commands as top-level help lists them, from src/commands/top-level.json (generated
 * with the docs): loading the modules of every noun took longer than the rest of `ktool --help`.
 * None of them runs: a line that names a command builds it from its module.
 */
function withTopLevelListing(program: Command): Command {
  const terms = new Map(TOP_LEVEL.map((c) => [c.name, c.term]));
  for (const c of TOP_LEVEL) program.command(c.name).description(c.description);
  program.configureHelp({
    subcommandTerm(this: Help, cmd: Command) {
      return terms.get(cmd.name()) ?? Help.prototype.subcommandTerm.call(this, cmd);
    },
  });
  return program;
}

function runnable(module: SpecModule): CommandModule<unknown> | undefined {
  return module.parse && module.run ? (module as CommandModule<unknown>) : undefined;
}
