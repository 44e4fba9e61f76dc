import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { manPages, roffText } from '../../src/docs/man.js';

const pages = manPages(await buildProgram(async () => {}));
const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;

describe('man pages', () => {
  it('has one page per visible command', () => {
    expect([...pages.keys()]).toEqual(
      expect.arrayContaining(['ktool.1', 'ktool-topics.1', 'ktool-topics-create.1', 'ktool-profile-use.1', 'ktool-completion.1']),
    );
    expect([...pages.keys()].filter((n) => /help|__complete/.test(n))).toEqual([]);
  });

  it.each([...pages.keys()])('%s has every section', (name) => {
    const roff = pages.get(name)!;
    for (const s of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'EXIT STATUS', 'ENVIRONMENT', 'FILES', 'SEE ALSO'])
      expect(roff).toContain(`\n.SH ${s}\n`);
    for (const v of [
      'KTOOL_BROKERS',
      'KTOOL_PROFILE',
      'KTOOL_TIMEOUT',
      'KTOOL_CONFIG',
      'XDG_CONFIG_HOME',
      'XDG_CACHE_HOME',
      'NO_COLOR',
      'FORCE_COLOR',
    ])
      expect(roff).toContain(`\\fB${v}\\fR`);
    expect(roff).toContain('~/.config/ktool/config.yaml');
  });

  it('documents options, examples and exit codes', () => {
    const create = pages.get('ktool-topics-create.1')!;
    expect(create).toContain('.TH KTOOL\\-TOPICS\\-CREATE 1');
    expect(create).toContain('ktool\\-topics\\-create \\- create topics');
    expect(create).toContain('\\fB\\-r\\fR, \\fB\\-\\-replication\\-factor\\fR \\fIn\\fR');
    expect(create).toContain('\\&ktool topics create orders \\-\\-if\\-not\\-exists');
    expect(create).toMatch(/\.SH EXIT STATUS\n\.TP\n\\fB0\\fR\nSuccess\.\n/);
    expect(create).toContain('\\fB130\\fR');
    expect(create).not.toContain('\\-\\-brokers');
    expect(pages.get('ktool-profile-add.1')).toContain('One of: PLAIN, SCRAM\\-SHA\\-256, SCRAM\\-SHA\\-512, OAUTHBEARER.');
    expect(pages.get('ktool.1')).toMatch(/\.SH COMMANDS\n\.TP\n\\fBktool topics\\fR/);
  });

  it('escapes roff', () => {
    expect(roffText(".start\n'quote\nback\\slash -x")).toBe("\\&.start\n\\&'quote\nback\\eslash \\-x");
  });

  it.skipIf(!has('groff'))('renders without groff warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ktool-man-'));
    for (const [name, roff] of pages) {
      writeFileSync(join(dir, name), roff);
      const r = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', join(dir, name)], { encoding: 'utf8' });
      expect(r.stderr, name).toBe('');
      expect(r.status, name).toBe(0);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
