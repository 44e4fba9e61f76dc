/** ktool tokens: the parsers, the SCRAM exchange with tokenauth, token login settings, the drop-in's lines. */
import { describe, expect, it } from 'vitest';
import { interpretCommandConfig } from '../../src/config/command-config.js';
import { decodeHmac, parseHmacFlags, parsePeriod, parsePrincipal, resolveHmac } from '../../src/commands/tokens/args.js';
import { parse as parseCreate } from '../../src/commands/tokens/create.js';
import { parse as parseDescribe } from '../../src/commands/tokens/describe.js';
import { dropinName } from '../../src/dropin/detect.js';
import { javaMinute, tokenTable } from '../../src/dropin/tokens.js';
import { UsageError } from '../../src/errors.js';
import { errorForKafkaCode } from '../../src/kafka/code-errors.js';
import { principalOf } from '../../src/kafka/denied.js';
import { clientFinal, clientFirstBare } from '../../src/kafka/scram-token-auth.js';
import type { ConnectionSettings } from '../../src/config/connection.js';

describe('tokens parsers', () => {
  it('principals are TYPE:NAME', () => {
    expect(parsePrincipal(' User:alice ', '--renewer-principal')).toBe('User:alice');
    expect(parsePrincipal('User:CN=a,O=b', '--owner-principal')).toBe('User:CN=a,O=b');
    for (const bad of ['alice', ':alice', 'User:']) expect(() => parsePrincipal(bad, '--owner-principal')).toThrow(UsageError);
  });

  it('periods are whole milliseconds, -1 (the default) for the broker default', () => {
    expect(parsePeriod(undefined, '--renew-time-period')).toBe(-1);
    expect(parsePeriod('3600000', '--renew-time-period')).toBe(3_600_000);
    expect(parsePeriod('-1', '--expiry-time-period')).toBe(-1);
    for (const bad of ['1h', '1.5', '', '99999999999999999999']) expect(() => parsePeriod(bad, '--x')).toThrow(UsageError);
  });

  it('the HMAC: --hmac or --hmac-env, exactly one; base64; its value never in a message', () => {
    const hmac = Buffer.alloc(64, 3).toString('base64');
    expect(resolveHmac(parseHmacFlags(hmac, undefined), {})).toEqual(Buffer.alloc(64, 3));
    expect(resolveHmac(parseHmacFlags(undefined, 'H'), { H: hmac })).toEqual(Buffer.alloc(64, 3));
    expect(() => parseHmacFlags(undefined, undefined)).toThrow(/--hmac HMAC or --hmac-env VAR/);
    expect(() => parseHmacFlags(hmac, 'H')).toThrow(UsageError);
    expect(() => resolveHmac({ env: 'NOPE' }, {})).toThrow(/NOPE is not set/);
    const notBase64 = 'secret!value';
    expect(() => decodeHmac(notBase64)).toThrow(UsageError);
    try {
      decodeHmac(notBase64);
    } catch (error) {
      expect(String((error as UsageError).message) + (error as UsageError).hint).not.toContain(notBase64);
    }
  });

  it('create and describe options', () => {
    expect(parseCreate([], { renewerPrincipal: ['User:a', 'User:b'], maxLifeTimePeriod: '60000' })).toEqual({
      renewers: ['User:a', 'User:b'],
      maxLifetimeMs: 60000,
    });
    expect(parseCreate([], { ownerPrincipal: 'User:alice' })).toEqual({ owner: 'User:alice', renewers: [], maxLifetimeMs: -1 });
    expect(parseDescribe([], {})).toEqual({ owners: null });
    expect(parseDescribe([], { ownerPrincipal: ['User:alice'] })).toEqual({ owners: ['User:alice'] });
  });

  it('broker errors: disabled tokens and non-SASL connections say what to change', () => {
    expect(errorForKafkaCode('DELEGATION_TOKEN_AUTH_DISABLED', 'create: x').message).toMatch(/not enabled on this cluster/);
    expect(errorForKafkaCode('DELEGATION_TOKEN_AUTH_DISABLED', 'create: x').hint).toMatch(/delegation\.token\.secret\.key/);
    expect(errorForKafkaCode('DELEGATION_TOKEN_REQUEST_NOT_ALLOWED', 'x').exitCode).toBe(2);
    expect(errorForKafkaCode('DELEGATION_TOKEN_NOT_FOUND', 'x').exitCode).toBe(3);
  });
});

