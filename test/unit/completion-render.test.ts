import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { allCommands, commandModel } from '../../src/docs/model.js';
import { generateDocs } from '../../src/docs/index.js';
import type { ConnectionSettings } from '../../src/config/connection.js';
import type { GroupsApi } from '../../src/kafka/groups-types.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka } from '../helpers/fake-kafka.js';

// Tier 2 for `completion` and the hidden `__complete` (test/docs/complete.test.ts has topics,
// profiles and the process-level checks).
const root = mkdtempSync(join(tmpdir(), 'ktool-completion-render-'));
const config = join(root, 'config.yaml');
writeFileSync(config, 'current-profile: prod\nprofiles:\n  prod:\n    bootstrap: kafka-1:9092\n    timeout: 60s\n');
const env = { KTOOL_CONFIG: config, KTOOL_BROKERS: undefined, KTOOL_TIMEOUT: '10m' };
afterAll(() => rmSync(root, { recursive: true, force: true }));

const groups = (ids: string[]) => ({ listGroups: async () => ids.map((group) => ({ group })) }) as unknown as GroupsApi;

describe('__complete groups', () => {
  it('group ids starting with the prefix, sorted, one a line; the short timeout whatever KTOOL_TIMEOUT says', async () => {
    let seen: ConnectionSettings | undefined;
    const factory = fakeKafka([], {}, { groups: groups(['payments', 'orders-eu', 'orders']) });
    const r = await runCli(['__complete', 'groups', '--', 'ord'], { env, deps: { kafkaFactory: (s) => ((seen = s), factory(s)) } });
    expect(r).toEqual({ code: 0, stdout: 'orders\norders-eu\n', stderr: '' });
    expect(seen).toMatchObject({ bootstrap: ['kafka-1:9092'], timeoutMs: 1200 });
    expect(
      (await runCli(['__complete', 'groups', '--timeout', '5m'], { env, deps: { kafkaFactory: (s) => ((seen = s), factory(s)) } })).stdout,
    ).toBe('orders\norders-eu\npayments\n');
    expect(seen?.timeoutMs).toBe(1200);
  });

  it('no match or a failure: nothing, exit 0; --debug reports the failure', async () => {
    const factory = fakeKafka([], {}, { groups: groups(['orders']) });
    expect(await runCli(['__complete', 'groups', '--', 'x'], { env, deps: { kafkaFactory: factory } })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    const failing = fakeKafka([], {}, { groups: { listGroups: async () => Promise.reject(new Error('boom')) } as unknown as GroupsApi });
    expect(await runCli(['__complete', 'groups'], { env, deps: { kafkaFactory: failing } })).toEqual({ code: 0, stdout: '', stderr: '' });
    const debug = await runCli(['__complete', 'groups', '--debug'], { env, deps: { kafkaFactory: failing } });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^error: boom\n/);
  });

  it('__complete profiles takes no connection flags (and needs no cluster)', async () => {
    expect(await runCli(['__complete', 'profiles', '--', 'p'], { env })).toEqual({ code: 0, stdout: 'prod\n', stderr: '' });
    expect((await runCli(['__complete', 'profiles', '-b', 'x:1'], { env })).code).toBe(2);
  });
});

describe('completion SHELL usage errors', () => {
  it('an unknown shell or none: exit 2 naming the shells', async () => {
    expect(await runCli(['completion', 'tcsh'], { env })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "error: command-argument value 'tcsh' is invalid for argument 'shell'. Allowed choices are bash, " +
        'zsh, fish.\n(run with --help for usage)\n',
    });
    expect(await runCli(['completion'], { env })).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: missing required argument 'shell'\n(run with --help for usage)\n",
    });
  });
});

describe('__complete stays hidden', () => {
  it('from help, the completion scripts and the man pages', async () => {
    expect((await runCli(['help'], { env })).stdout).not.toContain('__complete');
    const program = await buildProgram(async () => {});
    expect([...allCommands(commandModel(program))].map((c) => c.path.join(' ')).filter((p) => p.includes('__complete'))).toEqual([]);
    const docs = generateDocs(program);
    expect([...docs.keys()].filter((file) => file.includes('__complete'))).toEqual([]);
    // The scripts call it for names, but never offer it (or its verbs) with their descriptions.
    for (const [file, text] of docs)
      expect([file, ['values for shell completion', 'topic names starting with PREFIX'].filter((d) => text.includes(d))]).toEqual([
        file,
        [],
      ]);
  });
});
