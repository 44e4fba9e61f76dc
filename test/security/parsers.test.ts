import { createHash, createHmac } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { rewriteLegacy } from '../../src/cli/legacy.js';
import { rewriteLegacyAcls } from '../../src/cli/legacy-acls.js';
import { parse as parseCreate } from '../../src/commands/acls/create.js';
import { parse as parseDelete } from '../../src/commands/acls/delete.js';
import { listFilters, parse as parseList } from '../../src/commands/acls/list.js';
import {
  operationLabel,
  parseOperation,
  parseOperations,
  parsePatternType,
  parsePrincipal,
  parseResources,
  roleGrants,
} from '../../src/commands/acls/vocabulary.js';
import { parse as parseUserCreate } from '../../src/commands/users/create.js';
import { parse as parseUserDelete } from '../../src/commands/users/delete.js';
import { parseIterations, parseMechanisms } from '../../src/commands/users/mechanisms.js';
import { newPassword, promptHidden, readPasswordFromStdin } from '../../src/commands/users/password.js';
import { saltPassword } from '../../src/kafka/scram-credential.js';
import { dropinName } from '../../src/dropin/detect.js';
import { parseArgs } from '../helpers/parse-args.js';

describe('principals', () => {
  it.each([
    ['User:alice', 'User:alice'],
    [' User:alice ', 'User:alice'],
    ['User:*', 'User:*'],
    ['User:CN=x,O=y', 'User:CN=x,O=y'],
    ['Group:ops:team', 'Group:ops:team'],
  ])('%j -> %j', (text, principal) => expect(parsePrincipal(text)).toBe(principal));

  it.each(['alice', ':alice', 'User:', ''])('rejects %j', (bad) => expect(() => parsePrincipal(bad)).toThrow(/TYPE:NAME/));
});

describe('operations', () => {
  it.each([
    ['Read', 'READ'],
    ['READ', 'READ'],
    ['read', 'READ'],
    ['IdempotentWrite', 'IDEMPOTENT_WRITE'],
    ['IDEMPOTENT_WRITE', 'IDEMPOTENT_WRITE'],
    ['idempotent-write', 'IDEMPOTENT_WRITE'],
    ['DescribeConfigs', 'DESCRIBE_CONFIGS'],
    ['ClusterAction', 'CLUSTER_ACTION'],
    ['All', 'ALL'],
    ['TwoPhaseCommit', 'TWO_PHASE_COMMIT'],
  ])('%j -> %j', (text, op) => expect(parseOperation(text)).toBe(op));

  it('rejects unknown names with the list of valid ones', () => {
    expect(() => parseOperation('Reed')).toThrow(/unknown ACL operation "Reed"/);
    expect(() => parseOperation('Any')).toThrow(/unknown/);
    try {
      parseOperation('Reed');
    } catch (e) {
      expect((e as { hint: string }).hint).toContain('IdempotentWrite');
    }
  });

  it('comma lists, repeated flags, deduplicated', () => {
    expect(parseOperations(['Read,Write', 'Describe', 'read'])).toEqual(['READ', 'WRITE', 'DESCRIBE']);
    expect(parseOperations(undefined)).toEqual([]);
    expect(() => parseOperations(['Read,,Write'])).toThrow(/commas/);
  });

  it('labels as kafka-acls.sh prints them', () => expect(operationLabel('IDEMPOTENT_WRITE')).toBe('IdempotentWrite'));
});

describe('resources and pattern types', () => {
  it.each([
    ['literal', 'LITERAL'],
    ['PREFIXED', 'PREFIXED'],
    ['Match', 'MATCH'],
    ['any', 'ANY'],
  ])('pattern %j', (text, p) => expect(parsePatternType(text)).toBe(p));
  it('rejects an unknown pattern type', () =>
    expect(() => parsePatternType('glob')).toThrow(
      expect.objectContaining({ message: 'unknown --resource-pattern-type "glob"', hint: 'use literal, prefixed, any or match' }),
    ));

  it('every resource flag, in a stable order', () => {
    expect(
      parseResources(
        { topic: ['t', 't2'], group: ['g'], cluster: true, transactionalId: ['tx'], delegationToken: ['d'], userPrincipal: ['User:u'] },
        'LITERAL',
      ),
    ).toEqual([
      { type: 'TOPIC', name: 't', pattern: 'LITERAL' },
      { type: 'TOPIC', name: 't2', pattern: 'LITERAL' },
      { type: 'GROUP', name: 'g', pattern: 'LITERAL' },
      { type: 'CLUSTER', name: 'kafka-cluster', pattern: 'LITERAL' },
      { type: 'TRANSACTIONAL_ID', name: 'tx', pattern: 'LITERAL' },
      { type: 'DELEGATION_TOKEN', name: 'd', pattern: 'LITERAL' },
      { type: 'USER', name: 'User:u', pattern: 'LITERAL' },
    ]);
  });

  it('the cluster stays literal, keeps filter patterns, is never prefixed', () => {
    expect(parseResources({ cluster: true }, 'MATCH')).toEqual([{ type: 'CLUSTER', name: 'kafka-cluster', pattern: 'MATCH' }]);
    expect(() => parseResources({ cluster: true }, 'PREFIXED')).toThrow(/cluster.*prefixed/);
  });

  it('rejects empty names, drops duplicates', () => {
    expect(() => parseResources({ topic: [' '] }, 'LITERAL')).toThrow(/--topic needs a name/);
    expect(parseResources({ topic: ['t', 't'] }, 'LITERAL')).toHaveLength(1);
  });
});

