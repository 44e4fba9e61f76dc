import type { Command } from 'commander';
import { baseOptions, collect, connectionOptions, examples, outputOptions } from './legacy-options.js';
import { leafAction, type Dispatcher, type Loader } from '../dispatch.js';

function leaf(parent: Command, dispatch: Dispatcher, noun: string, name: string, load: Loader): Command {
  const cmd = parent.command(name);
  baseOptions(outputOptions(connectionOptions(cmd)));
  cmd.action(leafAction(dispatch, `${noun} ${name.split(' ')[0]}`, load));
  return cmd;
}

function resourceOptions(cmd: Command, patterns: string): Command {
  return cmd
    .option('--topic <topic>', "a topic ('*' for every topic), repeatable", collect)
    .option('--group <group>', "a consumer group ('*' for every group), repeatable", collect)
    .option('--cluster', 'the cluster resource')
    .option('--transactional-id <id>', "a transactional id ('*' for every id), repeatable", collect)
    .option('--delegation-token <id>', 'a delegation token, repeatable', collect)
    .option('--user-principal <principal>', 'a user principal as the resource (for CreateTokens/DescribeTokens), repeatable', collect)
    .option('--resource-pattern-type <type>', patterns);
}

function entryOptions(cmd: Command): Command {
  return cmd
    .option('--allow-principal <principal>', "TYPE:NAME to allow, e.g. User:alice (User:'*' is everyone), repeatable", collect)
    .option('--deny-principal <principal>', 'TYPE:NAME to deny (a deny wins over any allow), repeatable', collect)
    .option('--allow-host <host>', 'IP address the allowed principals may connect from (default *), repeatable', collect)
    .option('--deny-host <host>', 'IP address the denied principals are denied from (default *), repeatable', collect)
    .option('--operation <ops>', 'Read, Write, Create, Delete, Alter, Describe, ClusterAction, DescribeConfigs, AlterConfigs, IdempotentWrite, CreateTokens, DescribeTokens, TwoPhaseCommit or All; comma-separated, repeatable', collect)
    .option('--producer', 'producer role: Write, Describe, Create on --topic (and Write, Describe on --transactional-id)')
    .option('--idempotent', 'with --producer: IdempotentWrite on the cluster')
    .option('--consumer', 'consumer role: Read, Describe on --topic and Read on --group');
}

export function registerAcls(program: Command, dispatch: Dispatcher): void {
  const acls = program
    .command('acls')
    .description('list, create and delete ACLs (kafka-acls.sh spellings work too)')
    .addHelpText(
      'after',
      `\nkafka-acls.sh spellings are accepted:\n  ktool acls --add --allow-principal User:alice --operation Read --topic t\n  ktool acls --remove --allow-principal User:alice --operation Read --topic t [--force]\n  ktool acls --list [--topic t] [--principal User:alice]\n`,
    );

  examples(
    resourceOptions(leaf(acls, dispatch, 'acls', 'list', () => import('../../commands/acls/list.js')), 'literal (default with a resource), prefixed, any (default without) or match (every ACL that applies to the resource)')
      .description('ACLs: principal, host, operation, permission and resource')
      .option('--principal <principal>', 'only ACLs of this TYPE:NAME, repeatable', collect)
      .option('--operation <ops>', 'only these operations (comma-separated, repeatable)', collect),
    ['ktool acls list', 'ktool acls list --topic orders --resource-pattern-type match', 'ktool acls list --principal User:alice --json'],
  );

  examples(
    entryOptions(resourceOptions(leaf(acls, dispatch, 'acls', 'create', () => import('../../commands/acls/create.js')), 'literal (default) or prefixed'))
      .description('add ACLs: each principal x operation x host on each resource (--operation defaults to All)'),
    [
      'ktool acls create --allow-principal User:alice --operation Read,Describe --topic orders',
      'ktool acls create --allow-principal User:alice --producer --idempotent --topic orders',
      'ktool acls create --allow-principal User:bob --consumer --topic orders --group billing',
      "ktool acls create --allow-principal User:'*' --operation Read --topic logs. --resource-pattern-type prefixed",
      'ktool acls create --deny-principal User:mallory --operation All --topic orders',
    ],
  );

  examples(
    entryOptions(resourceOptions(leaf(acls, dispatch, 'acls', 'delete', () => import('../../commands/acls/delete.js')), 'literal (default), prefixed, any or match (careful: every ACL that applies)'))
      .description('delete ACLs matching a filter; lists them and asks on a terminal, needs --yes otherwise')
      .option('--principal <principal>', 'ACLs of this TYPE:NAME, allow or deny, repeatable', collect)
      .option('-y, --yes', 'do not ask for confirmation (required when standard input is not a terminal)')
      .option('--force', 'alias of --yes (kafka-acls.sh)'),
    [
      'ktool acls delete --allow-principal User:alice --operation Read --topic orders --yes',
      'ktool acls delete --topic orders --yes',
      'ktool acls delete --principal User:alice --yes',
    ],
  );

  registerUsers(program, dispatch);
}

function registerUsers(program: Command, dispatch: Dispatcher): void {
  const users = program.command('users').description('SCRAM users: list, create (or change the password of) and delete SCRAM-SHA-256/512 credentials');

  examples(
    leaf(users, dispatch, 'users', 'list [users...]', () => import('../../commands/users/list.js')).description('users with SCRAM credentials: mechanism and iterations (never salts or keys)'),
    ['ktool users list', 'ktool users list alice --json'],
  );

  examples(
    leaf(users, dispatch, 'users', 'create <user>', () => import('../../commands/users/create.js'))
      .description('create a SCRAM user or replace its password; the password is read from standard input, or asked without echo on a terminal')
      .option('--mechanism <mechanism>', 'SCRAM-SHA-256 and/or SCRAM-SHA-512 (default SCRAM-SHA-512); comma-separated, repeatable', collect)
      .option('--iterations <n>', 'PBKDF2 iterations, 4096-16384 (default 8192)')
      .option('--password <password>', 'the password on the command line (visible in ps and shell history: prefer standard input)'),
    ["printf %s \"$PW\" | ktool users create alice --mechanism SCRAM-SHA-256,SCRAM-SHA-512", 'ktool users create alice            # asks twice on a terminal'],
  );

  examples(
    leaf(users, dispatch, 'users', 'delete <users...>', () => import('../../commands/users/delete.js'))
      .description("delete users' SCRAM credentials (asks on a terminal; needs --yes otherwise)")
      .option('--mechanism <mechanism>', 'only this mechanism (default: every one the user has); comma-separated, repeatable', collect)
      .option('-y, --yes', 'do not ask for confirmation (required when standard input is not a terminal)'),
    ['ktool users delete alice --yes', 'ktool users delete alice --mechanism SCRAM-SHA-256 --yes'],
  );
}
