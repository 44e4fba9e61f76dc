import { Command, Option } from 'commander';
import { SASL_MECHANISMS } from '../../config/profile-types.js';
import { baseOptions, connectionOptions, examples, outputOptions } from './legacy-options.js';
import { yesOption } from './legacy-options.js';
import { leafAction, type Dispatcher, type Loader } from '../dispatch.js';

function leaf(parent: Command, dispatch: Dispatcher, name: string, load: Loader, withOutput = true): Command {
  const cmd = parent.command(name);
  if (withOutput) outputOptions(cmd);
  baseOptions(cmd);
  cmd.action(leafAction(dispatch, `profile ${name.split(' ')[0]}`, load));
  return cmd;
}

export function registerProfile(program: Command, dispatch: Dispatcher): void {
  const profile = program.command('profile').description('saved cluster connections (~/.config/ktool/config.yaml)');

  examples(
    leaf(profile, dispatch, 'add <name>', () => import('../../commands/profile/add.js'), false)
      .description('add or replace a profile (-b is required)')
      .option('-b, --bootstrap-server <hosts>', 'brokers HOST:PORT[,HOST:PORT] (required)')
      .option('--client-id <id>', 'client.id sent to the brokers')
      .option('--timeout <duration>', 'default timeout for this cluster, e.g. 30s')
      .addOption(new Option('--sasl-mechanism <mechanism>', 'SASL mechanism').choices([...SASL_MECHANISMS]))
      .option('--username <user>', 'SASL username')
      .option('--password <password>', 'SASL password, stored in the file (prefer --password-env or --password-command)')
      .option('--password-env <var>', 'read the SASL password from this environment variable at connect time')
      .option('--password-command <cmd>', 'run this command at connect time; its stdout is the password')
      .option('--token <token>', 'OAUTHBEARER token, stored in the file')
      .option('--token-env <var>', 'read the OAUTHBEARER token from this environment variable')
      .option('--token-command <cmd>', 'run this command to get an OAUTHBEARER token')
      .option('--tls', 'connect with TLS')
      .option('--ca <file>', 'CA certificate (PEM) to trust')
      .option('--cert <file>', 'client certificate (PEM) for mTLS')
      .option('--key <file>', 'client private key (PEM) for mTLS')
      .option('--server-name <name>', 'TLS server name (SNI) to verify')
      .option('--insecure-skip-verify', 'do not verify the broker certificate (test clusters only)')
      .option('--use', 'make it the current profile'),
    [
      'ktool profile add dev -b localhost:9092 --use',
      'ktool profile add prod -b k1:9093,k2:9093 --tls --ca ca.pem --sasl-mechanism SCRAM-SHA-512 --username app --password-env KAFKA_PASSWORD',
      "ktool profile add cloud -b pkc.example:9092 --tls --sasl-mechanism PLAIN --username KEY --password-command 'pass show kafka/cloud'",
    ],
  );
  examples(leaf(profile, dispatch, 'use <name>', () => import('../../commands/profile/use.js'), false).description('make a profile the current one'), ['ktool profile use prod']);
  examples(leaf(profile, dispatch, 'list', () => import('../../commands/profile/list.js')).description('list profiles'), ['ktool profile list --json']);
  examples(
    connectionOptions(leaf(profile, dispatch, 'show [name]', () => import('../../commands/profile/show.js')))
      .description('show a profile (secrets redacted); --resolved shows what a command would use, and where each value came from')
      .option('--resolved', 'apply flags, environment and profile precedence'),
    ['ktool profile show prod', 'ktool profile show --resolved --profile prod -b k3:9093   # prod with another bootstrap', 'ktool profile show --resolved -b other:9092   # -b alone: no profile, defaults'],
  );
  examples(yesOption(leaf(profile, dispatch, 'delete <name>', () => import('../../commands/profile/delete.js'), false)).description('delete a profile (asks on a terminal; needs --yes otherwise)'), ['ktool profile delete old --yes']);
}
