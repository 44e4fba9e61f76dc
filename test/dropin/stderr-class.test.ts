import { describe, expect, it } from 'vitest';
import { stderrClass } from './harness.js';

/** The first line class the harness compares: ktool's copies of Java's log lines keep Kafka's tools' layout. */
describe("drop-in harness: stderr's first line class", () => {
  it("counts a WARN line as a warning in the harness's layout and in Kafka's tools' (`[date] WARN ...`)", () => {
    expect(stderrClass('WARN [Producer clientId=console-producer] The metadata response ...\n')).toBe('warning');
    expect(stderrClass('[2026-12-02 03:19:47,500] WARN [Producer clientId=console-producer] Connection to node -1 ...\n')).toBe('warning');
    expect(stderrClass('[2026-12-02 03:19:47,500] ERROR Error when sending message to topic t ...\n')).toBe('error');
    expect(stderrClass('ERROR Error when sending message to topic t ...\n')).toBe('error');
    expect(stderrClass('java.util.concurrent.ExecutionException: ...\n')).toBe('error');
    expect(stderrClass('')).toBe('none');
  });
});
