/** `bin/ktool schemas` as a process: a schema registered from a file and read back with --schema-only into a file. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/cli.js';
import { needs } from '../helpers/needs.js';
import { spawnKtool } from '../helpers/spawn-ktool.js';

const dir = mkdtempSync(join(tmpdir(), 'ktool-schemas-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ktool schemas (process)', needs('KTOOL_TEST_SCHEMA_REGISTRY'), () => {
  it('register from a file, get --schema-only > file gives the text back; an unreachable registry is exit 4 in one line', async () => {
    const env = { KTOOL_SCHEMA_REGISTRY: process.env.KTOOL_TEST_SCHEMA_REGISTRY };
    const schema = '{"type":"record","name":"E2e","fields":[{"name":"id","type":"string"}]}';
    writeFileSync(join(dir, 'e.avsc'), schema);
    const subject = uniqueName('e2e-value');
    const reg = await spawnKtool(['schemas', 'register', subject, join(dir, 'e.avsc')], { env });
    expect(reg.code).toBe(0);
    expect(reg.stdout).toMatch(new RegExp(`^Registered: ${subject} version 1, schema id \\d+ \\(AVRO\\)\\n$`));
    const out = join(dir, 'back.avsc');
    const got = await spawnKtool([], { env, shell: `"$KTOOL" schemas get ${subject} --schema-only > ${out}` });
    expect(got.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(schema));
    const down = await spawnKtool(['schemas', 'list', '--schema-registry', 'http://127.0.0.1:1'], {});
    expect(down).toMatchObject({ code: 4, stdout: '' });
    expect(down.stderr.split('\n')[0]).toBe('error: cannot reach the schema registry at http://127.0.0.1:1: connection refused');
    await spawnKtool(['schemas', 'delete', subject, '--permanent', '--yes'], { env });
  });
});
