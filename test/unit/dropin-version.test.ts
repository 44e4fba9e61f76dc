/**
 * `--version` in a kafka-*.sh spelling prints the Kafka version whose tool it follows, as the
 * original (CommandLineUtils.printVersionAndExit: exit 0), in every script alike; ktool's own
 * `--version` stays ktool's. Compared with the Java tools in test/dropin (every script's `--version`).
 */
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/version.js';
import { originalVersionLine } from '../../src/dropin/version.js';
import { runCli } from '../helpers/cli.js';

const run = (argv: string[]) => runCli(argv, { env: { KTOOL_BROKERS: undefined } });

describe("the originals' --version", () => {
  it.each([
    ['topics'],
    ['produce'],
    ['consume'],
    ['offsets'],
    ['configs'],
    ['groups'],
    ['dump-log'],
    ['partitions', 'reassign'],
    ['partitions', 'elect-leaders'],
    ['perf', 'consume'],
    ['tokens'],
    ['delete-records'],
    ['cluster', 'log-dirs'],
    ['cluster', 'api-versions'],
    ['acls'],
    ['share-groups'],
    ['share-consume'],
  ])('%s --version: 4.3.1, exit 0', async (...words) => {
    expect(await run([...words, '--version'])).toEqual({ code: 0, stdout: '4.3.1\n', stderr: '' });
  });

  it("kafka-transactions.sh's argparse4j prints the commit too, for -v and --version", async () => {
    for (const flag of ['-v', '--version'])
      expect(await run(['transactions', flag])).toEqual({ code: 0, stdout: '4.3.1 (Commit:26b251a451ce941d)\n', stderr: '' });
    // The version action ends argparse4j's parse: the sub-command after it is not read, none is required.
    expect(await run(['transactions', '--bootstrap-server', 'h:1', '--version', 'list'])).toMatchObject({ code: 0 });
    // An unknown option before it is refused first, as argparse4j does.
    expect(await run(['transactions', '--bogus', '--version'])).toMatchObject({ code: 1, stdout: '' });
  });

  it("among the original's other options (after its parse; nothing is sent)", async () => {
    for (const argv of [
      ['topics', '--bootstrap-server', 'h:1', '--list', '--version'],
      ['configs', '--bootstrap-server', 'h:1', '--describe', '--version'],
      ['acls', '--bootstrap-server', 'h:1', '--list', '--version'],
      ['acls', '--bootstrap-server', 'h:1', '--version'],
      ['delete-records', '--bootstrap-server', 'h:1', '--offset-json-file', 'f', '--version'],
      ['perf', 'e2e', '--bootstrap-server', 'h:1', '--topic', 't', '--version'],
      ['perf', 'consume', '--bootstrap-server', 'h:1', '--topic', 't', '--version'],
      ['share-groups', '--bootstrap-server', 'h:1', '--list', '--version'],
    ])
      expect(await run(argv), argv.join(' ')).toEqual({ code: 0, stdout: '4.3.1\n', stderr: '' });
  });

  it('an unknown option is refused before --version is looked at (jopt-simple parses first)', async () => {
    expect(await run(['topics', '--version', '--bogus'])).toEqual({ code: 1, stdout: '', stderr: 'bogus is not a recognized option\n' });
  });

  it("the originals without --version refuse it as they do; kafka-e2e-latency.sh's alone is its positional form", async () => {
    const e2e = await run(['perf', 'e2e', '--version']);
    expect(e2e.code).toBe(1);
    expect(e2e.stderr).toMatch(/Invalid number of arguments\. Expected 5 or 6 positional arguments, but got 1\./);
    expect(await run(['perf', 'produce', '--version'])).toMatchObject({ code: 1, stdout: '' });
  });

  it("ktool's own --version, and a ktool verb's line, stay ktool's", async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(originalVersionLine(['--version'])).toBeUndefined();
    expect(originalVersionLine(['topics', 'list', '--version'])).toBeUndefined();
    expect(originalVersionLine(['cluster', '--version'])).toBeUndefined();
    expect(originalVersionLine(['cluster', 'quorum', '--version'])).toBeUndefined();
    expect(originalVersionLine(['groups', '-v'])).toBeUndefined();
    expect((await run(['topics', 'list', '--version'])).code).toBe(2);
  });
});

describe("--help among an original's flags", () => {
  it("is ktool's help of that command, exit 0, and nothing runs (the original prints its own and runs nothing)", async () => {
    for (const [argv, usage] of [
      [['topics', '--bootstrap-server', 'h:1', '--delete', '--topic', 't', '--help'], 'Usage: ktool topics '],
      [['groups', '--bootstrap-server', 'h:1', '--delete', '--group', 'g', '--help'], 'Usage: ktool groups '],
      [['acls', '--bootstrap-server', 'h:1', '--remove', '--topic', 't', '--help'], 'Usage: ktool acls '],
      [['transactions', '--bootstrap-server', 'h:1', 'list', '--help'], 'Usage: ktool transactions '],
      [['partitions', 'reassign', '--bootstrap-server', 'h:1', '--cancel', '--help'], 'Usage: ktool partitions reassign '],
      [['perf', 'produce', '--topic', 't', '--num-records', '1', '--help'], 'Usage: ktool perf produce '],
    ] as const) {
      const r = await run([...argv]);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stdout.startsWith(usage), argv.join(' ')).toBe(true);
      expect(r.stderr).toBe('');
    }
  });

  it("kafka-share-groups.sh's word has no native command: its drop-in prints its own help", async () => {
    const r = await run(['share-groups', '--bootstrap-server', 'h:1', '--list', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: ktool share-groups --bootstrap-server B --list/);
  });
});
