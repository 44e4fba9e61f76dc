import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'tokens',
  description: 'delegation tokens: create, renew, expire, describe (kafka-delegation-tokens.sh); needs a SASL connection',
  order: ['create', 'describe', 'renew', 'expire'],
});
