/** Tier 1 for `ktool schemas`: argv -> options, and the usage errors (exit 2). */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../helpers/parse-args.js';

describe('schemas arguments -> options', () => {
  it.each([
    [['schemas', 'list'], 'schemas list', { prefix: undefined, deleted: false }],
    [['schemas', 'list', 'orders-', '--deleted'], 'schemas list', { prefix: 'orders-', deleted: true }],
    [['schemas', 'versions', 'o-value', '--deleted'], 'schemas versions', { subject: 'o-value', deleted: true }],
    [['schemas', 'get', 'o-value'], 'schemas get', { ref: { subject: 'o-value', version: 'latest' }, schemaOnly: false, deleted: false }],
    [
      ['schemas', 'get', 'o-value@3', '--schema-only'],
      'schemas get',
      { ref: { subject: 'o-value', version: 3 }, schemaOnly: true, deleted: false },
    ],
    [['schemas', 'get', 'a@b@latest'], 'schemas get', { ref: { subject: 'a@b', version: 'latest' }, schemaOnly: false, deleted: false }],
    [
      ['schemas', 'get', 'user@example.com'],
      'schemas get',
      { ref: { subject: 'user@example.com', version: 'latest' }, schemaOnly: false, deleted: false },
    ],
    [['schemas', 'get', '--id', '7'], 'schemas get', { id: 7, schemaOnly: false, deleted: false }],
    [
      ['schemas', 'register', 's', 'f.avsc', '--reference', 'shop.Money=money-value@1', '-t', 'avro'],
      'schemas register',
      {
        subject: 's',
        file: 'f.avsc',
        type: 'avro',
        references: [{ name: 'shop.Money', subject: 'money-value', version: 1 }],
        normalize: false,
      },
    ],
    [
      ['schemas', 'register', 's', 'f.proto', '--reference', 'money.proto=money-value@latest', '--reference', 'a.proto=a@2'],
      'schemas register',
      {
        subject: 's',
        file: 'f.proto',
        type: undefined,
        references: [
          { name: 'money.proto', subject: 'money-value', version: 'latest' },
          { name: 'a.proto', subject: 'a', version: 2 },
        ],
        normalize: false,
      },
    ],
    [
      ['schemas', 'check', 's', 'f.proto'],
      'schemas check',
      { subject: 's', file: 'f.proto', type: undefined, references: [], against: 'latest' },
    ],
    [
      ['schemas', 'check', 's', 'f', '--all'],
      'schemas check',
      { subject: 's', file: 'f', type: undefined, references: [], against: 'all' },
    ],
    [
      ['schemas', 'check', 's', 'f', '--version', '2'],
      'schemas check',
      { subject: 's', file: 'f', type: undefined, references: [], against: 2 },
    ],
    [['schemas', 'config'], 'schemas config', { subject: undefined, set: undefined, reset: false }],
    [
      ['schemas', 'config', 's', '--compatibility', 'FULL_TRANSITIVE'],
      'schemas config',
      { subject: 's', set: 'FULL_TRANSITIVE', reset: false },
    ],
    [['schemas', 'config', 's', '--reset'], 'schemas config', { subject: 's', set: undefined, reset: true }],
    [['schemas', 'mode', '--set', 'READONLY'], 'schemas mode', { subject: undefined, set: 'READONLY', force: false }],
    [['schemas', 'delete', 's'], 'schemas delete', { subject: 's', version: undefined, permanent: false, yes: false }],
    [['schemas', 'delete', 's@2', '--permanent', '-y'], 'schemas delete', { subject: 's', version: 2, permanent: true, yes: true }],
    [['schemas', 'delete', 's@latest'], 'schemas delete', { subject: 's', version: 'latest', permanent: false, yes: false }],
    [['schemas', 'diff', 's', '1', '2'], 'schemas diff', { subject: 's', from: 1, to: 2, context: 3 }],
    [['schemas', 'diff', 's', '1', '-U', '0'], 'schemas diff', { subject: 's', from: 1, to: 'latest', context: 0 }],
  ])('%j', async (argv, path, options) => {
    const r = await parseArgs(argv);
    expect(r.stderr).toBe('');
    expect(r.path).toBe(path);
    expect(r.options).toEqual(options);
  });

  it.each([
    [['schemas', 'get'], 'which schema? give SUBJECT[@VERSION] or --id N'],
    [['schemas', 'get', 's', '--id', '1'], 'give SUBJECT[@VERSION] or --id N, not both'],
    [['schemas', 'get', 's@0'], 'invalid version "0" in s@0'],
    [['schemas', 'get', 's@-1'], 'invalid version "-1" in s@-1'],
    [['schemas', 'register', 's'], "missing required argument 'file'"],
    [['schemas', 'register', 's', 'f', '--reference', 'x=y'], 'invalid --reference "x=y"'],
    [['schemas', 'register', 's', 'f', '--reference', 'x=y@newest'], 'invalid --reference "x=y@newest"'],
    [
      ['schemas', 'register', 's', 'f', '--type', 'xml'],
      "option '-t, --type <type>' argument 'xml' is invalid. Allowed choices are avro, protobuf, json.",
    ],
    [['schemas', 'check', 's', 'f', '--all', '--version', '1'], 'give --all or --version N, not both'],
    [['schemas', 'config', '--reset'], '--reset needs a SUBJECT (the global level has no default to return to)'],
    [['schemas', 'diff', 's', '1', 'x'], 'invalid version "x" in x'],
    [['schemas', 'mode', '--force'], '--force goes with --set'],
  ])('%j: usage error', async (argv, message) => {
    const r = await parseArgs(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`error: ${message}`);
  });
});
