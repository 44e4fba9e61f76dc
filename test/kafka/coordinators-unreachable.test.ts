import { describe, expect, it, vi } from 'vitest';

// FindCoordinator names broker 1 for group "a" until "the controller fences it" (then broker 2); "b" is always on 3.
let finds = 0;
let fencedAfter = 1;
const sent: { port: number; groups: string[] }[] = [];
vi.mock('../../src/kafka/raw-api.js', () => ({
  callApi: vi.fn(async (_client: unknown, api: { name?: string }, args: unknown[], broker?: { port: number }) => {
    if (!broker) {
      const keys = args[1] as string[];
      const fenced = ++finds > fencedAfter;
      return {
        coordinators: keys.map((key) => {
          const nodeId = key === 'b' ? 3 : key === 'silent' ? 4 : fenced ? 2 : 1;
          return { key, nodeId, host: '127.0.0.1', port: 9000 + nodeId, errorCode: 0 };
        }),
      };
    }
    if (broker.port === 9001) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9001'), { code: 'ECONNREFUSED' });
    if (broker.port === 9004) throw Object.assign(new Error('Request timed out.'), { code: 'PLT_KFK_TIMEOUT' });
    sent.push({ port: broker.port, groups: args[0] as string[] });
    return { ok: broker.port };
  }),
}));

// The fast tier shares modules between files (isolate: false): reload with the stand-in callApi.
vi.resetModules();
const { Coordinators } = await import('../../src/kafka/groups-coordinators.js');
const { callApi } = await import('../../src/kafka/raw-api.js');

const deleteOn = async (broker: { port: number }, groups: string[]) => {
  await callApi({} as never, {} as never, [groups] as never, broker as never);
  return groups.map((g) => `${g}@${broker.port}`);
};

describe('a group coordinator killed without a word (refused until FindCoordinator names another)', () => {
  it('sends the unreachable batch again to the new coordinator, the answered batch once', async () => {
    finds = 0;
    fencedAfter = 1;
    sent.length = 0;
    const answers = await new Coordinators({} as never).perCoordinator(['a', 'b'], deleteOn);
    expect(answers.sort()).toEqual(['a@9002', 'b@9003']);
    expect(sent.filter((s) => s.groups.includes('b'))).toHaveLength(1);
  });

  it('atCoordinator finds the coordinator again', async () => {
    finds = 0;
    fencedAfter = 1;
    const r = await new Coordinators({} as never).atCoordinator(
      'a',
      (broker) => callApi({} as never, {} as never, [['a']] as never, broker as never) as Promise<{ ok: number }>,
      () => false,
    );
    expect(r).toEqual({ ok: 9002 });
  });

  it('gives up with the connection error once the wait is over', async () => {
    finds = 0;
    fencedAfter = 1_000_000;
    await expect(new Coordinators({} as never, 300).perCoordinator(['a'], deleteOn)).rejects.toThrow(/ECONNREFUSED/);
    await expect(
      new Coordinators({} as never, 300).atCoordinator(
        'a',
        (b) => deleteOn(b, ['a']),
        () => false,
      ),
    ).rejects.toThrow(/ECONNREFUSED/);
  });

  it('a coordinator that does not answer is not asked again: its request waited --timeout once', async () => {
    finds = 0;
    const started = Date.now();
    await expect(new Coordinators({} as never).perCoordinator(['silent'], deleteOn)).rejects.toThrow(/timed out/);
    await expect(
      new Coordinators({} as never).atCoordinator(
        'silent',
        (b) => deleteOn(b, ['silent']),
        () => false,
      ),
    ).rejects.toThrow(/timed out/);
    expect(finds).toBe(2);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
