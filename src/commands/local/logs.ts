import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from '../../cli/context.js';
import { write } from '../../cli/io.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { positiveInt } from '../../cli/parse-helpers.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { loadClusterState, NAME_AND_OUTPUT } from './shared.js';

export const spec = defineCommand({
  command: 'logs',
  description: "print a node's server log",
  options: [
    ...NAME_AND_OUTPUT,
    { flags: '--node <id>', description: 'node id', default: '1' },
    { flags: '-n, --lines <n>', description: 'how many lines from the end', default: '100' },
    { flags: '-f, --follow', description: 'keep printing new lines until Ctrl-C' },
  ],
  examples: ['ktool local logs -n 20', 'ktool local logs -f'],
});

export interface LogsOptions {
  name: string;
  node: number;
  lines: number;
  follow: boolean;
}

export function parse(_args: string[], f: Flags<typeof spec>): LogsOptions {
  // The log is printed as it is: an output format would be silently ignored.
  if (f.json || f.format !== undefined || f.output !== undefined)
    throw new UsageError("local logs prints the broker's log as it is: --format and --json do not apply", 'filter it with grep');
  return {
    name: f.name ?? 'local',
    node: positiveInt(f.node ?? '1', '--node')!,
    lines: positiveInt(f.lines ?? '100', '--lines')!,
    follow: Boolean(f.follow),
  };
}

export async function run(o: LogsOptions, ctx: Context): Promise<void> {
  const state = await loadClusterState(ctx.env, o.name);
  const node = state.nodes.find((n) => n.id === o.node);
  if (!node) throw new NotFoundError(`cluster ${o.name} has no node ${o.node}`, `nodes: ${state.nodes.map((n) => n.id).join(', ')}`);
  const file = join(node.dir, 'server.log');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new NotFoundError(`no log yet at ${file}`);
  }
  const lines = text.split('\n');
  await write(ctx.io.stdout, lines.slice(-o.lines - 1).join('\n'));
  if (!o.follow) return;
  let position = Buffer.byteLength(text);
  const handle = await open(file, 'r');
  try {
    while (!ctx.io.signal.aborted) {
      const { size } = await handle.stat();
      if (size < position) position = 0; // rotated
      if (size > position) {
        const chunk = Buffer.alloc(size - position);
        await handle.read(chunk, 0, chunk.length, position);
        position = size;
        await write(ctx.io.stdout, chunk);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await handle.close();
  }
}
