/** Where the Schema Registry URL, credentials and CA come from (src/config/resolve.ts resolveSchemaRegistry). */
import { describe, expect, it } from 'vitest';
import { interpretCommandConfig } from '../../src/config/command-config.js';
import type { ConfigFile } from '../../src/config/profile-types.js';
import { parseProperties } from '../../src/config/properties.js';
import { resolveConnection, resolveSchemaRegistry, type SchemaRegistryFlags } from '../../src/config/resolve.js';

const config: ConfigFile = {
  'current-profile': 'dev',
  profiles: {
    dev: {
      bootstrap: 'dev:9092',
      'schema-registry': { url: 'http://dev-sr:8081/', username: 'dev', 'password-env': 'DEV_PW', ca: '/ca.pem' },
    },
    bare: { bootstrap: 'bare:9092' },
  },
};

function resolve(flags: SchemaRegistryFlags & { profile?: string; bootstrapServer?: string }, env = {}, properties?: string) {
  const commandConfig = properties === undefined ? undefined : interpretCommandConfig(parseProperties(properties), 'x.properties');
  const connection = resolveConnection({ flags, env, config, commandConfig });
  return resolveSchemaRegistry({ flags, env, config, commandConfig, connection });
}

describe('resolveSchemaRegistry', () => {
  it('url: flag > command-config > KTOOL_SCHEMA_REGISTRY > profile > none; trailing slash dropped, base path kept', () => {
    const env = { KTOOL_SCHEMA_REGISTRY: 'http://env:8081' };
    const props = 'schema.registry.url=http://cc:8081/apis/ccompat/v7/';
    expect(resolve({ schemaRegistry: 'http://flag:1' }, env, props)).toMatchObject({ url: 'http://flag:1', sources: { url: 'flag' } });
    expect(resolve({ schemaRegistryUrl: 'http://alias:1' }, env)).toMatchObject({ url: 'http://alias:1', sources: { url: 'flag' } });
    expect(resolve({}, env, props)).toMatchObject({ url: 'http://cc:8081/apis/ccompat/v7', sources: { url: 'command-config' } });
    expect(resolve({}, env)).toMatchObject({ url: 'http://env:8081', sources: { url: 'env' } });
    expect(resolve({})).toMatchObject({ url: 'http://dev-sr:8081', sources: { url: 'profile' }, timeoutMs: 10_000 });
    expect(resolve({ profile: 'bare' })).toBeUndefined();
    // -b names another cluster: the current profile (and its registry) does not apply.
    expect(resolve({ bootstrapServer: 'x:1' })).toBeUndefined();
  });

  it("the profile's credentials and CA go only to the profile's URL", () => {
    expect(resolve({})).toMatchObject({
      username: 'dev',
      password: { env: 'DEV_PW' },
      tls: { ca: '/ca.pem' },
      sources: { auth: 'profile' },
    });
    const other = resolve({ schemaRegistry: 'http://elsewhere:8081' })!;
    expect(other.username).toBeUndefined();
    expect(other.password).toBeUndefined();
    expect(other.tls).toBeUndefined();
  });

  it('credentials: --sr-* flags > command-config > user:password@ in the URL; the URL keeps none of them', () => {
    const props = 'schema.registry.url=http://cc:8081\nbasic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=ccuser:cc:pw';
    expect(resolve({ srUsername: 'f', srPasswordEnv: 'F_PW' }, {}, props)).toMatchObject({
      username: 'f',
      password: { env: 'F_PW' },
      sources: { auth: 'flag' },
    });
    expect(resolve({}, {}, props)).toMatchObject({ username: 'ccuser', password: { value: 'cc:pw' }, sources: { auth: 'command-config' } });
    const fromUrl = resolve({ schemaRegistry: 'https://u%40x:p%2Fw@host:8443/base/' })!;
    expect(fromUrl).toMatchObject({ url: 'https://host:8443/base', username: 'u@x', password: { value: 'p/w' }, sources: { auth: 'url' } });
    expect(JSON.stringify(fromUrl.url)).not.toContain('p/w');
    expect(resolve({ srTokenEnv: 'TOKEN' }, {})).toMatchObject({ token: { env: 'TOKEN' }, sources: { auth: 'flag' } });
  });

  it('command-config: bearer token, SASL_INHERIT, PEM CA; unsupported sources and stores are usage errors', () => {
    const bearer = 'schema.registry.url=http://cc:8081\nbearer.auth.credentials.source=STATIC_TOKEN\nbearer.auth.token=t0k';
    expect(resolve({}, {}, bearer)).toMatchObject({ token: { value: 't0k' } });
    const inherit =
      'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n' +
      'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="a" password="b";\n' +
      'schema.registry.url=http://cc:8081\nbasic.auth.credentials.source=SASL_INHERIT';
    expect(resolve({}, {}, inherit)).toMatchObject({ username: 'a', password: { value: 'b' } });
    const tls = 'schema.registry.url=https://cc:8443\nschema.registry.ssl.truststore.location=/etc/sr-ca.pem';
    expect(resolve({}, {}, tls)).toMatchObject({ tls: { ca: '/etc/sr-ca.pem' } });
    expect(resolve({ srCa: '/flag-ca.pem' }, {}, tls)).toMatchObject({ tls: { ca: '/flag-ca.pem' } });
    expect(() => resolve({}, {}, `${tls}\nschema.registry.ssl.truststore.type=JKS`)).toThrow(/truststore.type=JKS is not supported/);
    expect(() => resolve({}, {}, 'schema.registry.url=http://x\nbearer.auth.credentials.source=OAUTHBEARER')).toThrow(/not supported/);
    expect(() => resolve({}, {}, 'schema.registry.url=http://x\nbasic.auth.user.info=nocolon')).toThrow(/USER:PASSWORD/);
  });

  it('schema registry keys in --command-config are known keys (no "ignoring unknown keys" warning)', () => {
    const cc = interpretCommandConfig(parseProperties('schema.registry.url=http://x\nbasic.auth.user.info=a:b\nlinger.ms=5'));
    expect(cc.unknownKeys).toEqual(['linger.ms']);
  });

  it('refuses a URL that is not http(s), without echoing a password', () => {
    expect(() => resolve({ schemaRegistry: 'localhost:8081' })).toThrow(/must start with http:\/\/ or https:\/\//);
    expect(() => resolve({ schemaRegistry: 'ftp://u:secret@host' })).toThrow(/ftp:\/\/u:<redacted>@host/);
    expect(() => resolve({ srPasswordEnv: 'X', schemaRegistry: 'http://h' })).toThrow('--sr-password-env needs --sr-username');
  });
});
