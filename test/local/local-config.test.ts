import { describe, expect, it } from 'vitest';
import { tlsFiles } from '../../src/local/tls.js';
import { randomClusterId, scramFormatArgs, serverProperties, type NodeLayout } from '../../src/local/broker-config.js';
import { kafkaPom } from '../../src/local/maven.js';
import { parseSha512File } from '../../src/local/tarball.js';
import { brokerJvm } from '../../src/local/process.js';
import { hasKraftDelegationTokens, hasKraftScram } from '../../src/local/versions.js';

const node = (id: number, sasl = false): NodeLayout => ({
  id,
  ports: { broker: 9000 + id, controller: 9100 + id, ...(sasl ? { sasl: 9200 + id } : {}) },
  dataDir: `/d/${id}`,
});
const props = (text: string) =>
  Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

describe('server.properties', () => {
  it('single node: combined roles, loopback listeners, RF 1 internals', () => {
    const p = props(serverProperties(node(1), [node(1)], { sasl: false }));
    expect(p).toMatchObject({
      'process.roles': 'broker,controller',
      'node.id': '1',
      'controller.quorum.voters': '1@127.0.0.1:9101',
      listeners: 'PLAINTEXT://127.0.0.1:9001,CONTROLLER://127.0.0.1:9101',
      'advertised.listeners': 'PLAINTEXT://127.0.0.1:9001',
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'log.dirs': '/d/1',
    });
    expect(p['authorizer.class.name']).toBeUndefined();
  });

  it('three nodes: every node lists all voters; internal topics replicated 3 times', () => {
    const all = [node(1), node(2), node(3)];
    const p = props(serverProperties(all[1], all, { sasl: false }));
    expect(p['controller.quorum.voters']).toBe('1@127.0.0.1:9101,2@127.0.0.1:9102,3@127.0.0.1:9103');
    expect(p['node.id']).toBe('2');
    expect(p['offsets.topic.replication.factor']).toBe('3');
    expect(p['transaction.state.log.min.isr']).toBe('2');
  });

  it('SASL: a SASL_PLAINTEXT listener with PLAIN, SCRAM and OAUTHBEARER, an authorizer, admin as super user', () => {
    const p = props(serverProperties(node(1, true), [node(1, true)], { sasl: true }));
    expect(p.listeners).toContain('SASL_PLAINTEXT://127.0.0.1:9201');
    expect(p['sasl.enabled.mechanisms']).toBe('PLAIN,SCRAM-SHA-256,SCRAM-SHA-512,OAUTHBEARER');
    expect(p['listener.name.sasl_plaintext.oauthbearer.sasl.server.callback.handler.class']).toMatch(
      /OAuthBearerUnsecuredValidatorCallbackHandler$/,
    );
    expect(p['listener.name.sasl_plaintext.plain.sasl.jaas.config']).toContain('user_alice="alice-secret"');
    expect(p['super.users']).toBe('User:admin;User:ANONYMOUS');
    expect(p['allow.everyone.if.no.acl.found']).toBe('false');
    expect(scramFormatArgs()).toContain('SCRAM-SHA-512=[name=alice,password=alice-secret]');
  });

  it('SASL before Kafka 3.5 (no SCRAM in KRaft): PLAIN and OAUTHBEARER only, the authorizer all the same', () => {
    const p = props(serverProperties(node(1, true), [node(1, true)], { sasl: true, scram: false }));
    expect(p['sasl.enabled.mechanisms']).toBe('PLAIN,OAUTHBEARER');
    expect(Object.keys(p).filter((k) => /scram/.test(k))).toEqual([]);
    expect(p['authorizer.class.name']).toMatch(/StandardAuthorizer$/);
    expect(['3.3.2', '3.4.1', '3.5.0', '3.9.2', '4.0.0'].map(hasKraftScram)).toEqual([false, false, true, true, true]);
  });

  it('SASL with a token secret: delegation tokens on (the secret on every node); none without SCRAM or without the secret', () => {
    const on = props(serverProperties(node(1, true), [node(1, true)], { sasl: true, tokenSecret: 's3cret' }));
    expect(on['delegation.token.secret.key']).toBe('s3cret');
    expect(props(serverProperties(node(1, true), [node(1, true)], { sasl: true }))['delegation.token.secret.key']).toBeUndefined();
    const noScram = props(serverProperties(node(1, true), [node(1, true)], { sasl: true, scram: false, tokenSecret: 's' }));
    expect(noScram['delegation.token.secret.key']).toBeUndefined();
    expect(['3.3.2', '3.5.0', '3.6.0', '3.9.2', '4.3.1'].map(hasKraftDelegationTokens)).toEqual([false, false, true, true, true]);
  });

  it('TLS: an SSL listener with a PKCS12 key store, the CA as PEM trust store, client certificates required', () => {
    const tls = tlsFiles('/c');
    const n = { ...node(1), ports: { ...node(1).ports, ssl: 9301 } };
    const p = props(serverProperties(n, [n], { sasl: true, tls }));
    expect(p.listeners).toContain('SSL://127.0.0.1:9301');
    expect(p['listener.security.protocol.map']).toContain('SSL:SSL');
    expect(p['listener.name.ssl.ssl.keystore.location']).toBe('/c/tls/broker.p12');
    expect(p['listener.name.ssl.ssl.truststore.location']).toBe('/c/tls/ca.pem');
    expect(p['listener.name.ssl.ssl.client.auth']).toBe('required');
    expect(p['super.users']).toBe('User:admin;User:ANONYMOUS;User:CN=ktool-client');
  });

  it('cluster ids are 22 characters of base64url', () => {
    expect(randomClusterId((n) => Buffer.alloc(n, 0xff))).toBe('_____________________w');
    // A leading "-" would be read as an option by StorageTool: drawn again.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x01)];
    expect(randomClusterId(() => draws.shift()!)).toBe('AQEBAQEBAQEBAQEBAQEBAQ');
  });

  it('the Maven POM asks for the broker, the tools, MirrorMaker and a log4j2 binding', () => {
    const pom = kafkaPom('4.3.1');
    for (const a of ['kafka_2.13', 'kafka-tools', 'connect-mirror', 'log4j-slf4j-impl', 'log4j-core'])
      expect(pom).toContain(`<artifactId>${a}</artifactId>`);
  });
});

