/**
 * A stopped cluster starts again only on its own ports: the controller quorum voters in every
 * node's storage name them (and clients' profiles the broker listeners), so it cannot move. When
 * another process holds one of them, `local start` refuses and names the fixes; it never formats
 * the cluster anew without --fresh (that would lose its topics).
 */
import { OperationError } from '../errors.js';
import type { NodePorts } from './broker-config.js';
import { portHolders, type PortHolder } from './port-holder.js';
import { portTaken } from './ports.js';
import { nodeAlive, type ClusterState } from './state.js';

export interface TakenPort {
  port: number;
  node: number;
  listener: keyof NodePorts;
  holder?: PortHolder;
}

/**
 * The ports of the cluster's nodes that something else holds. A node still alive (a broker of this
 * cluster left behind, which start stops first) is skipped: its ports are its own.
 */
export async function takenPorts(state: ClusterState): Promise<TakenPort[]> {
  const wanted = state.nodes
    .filter((n) => !nodeAlive(n))
    .flatMap((n) =>
      (Object.entries(n.ports) as [keyof NodePorts, number | undefined][])
        .filter((e): e is [keyof NodePorts, number] => typeof e[1] === 'number')
        .map(([listener, port]) => ({ port, node: n.id, listener })),
    );
  const taken = (await Promise.all(wanted.map(async (p) => ((await portTaken(p.port)) ? p : undefined)))).filter((p) => p !== undefined);
  const holders = portHolders(taken.map((p) => p.port));
  return taken.map((p) => ({ ...p, holder: holders.get(p.port) }));
}

/** Refuses (exit 1) when a port of the stopped cluster is taken; `schemas`: it has a Schema Registry, whose data --fresh wipes too. */
export async function assertPortsFree(state: ClusterState, o: { schemas?: boolean } = {}): Promise<void> {
  const taken = await takenPorts(state);
  if (taken.length > 0) throw portsTakenError(state.name, taken, o);
}

export function portsTakenError(name: string, taken: TakenPort[], o: { schemas?: boolean } = {}): OperationError {
  const named = name === 'local' ? '' : ` --name ${name}`;
  const one = taken.length === 1;
  const list = taken.map(describeTaken).join(', ');
  return new OperationError(
    `local cluster "${name}" cannot start again: its ${one ? 'port' : 'ports'} ${list} ${one ? 'is' : 'are'} taken ` +
      `(its controller quorum and profiles name its ports, so it cannot move to others)`,
    {
      hint:
        `free ${one ? 'it' : 'them'} and run \`ktool local start${named}\` again (topics kept), ` +
        `or make it anew on free ports with \`ktool local start${named} --fresh\` (its topics${o.schemas ? ' and schemas' : ''} are lost)`,
    },
  );
}

const LISTENER_NAMES: Record<keyof NodePorts, string> = {
  broker: 'PLAINTEXT listener',
  controller: 'controller listener',
  sasl: 'SASL_PLAINTEXT listener',
  ssl: 'SSL listener',
};

function describeTaken(t: TakenPort): string {
  const by = t.holder ? `, held by pid ${t.holder.pid} (${t.holder.command})` : '';
  return `127.0.0.1:${t.port} (node ${t.node}'s ${LISTENER_NAMES[t.listener]}${by})`;
}
