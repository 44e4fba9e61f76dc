import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { fishCompletion, zshCompletion } from '../../src/docs/index.js';

const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const program = await buildProgram(async () => {});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ktool-shells-'));
  writeFileSync(join(dir, '_ktool'), zshCompletion(program));
  writeFileSync(join(dir, 'ktool.fish'), fishCompletion(program));
  // stand-in ktool for the dynamic completions
  writeFileSync(
    join(dir, 'ktool'),
    `#!/bin/sh\necho "$*" >> ${dir}/calls\ncase "$1 $2" in\n` +
      `  "__complete topics") printf 'orders\\npayments\\n' ;;\n  "__complete profiles") printf 'dev\\nprod\\n' ;;\nesac\n`,
  );
  chmodSync(join(dir, 'ktool'), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// zsh and fish are optional on a developer machine: the skip is reported, not silent
// (apt-get install -y zsh fish).
describe.skipIf(!has('zsh'))('zsh completion', () => {
  it('is valid zsh', () => {
    const r = spawnSync('zsh', ['-n', join(dir, '_ktool')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('loads under compinit and defines a function per command', () => {
    const out = execFileSync(
      'zsh',
      [
        '-f',
        '-c',
        `fpath=(${dir} $fpath); autoload -Uz compinit; compinit -u -D; source ${dir}/_ktool; ` +
          `print -r -- \${_comps[ktool]}; whence -w _ktool_cmd_topics_create _ktool_dynamic`,
      ],
      { encoding: 'utf8' },
    );
    expect(out).toContain('_ktool\n');
    expect(out).toContain('_ktool_cmd_topics_create: function');
    expect(out).toContain('_ktool_dynamic: function');
  });

  /** What zsh offers for the line, from a real completion widget in a pseudo-terminal (zpty). */
  function complete(line: string): string[] {
    const out = join(dir, 'zsh-offered');
    // Records each candidate the completion adds, then adds it as usual.
    const offered =
      `offered() { local -a r; compadd() { builtin compadd -O r "$@"; print -rl -- $r >> ${out}; ` +
      `builtin compadd "$@" }; _ktool "$@" }; compdef offered ktool`;
    writeFileSync(out, '');
    execFileSync(
      'zsh',
      [
        '-f',
        '-c',
        `zmodload zsh/zpty
         zpty z zsh -f -i
         zpty -w z 'PS1=""; fpath=(${dir} $fpath); autoload -Uz compinit; compinit -u -D 2>/dev/null'
         zpty -w z '${offered}'
         zpty -n -w z "$1"$'\t'
         for i in {1..100}; do [[ -s ${out} ]] && break; sleep 0.05; done
         sleep 0.3; zpty -d z`,
        'zsh',
        line,
      ],
      { env: { PATH: `${dir}:${process.env.PATH}`, HOME: dir }, encoding: 'utf8', timeout: 20_000 },
    );
    return [...new Set(readFileSync(out, 'utf8').split('\n').filter(Boolean))].sort();
  }

  it("options before the command (ktool --profile dev consume), and the command's own after it", () => {
    expect(complete('ktool --profile dev consume ')).toEqual(['orders', 'payments']);
    expect(readFileSync(join(dir, 'calls'), 'utf8').split('\n').filter(Boolean).at(-1)).toBe('__complete topics --profile dev -- ');
    expect(complete('ktool consume --json --profile dev o')).toEqual(['orders']);
    expect(complete('ktool --profile ')).toEqual(['dev', 'prod']);
    expect(complete('ktool --json topics d')).toEqual(['delete', 'describe']);
  });

  it('_ktool_dynamic asks ktool __complete with the connection flags and hands compadd its options', () => {
    // compadd stand-in: prints the options _arguments passed, then the values
    const out = execFileSync(
      'zsh',
      [
        '-f',
        '-c',
        `source ${dir}/_ktool 2>/dev/null; compadd() { print -r -- "opts: \${@[1,-3]}"; print -rl -- \${(P)\${@[-1]}} }
         _ktool_bin=ktool; _ktool_words=(ktool topics describe -b kafka:9092 --profile=dev o); _ktool_current=7; PREFIX=o
         _ktool_dynamic -J topics -X msg topics`,
      ],
      { env: { PATH: `${dir}:${process.env.PATH}`, HOME: dir }, encoding: 'utf8' },
    );
    expect(out).toBe('opts: -J topics -X msg\norders\npayments\n');
    expect(readFileSync(join(dir, 'calls'), 'utf8').split('\n').filter(Boolean).at(-1)).toBe(
      '__complete topics -b kafka:9092 --profile=dev -- o',
    );
  });
});

describe.skipIf(!has('fish'))('fish completion', () => {
  /** What fish offers for the command line (as `complete -C` prints it: value<TAB>description). */
  function complete(line: string): string[] {
    const out = execFileSync('fish', ['--no-config', '-c', `source ${join(dir, 'ktool.fish')}; complete -C ${JSON.stringify(line)}`], {
      env: { PATH: `${dir}:${process.env.PATH}`, HOME: dir },
      encoding: 'utf8',
    });
    return out
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t')[0]);
  }

  it('is valid fish', () => {
    const r = spawnSync('fish', ['--no-execute', join(dir, 'ktool.fish')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('completes commands, options, choices, topics and profiles', () => {
    expect(complete('ktool top')).toEqual(['topics']);
    expect(complete('ktool topics cr')).toEqual(['create']);
    expect(complete('ktool topics create --rep')).toEqual(['--replication-factor']);
    expect(complete('ktool topics list --format ')).toEqual(['json', 'table', 'wide', 'yaml']);
    expect(complete('ktool topics describe -b localhost:9092 ')).toEqual(['orders', 'payments']);
    expect(complete('ktool profile use ')).toEqual(['dev', 'prod']);
    expect(complete('ktool ')).not.toContain('__complete');
  });

  it('options before the command: the command is still found, and they complete there', () => {
    expect(complete('ktool --profile dev consume ')).toEqual(['orders', 'payments']);
    expect(readFileSync(join(dir, 'calls'), 'utf8').split('\n').filter(Boolean).at(-1)).toBe('__complete topics --profile dev -- ');
    expect(complete('ktool --json topics d')).toEqual(['delete', 'describe']);
    expect(complete('ktool --pro')).toEqual(['--profile']);
    expect(complete('ktool --profile ')).toEqual(['dev', 'prod']);
  });
});