describe('--producer / --consumer (AclCommand semantics)', () => {
  const res = (flags: Record<string, unknown>) => parseResources(flags, 'LITERAL');
  const ops = (flags: Record<string, unknown>) =>
    Object.fromEntries(roleGrants(flags, res(flags)).map((g) => [`${g.resource.type}:${g.resource.name}`, g.operations]));

  it.each([
    [{ producer: true, topic: ['t'] }, { 'TOPIC:t': ['WRITE', 'DESCRIBE', 'CREATE'] }],
    [
      { producer: true, idempotent: true, topic: ['t'] },
      { 'TOPIC:t': ['WRITE', 'DESCRIBE', 'CREATE'], 'CLUSTER:kafka-cluster': ['IDEMPOTENT_WRITE'] },
    ],
    [
      { producer: true, topic: ['t'], transactionalId: ['tx'] },
      { 'TOPIC:t': ['WRITE', 'DESCRIBE', 'CREATE'], 'TRANSACTIONAL_ID:tx': ['WRITE', 'DESCRIBE'] },
    ],
    [
      { consumer: true, topic: ['t'], group: ['g'] },
      { 'TOPIC:t': ['READ', 'DESCRIBE'], 'GROUP:g': ['READ'] },
    ],
    [
      { producer: true, consumer: true, topic: ['t'], group: ['g'] },
      { 'TOPIC:t': ['WRITE', 'DESCRIBE', 'CREATE', 'READ'], 'GROUP:g': ['READ'] },
    ],
  ])('%j', (flags, expected) => expect(ops(flags)).toEqual(expected));

  it.each([
    [{ producer: true, group: ['g'] }, /--producer needs at least one --topic/],
    [{ consumer: true, topic: ['t'] }, /--consumer needs at least one --topic and one --group/],
    [{ idempotent: true, topic: ['t'] }, /--idempotent applies only with --producer/],
    [{ producer: true, topic: ['t'], group: ['g'] }, /--group is not used by --producer/],
    [{ consumer: true, topic: ['t'], group: ['g'], transactionalId: ['x'] }, /--transactional-id is not used by --consumer/],
  ])('rejects %j', (flags, message) => expect(() => roleGrants(flags, res(flags))).toThrow(message));
});

