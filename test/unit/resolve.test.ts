import { describe, expect, it } from 'vitest';
import { resolveConnection, splitBootstrap } from '../../src/config/resolve.js';
import type { ConfigFile } from '../../src/config/profile-types.js';
import { interpretCommandConfig } from '../../src/config/command-config.js';
import { parseProperties } from '../../src/config/properties.js';

const config: ConfigFile = {
  'current-profile': 'dev',
  profiles: {
    dev: { bootstrap: 'dev:9092', timeout: '30s' },
    prod: { bootstrap: 'prod:9092', sasl: { mechanism: 'SCRAM-SHA-256', username: 'app', 'password-env': 'PW' } },
  },
};
const cc = interpretCommandConfig(parseProperties('bootstrap.servers=cc:9092\nrequest.timeout.ms=7000'));

describe('resolveConnection precedence', () => {
  it.each([
    ['flag beats everything', { bootstrapServer: 'flag:1' }, { KTOOL_BROKERS: 'env:1' }, cc, 'flag:1', 'flag'],
    ['command-config beats env', {}, { KTOOL_BROKERS: 'env:1' }, cc, 'cc:9092', 'command-config'],
    ['env beats profile', {}, { KTOOL_BROKERS: 'env:1' }, undefined, 'env:1', 'env'],
    ['current profile', {}, {}, undefined, 'dev:9092', 'profile'],
    ['--profile beats current', { profile: 'prod' }, {}, undefined, 'prod:9092', 'profile'],
    ['KTOOL_PROFILE beats current', {}, { KTOOL_PROFILE: 'prod' }, undefined, 'prod:9092', 'profile'],
  ] as const)('%s', (_name, flags, env, commandConfig, bootstrap, source) => {
    const s = resolveConnection({ flags, env, config, commandConfig });
    expect(s.bootstrap.join(',')).toBe(bootstrap);
    expect(s.sources.bootstrap).toBe(source);
  });

  it('defaults to localhost:9092 and 10s without any config', () => {
    const s = resolveConnection({ flags: {}, env: {}, config: { profiles: {} } });
    expect(s.bootstrap).toEqual(['localhost:9092']);
    expect(s.timeoutMs).toBe(10_000);
    expect(s.sources).toMatchObject({ bootstrap: 'default', timeout: 'default', profile: 'none' });
  });

  it('timeout: flag > command-config > env > profile', () => {
    expect(resolveConnection({ flags: { timeout: '2s' }, env: { KTOOL_TIMEOUT: '3s' }, config, commandConfig: cc }).timeoutMs).toBe(2000);
    expect(resolveConnection({ flags: {}, env: { KTOOL_TIMEOUT: '3s' }, config, commandConfig: cc }).timeoutMs).toBe(7000);
    expect(resolveConnection({ flags: {}, env: { KTOOL_TIMEOUT: '3s' }, config }).timeoutMs).toBe(3000);
    expect(resolveConnection({ flags: {}, env: {}, config }).timeoutMs).toBe(30_000);
  });

  it('takes SASL from the profile with the secret as a reference', () => {
    const s = resolveConnection({ flags: { profile: 'prod' }, env: {}, config });
    expect(s.sasl).toEqual({ mechanism: 'SCRAM-SHA-256', username: 'app', password: { env: 'PW' }, token: undefined });
  });

  // A bootstrap named outside a profile names another cluster: the current profile's SASL/TLS
  // settings (and its credentials) must not go there.
  describe('a bootstrap outside a profile starts from defaults', () => {
    const secured: ConfigFile = {
      'current-profile': 'prod',
      profiles: {
        prod: {
          bootstrap: 'prod:9092',
          timeout: '30s',
          'client-id': 'prod-app',
          sasl: { mechanism: 'SCRAM-SHA-512', username: 'app', 'password-env': 'PW' },
          tls: { enabled: true, ca: '/ca.pem' },
        },
      },
    };
    const ccSecurity = interpretCommandConfig(
      parseProperties(
        'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n' +
          'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="cc" ' +
          'password="x";',
      ),
    );

    it.each([
      ['-b', { bootstrapServer: 'other:1' }, {}, undefined, 'flag', 'config'],
      ['--command-config bootstrap.servers', {}, {}, cc, 'command-config', 'config'],
      ['KTOOL_BROKERS', {}, { KTOOL_BROKERS: 'other:1' }, undefined, 'env', 'config'],
      ['-b over KTOOL_PROFILE', { bootstrapServer: 'other:1' }, { KTOOL_PROFILE: 'prod' }, undefined, 'flag', 'env'],
      ['--command-config bootstrap.servers over KTOOL_PROFILE', {}, { KTOOL_PROFILE: 'prod' }, cc, 'command-config', 'env'],
    ] as const)('%s: no profile, no SASL/TLS, no profile timeout or client id', (_name, flags, env, commandConfig, because, source) => {
      const s = resolveConnection({ flags, env, config: secured, commandConfig });
      expect(s.profileName).toBeUndefined();
      expect(s.sources.profile).toBe('none');
      expect(s.skippedProfile).toEqual({ name: 'prod', source, because });
      expect(s.sasl).toBeUndefined();
      expect(s.tls).toBeUndefined();
      expect(s.timeoutMs).not.toBe(30_000);
      expect(s.clientId).toBe('ktool');
    });

    it('--profile with -b: that profile, only its brokers replaced', () => {
      const s = resolveConnection({ flags: { bootstrapServer: 'other:1', profile: 'prod' }, env: {}, config: secured });
      expect(s).toMatchObject({
        profileName: 'prod',
        bootstrap: ['other:1'],
        timeoutMs: 30_000,
        clientId: 'prod-app',
        sasl: { username: 'app' },
        tls: { ca: '/ca.pem' },
      });
      expect(s.skippedProfile).toBeUndefined();
    });

    it('KTOOL_PROFILE with KTOOL_BROKERS: that profile with those brokers (both name it in the environment)', () => {
      const s = resolveConnection({ flags: {}, env: { KTOOL_PROFILE: 'prod', KTOOL_BROKERS: 'other:1' }, config: secured });
      expect(s).toMatchObject({ profileName: 'prod', bootstrap: ['other:1'], sasl: { username: 'app' } });
    });

    it('--command-config security still applies with -b', () => {
      const s = resolveConnection({ flags: { bootstrapServer: 'other:1' }, env: {}, config: secured, commandConfig: ccSecurity });
      expect(s.sasl).toMatchObject({ mechanism: 'PLAIN', username: 'cc' });
      expect(s.sources.security).toBe('command-config');
    });

    it("a --command-config without bootstrap.servers keeps the current profile (its brokers, the file's security)", () => {
      const s = resolveConnection({ flags: {}, env: {}, config: secured, commandConfig: ccSecurity });
      expect(s).toMatchObject({ profileName: 'prod', bootstrap: ['prod:9092'], sasl: { username: 'cc' } });
    });

    it('KTOOL_TIMEOUT still applies (it is not a profile setting)', () => {
      expect(resolveConnection({ flags: { bootstrapServer: 'other:1' }, env: { KTOOL_TIMEOUT: '3s' }, config: secured }).timeoutMs).toBe(
        3000,
      );
    });

    it('an explicit profile that does not exist is still an error with -b', () => {
      expect(() => resolveConnection({ flags: { bootstrapServer: 'other:1', profile: 'nope' }, env: {}, config: secured })).toThrow(
        /profile "nope" does not exist/,
      );
    });
  });

  it('a missing explicit profile is an error naming the known ones', () => {
    expect(() => resolveConnection({ flags: { profile: 'nope' }, env: {}, config })).toThrow(/profile "nope" does not exist/);
  });

  it('ignores a current-profile that was deleted', () => {
    const s = resolveConnection({ flags: {}, env: {}, config: { 'current-profile': 'gone', profiles: {} } });
    expect(s.profileName).toBeUndefined();
  });
});

describe('splitBootstrap', () => {
  it('adds the default port and trims', () => expect(splitBootstrap(' a , b:1,[::1]:9 ')).toEqual(['a:9092', 'b:1', '[::1]:9']));
  it.each(['', ',', 'a b:1', 'host:port'])('rejects %j', (text) => expect(() => splitBootstrap(text)).toThrow());
});
