#!/usr/bin/env node
// Rewrites README's drop-in coverage table from the differential harness's table (test/dropin/cases.ts).
import { execFileSync } from 'node:child_process';

execFileSync('npx', ['--no-install', 'vitest', 'run', '-c', 'vitest.unit.config.ts', 'test/dropin/readme-table.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, KTOOL_WRITE_DROPIN_TABLE: '1' },
});