describe('acls create', () => {
  const alice = {
    principal: 'User:alice',
    host: '*',
    permission: 'ALLOW',
    resourceType: 'TOPIC',
    resourceName: 't',
    patternType: 'LITERAL',
  };

  it('principal x operation x host on each resource', () => {
    const { bindings } = parseCreate([], { allowPrincipal: ['User:alice'], operation: ['Read,Describe'], topic: ['t'] });
    expect(bindings).toEqual([
      { ...alice, operation: 'DESCRIBE' },
      { ...alice, operation: 'READ' },
    ]);
    const many = parseCreate([], {
      allowPrincipal: ['User:a', 'User:b'],
      allowHost: ['10.0.0.1', '10.0.0.2'],
      operation: ['Read'],
      topic: ['t'],
      group: ['g'],
      denyPrincipal: ['User:c'],
    });
    // (2 principals x 2 hosts allowed + 1 denied from *) on each of 2 resources
    expect(many.bindings).toHaveLength(10);
    expect(many.bindings.filter((b) => b.permission === 'DENY').map((b) => `${b.resourceType}:${b.host}`)).toEqual(['GROUP:*', 'TOPIC:*']);
  });

  it('operation defaults to All (kafka-acls.sh), host to *', () => {
    expect(parseCreate([], { denyPrincipal: ['User:m'], topic: ['t'] }).bindings).toEqual([
      { ...alice, principal: 'User:m', operation: 'ALL', permission: 'DENY' },
    ]);
  });

  it('prefixed patterns and the producer role', () => {
    const { bindings } = parseCreate([], {
      allowPrincipal: ['User:alice'],
      producer: true,
      idempotent: true,
      topic: ['logs.'],
      resourcePatternType: 'prefixed',
    });
    expect(bindings.map((b) => `${b.resourceType}:${b.resourceName}:${b.patternType}:${b.operation}`)).toEqual([
      'CLUSTER:kafka-cluster:LITERAL:IDEMPOTENT_WRITE',
      'TOPIC:logs.:PREFIXED:CREATE',
      'TOPIC:logs.:PREFIXED:DESCRIBE',
      'TOPIC:logs.:PREFIXED:WRITE',
    ]);
  });

  it.each([
    [{ topic: ['t'], operation: ['Read'] }, /--allow-principal TYPE:NAME or --deny-principal/],
    [{ allowPrincipal: ['User:a'], operation: ['Read'] }, /name the resource/],
    [{ allowPrincipal: ['User:a'], topic: ['t'], operation: ['Reed'] }, /unknown ACL operation/],
    [{ allowPrincipal: ['User:a'], topic: ['t'], operation: ['IdempotentWrite'] }, /topic ACLs do not support IdempotentWrite/],
    [{ allowPrincipal: ['User:a'], group: ['g'], operation: ['Write'] }, /group ACLs do not support Write/],
    [{ allowPrincipal: ['User:a'], topic: ['t'], resourcePatternType: 'match' }, /only filters/],
    [{ allowPrincipal: ['User:a'], topic: ['t'], producer: true, operation: ['Read'] }, /cannot be combined with --operation/],
    [{ denyPrincipal: ['User:a'], topic: ['t'], group: ['g'], consumer: true }, /cannot be combined with --deny-principal/],
    [{ allowHost: ['1.2.3.4'], denyPrincipal: ['User:a'], topic: ['t'] }, /--allow-host needs --allow-principal/],
    [{ allowPrincipal: ['alice'], topic: ['t'] }, /TYPE:NAME/],
    [{ principal: ['User:a'], topic: ['t'] }, /not --principal/],
  ])('rejects %j', (flags, message) => expect(() => parseCreate([], flags as never)).toThrow(message));
});

describe('acls delete', () => {
  it('a filter of resource, principal and operation', () => {
    const o = parseDelete([], { allowPrincipal: ['User:alice'], operation: ['Read'], topic: ['t'] });
    expect(o.yes).toBe(false); // every delete asks on a terminal and needs --yes otherwise, however precise
    expect(o.filters).toEqual([
      {
        resourceType: 'TOPIC',
        resourceName: 't',
        patternType: 'LITERAL',
        principal: 'User:alice',
        host: null,
        operation: 'READ',
        permission: 'ALLOW',
      },
    ]);
  });

  it('no principal: any ACL on the resource; no operation: any operation', () => {
    expect(parseDelete([], { topic: ['t'] }).filters).toEqual([
      {
        resourceType: 'TOPIC',
        resourceName: 't',
        patternType: 'LITERAL',
        principal: null,
        host: null,
        operation: 'ANY',
        permission: 'ANY',
      },
    ]);
    expect(parseDelete([], { principal: ['User:a'] }).filters).toEqual([
      { resourceType: 'ANY', resourceName: null, patternType: 'ANY', principal: 'User:a', host: null, operation: 'ANY', permission: 'ANY' },
    ]);
  });

  it('--producer deletes exactly what --producer created', () => {
    const o = parseDelete([], { allowPrincipal: ['User:a'], producer: true, topic: ['t'] });
    expect(o.filters.map((f) => f.operation)).toEqual(['WRITE', 'DESCRIBE', 'CREATE']);
  });

  it('--yes and --force', () => {
    expect(parseDelete([], { topic: ['t'], yes: true }).yes).toBe(true);
    expect(parseDelete([], { topic: ['t'], force: true }).yes).toBe(true);
  });

  it('needs something to match', () => expect(() => parseDelete([], {})).toThrow(/say which ACLs to delete/));
});

