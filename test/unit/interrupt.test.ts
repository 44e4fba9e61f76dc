import { describe, expect, it } from 'vitest';
import { settleAfterSignal, STOP_GRACE_MS, untilStopped } from '../../src/cli/interrupt.js';
import { CancelledError, ExitCode, signalExitCode } from '../../src/errors.js';
import { answerWithin, formatTimeout } from '../../src/kafka/deadline.js';
import { runCli } from '../helpers/cli.js';
import { fakeKafka } from '../helpers/fake-kafka.js';

const never = <T>() => new Promise<T>(() => undefined);

describe('Ctrl-C/SIGTERM backstop (src/cli/interrupt.ts)', () => {
  it('a command that ignores the signal is left after the grace period: one line, 130 for SIGINT, 143 for SIGTERM', async () => {
    for (const [signal, code] of [
      ['SIGINT', ExitCode.interrupted],
      ['SIGTERM', ExitCode.terminated],
    ] as const) {
      const controller = new AbortController();
      // An admin call that neither answers nor listens to the signal (a client library retrying).
      const deps = { kafkaFactory: fakeKafka([], { describeTopics: never, listTopics: never }) };
      const running = runCli(['topics', 'list'], { deps, signal: controller.signal });
      await new Promise((r) => setTimeout(r, 100));
      const aborted = Date.now();
      controller.abort(signal);
      const r = await running;
      expect(r.code).toBe(code);
      expect(r.stderr).toBe('error: interrupted\n');
      expect(r.stdout).toBe('');
      expect(Date.now() - aborted).toBeLessThan(1_000);
    }
  });

  it('a command that ends on the signal by itself keeps its own result (consume, produce print theirs)', async () => {
    const controller = new AbortController();
    controller.abort('SIGTERM');
    const work = untilStopped(Promise.resolve('done'), controller.signal);
    await expect(work).resolves.toBe('done');
    const late = untilStopped(new Promise((r) => setTimeout(() => r('late'), STOP_GRACE_MS / 2)), controller.signal);
    await expect(late).resolves.toBe('late');
    await expect(untilStopped(never(), controller.signal, 20)).rejects.toBeInstanceOf(CancelledError);
  });

  it('no signal, no deadline: the work takes as long as it takes', async () => {
    const work = untilStopped(new Promise((r) => setTimeout(() => r('slow'), STOP_GRACE_MS + 100)), new AbortController().signal);
    await expect(work).resolves.toBe('slow');
  });

  it('closing the clients after the signal is not waited out', async () => {
    const controller = new AbortController();
    controller.abort('SIGINT');
    const started = Date.now();
    await settleAfterSignal(never(), controller.signal, 50);
    expect(Date.now() - started).toBeLessThan(500);
    await expect(settleAfterSignal(Promise.reject(new Error('close failed')), controller.signal)).rejects.toThrow('close failed');
  });

  it('130 becomes 143 only when SIGTERM did it', () => {
    const term = new AbortController();
    term.abort('SIGTERM');
    const int = new AbortController();
    int.abort('SIGINT');
    expect(signalExitCode(ExitCode.interrupted, term.signal)).toBe(143);
    expect(signalExitCode(ExitCode.interrupted, int.signal)).toBe(130);
    expect(signalExitCode(ExitCode.connection, term.signal)).toBe(4);
    expect(signalExitCode(ExitCode.interrupted, new AbortController().signal)).toBe(130);
  });
});

describe('answerWithin (src/kafka/deadline.ts)', () => {
  const brokers = ['10.0.0.1:9092'];

  it('a request unanswered within --timeout is a connection error naming the brokers and the timeout', async () => {
    const error = await answerWithin(never(), { timeoutMs: 50, brokers }).catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: ExitCode.connection, message: 'no answer from 10.0.0.1:9092 within 50ms (--timeout)' });
    expect((error as { hint: string }).hint).toMatch(/raise --timeout/);
  });

  it('the signal stops the wait at once; an answer or an error in time passes through', async () => {
    const controller = new AbortController();
    const waiting = answerWithin(never(), { timeoutMs: 60_000, brokers, signal: controller.signal });
    controller.abort('SIGINT');
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
    await expect(answerWithin(never(), { timeoutMs: 60_000, brokers, signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
    await expect(answerWithin(Promise.resolve(7), { timeoutMs: 50, brokers })).resolves.toBe(7);
    await expect(answerWithin(Promise.reject(new Error('refused')), { timeoutMs: 50, brokers })).rejects.toThrow('refused');
  });

  it('formats --timeout as written', () => {
    expect([formatTimeout(500), formatTimeout(2000), formatTimeout(1500), formatTimeout(60_000)]).toEqual(['500ms', '2s', '1.5s', '60s']);
  });
});
