import { describe, expect, it } from 'vitest';
import { parseArgs } from '../helpers/parse-args.js';

const binding = (operation: string, extra: object = {}) => ({
  principal: 'User:alice',
  host: '*',
  operation,
  permission: 'ALLOW',
  resourceType: 'TOPIC',
  resourceName: 'orders',
  patternType: 'LITERAL',
  ...extra,
});
const filter = (extra: object) => ({
  resourceType: 'ANY',
  resourceName: null,
  patternType: 'ANY',
  principal: null,
  host: null,
  operation: 'ANY',
  permission: 'ANY',
  ...extra,
});

describe('acls and users arguments -> options', () => {
  it.each([
    [['acls', 'list'], 'acls list', { resources: [], pattern: 'ANY', principals: [], operations: [] }],
    [
      ['acls', 'list', '--topic', 'orders', '--resource-pattern-type', 'match', '--principal', 'User:alice', '--operation', 'read'],
      'acls list',
      {
        resources: [{ type: 'TOPIC', name: 'orders', pattern: 'MATCH' }],
        pattern: 'MATCH',
        principals: ['User:alice'],
        operations: ['READ'],
      },
    ],
    [
      ['acls', '--list', '--cluster'],
      'acls list',
      { resources: [{ type: 'CLUSTER', name: 'kafka-cluster', pattern: 'LITERAL' }], pattern: 'LITERAL', principals: [], operations: [] },
    ],
    [
      ['acls', 'create', '--allow-principal', 'User:alice', '--operation', 'Read,Describe', '--topic', 'orders'],
      'acls create',
      { bindings: [binding('DESCRIBE'), binding('READ')] },
    ],
    [
      ['acls', '--add', '--allow-principal', 'User:alice', '--allow-host', '10.0.0.1', '--operation', 'Write', '--topic', 'orders'],
      'acls create',
      { bindings: [binding('WRITE', { host: '10.0.0.1' })] },
    ],
    [
      ['acls', 'create', '--deny-principal', 'User:alice', '--topic', 'logs.', '--resource-pattern-type', 'prefixed'],
      'acls create',
      { bindings: [binding('ALL', { permission: 'DENY', resourceName: 'logs.', patternType: 'PREFIXED' })] },
    ],
    [
      ['acls', 'delete', '--principal', 'User:alice', '--yes'],
      'acls delete',
      { filters: [filter({ principal: 'User:alice' })], yes: true },
    ],
    [
      ['acls', 'delete', '--topic', 'orders', '--force'],
      'acls delete',
      { filters: [filter({ resourceType: 'TOPIC', resourceName: 'orders', patternType: 'LITERAL' })], yes: true },
    ],
    [
      ['acls', '--remove', '--allow-principal', 'User:alice', '--operation', 'Read', '--topic', 'orders'],
      'acls delete',
      {
        filters: [
          filter({
            resourceType: 'TOPIC',
            resourceName: 'orders',
            patternType: 'LITERAL',
            principal: 'User:alice',
            operation: 'READ',
            permission: 'ALLOW',
          }),
        ],
        yes: false,
      },
    ],
    [['users', 'list', 'bob', 'alice', 'bob'], 'users list', { users: ['bob', 'alice'] }],
    [
      ['users', 'create', 'alice', '--mechanism', 'SCRAM-SHA-256', '--mechanism', 'SCRAM-SHA-512', '--iterations', '4096'],
      'users create',
      { user: 'alice', mechanisms: ['SCRAM-SHA-256', 'SCRAM-SHA-512'], iterations: 4096, password: undefined },
    ],
    [
      ['users', 'delete', 'alice', 'bob', '--mechanism', 'SCRAM-SHA-256', '-y'],
      'users delete',
      { users: ['alice', 'bob'], mechanisms: ['SCRAM-SHA-256'], yes: true },
    ],
  ])('%j', async (argv, path, options) => {
    const r = await parseArgs(argv);
    expect(r.stderr).toBe('');
    expect(r.path).toBe(path);
    expect(r.options).toEqual(options);
  });

  it.each([
    [
      ['acls', 'create', '--allow-principal', 'User:a', '--producer', '--operation', 'Read', '--topic', 't'],
      /cannot be combined with --operation/,
    ],
    [
      ['acls', 'create', '--allow-principal', 'User:a', '--cluster', '--resource-pattern-type', 'prefixed'],
      /--cluster cannot be combined with --resource-pattern-type prefixed/,
    ],
    [['acls', 'delete', '--producer', '--topic', 't'], /--producer\/--consumer need --allow-principal/],
    [['acls', 'list', '--allow-principal', 'User:a'], /unknown option '--allow-principal'/],
    [['users', 'create'], /missing required argument 'user'/],
    [['users', 'delete'], /missing required argument 'users'/],
    [['users', 'create', 'a', 'b'], /too many arguments|one user name/],
  ])('%j is a usage error', async (argv, message) => {
    const r = await parseArgs(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