describe('acls list', () => {
  it('no resource: every ACL (pattern ANY); a resource: its literal ACLs, as kafka-acls.sh', () => {
    expect(listFilters(parseList([], {}))).toEqual([
      { resourceType: 'ANY', resourceName: null, patternType: 'ANY', principal: null, host: null, operation: 'ANY', permission: 'ANY' },
    ]);
    expect(listFilters(parseList([], { topic: ['t'] }))[0]).toMatchObject({
      resourceType: 'TOPIC',
      resourceName: 't',
      patternType: 'LITERAL',
    });
    expect(listFilters(parseList([], { topic: ['t'], resourcePatternType: 'match' }))[0]).toMatchObject({ patternType: 'MATCH' });
  });

  it('one filter per resource and principal', () => {
    const filters = listFilters(parseList([], { topic: ['a', 'b'], principal: ['User:x', 'User:y'], operation: ['Read'] }));
    expect(filters.map((f) => `${f.resourceName}/${f.principal}/${f.operation}`)).toEqual([
      'a/User:x/READ',
      'a/User:y/READ',
      'b/User:x/READ',
      'b/User:y/READ',
    ]);
  });

  it('rejects --allow-principal (use --principal)', () =>
    expect(() => parseList([], { allowPrincipal: ['User:a'] } as never)).toThrow(/--principal/));
});

describe('kafka-acls.sh spellings', () => {
  it.each([
    [
      ['acls', '--add', '--allow-principal', 'User:alice', '--operation', 'Read', '--topic', 't'],
      ['acls', 'create', '--allow-principal', 'User:alice', '--operation', 'Read', '--topic', 't'],
    ],
    [
      ['acls', '--list'],
      ['acls', 'list'],
    ],
    [
      ['acls', '--bootstrap-server', 'h:1', '--list', '--topic', 't', '--principal', 'User:a'],
      ['acls', 'list', '--bootstrap-server', 'h:1', '--topic', 't', '--principal', 'User:a'],
    ],
    [
      ['acls', '--remove', '--topic', 't', '--force'],
      ['acls', 'delete', '--topic', 't', '--force'],
    ],
    // kafka-acls.sh --remove's --operation defaults to All: only ACLs whose operation is All go.
    [
      ['acls', '--remove', '--allow-principal', 'User:a', '--topic', 't'],
      ['acls', 'delete', '--allow-principal', 'User:a', '--topic', 't', '--operation', 'All'],
    ],
    [
      ['acls', '--remove', '--allow-principal=User:a', '--topic', 't', '--operation', 'Read'],
      ['acls', 'delete', '--allow-principal=User:a', '--topic', 't', '--operation', 'Read'],
    ],
    [
      ['acls', '--remove', '--allow-principal', 'User:a', '--producer', '--topic', 't'],
      ['acls', 'delete', '--allow-principal', 'User:a', '--producer', '--topic', 't'],
    ],
    [
      ['acls', 'list', '--topic', 't'],
      ['acls', 'list', '--topic', 't'],
    ],
    [
      ['acls', '--add', '--remove'],
      ['acls', '--add', '--remove'],
    ],
    [
      ['users', 'list'],
      ['users', 'list'],
    ],
    [
      ['topics', 'list'],
      ['topics', 'list'],
    ],
  ])('%j', (argv, expected) => {
    expect(rewriteLegacyAcls(argv)).toEqual(expected);
    expect(rewriteLegacy(argv)).toEqual(expected);
  });

  it('parses end to end into the ktool command (with --bootstrap-server, the line is kafka-acls.sh itself: test/dropin)', async () => {
    const line = ['acls', '--add', '--allow-principal', 'User:alice', '--operation', 'Read', '--topic', 't'];
    expect(dropinName([...line, '--bootstrap-server', 'h:1'])).toBe('acls');
    const r = await parseArgs([...line, '-b', 'h:1']);
    expect(r.path).toBe('acls create');
    expect((r.options as { bindings: unknown[] }).bindings).toHaveLength(1);
    const d = await parseArgs(['acls', '--remove', '--topic', 't', '--force']);
    expect(d).toMatchObject({ path: 'acls delete', options: { yes: true } });
    const bad = await parseArgs(['acls', 'create', '--allow-principal', 'User:a', '--operation', 'Fly', '--topic', 't']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: unknown ACL operation "Fly"\nhint: use one of: All, Read, /);
  });
});

