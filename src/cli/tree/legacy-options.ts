import { Option, type Command } from 'commander';

// MIGRATION (issue 11): the commander helpers of the tree files not yet converted to specs.
/** Connection flags, on every command that talks to Kafka (kafka-*.sh spellings included). */
export function connectionOptions(cmd: Command): Command {
  return cmd
    .option('-b, --bootstrap-server <hosts>', 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too')
    .addOption(new Option('--brokers <hosts>', 'alias of --bootstrap-server').hideHelp())
    .option('--command-config <file>', 'client properties file, as for kafka-*.sh')
    .option('--profile <name>', 'use this profile (env KTOOL_PROFILE)')
    .option('--timeout <duration>', 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4');
}

/** Output flags; `-o` is deliberately not one of them (it is consume's offset, as in kcat and rpk). */
export function outputOptions(cmd: Command, formats = 'table|wide|json|yaml'): Command {
  return cmd
    .option('--format <format>', `output format: ${formats}`)
    .addOption(new Option('--output <format>', 'alias of --format').hideHelp())
    .option('--json', 'shorthand for --format json');
}

export function baseOptions(cmd: Command): Command {
  return cmd.option('--no-color', 'disable colours (also NO_COLOR=1)').option('--debug', 'show stack traces and client details on errors');
}

export { collect } from '../common-options.js';

export function examples(cmd: Command, lines: string[]): Command {
  return cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
}

/** --yes, the same on every verb that asks first (README "Destructive commands"). */
export function yesOption(cmd: Command): Command {
  return cmd.option('-y, --yes', 'do not ask for confirmation (required when standard input is not a terminal)');
}

/** The one way past the internal-topic guard (src/cli/internal-topics.ts): named to read as dangerous. */
export function allowInternalTopicsOption(cmd: Command): Command {
  return cmd.option('--allow-internal-topics', 'DANGEROUS: act on internal topics named exactly (__consumer_offsets, Connect, Streams, MirrorMaker 2 ...); a pattern never selects them');
}
