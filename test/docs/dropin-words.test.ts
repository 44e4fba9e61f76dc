/**
 * The drop-in words (`ktool share-groups`, `ktool share-consume`): outside the command tree, yet
 * completed at the top level with their flags (the drop-ins' own option tables), a man page each,
 * and a `--help` with examples.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { bashCompletion, fishCompletion, manPages, zshCompletion } from '../../src/docs/index.js';
import { CONSOLE_SHARE_CONSUMER_OPTIONS } from '../../src/dropin/console-share-consumer.js';
import { SHARE_GROUPS_OPTIONS } from '../../src/dropin/share-groups.js';
import { DROPIN_WORDS } from '../../src/dropin/share-words.js';
import { wordHelp } from '../../src/dropin/words.js';
import type { GroupsApi } from '../../src/kafka/groups-types.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka } from '../helpers/fake-kafka.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const program = await buildProgram(async () => {});
const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;

const WORDS = [
  { word: 'share-groups', table: SHARE_GROUPS_OPTIONS },
  { word: 'share-consume', table: CONSOLE_SHARE_CONSUMER_OPTIONS },
] as const;
const supported = (table: typeof SHARE_GROUPS_OPTIONS) => table.filter((o) => o.unsupported === undefined).map((o) => `--${o.name}`);
const refused = (table: typeof SHARE_GROUPS_OPTIONS) => table.filter((o) => o.unsupported !== undefined).map((o) => `--${o.name}`);

describe('drop-in word descriptions', () => {
  it.each(DROPIN_WORDS.map((w) => [w.word, w] as const))('%s describes every option of its table, and no other', (_, w) => {
    expect(Object.keys(w.flags).sort()).toEqual(w.options.map((o) => o.name).sort());
    expect(w.examples.length).toBeGreaterThan(0);
    for (const e of w.examples) expect(e.startsWith(`ktool ${w.word} `)).toBe(true);
  });

  it('are the two share words, with the option tables the drop-ins parse with', () => {
    expect(DROPIN_WORDS.map((w) => [w.word, w.options])).toEqual(WORDS.map((w) => [w.word, w.table]));
  });
});

describe('completion scripts offer the drop-in words and their flags', () => {
  const scripts = { bash: bashCompletion(program), zsh: zshCompletion(program), fish: fishCompletion(program) };

  it('the committed scripts are the generated ones', () => {
    expect(readFileSync(join(ROOT, 'completions/ktool.bash'), 'utf8')).toBe(scripts.bash);
    expect(readFileSync(join(ROOT, 'completions/_ktool'), 'utf8')).toBe(scripts.zsh);
    expect(readFileSync(join(ROOT, 'completions/ktool.fish'), 'utf8')).toBe(scripts.fish);
  });

  it.each(WORDS.map((w) => [w.word, w.table] as const))('bash: %s at the top level, with each supported flag', (word, table) => {
    expect(/^ {4}''\) echo '([^']*)' ;;$/m.exec(scripts.bash)?.[1].split(' ')).toContain(word);
    const line = new RegExp(`^ {4}'${word}'\\) echo '([^']*)' ;;$`, 'm').exec(scripts.bash);
    expect(line?.[1].split(' ')).toEqual(supported(table));
  });

  it.each(WORDS.map((w) => [w.word, w.table] as const))('zsh: %s at the top level, with each supported flag', (word, table) => {
    expect(scripts.zsh).toContain(`        '${word}:`);
    expect(scripts.zsh).toContain(`        (${word}) _ktool_cmd_${word.replace('-', '_')} && ret=0 ;;`);
    const fn = new RegExp(`^_ktool_cmd_${word.replace('-', '_')}\\(\\) \\{\\n([\\s\\S]*?)\\n\\}`, 'm').exec(scripts.zsh)?.[1] ?? '';
    const flags = [...fn.matchAll(/^ {4}'\*?(--[\w-]+)[=[]/gm)].map((m) => m[1]);
    expect(flags).toEqual(supported(table));
  });

  it.each(WORDS.map((w) => [w.word, w.table] as const))('fish: %s at the top level, with each supported flag', (word, table) => {
    expect(scripts.fish).toContain(`complete -c ktool -n '__ktool_is' -f -a '${word}'`);
    const flags = [...scripts.fish.matchAll(new RegExp(`^complete -c ktool -n '__ktool_is ${word}' -l ([\\w-]+)`, 'gm'))].map(
      (m) => `--${m[1]}`,
    );
    expect(flags).toEqual(supported(table));
    for (const f of refused(table)) expect(flags).not.toContain(f);
  });
});

describe('bash completes the drop-in words', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ktool-words-'));
    writeFileSync(join(dir, 'ktool.bash'), bashCompletion(program));
    writeFileSync(
      join(dir, 'ktool'),
      `#!/bin/sh\necho "$*" >> "${dir}/calls"\ncase "$1 $2" in\n  "__complete topics") printf 'orders\\npayments\\n' ;;\n` +
        `  "__complete share-groups") printf 'workers\\n' ;;\nesac\n`,
    );
    chmodSync(join(dir, 'ktool'), 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const complete = (...words: string[]) =>
    execFileSync(
      'bash',
      [
        '--norc',
        '--noprofile',
        '-c',
        'source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _ktool; printf "%s\\n" "${COMPREPLY[@]}"',
        join(dir, 'ktool.bash'),
        ...words,
      ],
      { env: { PATH: `${dir}:${process.env.PATH}`, HOME: dir }, encoding: 'utf8' },
    )
      .split('\n')
      .filter(Boolean);

  it('the words, their flags, and topics from the cluster the line names', () => {
    expect(complete('ktool', 'share-')).toEqual(['share-groups', 'share-consume']);
    expect(complete('ktool', 'share-groups', '--del')).toEqual(['--delete', '--delete-offsets']);
    expect(complete('ktool', 'share-consume', '--re')).toEqual(['--reject', '--reject-message-on-error', '--release']);
    expect(complete('ktool', 'share-consume', '--ver')).toEqual(['--version']);
    expect(complete('ktool', 'share-groups', '--bootstrap-server', 'kafka:9092', '--topic', 'o')).toEqual(['orders']);
    expect(readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n').at(-1)).toBe('__complete topics --bootstrap-server kafka:9092 -- o');
  });

  it('--group: share groups (ktool __complete share-groups), not consumer groups', () => {
    expect(complete('ktool', 'share-consume', '--bootstrap-server', 'kafka:9092', '--group', 'w')).toEqual(['workers']);
    expect(readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n').at(-1)).toBe(
      '__complete share-groups --bootstrap-server kafka:9092 -- w',
    );
    expect(complete('ktool', 'share-groups', '--group', '')).toEqual(['workers']);
  });
});

describe.skipIf(!has('fish'))('fish completes the drop-in words', () => {
  it('the words and their flags', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ktool-words-fish-'));
    try {
      writeFileSync(join(dir, 'ktool.fish'), fishCompletion(program));
      const complete = (line: string) =>
        execFileSync('fish', ['--no-config', '-c', `source ${join(dir, 'ktool.fish')}; complete -C ${JSON.stringify(line)}`], {
          env: { PATH: process.env.PATH, HOME: dir },
          encoding: 'utf8',
        })
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split('\t')[0]);
      expect(complete('ktool share-')).toEqual(['share-consume', 'share-groups']);
      expect(complete('ktool share-groups --reset')).toEqual(['--reset-offsets']);
      expect(complete('ktool share-consume --max')).toEqual(['--max-messages']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('man pages of the drop-in words', () => {
  const pages = manPages(program);

  it.each(WORDS.map((w) => [w.word, w.table] as const))('ktool-%s.1: committed, fresh, with the flags and examples', (word, table) => {
    const name = `ktool-${word}.1`;
    const roff = pages.get(name)!;
    expect(readFileSync(join(ROOT, 'man', name), 'utf8')).toBe(roff);
    const esc = (s: string) => s.replace(/-/g, '\\-');
    expect(roff).toContain(`.TH KTOOL${esc(`-${word.toUpperCase()}`)} 1`);
    expect(roff).toContain('.SH EXAMPLES');
    expect(roff).toContain(`\\&ktool ${esc(word)} \\-\\-bootstrap\\-server`);
    for (const f of supported(table)) expect(roff).toContain(`.TP\n\\fB${esc(f)}\\fR`);
    for (const f of refused(table)) expect(roff).not.toContain(`.TP\n\\fB${esc(f)}\\fR`);
    expect(roff).toMatch(/\.SH EXIT STATUS\n\.TP\n\\fB0\\fR\n/);
    expect(pages.get('ktool.1')).toContain(`.TP\n\\fBktool ${esc(word)}\\fR [options]\n`);
  });
});

describe('ktool __complete share-groups', () => {
  it('lists share groups only, starting with the prefix', async () => {
    let asked: string[] | undefined;
    const groups = {
      listGroups: async (types?: string[]) => ((asked = types), [{ group: 'workers' }, { group: 'workers-eu' }, { group: 'web' }]),
    } as unknown as GroupsApi;
    const r = await runCli(['__complete', 'share-groups', '-b', 'kafka:9092', '--', 'wo'], {
      env: { KTOOL_CONFIG: join(tmpdir(), 'ktool-no-config.yaml') },
      deps: { kafkaFactory: fakeKafka([], {}, { groups }) },
    });
    expect(r).toEqual({ code: 0, stdout: 'workers\nworkers-eu\n', stderr: '' });
    expect(asked).toEqual(['share']);
  });
});

describe('--help of the drop-in words', () => {
  it.each(DROPIN_WORDS.map((w) => [w.word, w] as const))('ktool %s --help: the flags and examples, exit 0', async (word, w) => {
    const r = await runCli([word, '--help']);
    expect(r).toEqual({ code: 0, stdout: wordHelp(w), stderr: '' });
    expect(r.stdout).toMatch(/^Usage: ktool /);
    expect(r.stdout).toContain('\nExamples:\n');
    for (const o of w.options.filter((x) => x.unsupported === undefined)) expect(r.stdout).toMatch(new RegExp(`^  --${o.name}\\b`, 'm'));
  });

  it('a refused flag is still named as one', async () => {
    const refused = CONSOLE_SHARE_CONSUMER_OPTIONS.find((o) => o.unsupported !== undefined && !o.value);
    if (!refused) return; // every switch of the original is implemented
    const r = await runCli(['share-consume', '--bootstrap-server', 'h:1', '--topic', 't', `--${refused.name}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`kafka-console-share-consumer.sh options ktool does not support: --${refused.name} (${refused.unsupported})\n`);
  });
});
