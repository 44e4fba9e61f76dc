import { describe, expect, it } from 'vitest';
import { parse as parseDelete } from '../../src/commands/local/delete.js';
import { parse as parseLogs } from '../../src/commands/local/logs.js';
import { parse as parseStart, spec as startSpec } from '../../src/commands/local/start.js';
import { nameOption } from '../../src/commands/local/shared.js';
import { DEFAULT_KAFKA_VERSION } from '../../src/local/versions.js';
import { UsageError } from '../../src/errors.js';

// Flags as commander hands them over (--nodes already checked against 1|3; no default: a stopped
// cluster's own shape fills what is not given, src/local/shape.ts).
const base = { name: 'local' } as const;

describe('local start arguments -> options', () => {
  it('--nodes is checked by the spec alone (1 or 3), and start ends on Ctrl-C by itself (it stops the broker it was starting)', () => {
    const nodes = startSpec.options.find((o) => o.flags === '--nodes <n>');
    expect(nodes).toMatchObject({ choices: ['1', '3'] });
    expect(nodes).not.toHaveProperty('default');
    expect(startSpec.ownsSignals).toBe(true);
  });

  it('its flags are typed from the spec (tsc checks these lines)', () => {
    // @ts-expect-error --nodes is '1' | '3': the spec refuses anything else before parse runs
    expect(parseStart([], { nodes: '2' }).requested.nodes).toBe(1);
    // @ts-expect-error no such flag (the output and base options spread into the spec add no catch-all key)
    expect(parseStart([], { nodez: true }).requested.nodes).toBeUndefined();
  });

  it.each([
    [{}, { name: 'local', requested: { nodes: undefined, sasl: undefined, tls: undefined, version: undefined }, fresh: false }],
    [{ nodes: '1' }, { requested: { nodes: 1 } }],
    [{ nodes: '3' }, { requested: { nodes: 3 } }],
    [
      { name: 'dr', sasl: true, tls: true, fresh: true },
      { name: 'dr', requested: { sasl: true, tls: true }, fresh: true },
    ],
    [{ kafkaVersion: '3.9.2' }, { requested: { version: '3.9.2' } }],
    [{ kafkaVersion: DEFAULT_KAFKA_VERSION }, { requested: { version: DEFAULT_KAFKA_VERSION } }],
    // Before 3.5, --sasl is PLAIN and OAUTHBEARER only (no SCRAM in KRaft), not refused.
    [{ kafkaVersion: '3.4.1', sasl: true }, { requested: { version: '3.4.1', sasl: true } }],
    [{ version: ' 4.0.2 ' }, { requested: { version: '4.0.2' } }],
    [{ kafkaVersion: '4.0.2', version: '4.0.2' }, { requested: { version: '4.0.2' } }],
    [{ kafkaHome: '/opt/kafka' }, { kafkaHome: '/opt/kafka' }],
  ] as const)('%j', (flags, expected) => {
    expect(parseStart([], { ...base, ...flags })).toMatchObject(expected);
  });

  it.each([
    [{ name: 'a/b' }, /invalid cluster name "a\/b"/],
    [{ kafkaVersion: '4.0.2', version: '4.1.0' }, /disagree/],
    [{ kafkaVersion: 'latest' }, /latest/],
    [{ kafkaVersion: '3.2.3' }, /3\.2\.3/],
  ] as const)('%j is a usage error', (flags, message) => {
    expect(() => parseStart([], { ...base, ...flags })).toThrow(UsageError);
    expect(() => parseStart([], { ...base, ...flags })).toThrow(message);
  });
});

describe('local stop/status/logs/delete arguments -> options', () => {
  it('--name (default local)', () => {
    expect(nameOption([], {})).toEqual({ name: 'local' });
    expect(nameOption([], { name: 'dr' })).toEqual({ name: 'dr' });
  });

  it('logs: --node, --lines, --follow; no output format', () => {
    expect(parseLogs([], { name: 'local', node: '1', lines: '100' })).toEqual({ name: 'local', node: 1, lines: 100, follow: false });
    expect(parseLogs([], { name: 'dr', node: '3', lines: '5', follow: true })).toEqual({ name: 'dr', node: 3, lines: 5, follow: true });
    expect(() => parseLogs([], { node: 'x', lines: '1' })).toThrow(UsageError);
    expect(() => parseLogs([], { node: '1', lines: '1', format: 'yaml' })).toThrow(/do not apply/);
  });

  it('delete: one valid name; --stop, --yes', () => {
    expect(parseDelete(['dr'], {})).toEqual({ name: 'dr', stop: false, yes: false });
    // --yes comes from the shared group spread into the spec (no typed key): given as commander would.
    expect(parseDelete(['dr'], { stop: true, ...{ yes: true } })).toEqual({ name: 'dr', stop: true, yes: true });
    expect(() => parseDelete([], {})).toThrow(/needs its name/);
    expect(() => parseDelete(['a', 'b'], {})).toThrow(/unexpected argument "b"/);
    for (const bad of ['.', '..', 'a/b', '']) expect(() => parseDelete([bad], {})).toThrow(UsageError);
  });
});
