import type { Command } from 'commander';
import { baseOptions, collect, connectionOptions, examples, outputOptions } from './legacy-options.js';
import { allowInternalTopicsOption } from './legacy-options.js';
import { leafAction, type Dispatcher, type Loader } from '../dispatch.js';

function leaf(parent: Command, dispatch: Dispatcher, name: string, load: Loader): Command {
  const cmd = parent.command(name);
  baseOptions(outputOptions(connectionOptions(cmd)));
  cmd.action(leafAction(dispatch, `configs ${name}`, load));
  return entityOptions(cmd);
}

function entityOptions(cmd: Command): Command {
  return cmd
    .option('--entity-type <type>', 'topics, brokers, broker-loggers, users, clients, ips, groups or client-metrics (repeat it for a user + client pair)', collect)
    .option('--entity-name <name>', 'the entity (a broker by id), paired in order with --entity-type', collect)
    .option('--entity-default', 'the default entity (brokers, users, clients, ips)')
    .option('--topic <topic>', 'shortcut: --entity-type topics --entity-name TOPIC')
    .option('--broker <id>', 'shortcut: --entity-type brokers --entity-name ID')
    .option('--broker-defaults', 'shortcut: --entity-type brokers --entity-default')
    .option('--broker-logger <id>', 'shortcut: --entity-type broker-loggers --entity-name ID')
    .option('--user <user>', 'shortcut: --entity-type users --entity-name USER (quotas)')
    .option('--user-defaults', 'shortcut: --entity-type users --entity-default')
    .option('--client <client-id>', 'shortcut: --entity-type clients --entity-name CLIENT (quotas)')
    .option('--client-defaults', 'shortcut: --entity-type clients --entity-default')
    .option('--ip <ip>', 'shortcut: --entity-type ips --entity-name IP (connection quotas)')
    .option('--ip-defaults', 'shortcut: --entity-type ips --entity-default')
    .option('--group <group>', 'shortcut: --entity-type groups --entity-name GROUP')
    .option('--client-metrics <name>', 'shortcut: --entity-type client-metrics --entity-name NAME');
}

export function registerConfigs(program: Command, dispatch: Dispatcher): void {
  const configs = program
    .command('configs')
    .description('describe and change topic, broker, group and client-metrics configs and client quotas (kafka-configs.sh spellings work too)')
    .addHelpText(
      'after',
      `\nkafka-configs.sh spellings are accepted:\n  ktool configs --describe --entity-type topics --entity-name t [--all]\n  ktool configs --alter --entity-type topics --entity-name t --add-config 'k1=v1,k2=[a,b]' --delete-config k3\n`,
    );

  examples(
    leaf(configs, dispatch, 'describe', () => import('../../commands/configs/describe.js'))
      .description("configs with each value's source, sensitivity and read-only flag; quotas for users/clients/ips")
      .option('--all', 'every config, also those from broker defaults and built-in defaults'),
    ['ktool configs describe --topic orders', 'ktool configs describe --topic orders --all --format wide', 'ktool configs describe --broker 1', 'ktool configs describe --broker-defaults', 'ktool configs describe --user alice'],
  );

  examples(
    allowInternalTopicsOption(leaf(configs, dispatch, 'alter', () => import('../../commands/configs/alter.js')))
      .description("change configs with IncrementalAlterConfigs (never read-modify-write), or client quotas; an internal topic's configs only with --allow-internal-topics")
      .option('--add-config <k=v,...>', "set configs: 'k1=v1,k2=[a,b]' (a list in brackets), repeatable", collect)
      .option('--add-config-file <file>', 'set the configs in this properties file')
      .option('--delete-config <k,...>', 'revert configs to their default, repeatable', collect)
      .option('--append <k=v>', 'add values to a list config, repeatable', collect)
      .option('--subtract <k=v>', 'remove values from a list config, repeatable', collect)
      .option('--dry-run', 'validate on the broker without changing anything'),
    [
      'ktool configs alter --topic orders --add-config retention.ms=86400000,cleanup.policy=[compact,delete]',
      'ktool configs alter --topic orders --delete-config retention.ms',
      'ktool configs alter --topic orders --append cleanup.policy=compact',
      'ktool configs alter --broker-defaults --add-config log.cleaner.threads=2 --dry-run',
      'ktool configs alter --user alice --add-config producer_byte_rate=1048576',
    ],
  );
}
