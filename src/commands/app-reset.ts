/**
 * `ktool stats reset APP` and `ktool pipe reset APP`: one command shape for both (src/app/reset.ts
 * does the work). A dry run unless --execute.
 */
import type { Context } from '../cli/context.js';
import type { CommandResult } from '../cli/dispatch.js';
import { defineCommand } from '../cli/spec.js';
import { UsageError } from '../errors.js';
import type { Block } from '../output/view.js';
import type { ResetPlan } from '../app/reset.js';

export function resetSpec(noun: 'stats' | 'pipe') {
  return defineCommand({
    command: 'reset <app>',
    description:
      `start a ${noun} -g application over: its group's offsets back to the earliest, its internal topics deleted ` +
      '(as kafka-streams-application-reset); a dry run unless --execute',
    groups: ['connection', 'output', 'base'],
    options: [{ flags: '--execute', description: 'do it (the group must be empty: stop every process of APP first)' }],
    notes:
      "Internal topics are those Kafka Streams counts as an application's: named APP-...-changelog or APP-...-repartition " +
      `(${noun === 'stats' ? 'stats -g keeps its state in APP-stats-store-changelog' : 'pipe -g keeps no state'}). ` +
      'The dry run prints the same plan and changes nothing. JSON: {app, group: {state, members}, ' +
      'offsets: [{topic, partition, from, to}], deleteTopics, executed}.',
    examples: [`ktool ${noun} reset myapp                 # what would be reset`, `ktool ${noun} reset myapp --execute`],
  });
}

export interface ResetOptions {
  app: string;
  execute: boolean;
}

const APP_ID = /^[a-zA-Z0-9._-]{1,200}$/;

export function parseReset(args: string[], f: { execute?: boolean }): ResetOptions {
  const app = args[0];
  if (!APP_ID.test(app)) throw new UsageError(`invalid application id "${app}"`, 'use up to 200 characters from a-z A-Z 0-9 . _ -');
  return { app, execute: Boolean(f.execute) };
}

export async function runReset(o: ResetOptions, ctx: Context, noun: 'stats' | 'pipe'): Promise<CommandResult> {
  const { planReset, executeReset } = await import('../app/reset.js');
  const clients = await ctx.kafka();
  const [admin, groups] = await Promise.all([clients.admin(), clients.groups()]);
  let plan = await planReset(o.app, admin, groups);
  if (o.execute) plan = await executeReset(plan, admin, groups, `ktool ${noun}`);
  return { data: plan, view: resetView(plan, noun) };
}

function resetView(p: ResetPlan, noun: string): Block[] {
  const lines: string[] = [];
  const done = p.executed;
  if (!done) lines.push(`dry run: nothing changed (ktool ${noun} reset ${p.app} --execute does it)`);
  if (!done && p.group.members > 0)
    lines.push(`group ${p.app} has ${p.group.members} running member(s): --execute will refuse until they stop`);
  lines.push(
    p.offsets.length
      ? `${done ? 'reset' : 'would reset'} ${p.offsets.length} committed offset(s) of group ${p.app} to the earliest:`
      : `group ${p.app}: no committed offsets`,
  );
  for (const o of p.offsets) lines.push(`  ${o.topic}[${o.partition}]  ${o.from} -> ${o.to}`);
  lines.push(p.deleteTopics.length ? `${done ? 'deleted' : 'would delete'} internal topic(s):` : 'no internal topics');
  for (const t of p.deleteTopics) lines.push(`  ${t}`);
  return [{ lines }];
}
