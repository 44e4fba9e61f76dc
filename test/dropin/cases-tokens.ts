/**
 * The differential harness's cases for kafka-delegation-tokens.sh, on the SASL listener of the SASL
 * cluster (`ktool local start --sasl` enables delegation tokens), as admin over SCRAM (@admin). Each
 * side creates tokens for owners of its own ({c1} ...), so listings by owner see only the run's
 * tokens; the tokens renewed and expired are captured per side (their HMACs) before the cases.
 * Normalised ('tokens'): token ids, HMACs and dates (random per token, or the clock's).
 */
import type { Script } from './cases.js';

const B = 'B';
const ADMIN = ['--bootstrap-server', B, '--command-config', '@admin'];
/** A token of admin's (renewable by admin): its HMAC, once the broker can find it. */
const adminToken = (name: string) => ({
  name,
  args: ['tokens', 'create', '--command-config', '@admin'],
  field: 'hmac',
  visible: { args: ['tokens', 'describe', '--command-config', '@admin', '--owner-principal', 'User:admin'], field: 'tokenId' },
});

export const TOKENS: Script = {
  script: 'kafka-delegation-tokens.sh',
  cluster: 'sasl',
  helpFlags: [
    'bootstrap-server',
    'command-config',
    'create',
    'describe',
    'expire',
    'expiry-time-period',
    'help',
    'hmac',
    'max-life-time-period',
    'owner-principal',
    'renew',
    'renew-time-period',
    'renewer-principal',
    'version',
  ],
  mainClass: 'org.apache.kafka.tools.DelegationTokenCommand',
  noun: ['tokens'],
  files: {
    admin:
      'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-256\n' +
      'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="admin-secret";\n',
  },
  setup: [],
  captures: [
    adminToken('renew'),
    adminToken('expire'),
    {
      name: 'other',
      args: ['tokens', 'create', '--command-config', '@admin', '--owner-principal', 'User:{d1}', '--renewer-principal', 'User:alice'],
      field: 'hmac',
      visible: { args: ['tokens', 'describe', '--command-config', '@admin', '--owner-principal', 'User:{d1}'], field: 'tokenId' },
    },
  ],
  cases: [
    { args: [...ADMIN, '--create', '--max-life-time-period', '-1', '--owner-principal', 'User:{c1}'], normalize: ['tokens'] },
    {
      args: [
        ...ADMIN,
        ...['--create', '--max-life-time-period', '3600000', '--owner-principal', 'User:{c2}'],
        ...['--renewer-principal', 'User:alice', '--renewer-principal', 'User:bob'],
      ],
      normalize: ['tokens'],
    },
    { args: [...ADMIN, '--describe', '--owner-principal', 'User:{d1}'], normalize: ['tokens'] },
    { args: [...ADMIN, '--describe', '--owner-principal', 'User:{nobody}'] },
    // No owner: the original sends an empty owner list, which the broker answers with no token.
    { args: [...ADMIN, '--describe'] },
    { args: [...ADMIN, '--renew', '--hmac', '{capture:renew}', '--renew-time-period', '3600000'], normalize: ['tokens'] },
    { args: [...ADMIN, '--expire', '--hmac', '{capture:expire}', '--expiry-time-period', '-1'], normalize: ['tokens'] },
    // Owned by another user, admin not a renewer: DELEGATION_TOKEN_OWNER_MISMATCH after the first line.
    { args: [...ADMIN, '--renew', '--hmac', '{capture:other}', '--renew-time-period', '-1'], normalize: ['tokens'] },
    { args: [...ADMIN, '--renew', '--hmac', 'Zm9vYmFy', '--renew-time-period', '-1'] },
    { args: [...ADMIN, '--create', '--max-life-time-period', '-1', '--renewer-principal', 'alice'] },
    { args: [...ADMIN, '--create'] },
    { args: [...ADMIN, '--create', '--describe', '--max-life-time-period', '-1'] },
    { args: [...ADMIN, '--describe', '--hmac', 'Zm9vYmFy'] },
    { args: [...ADMIN, '--renew', '--hmac', 'Zm9vYmFy'] },
    { args: ['--bootstrap-server', B, '--describe'] },
    { args: [...ADMIN, '--list'] },
  ],
};
