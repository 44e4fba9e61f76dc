import { describe, expect, it } from 'vitest';
import { parseJaasConfig, parseProperties } from '../../src/config/properties.js';
import { interpretCommandConfig } from '../../src/config/command-config.js';

describe('parseProperties', () => {
  it.each([
    ['a=1', { a: '1' }],
    ['a = 1', { a: '1' }],
    ['a:1', { a: '1' }],
    ['a 1', { a: '1' }],
    ['  a=1  ', { a: '1  ' }],
    ['# comment\n! also\na=1', { a: '1' }],
    ['a=x\\\n   y', { a: 'xy' }],
    ['a=\\u0041\\tb', { a: 'A\tb' }],
    ['key\\ with\\ space=v', { 'key with space': 'v' }],
    ['a=1\r\nb=2', { a: '1', b: '2' }],
    ['empty=', { empty: '' }],
    ['a=b=c', { a: 'b=c' }],
    ['path=C:\\\\dir', { path: 'C:\\dir' }],
  ])('%j', (text, expected) => {
    expect(Object.fromEntries(parseProperties(text))).toEqual(expected);
  });
});

describe('parseJaasConfig', () => {
  it('reads username and password of the SCRAM module', () => {
    const j = parseJaasConfig('org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="s3cr\\"et";');
    expect(j).toEqual({
      module: 'org.apache.kafka.common.security.scram.ScramLoginModule',
      options: { username: 'alice', password: 's3cr"et' },
    });
  });
  it('accepts unquoted values', () => {
    expect(parseJaasConfig('org.apache.kafka.common.security.plain.PlainLoginModule required username=bob password=pw;')?.options).toEqual({
      username: 'bob',
      password: 'pw',
    });
  });
  it('rejects garbage', () => {
    expect(parseJaasConfig('nonsense')).toBeUndefined();
  });
});

describe('interpretCommandConfig', () => {
  const props = (text: string) => interpretCommandConfig(parseProperties(text));
  it('maps SASL_SSL with SCRAM and PEM files', () => {
    const c = props(`bootstrap.servers=k1:9093,k2:9093
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p";
ssl.truststore.type=PEM
ssl.truststore.location=/etc/ca.pem
ssl.endpoint.identification.algorithm=
request.timeout.ms=5000
linger.ms=5`);
    expect(c.bootstrap).toBe('k1:9093,k2:9093');
    expect(c.sasl).toEqual({ mechanism: 'SCRAM-SHA-512', username: 'u', password: { value: 'p' } });
    expect(c.tls).toMatchObject({ ca: '/etc/ca.pem', verifyHostname: false });
    expect(c.timeoutMs).toBe(5000);
    expect(c.unknownKeys).toEqual(['linger.ms']);
  });
  it('rejects JKS stores with a conversion hint', () => {
    expect(() => props('security.protocol=SSL\nssl.truststore.type=JKS')).toThrow(/not supported/);
  });
  it('rejects an unknown protocol and an unknown mechanism', () => {
    expect(() => props('security.protocol=FOO')).toThrow(/security.protocol/);
    expect(() => props('security.protocol=SASL_PLAINTEXT\nsasl.mechanism=GSSAPI')).toThrow(/GSSAPI/);
  });
});
