/**
 * What a `local start` builds: the flags given, the rest from the cluster's own state when it has
 * one. A stopped cluster starts again as it was (nodes, SASL, TLS, Kafka version); a flag that asks
 * for another shape would format it anew and lose its topics, so that takes --fresh.
 */
import { OperationError } from '../errors.js';
import type { ClusterState } from './state.js';
import { DEFAULT_KAFKA_VERSION } from './versions.js';

export interface Shape {
  nodes: 1 | 3;
  sasl: boolean;
  tls: boolean;
  version: string;
}

/** The flags as given: undefined where the command line says nothing. */
export type RequestedShape = { [K in keyof Shape]?: Shape[K] };

export function shapeOf(state: ClusterState): Shape {
  return { nodes: state.nodes.length === 3 ? 3 : 1, sasl: state.sasl, tls: Boolean(state.tls), version: state.version };
}

/**
 * `previous` is the stopped cluster's state (undefined when there is none, it runs, or --fresh):
 * its shape fills what the flags leave out; a flag that differs from it is refused.
 */
export function resolveShape(name: string, requested: RequestedShape, previous: ClusterState | undefined): Shape {
  const defaults: Shape = previous ? shapeOf(previous) : { nodes: 1, sasl: false, tls: false, version: DEFAULT_KAFKA_VERSION };
  const shape: Shape = {
    nodes: requested.nodes ?? defaults.nodes,
    sasl: requested.sasl ?? defaults.sasl,
    tls: requested.tls ?? defaults.tls,
    version: requested.version ?? defaults.version,
  };
  if (!previous) return shape;
  const changed = (Object.keys(shape) as (keyof Shape)[]).filter((k) => shape[k] !== defaults[k]);
  if (changed.length === 0) return shape;
  const named = name === 'local' ? '' : ` --name ${name}`;
  const asked = changed.map((k) => describeChange(k, shape)).join(', ');
  throw new OperationError(
    `local cluster "${name}" holds the data of ${describeShape(defaults)}; ` +
      `starting it with ${asked} would format it anew and delete its topics`,
    { hint: `start it as it was (ktool local start${named}), or add --fresh to make it anew without its data` },
  );
}

export function describeShape(s: Shape): string {
  return `a ${s.nodes}-node Kafka ${s.version} cluster${s.sasl ? ' with SASL' : ''}${s.tls ? `${s.sasl ? ' and' : ' with'} TLS` : ''}`;
}

function describeChange(k: keyof Shape, s: Shape): string {
  if (k === 'nodes') return `--nodes ${s.nodes}`;
  if (k === 'version') return `Kafka ${s.version}`;
  return s[k] ? `--${k}` : `no --${k}`;
}
