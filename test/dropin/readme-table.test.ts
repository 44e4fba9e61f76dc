import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCRIPTS } from './cases.js';
import { coverageTable, TABLE_END, TABLE_START } from './table.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));

describe("README's drop-in table", () => {
  it('is what the harness table gives (scripts/gen-dropin-table.mjs rewrites it)', () => {
    const text = readFileSync(README, 'utf8');
    const start = text.indexOf(TABLE_START);
    const end = text.indexOf(TABLE_END);
    expect(start, 'README has the table markers').toBeGreaterThan(-1);
    const current = text.slice(start + TABLE_START.length, end).trim();
    const wanted = coverageTable(SCRIPTS);
    if (process.env.KTOOL_WRITE_DROPIN_TABLE === '1' && current !== wanted) {
      writeFileSync(README, `${text.slice(0, start + TABLE_START.length)}\n${wanted}\n${text.slice(end)}`);
      return;
    }
    expect(current, 'stale: run node scripts/gen-dropin-table.mjs').toBe(wanted);
  });
});
