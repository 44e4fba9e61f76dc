import { groupOptions } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { ExitCode } from '../../errors.js';
import { CONNECT_OPTIONS, mirrorConnectors, parseTarget, type ConnectTarget } from './connect-common.js';

export const spec = defineCommand({
  command: 'status',
  description: 'connector and task states of the MirrorMaker 2 connectors',
  options: [...CONNECT_OPTIONS, ...groupOptions('output'), ...groupOptions('base')],
});

export function parse(args: string[], flags: Flags<typeof spec>): ConnectTarget {
  return parseTarget(args, { ...flags });
}

/**
 * `mirror status --json`: { connectUrl, healthy, connectors: [{ name, class, state, worker, topics,
 * tasks: [{ id, state, worker, trace? }] }] }. Exit code 6 when a connector or task FAILED.
 */
export async function run(o: ConnectTarget, ctx: Context): Promise<CommandResult> {
  const { connectors } = await mirrorConnectors(o, ctx);
  const rows = connectors.map((c) => ({
    name: c.name,
    class: c.config['connector.class'].split('.').pop()!,
    state: c.status.connector.state,
    worker: c.status.connector.worker_id,
    topics: c.config.topics ?? null,
    tasks: c.status.tasks.map((t) => ({
      id: t.id,
      state: t.state,
      worker: t.worker_id,
      ...(t.trace ? { trace: t.trace.split('\n')[0] } : {}),
    })),
  }));
  const failed = rows.filter((r) => r.state === 'FAILED' || r.tasks.some((t) => t.state === 'FAILED'));
  for (const r of failed) {
    const trace = r.tasks.find((t) => t.trace)?.trace;
    ctx.io.stderr.write(`${r.name}: FAILED${trace ? `: ${trace}` : ''}\n`);
  }
  const summary = (tasks: { state: string }[]) => {
    const counts = new Map<string, number>();
    for (const t of tasks) counts.set(t.state, (counts.get(t.state) ?? 0) + 1);
    return tasks.length ? [...counts].map(([s, n]) => `${n} ${s}`).join(', ') : 'none';
  };
  return {
    data: { connectUrl: o.connectUrl, healthy: failed.length === 0, connectors: rows },
    view: [
      {
        head: ['CONNECTOR', 'CLASS', 'STATE', 'TASKS', 'WORKER', 'TOPICS'],
        wideOnly: [4, 5],
        rows: rows.map((r) => [r.name, r.class, r.state, summary(r.tasks), r.worker, r.topics ?? '']),
      },
    ],
    exitCode: failed.length ? ExitCode.check : undefined,
  };
}
