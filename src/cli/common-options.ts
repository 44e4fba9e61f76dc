import { defineOptions, type OptionGroup, type OptionSpec } from './spec.js';

/** Connection flags, on every command that talks to Kafka (kafka-*.sh spellings included). */
const CONNECTION: readonly OptionSpec[] = [
  {
    flags: '-b, --bootstrap-server <hosts>',
    description: 'brokers HOST:PORT[,HOST:PORT] (env KTOOL_BROKERS); names a cluster: no profile applies unless --profile is given too',
  },
  { flags: '--brokers <hosts>', description: 'alias of --bootstrap-server', hidden: true },
  { flags: '--command-config <file>', description: 'client properties file, as for kafka-*.sh' },
  { flags: '--profile <name>', description: 'use this profile (env KTOOL_PROFILE)' },
  {
    flags: '--timeout <duration>',
    description: 'connect/request timeout, e.g. 10s, at most 24d20h (env KTOOL_TIMEOUT): a broker that does not answer within it is exit 4',
  },
];

/**
 * The Schema Registry, on the commands that use one (schemas, produce, consume): a group of its own
 * rather than part of `connection`, so that the help of the 40 commands that never talk to a
 * registry does not grow five lines. Precedence: src/config/resolve.ts resolveSchemaRegistry.
 */
const SCHEMA_REGISTRY: readonly OptionSpec[] = [
  {
    flags: '--schema-registry <url>',
    description:
      'Schema Registry URL with its base path, e.g. http://host:8081 or http://host:8080/apis/ccompat/v7 ' +
      '(env KTOOL_SCHEMA_REGISTRY; schema.registry.url in --command-config; the profile)',
  },
  { flags: '--schema-registry-url <url>', description: 'alias of --schema-registry', hidden: true },
  { flags: '--sr-username <user>', description: 'Schema Registry basic-auth user' },
  { flags: '--sr-password-env <var>', description: 'read the Schema Registry password from this environment variable' },
  { flags: '--sr-token-env <var>', description: 'read a Schema Registry bearer token from this environment variable' },
  { flags: '--sr-ca <file>', description: 'CA certificate (PEM) to trust for an https Schema Registry' },
];

/** Output flags; `-o` is deliberately not one of them (it is consume's offset, as in kcat and rpk). */
function outputOptions(extraFormats: readonly string[] = []): readonly OptionSpec[] {
  return [
    { flags: '--format <format>', description: `output format: ${['table', 'wide', 'json', 'yaml', ...extraFormats].join('|')}` },
    { flags: '--output <format>', description: 'alias of --format', hidden: true },
    { flags: '--json', description: 'shorthand for --format json' },
  ];
}

const BASE: readonly OptionSpec[] = [
  { flags: '--no-color', description: 'disable colours (also NO_COLOR=1)' },
  { flags: '--debug', description: 'show stack traces and client details on errors' },
];

/**
 * --yes, the same on every verb that asks first (README "Destructive commands"). Exported typed, for
 * a spec that lists it among its own options to keep the place help has always shown it in.
 */
export const YES = defineOptions([
  { flags: '-y, --yes', description: 'do not ask for confirmation (required when standard input is not a terminal)' },
]);

/** The one way past the internal-topic guard (src/cli/internal-topics.ts): named to read as dangerous. */
export const ALLOW_INTERNAL_TOPICS = defineOptions([
  {
    flags: '--allow-internal-topics',
    description:
      'DANGEROUS: act on internal topics named exactly (__consumer_offsets, Connect, Streams, ' +
      'MirrorMaker 2 ...); a pattern never selects them',
  },
]);

/** The options of a group, in the order help lists them. */
export function groupOptions(group: OptionGroup, extraFormats?: readonly string[]): readonly OptionSpec[] {
  switch (group) {
    case 'connection':
      return CONNECTION;
    case 'schema-registry':
      return SCHEMA_REGISTRY;
    case 'output':
      return outputOptions(extraFormats);
    case 'base':
      return BASE;
    case 'yes':
      return YES;
    case 'allow-internal-topics':
      return ALLOW_INTERNAL_TOPICS;
  }
}

/** Repeatable option collector: `-c a=1 -c b=2`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
