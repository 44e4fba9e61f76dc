import type { DropinScript } from './script.js';
export const GROUPS: DropinScript = undefined as unknown as DropinScript;
