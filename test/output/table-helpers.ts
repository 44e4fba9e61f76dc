import { splitHeader } from '../../src/output/wrap.js';

/** The widest line of some output, without colour codes. */
export function widest(out: string): number {
  // eslint-disable-next-line no-control-regex
  return Math.max(
    ...out
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .map((l) => l.length),
  );
}

/**
 * Whether a table on a terminal shows the column `name`: its header on one line, or split at a
 * hyphen over two consecutive lines (CURRENT- above OFFSET), the halves aligned left or right.
 */
export function columnShown(out: string, name: string): boolean {
  const lines = out.split('\n');
  const word = new RegExp(`(^|\\s)${escape(name)}(\\s|$)`);
  if (lines.some((l) => word.test(l))) return true;
  const [top, bottom] = splitHeader(name);
  if (bottom === undefined) return false;
  for (let i = 0; i + 1 < lines.length; i++) {
    for (const a of positions(lines[i], top)) {
      for (const b of positions(lines[i + 1], bottom)) {
        if (a === b || a + top.length === b + bottom.length) return true;
      }
    }
  }
  return false;
}

function positions(line: string, word: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<=^|\\s)${escape(word)}(?=\\s|$)`, 'g');
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m.index);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
