import { defineCommand } from '../../cli/spec.js';

export const spec = defineCommand({
  command: 'schemas',
  description: 'Schema Registry subjects and schemas: list, get, register, check compatibility, config, delete, diff',
  order: ['list', 'versions', 'get', 'register', 'check', 'diff', 'config', 'mode', 'delete'],
  notes:
    'The registry is --schema-registry URL, KTOOL_SCHEMA_REGISTRY, schema.registry.url in --command-config, or the ' +
    "profile's (ktool local start --schema-registry sets one up). Any Confluent-compatible registry: Confluent, " +
    'Apicurio (URL ending in /apis/ccompat/v7), Karapace, Redpanda.',
});
