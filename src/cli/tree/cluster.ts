import type { Command } from 'commander';
import { baseOptions, collect, connectionOptions, examples, outputOptions } from './legacy-options.js';
import { leafAction, type Dispatcher, type Loader } from '../dispatch.js';

function leaf(parent: Command, dispatch: Dispatcher, name: string, load: Loader): Command {
  const cmd = parent.command(name);
  baseOptions(outputOptions(connectionOptions(cmd)));
  cmd.action(leafAction(dispatch, `cluster ${name.split(' ')[0]}`, load));
  return cmd;
}

export function registerCluster(program: Command, dispatch: Dispatcher): void {
  const cluster = program.command('cluster').description('cluster id, brokers, features, health, log dirs and API versions');

  examples(
    leaf(cluster, dispatch, 'info', () => import('../../commands/cluster/info.js')).description('cluster id, controller, brokers (id, host:port, rack) and features'),
    ['ktool cluster info', "ktool cluster info --json | jq '.brokers[].id'"],
  );

  examples(
    leaf(cluster, dispatch, 'health [topics...]', () => import('../../commands/cluster/health.js')).description('offline, under-replicated and under-min-ISR partitions (of every topic, or these); exit code 6 when there are any'),
    ['ktool cluster health || echo "cluster needs attention"', 'ktool cluster health orders payments', "ktool cluster health --json | jq '.underMinIsr'"],
  );

  examples(
    leaf(cluster, dispatch, 'log-dirs [topics...]', () => import('../../commands/cluster/log-dirs.js'))
      .description('size on disk per broker, log dir, topic and partition (kafka-log-dirs.sh)')
      .option('--topic <topic>', 'only this topic, repeatable', collect)
      .option('--topic-list <a,b>', 'only these topics (kafka-log-dirs.sh spelling)', collect)
      .option('--describe', 'accepted for kafka-log-dirs.sh compatibility; does nothing'),
    ['ktool cluster log-dirs', 'ktool cluster log-dirs orders --format wide'],
  );

  examples(
    leaf(cluster, dispatch, 'api-versions', () => import('../../commands/cluster/api-versions.js')).description('the API versions every broker supports (kafka-broker-api-versions.sh)'),
    ['ktool cluster api-versions', "ktool cluster api-versions --json | jq '.[0].apis[] | select(.name==\"Fetch\")'"],
  );
}
