import { defineCommand } from '../../cli/spec.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { loadConfigFile } from '../../config/store.js';
import { securityLabel } from './redact.js';

export const spec = defineCommand({
  command: 'list',
  description: 'list profiles',
  groups: ['output', 'base'],
  examples: ['ktool profile list --json'],
});

export function parse(): Record<string, never> {
  return {};
}

/** `profile list --json`: [{name, current, bootstrap, security}]. */
export async function run(_options: unknown, ctx: Context): Promise<CommandResult> {
  const config = await loadConfigFile(ctx.configPath);
  const data = Object.entries(config.profiles).map(([name, p]) => ({
    name,
    current: config['current-profile'] === name,
    bootstrap: p.bootstrap ?? null,
    security: securityLabel(p),
  }));
  return {
    data,
    view: [
      {
        head: ['', 'NAME', 'BOOTSTRAP', 'SECURITY'],
        rows: data.map((p) => [p.current ? '*' : '', p.name, p.bootstrap ?? '(default)', p.security]),
      },
    ],
  };
}