describe('parseSha512File', () => {
  const hex = 'ab'.repeat(64);
  it('reads the Apache format (upper-case groups, wrapped)', () => {
    const groups = hex.toUpperCase().match(/.{8}/g)!;
    expect(
      parseSha512File(`kafka_2.13-4.3.1.tgz: ${groups.slice(0, 8).join(' ')}\n                      ${groups.slice(8).join(' ')}\n`),
    ).toBe(hex);
  });
  it('reads sha512sum output', () => expect(parseSha512File(`${hex}  kafka_2.13-4.3.1.tgz\n`)).toBe(hex));
  it('rejects anything else', () => expect(() => parseSha512File('<html>not found</html>')).toThrow(/unreadable/));
});

describe('broker JVM flags', () => {
  it('KAFKA_HEAP_OPTS and KAFKA_JVM_PERFORMANCE_OPTS replace the defaults, as for Kafka start scripts', () => {
    const g1 = ['-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true'];
    expect(brokerJvm({})).toEqual(['-Xms256m', '-Xmx768m', ...g1]);
    expect(brokerJvm({ KAFKA_HEAP_OPTS: '  ', KAFKA_JVM_PERFORMANCE_OPTS: '' })).toEqual(['-Xms256m', '-Xmx768m', ...g1]);
    expect(brokerJvm({ KAFKA_HEAP_OPTS: ' -Xms128m  -Xmx512m ' })).toEqual(['-Xms128m', '-Xmx512m', ...g1]);
    expect(brokerJvm({ KAFKA_JVM_PERFORMANCE_OPTS: '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' })).toEqual([
      '-Xms256m',
      '-Xmx768m',
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
    ]);
  });
});
