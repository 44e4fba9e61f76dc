import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { bashCompletion } from '../../src/docs/index.js';

let dir: string;
let script: string;

/**
 * A stand-in `ktool` on PATH that answers `__complete` like a cluster with three topics and a
 * config with two profiles, and logs how it was called.
 */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ktool-bash-'));
  script = join(dir, 'ktool.bash');
  writeFileSync(script, bashCompletion(await buildProgram(async () => {})));
  writeFileSync(
    join(dir, 'ktool'),
    `#!/bin/sh
echo "$*" >> "${dir}/calls"
case "$1 $2" in
  "__complete topics") printf 'orders\\norders-dlq\\npayments\\n' ;;
  "__complete profiles") printf 'dev\\nprod\\n' ;;
esac
`,
  );
  chmodSync(join(dir, 'ktool'), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** COMPREPLY for the words typed so far; the last word is the one being completed. */
function complete(...words: string[]): string[] {
  const out = execFileSync(
    'bash',
    [
      '--norc',
      '--noprofile',
      '-c',
      'source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _ktool; printf "%s\\n" "${COMPREPLY[@]}"',
      script,
      ...words,
    ],
    { env: { PATH: `${dir}:${process.env.PATH}`, HOME: dir }, encoding: 'utf8' },
  );
  return out.split('\n').filter(Boolean);
}

function lastCall(): string {
  return readFileSync(join(dir, 'calls'), 'utf8').split('\n').filter(Boolean).at(-1)!;
}

describe('bash completion', () => {
  it('is valid bash and registers _ktool for ktool', () => {
    expect(spawnSync('bash', ['-n', script]).status).toBe(0);
    const out = execFileSync('bash', ['--norc', '-c', 'source "$0"; complete -p ktool', script], { encoding: 'utf8' });
    expect(out.trim()).toBe('complete -F _ktool ktool');
  });

  it('completes commands and subcommands', () => {
    expect(complete('ktool', 'top')).toEqual(['topics']);
    expect(complete('ktool', '')).toEqual(expect.arrayContaining(['topics', 'profile', 'completion', 'help']));
    expect(complete('ktool', '')).not.toContain('__complete');
    expect(complete('ktool', 'topics', 'cr')).toEqual(['create']);
    expect(complete('ktool', 'topics', 'd')).toEqual(['describe', 'delete']);
    expect(complete('ktool', 'help', 'prof')).toEqual(['profile']);
  });

  it('completes options, without hidden ones', () => {
    expect(complete('ktool', 'topics', 'create', '--rep')).toEqual(['--replication-factor']);
    expect(complete('ktool', 'topics', 'create', 'orders', '-p', '3', '--if')).toEqual(['--if-not-exists']);
    expect(complete('ktool', 'topics', 'list', '--')).not.toContain('--brokers');
    expect(complete('ktool', 'topics', 'list', '--')).toContain('--bootstrap-server');
  });

  it('completes option values: choices, profiles, files', () => {
    expect(complete('ktool', 'topics', 'list', '--format', '')).toEqual(['table', 'wide', 'json', 'yaml']);
    expect(complete('ktool', 'profile', 'add', 'x', '--sasl-mechanism', 'SCRAM')).toEqual(['SCRAM-SHA-256', 'SCRAM-SHA-512']);
    expect(complete('ktool', 'topics', 'list', '--profile', 'p')).toEqual(['prod']);
    expect(complete('ktool', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
    writeFileSync(join(dir, 'client.properties'), '');
    expect(complete('ktool', 'topics', 'list', '--command-config', join(dir, 'client.'))).toEqual([join(dir, 'client.properties')]);
  });

  it('handles --opt=value, also when COMP_WORDBREAKS split it at =', () => {
    expect(complete('ktool', 'topics', 'list', '--format=j')).toEqual(['--format=json']);
    expect(complete('ktool', 'topics', 'list', '--format', '=', 'j')).toEqual(['json']);
    expect(complete('ktool', 'topics', 'list', '--format', '=')).toEqual(['=table', '=wide', '=json', '=yaml']);
  });

  it('completes topic names from ktool __complete topics, passing the connection flags on', () => {
    expect(complete('ktool', 'topics', 'describe', 'or')).toEqual(['orders', 'orders-dlq']);
    expect(lastCall()).toBe('__complete topics -- or');
    // bash splits host:port at the colon; the value is put back together
    expect(complete('ktool', 'topics', 'delete', '-b', 'kafka', ':', '9092', '--profile', 'prod', 'x', 'p')).toEqual(['payments']);
    expect(lastCall()).toBe('__complete topics -b kafka:9092 --profile prod -- p');
    expect(complete('ktool', 'topics', 'alter', '--profile=dev', '')).toEqual(['orders', 'orders-dlq', 'payments']);
    expect(lastCall()).toBe('__complete topics --profile=dev -- ');
  });

  it('options before the command (ktool --profile dev consume): the command is still found, and they are passed on', () => {
    expect(complete('ktool', '--profile', 'dev', 'consume', '')).toEqual(['orders', 'orders-dlq', 'payments']);
    expect(lastCall()).toBe('__complete topics --profile dev -- ');
    expect(complete('ktool', 'consume', '--profile', 'dev', 'or')).toEqual(['orders', 'orders-dlq']);
    expect(lastCall()).toBe('__complete topics --profile dev -- or');
    expect(complete('ktool', '-b', 'kafka', ':', '9092', '--json', 'topics', 'describe', 'p')).toEqual(['payments']);
    expect(lastCall()).toBe('__complete topics -b kafka:9092 -- p');
    expect(complete('ktool', '--timeout', '5s', 'topics', 'd')).toEqual(['describe', 'delete']);
    // and they complete there themselves
    expect(complete('ktool', '--pro')).toEqual(['--profile']);
    expect(complete('ktool', '--profile', 'p')).toEqual(['prod']);
    expect(complete('ktool', '--format', '')).toEqual(['table', 'wide', 'json', 'yaml']);
    expect(complete('ktool', '--')).not.toContain('--brokers');
  });

  it('counts positional arguments: alter takes one topic, create takes new names', () => {
    expect(complete('ktool', 'topics', 'alter', 'orders', '')).toEqual([]);
    expect(complete('ktool', 'topics', 'delete', 'orders', '--yes', 'pay')).toEqual(['payments']);
    expect(complete('ktool', 'topics', 'create', '')).toEqual([]);
  });

  it('completes profile names for profile use/show/delete', () => {
    expect(complete('ktool', 'profile', 'use', '')).toEqual(['dev', 'prod']);
    expect(lastCall()).toBe('__complete profiles -- ');
    expect(complete('ktool', 'profile', 'show', 'd')).toEqual(['dev']);
    expect(complete('ktool', 'profile', 'delete', 'p')).toEqual(['prod']);
    expect(complete('ktool', 'profile', 'add', '')).toEqual([]);
  });

  it('offers nothing after --', () => {
    expect(complete('ktool', 'topics', 'describe', '--', '--fo')).toEqual([]);
  });
});
