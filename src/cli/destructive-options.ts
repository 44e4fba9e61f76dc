import type { Command } from 'commander';

/** --yes, the same on every verb that asks first (README "Destructive commands"). */
export function yesOption(cmd: Command): Command {
  return cmd.option('-y, --yes', 'do not ask for confirmation (required when standard input is not a terminal)');
}

/** The one way past the internal-topic guard (src/cli/internal-topics.ts): named to read as dangerous. */
export function allowInternalTopicsOption(cmd: Command): Command {
  return cmd.option('--allow-internal-topics', 'DANGEROUS: act on internal topics named exactly (__consumer_offsets, Connect, Streams, MirrorMaker 2 ...); a pattern never selects them');
}
