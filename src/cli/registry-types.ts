import type { CommandModule } from './dispatch.js';
import type { CommandSpec } from './spec.js';

/** A module that describes a command: a noun (`topics`) has only a spec, a runnable one parse and run too. */
export type SpecModule = { spec: CommandSpec } & Partial<Omit<CommandModule<unknown>, 'spec'>>;

/** One line of src/commands/registry.ts: the words after `ktool`, and how to load the command's file. */
export interface CommandEntry {
  path: string;
  load(): Promise<SpecModule>;
}