describe('users parsers', () => {
  it.each([
    [['SCRAM-SHA-256'], ['SCRAM-SHA-256']],
    [['scram-sha-512,SCRAM-SHA-256'], ['SCRAM-SHA-512', 'SCRAM-SHA-256']],
    [
      ['256', 'sha-512', '512'],
      ['SCRAM-SHA-256', 'SCRAM-SHA-512'],
    ],
    [undefined, []],
  ])('mechanisms %j', (input, out) => expect(parseMechanisms(input)).toEqual(out));
  it('rejects other mechanisms', () => expect(() => parseMechanisms(['PLAIN'])).toThrow(/unknown SCRAM mechanism "PLAIN"/));

  it('iterations: default 8192, Kafka bounds 4096..16384', () => {
    expect(parseIterations(undefined)).toBe(8192);
    expect(parseIterations('4096')).toBe(4096);
    expect(() => parseIterations('4095')).toThrow(/4096 to 16384/);
    expect(() => parseIterations('20000')).toThrow(/4096 to 16384/);
  });

  it('create: default SCRAM-SHA-512; one user', () => {
    expect(parseUserCreate(['alice'], {})).toEqual({ user: 'alice', mechanisms: ['SCRAM-SHA-512'], iterations: 8192, password: undefined });
    expect(() => parseUserCreate(['a', 'b'], {})).toThrow(/one user name/);
    expect(parseUserDelete(['a', 'b', 'a'], { mechanism: ['256'], yes: true })).toEqual({
      users: ['a', 'b'],
      mechanisms: ['SCRAM-SHA-256'],
      yes: true,
    });
  });
});

describe('SCRAM salted password (RFC 5802 Hi = PBKDF2)', () => {
  // RFC 7677 section 3: user "user", password "pencil"; the client proof follows from SaltedPassword.
  it('reproduces the RFC 7677 SCRAM-SHA-256 exchange', async () => {
    const salted = await saltPassword('SCRAM-SHA-256', 'pencil', Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'), 4096);
    const clientKey = createHmac('sha256', salted).update('Client Key').digest();
    const storedKey = createHash('sha256').update(clientKey).digest();
    const nonce = 'rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0';
    const authMessage = `n=user,r=rOprNGfwEbeRWgbNEkqO,r=${nonce},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=${nonce}`;
    const signature = createHmac('sha256', storedKey).update(authMessage).digest();
    const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i]));
    expect(proof.toString('base64')).toBe('dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=');
  });

  it('SCRAM-SHA-512 keys are 64 bytes', async () => {
    expect((await saltPassword('SCRAM-SHA-512', 'x', Buffer.alloc(16), 4096)).length).toBe(64);
  });
});

describe('reading a password', () => {
  const io = (input: string, tty: boolean): Io & { err: () => string } => {
    const stderr = new PassThrough();
    const chunks: Buffer[] = [];
    stderr.on('data', (c: Buffer) => chunks.push(c));
    return {
      stdin: Readable.from([Buffer.from(input)]),
      stdout: new PassThrough(),
      stderr,
      stdinIsTTY: tty,
      stdoutIsTTY: tty,
      stderrIsTTY: tty,
      columns: 0,
      env: {},
      now: () => 0,
      signal: new AbortController().signal,
      err: () => Buffer.concat(chunks).toString(),
    };
  };

  it.each([
    ['s3cret\n', 's3cret'],
    ['s3cret\r\n', 's3cret'],
    ['s3cret', 's3cret'],
    ['  spaced  \n', '  spaced  '],
  ])('stdin %j -> %j', async (input, pw) => expect(await readPasswordFromStdin(io(input, false))).toBe(pw));

  it('stdin: one line only, not empty', async () => {
    await expect(readPasswordFromStdin(io('a\nb\n', false))).rejects.toThrow(/one line/);
    await expect(newPassword(io('\n', false), 'u', undefined, () => {})).rejects.toThrow(/empty/);
  });

  it('a terminal: asked twice, no echo; mismatch is a usage error', async () => {
    const ok = io('pw1\npw1\n', true);
    expect(await newPassword(ok, 'alice', undefined, () => {})).toBe('pw1');
    expect(ok.err()).toBe('Password for alice: \nPassword for alice again: \n');
    await expect(newPassword(io('pw1\npw2\n', true), 'alice', undefined, () => {})).rejects.toThrow(/do not match/);
  });

  it('editing keys and Ctrl-C', async () => {
    expect(await promptHidden(io('abX\u007fc\r', true), '? ')).toBe('abc');
    await expect(promptHidden(io('ab\u0003', true), '? ')).rejects.toMatchObject({ exitCode: 130 });
  });

  it('--password warns', async () => {
    const warnings: string[] = [];
    expect(await newPassword(io('', false), 'u', 'pw', (m) => warnings.push(m))).toBe('pw');
    expect(warnings[0]).toMatch(/visible to other users/);
    expect(warnings[0]).not.toContain('pw ');
  });
});
