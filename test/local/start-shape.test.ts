import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveShape } from '../../src/local/shape.js';
import type { ClusterState } from '../../src/local/state.js';
import { runCli } from '../helpers/cli.js';
import { scratchCache } from './fake-cluster.js';

const s = scratchCache('start-shape');
afterAll(() => s.dispose());
beforeEach(() => s.reset());
// No mvn and a download URL nothing answers: a start that gets past the shape check stops at fetching the jars.
const noJars = { KTOOL_MVN: 'none', KTOOL_KAFKA_DIST_URL: 'http://127.0.0.1:1' };
const cli = (args: string[]) =>
  runCli(['local', 'start', ...args], { env: { XDG_CACHE_HOME: s.cache, KTOOL_CONFIG: s.config, KTOOL_BROKERS: undefined, ...noJars } });

describe('local start on a stopped cluster: as it was, never formatted anew by a flag', () => {
  it.each([
    [['--nodes', '1'], /holds the data of a 3-node Kafka 4\.3\.1 cluster; starting it with --nodes 1 would format it anew/],
    [['--sasl'], /starting it with --sasl would format it anew/],
    [['--tls', '--version', '4.4.0'], /starting it with --tls, Kafka 4\.4\.0 would format it anew/],
  ])('%j on a stopped 3-node cluster is refused, its data kept', async (flags, message) => {
    const state = await s.cluster('shaped', { nodes: 3 });
    const r = await cli(['--name', 'shaped', ...flags]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(
      'hint: start it as it was (ktool local start --name shaped), or add --fresh to make it anew without its data',
    );
    expect(JSON.parse(readFileSync(join(s.clusters, 'shaped', 'state.json'), 'utf8'))).toEqual(state);
    expect(existsSync(join(s.clusters, 'shaped', 'node-3', 'data'))).toBe(true);
  });

  it('without shape flags it starts as it was (its Kafka version is the one fetched), with --fresh as asked', async () => {
    const state = await s.cluster('old', { nodes: 3, sasl: true });
    writeVersion(state, '3.9.2');
    const again = await cli(['--name', 'old', '--nodes', '3']);
    expect(again.stderr).toContain('cannot get the Kafka 3.9.2 jars');
    const fresh = await cli(['--name', 'old', '--fresh']);
    expect(fresh.stderr).toContain('cannot get the Kafka 4.3.1 jars');
  });
});

describe('resolveShape', () => {
  const prev = { nodes: [{}, {}, {}], sasl: false, tls: true, version: '4.0.2' } as unknown as ClusterState;
  it.each([
    [{}, undefined, { nodes: 1, sasl: false, tls: false, version: '4.3.1' }],
    [{ nodes: 3 as const, sasl: true }, undefined, { nodes: 3, sasl: true, tls: false, version: '4.3.1' }],
    [{}, prev, { nodes: 3, sasl: false, tls: true, version: '4.0.2' }],
    [{ nodes: 3 as const, tls: true, version: '4.0.2' }, prev, { nodes: 3, sasl: false, tls: true, version: '4.0.2' }],
  ])('%j over %j -> %j', (requested, previous, shape) => {
    expect(resolveShape('x', requested, previous)).toEqual(shape);
  });
  it('names every flag that differs', () => {
    expect(() => resolveShape('local', { nodes: 1, sasl: true }, prev)).toThrow(
      'local cluster "local" holds the data of a 3-node Kafka 4.0.2 cluster with TLS; ' +
        'starting it with --nodes 1, --sasl would format it anew',
    );
  });
});

function writeVersion(state: ClusterState, version: string) {
  const file = join(s.clusters, state.name, 'state.json');
  writeFileSync(file, JSON.stringify({ ...state, version }));
}
