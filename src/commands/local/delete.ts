import { rm } from 'node:fs/promises';
import { confirmDestructive } from '../../cli/confirm.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { groupOptions } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { cacheDir } from '../../config/paths.js';
import { loadConfigFile, saveConfigFile } from '../../config/store.js';
import { NotFoundError, OperationError, UsageError } from '../../errors.js';
import { stopRegistry } from '../../local/schema-registry.js';
import { stopCluster } from '../../local/cluster.js';
import { describeCluster, profilesFor, savedProfileNames } from '../../local/registry.js';

export const spec = defineCommand({
  command: 'delete <name>',
  description:
    "delete a local cluster's data (topics, logs, TLS files) and the profiles `local start` " +
    'saved for it; asks on a terminal, needs --yes otherwise',
  // Listed in the order help has always shown (a spec's groups would come before --stop).
  options: [
    { flags: '--stop', description: 'stop it first when it is running (otherwise a running cluster is refused)' },
    ...groupOptions('yes'),
    ...groupOptions('output'),
    ...groupOptions('base'),
  ],
  examples: ['ktool local delete dr', 'ktool local delete dr --stop --yes'],
});

export interface DeleteOptions {
  name: string;
  stop: boolean;
  yes: boolean;
}

export function parse(args: string[], flags: Flags<typeof spec>): DeleteOptions {
  const f: { stop?: true; yes?: true } = flags;
  if (args.length !== 1)
    throw new UsageError(
      args.length ? `unexpected argument "${args[1]}"` : 'which cluster? local delete needs its name',
      '`ktool local list` shows them',
    );
  const name = args[0];
  // Also what keeps the path inside <cache>/clusters.
  if (!/^[A-Za-z0-9._-]+$/.test(name) || name === '.' || name === '..') throw new UsageError(`invalid cluster name "${name}"`);
  return { name, stop: Boolean(f.stop), yes: Boolean(f.yes) };
}

/**
 * `local delete NAME --json`: {name, dir, stoppedNodes, removedProfiles}. Deletes the cluster's
 * directory (data, logs, TLS material) and the profiles `local start` saved for it that still
 * point at it; a running cluster only with --stop.
 */
export async function run(o: DeleteOptions, ctx: Context): Promise<CommandResult> {
  const cluster = await describeCluster(cacheDir(ctx.env), o.name);
  if (!cluster) throw new NotFoundError(`no local cluster named "${o.name}"`, '`ktool local list` shows them');
  const running = cluster.aliveNodes > 0;
  if (running && !o.stop) {
    throw new OperationError(`local cluster "${o.name}" is ${cluster.runState} (${cluster.aliveNodes} node(s) up): its data is in use`, {
      hint: `stop it first (ktool local stop --name ${o.name}) or pass --stop`,
    });
  }
  const pointing = profilesFor(cluster.state, await loadConfigFile(ctx.configPath));
  const saved = pointing.filter((p) => savedProfileNames(o.name).includes(p));
  await confirmDestructive(ctx.io, {
    action:
      `${running ? 'stop and ' : ''}delete local cluster ${o.name} with all its topics and ` +
      `data${saved.length ? `, and its profile${saved.length > 1 ? 's' : ''} ${saved.join(', ')}` : ''}`,
    items: [cluster.dir],
    yes: o.yes,
  });
  const stoppedNodes = running && cluster.state ? (await stopCluster(cluster.state)).stopped : [];
  // Its registry too: its database file is in the directory removed next.
  await stopRegistry(cluster.dir);
  await rm(cluster.dir, { recursive: true, force: true });
  if (saved.length) {
    // Read again: the file may have changed while the question was on screen.
    const config = await loadConfigFile(ctx.configPath);
    for (const p of saved) delete config.profiles[p];
    if (config['current-profile'] && saved.includes(config['current-profile'])) delete config['current-profile'];
    await saveConfigFile(ctx.configPath, config);
  }
  for (const p of pointing.filter((x) => !saved.includes(x)))
    ctx.warn(`profile ${p} still points at the deleted cluster ${o.name} (ktool profile delete ${p} removes it)`);
  return {
    data: { name: o.name, dir: cluster.dir, stoppedNodes, removedProfiles: saved },
    view: [
      {
        lines: [
          `Deleted local cluster ${o.name}` +
            `${stoppedNodes.length ? ` (stopped ${stoppedNodes.length} node(s) first)` : ''}` +
            `${saved.length ? `; removed profile${saved.length > 1 ? 's' : ''} ${saved.join(', ')}` : ''}`,
        ],
      },
    ],
  };
}
