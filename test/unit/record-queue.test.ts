import { describe, expect, it } from 'vitest';
import type { ConsumedRecord } from '../../src/kafka/consumer-types.js';
import { RecordQueue } from '../../src/kafka/record-queue.js';

const rec = (offset: number, partition = 0) => ({ topic: 't', partition, offset }) as ConsumedRecord;

describe("the readers' record queue", () => {
  it('shift() hands one array at a time, telling its owner it is done', () => {
    const q = new RecordQueue();
    const told: boolean[] = [];
    q.push([rec(0), rec(1)], (done) => told.push(done));
    q.push([rec(2)]);
    expect(q.length).toBe(2);
    expect(q.shift()!.map((r) => r.offset)).toEqual([0, 1]);
    expect(told).toEqual([true]);
    q.push([rec(3)]);
    expect(q.shift()!.map((r) => r.offset)).toEqual([2]);
    expect(q.shift()!.map((r) => r.offset)).toEqual([3]);
    expect(q.shift()).toBeUndefined();
  });

  it('a waiting taker wakes on notify(), on a failure (the first one kept) and on the signal', async () => {
    const q = new RecordQueue();
    const started = Date.now();
    const waiting = q.waitForRecords();
    q.push([rec(0)]);
    q.notify();
    await waiting;
    const failed = q.waitForRecords();
    q.fail(new Error('first'));
    q.fail(new Error('second'));
    await failed;
    expect(q.failure?.message).toBe('first');
    const abort = new AbortController();
    const signalled = new RecordQueue(abort.signal).waitForRecords();
    abort.abort();
    await signalled;
    await new RecordQueue(abort.signal).waitForRecords(); // already aborted: at once
    expect(Date.now() - started).toBeLessThan(500); // none of them waited out its poll
  });

  it('waits at most one poll when nothing comes', async () => {
    const started = Date.now();
    await new RecordQueue().waitForRecords();
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('back-pressure: the fetching side goes on once something was taken, or on release()', async () => {
    const q = new RecordQueue();
    q.push([rec(0)]);
    let resumed = 0;
    void q.waitUntilTaken().then(() => resumed++);
    await Promise.resolve();
    expect(resumed).toBe(0);
    q.shift();
    await Promise.resolve();
    expect(resumed).toBe(1);
    void q.waitUntilTaken().then(() => resumed++);
    q.release();
    await Promise.resolve();
    expect(resumed).toBe(2);
  });

  it("shift(prefer) hands only that partition's records, oldest first, and passes the others over", () => {
    const q = new RecordQueue();
    q.push([rec(0, 0), rec(1, 0)]);
    q.push([rec(0, 1)]);
    q.push([rec(2, 0)]);
    q.push([rec(1, 1)]);
    const p1 = { topic: 't', partition: 1 };
    expect(q.has(p1)).toBe(true);
    expect(q.shift(p1)!.map((r) => r.offset)).toEqual([0]);
    expect(q.shift(p1)!.map((r) => r.offset)).toEqual([1]);
    expect(q.has(p1)).toBe(false);
    expect(q.shift(p1)).toBeUndefined(); // none of it: nothing else is taken either
    expect(q.length).toBe(2);
    expect(q.shift({ topic: 'other', partition: 0 })).toBeUndefined();
    expect(q.shift()!.map((r) => r.offset)).toEqual([0, 1]);
    expect(q.shift()!.map((r) => r.offset)).toEqual([2]);
  });

  it('a wanted partition with nothing waiting is a reason to fetch, up to a bound of chunks waiting', () => {
    const q = new RecordQueue();
    q.push([rec(0, 0)]);
    q.push([rec(1, 0)]);
    expect(q.onLast).toBe(false);
    q.wanted = { topic: 't', partition: 1 };
    expect(q.onLast).toBe(true);
    q.push([rec(0, 1)]);
    expect(q.onLast).toBe(false);
    q.shift(q.wanted);
    for (let i = 2; i < 8; i++) q.push([rec(i, 0)]);
    expect(q.length).toBe(8);
    expect(q.onLast).toBe(false); // following a partition with nothing new: the others' responses do not pile up
  });
});
