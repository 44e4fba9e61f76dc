import { Command, Option } from 'commander';
import { baseOptions, examples, outputOptions } from './legacy-options.js';
import { yesOption } from './legacy-options.js';
import { leafAction, type Dispatcher, type Loader } from '../dispatch.js';
import { DEFAULT_KAFKA_VERSION } from '../../local/versions.js';

function leaf(parent: Command, dispatch: Dispatcher, name: string, load: Loader): Command {
  const cmd = parent.command(name).option('--name <name>', 'cluster name (also the profile name)', 'local');
  baseOptions(outputOptions(cmd));
  cmd.action(leafAction(dispatch, `local ${name}`, load));
  return cmd;
}

export function registerLocal(program: Command, dispatch: Dispatcher): void {
  const local = program.command('local').description('run a real Apache Kafka (KRaft) on this machine, no Docker');
  examples(
    leaf(local, dispatch, 'start', () => import('../../commands/local/start.js'))
      .description('start a local cluster on free ports and save a profile for it')
      .addOption(new Option('--nodes <n>', 'number of brokers').choices(['1', '3']).default('1'))
      .option('--sasl', 'add a SASL_PLAINTEXT listener (PLAIN, SCRAM-SHA-256/512, unsecured-JWT OAUTHBEARER; admin/admin-secret) with an authorizer, and a <name>-sasl profile')
      .option('--tls', 'add an SSL listener (own CA, client certificate required; needs openssl) and a <name>-tls profile')
      .option('--fresh', 'start a stopped cluster anew instead of again with its data')
      .option('--kafka-version <version>', `Kafka version to run (default ${DEFAULT_KAFKA_VERSION}; 3.3 and newer, KRaft)`)
      .option('--version <version>', 'same as --kafka-version (here it is not ktool\'s own version: that is `ktool --version`)')
      .option('--kafka-home <dir>', 'use an unpacked Kafka distribution (env KAFKA_HOME)'),
    ['ktool local start', 'ktool local start --nodes 3', 'ktool local start --sasl && ktool --profile local-sasl topics list', 'ktool local start --tls && ktool --profile local-tls topics list', 'ktool local start --name dr   # a second, independent cluster', 'ktool local start --name old --kafka-version 3.9.2   # another Kafka (--version works too)', 'ktool local stop && ktool local start   # same ports, topics kept (--fresh wipes)'],
  );
  examples(leaf(local, dispatch, 'stop', () => import('../../commands/local/stop.js')).description('stop a local cluster'), ['ktool local stop']);
  examples(leaf(local, dispatch, 'status', () => import('../../commands/local/status.js')).description('is the local cluster running? (exit 3 when not)'), ['ktool local status --json']);
  const list = local.command('list').description('every local cluster under the cache directory: state (running, stopped, degraded), nodes, bootstrap, version, the profiles pointing at it');
  baseOptions(outputOptions(list));
  list.action(leafAction(dispatch, 'local list', () => import('../../commands/local/list.js')));
  examples(list, ['ktool local list', 'ktool local list --json']);
  const del = local
    .command('delete <name>')
    .description("delete a local cluster's data (topics, logs, TLS files) and the profiles `local start` saved for it; asks on a terminal, needs --yes otherwise")
    .option('--stop', 'stop it first when it is running (otherwise a running cluster is refused)');
  baseOptions(outputOptions(yesOption(del)));
  del.action(leafAction(dispatch, 'local delete', () => import('../../commands/local/delete.js')));
  examples(del, ['ktool local delete dr', 'ktool local delete dr --stop --yes']);
  examples(
    leaf(local, dispatch, 'logs', () => import('../../commands/local/logs.js'))
      .description("print a node's server log")
      .option('--node <id>', 'node id', '1')
      .option('-n, --lines <n>', 'how many lines from the end', '100')
      .option('-f, --follow', 'keep printing new lines until Ctrl-C'),
    ['ktool local logs -n 20', 'ktool local logs -f'],
  );
}
