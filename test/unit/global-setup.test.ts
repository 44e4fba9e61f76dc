import { describe, expect, it } from 'vitest';
import { unitTierOnly } from '../global-setup.js';

const dirs: Record<string, string[]> = {
  'test/unit': ['test/unit/a.test.ts', 'test/unit/b.test.ts'],
  'test/docs': ['test/docs/complete.test.ts'],
  'test/admin': ['test/admin/topics.int.test.ts', 'test/admin/parse.test.ts'],
  'test/compat': ['test/compat/brokers.test.ts'],
};

describe('global set-up: brokers only when a selected file may need one', () => {
  it.each([
    [['run', 'test/unit/x.test.ts'], true],
    [['run', 'test/unit', 'test/docs'], true],
    [['run', 'test/docs/complete.test.ts', 'test/unit/y.test.ts'], true],
    [['run'], false],
    [[], false],
    [['run', 'test/admin/topics.int.test.ts'], false],
    [['run', 'test/pipe/pipe.e2e.test.ts'], false],
    [['run', 'test/unit/x.test.ts', 'test/admin/topics.int.test.ts'], false],
    [['run', 'test/admin'], false],
    [['run', 'test/compat'], false],
    [['run', '-t', 'some name'], false],
  ])('%j -> %s', (argv, expected) => expect(unitTierOnly(argv, (d) => dirs[d])).toBe(expected));

  it('reads real folders', () => {
    expect(unitTierOnly(['run', 'test/unit', 'test/docs'])).toBe(true);
    expect(unitTierOnly(['run', 'test/dropin'])).toBe(false);
  });
});
