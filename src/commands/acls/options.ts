import { defineOptions } from '../../cli/spec.js';

/**
 * The resource flags of list, create and delete (kafka-acls.sh's), read by parseResources; each verb
 * follows them with its own --resource-pattern-type, whose meaning differs.
 */
export const RESOURCE_OPTIONS = defineOptions([
  { flags: '--topic <topic>', description: "a topic ('*' for every topic), repeatable", repeatable: true },
  { flags: '--group <group>', description: "a consumer group ('*' for every group), repeatable", repeatable: true },
  { flags: '--cluster', description: 'the cluster resource' },
  { flags: '--transactional-id <id>', description: "a transactional id ('*' for every id), repeatable", repeatable: true },
  { flags: '--delegation-token <id>', description: 'a delegation token, repeatable', repeatable: true },
  {
    flags: '--user-principal <principal>',
    description: 'a user principal as the resource (for CreateTokens/DescribeTokens), repeatable',
    repeatable: true,
  },
]);

/** Who, from where, what: the entry flags of create and delete, and the --producer/--consumer roles. */
export const ENTRY_OPTIONS = defineOptions([
  {
    flags: '--allow-principal <principal>',
    description: "TYPE:NAME to allow, e.g. User:alice (User:'*' is everyone), repeatable",
    repeatable: true,
  },
  { flags: '--deny-principal <principal>', description: 'TYPE:NAME to deny (a deny wins over any allow), repeatable', repeatable: true },
  {
    flags: '--allow-host <host>',
    description: 'IP address the allowed principals may connect from (default *), repeatable',
    repeatable: true,
  },
  {
    flags: '--deny-host <host>',
    description: 'IP address the denied principals are denied from (default *), repeatable',
    repeatable: true,
  },
  {
    flags: '--operation <ops>',
    description:
      'Read, Write, Create, Delete, Alter, Describe, ClusterAction, DescribeConfigs, ' +
      'AlterConfigs, IdempotentWrite, CreateTokens, DescribeTokens, TwoPhaseCommit or All; ' +
      'comma-separated, repeatable',
    repeatable: true,
  },
  { flags: '--producer', description: 'producer role: Write, Describe, Create on --topic (and Write, Describe on --transactional-id)' },
  { flags: '--idempotent', description: 'with --producer: IdempotentWrite on the cluster' },
  { flags: '--consumer', description: 'consumer role: Read, Describe on --topic and Read on --group' },
]);
