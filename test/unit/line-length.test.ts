import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The longest a line may be: prettier's printWidth (.prettierrc.json). Prettier never breaks a string
 * literal, a regex or a comment, so this test does: split a long string into `'...' +` pieces (its
 * value unchanged), a long regex into String.raw pieces given to `new RegExp`, and wrap comments.
 */
const MAX_COLUMNS = 140;

/** Every directory whose code keeps the limit (issue 11, item 6). */
const DIRS = ['src', 'scripts', 'bench', 'test', 'bin'];
// bin/ktool is a shell script without an extension.
const CODE = /(\.(ts|mjs|cjs|js|sh|py)|^ktool)$/;

const ROOT = join(import.meta.dirname, '../..');

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'node_modules' ? [] : codeFiles(join(dir, e.name))) : CODE.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** `file:line: length` for each line of `text` longer than `max` characters (code points, not UTF-16 units or bytes). */
function longLines(path: string, text: string, max = MAX_COLUMNS): string[] {
  return text.split('\n').flatMap((line, i) => {
    const length = [...line].length;
    return length > max ? [`${path}:${i + 1}: ${length}`] : [];
  });
}

describe(`lines of at most ${MAX_COLUMNS} characters`, () => {
  it('finds a long line and counts characters, not bytes', () => {
    const text = `short\n${'x'.repeat(141)}\n${'é'.repeat(140)}\n${'😀'.repeat(140)}\n`;
    expect(longLines('f.ts', text)).toEqual(['f.ts:2: 141']);
  });

  it.each(DIRS)('%s/ has none', (dir) => {
    const long = codeFiles(join(ROOT, dir)).flatMap((file) => longLines(relative(ROOT, file), readFileSync(file, 'utf8')));
    expect(long, `split these lines (string values unchanged), then npm run format`).toEqual([]);
  });
});
