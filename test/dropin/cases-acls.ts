/**
 * The differential harness's cases for kafka-acls.sh (AclCommand), on the SASL cluster's PLAINTEXT
 * listener: the one-node shared cluster has no authorizer (DescribeAcls answers SECURITY_DISABLED).
 * Principals and resources are each side's own names; the listings are filtered to them (other tests
 * add ACLs on the same cluster); the last cases remove what the earlier ones added, but for the ACL a
 * state is read from (states are read once every case is done), which the clean-up removes.
 */
import type { Case, Script } from './cases.js';

const B = 'B';
const BOB = 'User:{bob}';
const acl = (args: string[], extra: Partial<Case> = {}): Case => ({
  args: ['--bootstrap-server', B, ...args],
  normalize: ['acl-order'],
  ...extra,
});
const stateOf = (...args: string[]) => [['acls', 'list', ...args, '--resource-pattern-type', 'any', '--json']];

export const ACLS: Script = {
  script: 'kafka-acls.sh',
  cluster: 'sasl-plaintext',
  helpFlags: [
    'add',
    'allow-host',
    'allow-principal',
    'bootstrap-controller',
    'bootstrap-server',
    'cluster',
    'command-config',
    'consumer',
    'delegation-token',
    'deny-host',
    'deny-principal',
    'force',
    'group',
    'help',
    'idempotent',
    'list',
    'operation',
    'principal',
    'producer',
    'remove',
    'resource-pattern-type',
    'topic',
    'transactional-id',
    'user-principal',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.AclCommand',
  noun: ['acls'],
  files: { props: 'client.id=dropin-acls\n' },
  setup: [],
  cleanup: [['acls', 'delete', '--topic', '{a5}', '--yes']],
  cases: [
    acl(['--add', '--allow-principal', BOB, '--operation', 'Read', '--operation', 'Write', '--topic', '{a1}'], {
      state: stateOf('--topic', '{a1}'),
    }),
    // Both already there: "Acl (pattern=..., entry=...) already exists." each.
    acl(['--add', '--allow-principal', BOB, '--operation', 'read', '--operation', 'WRITE', '--topic', '{a1}']),
    acl(['--list', '--topic', '{a1}', '--command-config', '@props']),
    // --bootstrap-controller: the same requests to the controllers (KIP-919), which answer ACL requests as brokers do.
    { args: ['--bootstrap-controller', 'C', '--list', '--topic', '{a1}'], normalize: ['acl-order'] },
    // On a topic of its own that no later case removes: the state, read once every case is done (by then through the
    // broker, whose authorizer follows the controllers' metadata), shows the ACL; the clean-up removes it on both sides.
    {
      args: ['--bootstrap-controller', 'C', '--add', '--allow-principal', BOB, '--operation', 'Describe', '--topic', '{a5}'],
      normalize: ['acl-order'],
      state: stateOf('--topic', '{a5}'),
    },
    { args: ['--bootstrap-controller', 'C', '--bootstrap-server', B, '--list'] },
    acl(['--add', '--allow-principal', BOB, '--consumer', '--topic', '{a2}', '--group', '{g1}'], { state: stateOf('--group', '{g1}') }),
    acl(
      ['--add', '--deny-principal', 'User:{eve}', '--deny-host', '1.2.3.4', '--operation', 'Describe', '--topic', '{a3}'].concat([
        '--resource-pattern-type',
        'prefixed',
      ]),
      { state: stateOf('--topic', '{a3}') },
    ),
    acl(['--list', '--topic', '{a3}', '--resource-pattern-type', 'prefixed']),
    acl(['--list', '--topic', '{a3}-more', '--resource-pattern-type', 'match']),
    acl(['--list', '--principal', BOB, '--topic', '{a1}', '--topic', '{a2}', '--group', '{g1}']),
    acl(['--add', '--allow-principal', BOB, '--producer', '--topic', '{a4}', '--transactional-id', '{tx}', '--idempotent'], {
      state: stateOf('--transactional-id', '{tx}'),
    }),
    acl(['--add', '--allow-principal', BOB, '--allow-host', '10.0.0.1', '--cluster', '--operation', 'DescribeConfigs']),
    acl(['--list', '--cluster', '--principal', BOB]),
    acl(['--add', '--allow-principal', BOB, '--operation', 'Describe', '--delegation-token', '{tok}']),
    acl(['--add', '--allow-principal', BOB, '--operation', 'CreateTokens', '--user-principal', 'User:{carol}']),
    acl(['--list', '--delegation-token', '{tok}', '--user-principal', 'User:{carol}']),
    // Refused by its checks: the usage on stderr, exit 1.
    acl(['--add', '--allow-principal', BOB, '--operation', 'Bogus', '--topic', '{a1}']),
    acl(['--add', '--allow-principal', BOB, '--operation', 'IdempotentWrite', '--topic', '{a1}']),
    acl(['--list', '--add', '--topic', '{a1}']),
    acl(['--add', '--topic', '{a1}']),
    acl(['--add', '--allow-principal', BOB, '--topic', '{a1}', '--resource-pattern-type', 'any']),
    acl(['--list', '--producer', '--topic', '{a1}']),
    acl(['--add', '--allow-principal', BOB, '--consumer', '--topic', '{a1}']),
    acl(['--add', '--allow-principal', BOB, '--idempotent', '--topic', '{a1}']),
    acl(['--remove', '--principal', BOB, '--topic', '{a1}']),
    acl(['--add', '--allow-principal', BOB]),
    acl(['--list', '--bogus']),
    // Removing: one entry, then whole resources (with --force: the original asks on System.console()).
    acl(['--remove', '--allow-principal', BOB, '--operation', 'Read', '--topic', '{a1}', '--force'], { state: stateOf('--topic', '{a1}') }),
    acl(['--remove', '--topic', '{a1}'], {
      differs: {
        fields: ['stdout'],
        // Inherent: the original's stdout ends in a JVM stack trace of its own failure, whose frames here are the harness's too.
        why:
          'no --force off a terminal: the original reads the answer from System.console(), null there, so after the question ' +
          'its stdout is "Error while executing ACL command: Cannot invoke "java.io.Console.readLine()" because the return ' +
          'value of "java.lang.System.console()" is null" and the NullPointerException\'s JVM stack trace (under this harness ' +
          "its frames include the harness's Driver and reflection calls); ktool prints the question and " +
          '"Error while executing ACL command: no console to read the answer from (give --force)". stderr (none) and exit code (1) match',
      },
    }),
    acl(['--remove', '--force', '--topic', '{a1}', '--topic', '{a2}', '--topic', '{a4}', '--group', '{g1}', '--transactional-id', '{tx}'], {
      state: stateOf('--topic', '{a2}'),
    }),
    acl(['--remove', '--force', '--topic', '{a3}', '--resource-pattern-type', 'prefixed'], { state: stateOf('--topic', '{a3}') }),
    acl(['--remove', '--force', '--cluster', '--allow-principal', BOB, '--operation', 'IdempotentWrite']),
    acl(['--remove', '--force', '--cluster', '--allow-principal', BOB, '--allow-host', '10.0.0.1', '--operation', 'DescribeConfigs']),
    acl(['--remove', '--force', '--delegation-token', '{tok}', '--user-principal', 'User:{carol}']),
    acl(['--list', '--cluster', '--principal', BOB]),
  ],
};
