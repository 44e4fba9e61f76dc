import type { Command } from 'commander';
import { bashCompletion } from './bash.js';
import { fishCompletion } from './fish.js';
import { manPages } from './man.js';
import { TOP_LEVEL_PATH, topLevelJson } from './top-level.js';
import { zshCompletion } from './zsh.js';

export { bashCompletion, fishCompletion, manPages, zshCompletion };

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export const COMPLETION_FILES: Record<Shell, string> = {
  bash: 'completions/ktool.bash',
  zsh: 'completions/_ktool',
  fish: 'completions/ktool.fish',
};

export function completionScript(program: Command, shell: Shell): string {
  switch (shell) {
    case 'bash':
      return bashCompletion(program);
    case 'zsh':
      return zshCompletion(program);
    case 'fish':
      return fishCompletion(program);
  }
}

/** Every generated file, by path relative to the repository root. */
export function generateDocs(program: Command): Map<string, string> {
  const files = new Map<string, string>();
  for (const shell of SHELLS) files.set(COMPLETION_FILES[shell], completionScript(program, shell));
  for (const [name, roff] of manPages(program)) files.set(`man/${name}`, roff);
  files.set(TOP_LEVEL_PATH, topLevelJson(program));
  return files;
}