describe('SCRAM with tokenauth=true', () => {
  it('the extension is part of client-first-message-bare (and so of the signed AuthMessage)', () => {
    expect(clientFirstBare('tok,en=id', 'NONCE', { tokenauth: 'true' })).toBe('n=tok=2Cen=3Did,r=NONCE,tokenauth=true');
    expect(clientFirstBare('user', 'N', {})).toBe('n=user,r=N');
  });

  it('RFC 7677 test vector (SCRAM-SHA-256, no extension): the client proof and the server signature', async () => {
    const nonce = 'rOprNGfwEbeRWgbNEkqO';
    const serverFirst = 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096';
    const r = await clientFinal('SCRAM-SHA-256', 'pencil', clientFirstBare('user', nonce, {}), nonce, serverFirst);
    expect(r.message).toBe('c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=');
    expect(r.serverSignature).toBe('6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=');
  });

  it('refuses a server nonce that does not extend ours, and too few iterations', async () => {
    await expect(clientFinal('SCRAM-SHA-512', 'p', 'n=u,r=abc', 'abc', 'r=xyz,s=c2FsdA==,i=4096')).rejects.toThrow(/nonce/);
    await expect(clientFinal('SCRAM-SHA-512', 'p', 'n=u,r=abc', 'abc', 'r=abcd,s=c2FsdA==,i=10')).rejects.toThrow(/iterations/);
  });

  it('sasl.jaas.config\'s tokenauth="true" turns token login on (SCRAM only); the principal is then unknown to the client', () => {
    const props = (mechanism: string, extra: string) =>
      new Map([
        ['security.protocol', 'SASL_PLAINTEXT'],
        ['sasl.mechanism', mechanism],
        ['sasl.jaas.config', `org.apache.kafka.common.security.scram.ScramLoginModule required username="id" password="h"${extra};`],
      ]);
    const sasl = interpretCommandConfig(props('SCRAM-SHA-512', ' tokenauth="true"')).sasl!;
    expect(sasl).toMatchObject({ mechanism: 'SCRAM-SHA-512', username: 'id', tokenAuth: true });
    expect(interpretCommandConfig(props('SCRAM-SHA-256', ' tokenauth=TRUE')).sasl!.tokenAuth).toBe(true);
    expect(interpretCommandConfig(props('SCRAM-SHA-256', '')).sasl!.tokenAuth).toBeUndefined();
    expect(() => interpretCommandConfig(props('PLAIN', ' tokenauth="true"'))).toThrow(/tokenauth=true needs sasl.mechanism SCRAM/);
    const settings = { bootstrap: ['h:1'], clientId: 'c', timeoutMs: 1000, sasl } as unknown as ConnectionSettings;
    expect(principalOf(settings)).toBeNull();
  });
});

describe('kafka-delegation-tokens.sh drop-in', () => {
  it.each([
    [['tokens', '--bootstrap-server', 'h:1', '--command-config', 'f', '--describe'], 'tokens'],
    [['tokens', '--create', '--max-life-time-period', '-1'], 'tokens'],
    [['tokens', 'create', '--bootstrap-server', 'h:1'], undefined],
    [['tokens', '--help'], undefined],
    [['tokens', '--describe', '--json'], undefined],
  ])('%j -> %s', (argv, expected) => expect(dropinName(argv)).toBe(expected));

  it("DelegationTokenCommand's table: %-15s %-30s %-15s %-15s %-25s %-15s %-15s %-15s, a blank line before each line", () => {
    const at = new Date(2026, 0, 2, 3, 4, 5).getTime();
    const text = tokenTable([
      {
        tokenId: 'abc',
        hmac: Buffer.from('hi'),
        owner: 'User:a',
        requester: 'User:b',
        renewers: ['User:c', 'User:d'],
        issueTimestamp: at,
        expiryTimestamp: at,
        maxTimestamp: at,
      },
    ]);
    expect(javaMinute(at)).toBe('2026-01-02T03:04');
    expect(text.split('\n')).toEqual([
      '',
      'TOKENID         HMAC                           OWNER           REQUESTER       RENEWERS                  ' +
        'ISSUEDATE       EXPIRYDATE      MAXDATE        ',
      '',
      'abc             aGk=                           User:a          User:b          [User:c, User:d]          ' +
        '2026-01-02T03:04 2026-01-02T03:04 2026-01-02T03:04',
      '',
    ]);
  });
});
