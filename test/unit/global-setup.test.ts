import { describe, expect, it } from 'vitest';
import { unitTierOnly } from '../global-setup.js';

describe('global set-up: brokers only when a selected file may need one', () => {
  it.each([
    [['run', 'test/unit/x.test.ts'], true],
    [['run', 'test/unit'], true],
    [['run', 'test/docs/complete.test.ts', 'test/unit/y.test.ts'], true],
    [['run'], false],
    [[], false],
    [['run', 'test/admin/topics.int.test.ts'], false],
    [['run', 'test/pipe/pipe.e2e.test.ts'], false],
    [['run', 'test/unit/x.test.ts', 'test/admin/topics.int.test.ts'], false],
    [['run', 'test/admin'], false],
    [['run', '-t', 'some name'], false],
  ])('%j -> %s', (argv, expected) => expect(unitTierOnly(argv)).toBe(expected));
});
